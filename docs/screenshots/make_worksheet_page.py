"""Makes the README's worksheet picture, worksheet-page1.png: page 1 of a test drawn from the bundled course.

    python docs/screenshots/make_worksheet_page.py

Needs poppler-utils (pdftoppm) to turn the PDF page into a PNG.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "worksheet.pdf"
        subprocess.run([sys.executable, "-m", "quizapp", "export", "worksheet", str(ROOT / "decks"), "-o", str(pdf),
                        "--count", "8", "--seed", "21", "--title", "North Korea and foreign media: test 1"],
                       check=True, cwd=ROOT)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(HERE / "worksheet-page1")], check=True)
    print(HERE / "worksheet-page1.png")


if __name__ == "__main__":
    main()
