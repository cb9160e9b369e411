"""README.md's shell examples, run as written (issue 12: the line-mode example failed on a fresh store).

Each ```sh block of the README is run verbatim by bash in a fresh folder holding what a reader would have:
the bundled `decks/`, the README's own example bank as `mybank.yaml` and its source text in `texts/`, an
empty home and an empty review store. The blocks that are not run are listed in NOT_RUN with the reason;
a new block must be one or the other."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests_support import ROOT, subprocess_env

README = (ROOT / "README.md").read_text(encoding="utf-8")
SH_BLOCKS = re.findall(r"^```sh\n(.*?)^```", README, re.M | re.S)
YAML_BLOCKS = re.findall(r"^```yaml\n(.*?)^```", README, re.M | re.S)

# First words of the blocks not run here, and why.
NOT_RUN = {
    "python3 -m venv .venv && . .venv/bin/activate && pip install . && quizapp":
        "installs from the network (about 2 minutes) and opens the full-screen UI; the suite's own venv is made so",
    "python3 -m venv .venv && . .venv/bin/activate && pip install -q -e '.[test]' && pytest -n auto":
        "is this test suite itself",
    "python benchmarks/bench_load.py":
        "benchmarks take minutes each and are run by hand (never timed tests)",
    "quizapp import-progress ~/Desktop/collection.apkg":
        "needs a package exported by Anki; tests/export/test_export_progress_loop.py runs it on one the anki backend wrote",
}


def _first_line(block: str) -> str:
    return block.strip().splitlines()[0].split("  #")[0].strip()


def _is_run(block: str) -> bool:
    return _first_line(block) not in NOT_RUN


@pytest.fixture
def reader_folder(tmp_path):
    """What a reader has beside them when they try the README's commands."""
    (tmp_path / "decks").symlink_to(ROOT / "decks")
    example = next(b for b in YAML_BLOCKS if b.startswith("id: example-all-types"))
    (tmp_path / "mybank.yaml").write_text(example, encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    quotes = re.findall(r"^\s+quote: (.*)$", example, re.M)
    (texts / "example-source.txt").write_text("A short example text.\n" + "\n".join(quotes) + "\n", encoding="utf-8")
    (tmp_path / "home").mkdir()
    # The files the import examples start from: the interop tests' own samples, and a package of the example bank.
    corpus = ROOT / "tests" / "interop" / "corpus"
    for source, name in (("gift/every-construct.gift", "moodle-export.gift"), ("aiken/korea.txt", "questions.txt"),
                         ("tabular/quizlet.tsv", "quizlet.tsv"), ("tabular/spreadsheet.csv", "words.csv")):
        (tmp_path / name).write_bytes((corpus / source).read_bytes())
    made = run_block(tmp_path, "quizapp export anki mybank.yaml -o deck.apkg")
    assert made.returncode == 0, made.stderr
    return tmp_path


def run_block(folder, block: str) -> subprocess.CompletedProcess:
    env = subprocess_env(HOME=str(folder / "home"), QUIZAPP_DB=str(folder / "fresh.sqlite3"),
                         PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=300)


def test_every_sh_block_is_run_or_listed_with_its_reason():
    assert SH_BLOCKS, "the README has shell examples"
    listed = {_first_line(b) for b in SH_BLOCKS} & set(NOT_RUN)
    assert listed == set(NOT_RUN), "NOT_RUN names a block that is no longer in the README"
    assert sum(map(_is_run, SH_BLOCKS)) >= 3


@pytest.mark.parametrize("block", [b for b in SH_BLOCKS if _is_run(b)], ids=_first_line)
def test_readme_example_runs_as_written(reader_folder, block):
    proc = run_block(reader_folder, block)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Traceback" not in out and "error" not in out.lower()
    if "study --plain" in block:
        # The line-mode example on a fresh store: its first answer is read and saved.
        assert "could not read that" not in out and "not saved" not in out
        assert "saved (review 1)." in out and "Session over: 1 answer saved" in out
    if "export anki mybank.yaml -o ~/mybank.apkg" in block:
        assert (reader_folder / "quizapp.apkg").stat().st_size > 0
        assert (reader_folder / "home" / "mybank.apkg").stat().st_size > 0
        assert len(list((reader_folder / "out").glob("*.apkg"))) == len(list((reader_folder / "decks").glob("*.yaml")))
    if "--with-progress" in block:
        assert "wrote quizapp-progress.apkg: " in out
    if "quizapp import" in block:
        for bank in ("chapter1.yaml", "quiz.yaml", "words.yaml"):
            assert run_block(reader_folder, f"quizapp validate {bank}").returncode == 0
        assert list((reader_folder / "imported").glob("*.yaml"))
    if "validate" in block:
        assert (reader_folder / "bank.schema.json").read_text().startswith("{")
