"""`quizapp export worksheet`: what is on the pages (read back with poppler's pdftotext), the key, seeds, HTML."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from interop_support import CORPUS, load
from tests_support import ROOT, VALID

from quizapp.interop.worksheet import LETTERS, build_worksheet

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_pages(path) -> list[str]:
    """The text of each page of a PDF."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_the_seed_fixes_the_pick_and_the_shuffles():
    bank = load(ROOT / "decks" / "usb-kpop.yaml")
    one = build_worksheet([bank], count=8, seed=3)
    again = build_worksheet([bank], count=8, seed=3)
    other = build_worksheet([bank], count=8, seed=4)
    assert one == again and len(one.entries) == 8
    assert [e.prompt for e in one.entries] != [e.prompt for e in other.entries]
    assert [e.number for e in one.entries] == list(range(1, 9))


def test_keys_point_at_the_right_letters():
    sheet = build_worksheet([load(VALID / "all-types.yaml")], seed=5)
    by_kind = {e.kind: e for e in sheet.entries}
    capital = next(e for e in sheet.entries if "capital" in e.prompt)
    assert capital.key == f"{LETTERS[capital.choices.index('Seoul')]}: Seoul"
    order = by_kind["ordering"]
    letters = order.key.split(", ")
    assert [order.choices[LETTERS.index(x)] for x in letters] == ["VHS tapes", "DVDs", "USB sticks", "SD cards"]
    match = by_kind["matching"]
    pairs = dict(p.split(" ") for p in match.key.split(", "))
    assert match.choices[LETTERS.index(pairs["2"])] == "2003"  # Shinhwa, the second left-hand item
    cloze = by_kind["cloze"]
    assert cloze.key == "(a) USB sticks; (b) SD cards" and cloze.hints == ["", "small memory cards"]


