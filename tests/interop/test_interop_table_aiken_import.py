"""`quizapp import` of Aiken, CSV and TSV files: the corpus, detection by content, and broken files."""
from __future__ import annotations

import pytest
from interop_support import CORPUS, load
from tests_support import VALID


def _import(quizapp, tmp_path, *args):
    out = tmp_path / "bank.yaml"
    result = quizapp("import", *args, "-o", out)
    assert result.exit_code == 0, result.output
    return load(out), result


def test_aiken_questions_with_one_or_several_answers(quizapp, tmp_path):
    bank, _ = _import(quizapp, tmp_path, CORPUS / "aiken" / "korea.txt")  # .txt: found by its ANSWER: lines
    first, second, third = bank.questions
    assert (first.prompt, first.choices, first.answer) == ("Which city is the capital of South Korea?",
                                                           ("Busan", "Seoul", "Incheon", "Daegu"), "Seoul")
    assert second.answer == "The East Sea"
    assert third.answer == ("The Yalu", "The Tumen") and third.multiple


def test_quizlet_tsv_rows_become_flashcards(quizapp, tmp_path):
    bank, result = _import(quizapp, tmp_path, CORPUS / "tabular" / "quizlet.tsv")
    assert [(q.type, q.id, q.front, q.back) for q in bank.questions] == [
        ("flashcard", "seoul", "Seoul", "capital of South Korea"),
        ("flashcard", "pyongyang", "Pyongyang", "capital of North Korea"),
        ("flashcard", "han", "Han", "river through Seoul")]
    assert result.stderr.endswith("3 imported, 0 converted, 0 skipped\n")


def test_as_short_answer(quizapp, tmp_path):
    bank, _ = _import(quizapp, tmp_path, "tsv", CORPUS / "tabular" / "quizlet.tsv", "--as", "short_answer")
    assert {q.type for q in bank.questions} == {"short_answer"}
    assert bank.questions[0].prompt == "Seoul" and bank.questions[0].answer == "capital of South Korea"


def test_a_header_row_maps_columns_and_types(quizapp, tmp_path):
    path = CORPUS / "tabular" / "spreadsheet.csv"
    bank, result = _import(quizapp, tmp_path, path)
    card, short, multi, tf, num, cloze = bank.questions
    assert (card.type, card.front, card.back, card.explanation, card.tags) == (
        "flashcard", "Capital of South Korea", "Seoul", "Since 1948.", ("geography", "capitals"))
    assert (short.answer, short.accept) == ("Sejong the Great", ("Sejong", "King Sejong"))
    assert (multi.type, multi.choices, multi.answer, multi.tags) == (
        "multiple_choice", ("China", "Russia", "Japan"), ("China", "Russia"), ("geography", "borders"))
    assert (tf.answer, num.answer) == (True, 1953)
    assert cloze.text == 'The alphabet is called {{c1::Hangul}}, "great script".'
    assert cloze.id == "the-alphabet-is-called-hangul-great"
    assert f"{path}:8:1: warning: skipped: row with an empty front or back" in result.stderr


def test_files_of_several_formats_go_into_one_bank(quizapp, tmp_path):
    bank, _ = _import(quizapp, tmp_path, CORPUS / "tabular" / "quizlet.tsv", CORPUS / "aiken" / "korea.txt",
                      CORPUS / "gift" / "every-construct.gift")
    assert len(bank.questions) == 3 + 3 + 25 and bank.id == "bank"


BROKEN = {
    "aiken-bad-letter.txt": "4:5: error: ANSWER: E is not one of the choices A, B",
    "aiken-no-answer.txt": "5:1: error: expected another lettered choice or the ANSWER: line of the question at line 1",
    "wrong-columns.csv": "3:1: error: row has 3 columns; the header has 2",
    "three-columns.tsv": "1:1: error: row has 3 columns; without a header row",
    "bad-type.csv": "2:1: error: unknown type 'essay'",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_are_located_errors_and_write_nothing(quizapp, tmp_path, name):
    path = CORPUS / "broken" / name
    result = quizapp("import", path, "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [ln for ln in result.stderr.splitlines() if ": error: " in ln]
    assert result.stderr.startswith(f"{path}:{BROKEN[name]}")
    assert list(tmp_path.iterdir()) == []


def test_one_broken_file_among_good_ones_writes_nothing(quizapp, tmp_path):
    result = quizapp("import", CORPUS / "tabular" / "quizlet.tsv", CORPUS / "broken" / "wrong-columns.csv",
                     "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 1 and list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_named(quizapp, tmp_path):
    odd = tmp_path / "notes.dat"
    odd.write_text("just some words\n")
    result = quizapp("import", odd, "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{odd}:1:1: error: cannot tell the format")


def test_a_bank_is_not_imported_again(quizapp, tmp_path):
    result = quizapp("import", VALID / "all-types.yaml", "-o", tmp_path / "b.yaml")
    assert result.exit_code == 1 and "this is a bank already (YAML)" in result.stderr
