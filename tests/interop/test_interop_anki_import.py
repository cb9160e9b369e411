"""`quizapp import anki`: packages the real Anki writes (both layouts), our own packages back into their
banks, and broken packages."""
from __future__ import annotations

import zipfile

import pytest
from anki_support import DOT_PNG, make_anki_package
from interop_support import CORPUS, load, with_bank_tags
from tests_support import ROOT, VALID

from quizapp.bank.loader import load_paths


@pytest.fixture(scope="module", params=["legacy", "modern", "colpkg"])
def anki_package(request, tmp_path_factory):
    return make_anki_package(tmp_path_factory.mktemp("anki"), legacy=request.param == "legacy",
                             collection=request.param == "colpkg")


def test_stock_note_types_become_flashcards_short_answers_and_clozes(quizapp, tmp_path, anki_package):
    out = tmp_path / "bank" / "korea.yaml"
    result = quizapp("import", anki_package, "-o", out)
    assert result.exit_code == 0, result.output
    bank = load(out)
    assert [(q.id, q.type) for q in bank.questions] == [
        ("capital-of-south-korea", "flashcard"), ("pyongyang", "flashcard"), ("han", "flashcard"),
        ("yalu", "flashcard"), ("king-who-made-hangul", "short_answer"), ("the-war-began-in-1950-and", "cloze")]
    capital, pyongyang, han, yalu, king, war = bank.questions
    assert capital.front == "Capital of **South Korea**" and capital.back == "Seoul\n![](<dot map.png>)"
    assert capital.tags == ("asia-east", "geography")  # Anki keeps tags sorted
    assert (pyongyang.reverse, han.reverse, yalu.reverse) == (True, True, False)
    assert (king.prompt, king.answer, king.tags) == ("King who made Hangul", "Sejong", ("history",))
    assert war.text == "The war began in {{c1::1950}} and paused in {{c2::1953}}."
    assert war.explanation == "An armistice, not a peace treaty."
    assert (tmp_path / "bank" / "dot map.png").read_bytes() == DOT_PNG
    lines = result.stderr.splitlines()
    assert any(ln.startswith(f"{anki_package}:6:1: warning: converted: note ") and ln.endswith(
        "1 sound(s) dropped; a bank has no audio") for ln in lines)
    assert any(ln.startswith(f"{anki_package}:7:1: warning: skipped: note ") and ln.endswith(
        "note type 'Vocabulary' (fields Word, Meaning, Example) has no counterpart in a bank") for ln in lines)
    assert lines[-1] == "6 imported, 1 converted, 1 skipped; 1 media files copied"


def test_split_decks_writes_a_bank_per_deck(quizapp, tmp_path, anki_package):
    result = quizapp("import", "anki", anki_package, "--split-decks", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    geography = load(tmp_path / "out" / "korea-geography.yaml")
    history = load(tmp_path / "out" / "korea-history.yaml")
    assert (geography.title, geography.deck, len(geography.questions)) == ("Geography", "Korea::Geography", 4)
    assert (history.title, history.deck, len(history.questions)) == ("History", "Korea::History", 2)
    assert (tmp_path / "out" / "dot map.png").is_file()


@pytest.mark.parametrize("bank_path", [VALID / "all-types.yaml", VALID / "flashcards.yaml", CORPUS / "hand-made.yaml"],
                         ids=lambda p: p.stem)
def test_our_own_packages_round_trip(quizapp, tmp_path, bank_path):
    apkg = tmp_path / "out.apkg"
    result = quizapp("export", "anki", bank_path, "-o", apkg, "--state", tmp_path / "state.json")
    assert result.exit_code == 0, result.output
    result = quizapp("import", apkg, "-o", tmp_path / "back.yaml")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.output
    before, after = load(bank_path), load(tmp_path / "back.yaml")
    assert list(after.questions) == with_bank_tags(before)
    assert after.deck == before.deck_path


def test_the_bundled_course_round_trips_through_anki(quizapp, tmp_path):
    results, _ = load_paths([ROOT / "decks"], use_cache=False)
    apkg = tmp_path / "course.apkg"
    assert quizapp("export", "anki", ROOT / "decks", "-o", apkg, "--state", tmp_path / "s.json").exit_code == 0
    result = quizapp("import", apkg, "--split-decks", "-o", tmp_path / "back")
    assert result.exit_code == 0, result.output
    for r in results:
        (back,) = [load(p) for p in (tmp_path / "back").glob("*.yaml") if load(p).deck == r.bank.deck_path]
        assert list(back.questions) == with_bank_tags(r.bank), r.path


def test_broken_packages_are_located_errors_and_write_nothing(quizapp, tmp_path):
    good = make_anki_package(tmp_path / "src", legacy=False)
    truncated = tmp_path / "truncated.apkg"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty_zip = tmp_path / "nothing.apkg"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("readme.txt", "no collection here")
    garbage = tmp_path / "garbage.apkg"
    with zipfile.ZipFile(garbage, "w") as z:
        z.writestr("collection.anki2", b"this is not SQLite" * 100)
    expected = {truncated: "not a valid zip archive", empty_zip: "no Anki collection inside",
                garbage: "the collection inside cannot be read"}
    for path, message in expected.items():
        out = tmp_path / "out" / "bank.yaml"
        result = quizapp("import", path, "-o", out)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"{path}:1:1: error: {message}"), result.stderr
        assert not (tmp_path / "out").exists()


def test_a_damaged_zstd_collection_is_a_located_error(quizapp, tmp_path):
    bad = tmp_path / "damaged.apkg"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd" + b"\x00garbage" * 50)
    result = quizapp("import", bad, "-o", tmp_path / "out" / "b.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:1:1: error: a zstd-compressed part is damaged")
    assert not (tmp_path / "out").exists()