@needs_poppler
def test_pdf_has_numbered_questions_and_the_key_on_its_own_page(quizapp, tmp_path):
    out = tmp_path / "test.pdf"
    result = quizapp("export", "worksheet", VALID / "all-types.yaml", VALID / "flashcards.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    pages = pdf_pages(out)
    questions, key = "\n".join(pages[:-1]), pages[-1]
    assert "Answer key" not in questions and key.lstrip().startswith("Answer key")
    assert re.findall(r"^(\d+)\.\s", questions, re.M) == [str(n) for n in range(1, 11)]  # at the margin
    assert "Name:" in questions and "Order:" in questions and "True" in questions
    assert "Seoul has been the capital since 1948." in key and "Seoul is the capital of South Korea." in key
    assert "A short example text, A. Teacher, 2024-05-01" in key
    assert "Seoul has been the capital" not in questions


@needs_poppler
@pytest.mark.parametrize("paper, size", [("a4", "595.276 x 841.89"), ("letter", "612 x 792")])
def test_paper_sizes(quizapp, tmp_path, paper, size):
    out = tmp_path / "t.pdf"
    assert quizapp("export", "worksheet", VALID / "all-types.yaml", "-o", out, "--paper", paper).exit_code == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Page size:\s+{size} pts", info), info


@needs_poppler
def test_inline_answers_and_no_answers(quizapp, tmp_path):
    inline, none = tmp_path / "inline.pdf", tmp_path / "none.pdf"
    quizapp("export", "worksheet", VALID / "all-types.yaml", "-o", inline, "--answers", "inline")
    quizapp("export", "worksheet", VALID / "all-types.yaml", "-o", none, "--answers", "none")
    inline_text, none_text = "\n".join(pdf_pages(inline)), "\n".join(pdf_pages(none))
    assert "Answer key" not in inline_text and "Answer:" in inline_text and "Seoul has been the capital" in inline_text
    assert "Answer key" not in none_text and "Seoul has been the capital" not in none_text


@needs_poppler
def test_text_that_looks_like_markup_is_printed_as_it_is(quizapp, tmp_path):
    bank = tmp_path / "odd.yaml"
    bank.write_text('id: odd\ntitle: "Odd #text $x$ [y]"\nquestions:\n'
                    '  - id: a\n    type: short_answer\n    prompt: "Is #set page(width: 1cm) or $x^2$ or ] or \\\\ text?"\n'
                    '    answer: "yes // really"\n')
    out = tmp_path / "odd.pdf"
    result = quizapp("export", "worksheet", bank, "-o", out)
    assert result.exit_code == 0, result.output
    text = "\n".join(pdf_pages(out))
    assert "Is #set page(width: 1cm) or $x^2$ or ] or \\ text?" in text and "yes // really" in text


def test_html_worksheet_escapes_bank_html(quizapp, tmp_path):
    bank = tmp_path / "special.yaml"
    bank.write_text("id: special\ntitle: A <b>bold</b> title\nquestions:\n"
                    "  - id: html\n    type: multiple_choice\n    prompt: 'Is <script>alert(1)</script> run?'\n"
                    "    choices: ['<i>no</i>', 'a & b']\n    answer: '<i>no</i>'\n"
                    "    explanation: 'Raw HTML like <b>this</b> is *escaped*.'\n"
                    "  - id: tf\n    type: true_false\n    prompt: Fine?\n    answer: true\n")
    out = tmp_path / "t.html"
    result = quizapp("export", "worksheet", bank, "-o", out, "--seed", "2")
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page and "<i>no</i>" not in page
    assert "<title>A &lt;b&gt;bold&lt;/b&gt; title</title>" in page and "<em>escaped</em>" in page
    assert page.count('<li value="') == 2 * len(load(bank).questions)  # questions and key
    assert '<section class="key">' in page and "size: A4" in page


def test_refuses_other_output_suffixes(quizapp, tmp_path):
    result = quizapp("export", "worksheet", VALID / "all-types.yaml", "-o", tmp_path / "t.docx")
    assert result.exit_code == 2 and "name a .pdf or .html file" in result.output
    assert list(tmp_path.iterdir()) == []


def test_hand_made_bank_of_every_type_typesets(quizapp, tmp_path):
    out = tmp_path / "h.pdf"
    result = quizapp("export", "worksheet", CORPUS / "hand-made.yaml", "-o", out, "--count", "5", "--seed", "1")
    assert result.exit_code == 0 and result.stderr == f"wrote {out}: 5 questions, answers separate\n"
    assert out.read_bytes().startswith(b"%PDF-")


def _picture_bank(tmp_path):
    from anki_support import DOT_PNG
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "dot.png").write_bytes(DOT_PNG)
    bank = tmp_path / "pics.yaml"
    bank.write_text("id: pics\ntitle: Pictures\nquestions:\n"
                    "  - id: pic\n    type: true_false\n    prompt: 'A dot: ![a dot](img/dot.png)'\n    answer: true\n"
                    "  - id: gone\n    type: true_false\n    prompt: 'Gone: ![no file](img/none.png) ![outside](../x.png)'\n"
                    "    answer: false\n")
    return bank


@needs_poppler
def test_images_of_the_bank_are_printed_and_missing_ones_named(quizapp, tmp_path):
    bank, out = _picture_bank(tmp_path), tmp_path / "p.pdf"
    assert quizapp("export", "worksheet", bank, "-o", out).exit_code == 0
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [ln.split() for ln in listing.strip().splitlines()[2:]]  # after the two header lines
    assert [(r[0], r[2]) for r in rows if r[2] == "image"] == [("1", "image")]  # one picture (its alpha is a smask)
    assert "Gone: [image: no file] [image: outside]" in "\n".join(pdf_pages(out))


def test_html_worksheet_inlines_images(quizapp, tmp_path):
    bank, out = _picture_bank(tmp_path), tmp_path / "p.html"
    assert quizapp("export", "worksheet", bank, "-o", out).exit_code == 0
    page = out.read_text()
    assert page.count('src="data:image/png;base64,iVBORw0KGgo') == 1
    assert "[image: no file] [image: outside]" in page
