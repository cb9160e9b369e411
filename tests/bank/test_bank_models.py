"""Valid banks load into typed, immutable models that round-trip; library and schema behave."""
from __future__ import annotations

import json
import shutil

import pydantic
import pytest
from click.testing import CliRunner

from quizapp.bank import BankError, load_bank, load_paths
from quizapp.bank.library import bundled_decks_dir
from quizapp.bank.models import Bank, Cloze, Flashcard, Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, TrueFalse
from quizapp.cli import main
from tests_support import VALID

ALL_TYPES = VALID / "all-types.yaml"


def test_every_type_loads_typed():
    bank = load_bank(ALL_TYPES)
    kinds = {type(q) for q in bank.questions}
    assert kinds == {MultipleChoice, TrueFalse, ShortAnswer, Numeric, Cloze, Ordering, Matching}
    mc = bank.question("capital")
    assert mc.answers == ("Seoul",) and not mc.multiple and mc.shuffle
    multi = bank.question("koreas-border")
    assert multi.answers == ("China", "Russia") and multi.multiple and not multi.shuffle
    assert bank.question("dmz-exists").answer is True
    short = bank.question("hangul-inventor")
    assert short.accept == ("Sejong", "King Sejong") and short.fuzzy and not short.case_sensitive
    num = bank.question("population")
    assert (num.answer, num.tolerance, num.unit) == (25, 1, "million")
    cloze = bank.question("k-pop-cloze")
    assert cloze.card_numbers == (1, 2)
    assert bank.question("media-order").items[0] == "VHS tapes"
    # numbers written unquoted in YAML are text where the format wants text
    assert bank.question("groups-years").pairs == {"Fin.K.L.": "1999", "Shinhwa": "2003", "Red Velvet": "2018"}
    assert bank.deck_path == "Examples::All types"
    assert str(bank.source.date) == "2024-05-01"


def test_flashcards_load_with_their_cards():
    bank = load_bank(VALID / "flashcards.yaml")
    one_way, both_ways = bank.questions
    assert isinstance(one_way, Flashcard) and one_way.front.startswith("What does **hallyu**")
    assert one_way.hint == "A Korean word; think of the sea." and not one_way.reverse
    assert one_way.card_numbers == (0,)
    assert both_ways.reverse and both_ways.hint is None and both_ways.card_numbers == (0, 1)
    assert Bank.model_validate_json(bank.model_dump_json()).model_dump() == bank.model_dump()


def test_flashcard_keys_of_other_types_are_named_for_what_they_are(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\nquestions:\n  - id: a\n    type: flashcard\n    prompt: p\n    answer: b\n")
    with pytest.raises(BankError) as info:
        load_bank(bad)
    assert [str(p).split(": error: ")[1] for p in info.value.problems] == [
        "missing required key 'front' in question 1", "missing required key 'back' in question 1",
        "unknown key 'prompt' (did you mean 'front'?); not allowed in a flashcard question",
        "unknown key 'answer' (did you mean 'back'?); not allowed in a flashcard question"]


def test_round_trip_of_the_typed_model():
    bank = load_bank(ALL_TYPES)
    again = Bank.model_validate(bank.model_dump(mode="python", exclude_defaults=True))
    assert again == bank
    via_json = Bank.model_validate_json(bank.model_dump_json())
    assert via_json == bank


def test_models_are_immutable():
    bank = load_bank(ALL_TYPES)
    with pytest.raises(pydantic.ValidationError):
        bank.title = "changed"
    with pytest.raises(AttributeError):
        bank.questions.append(None)


def test_load_bank_raises_with_every_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\nquestions:\n  - id: a\n    type: true_false\n    prompt: p\n    answer: 3\n"
                   "  - id: a\n    type: nope\n")
    with pytest.raises(BankError) as info:
        load_bank(bad)
    assert len(info.value.problems) == 3
    assert str(info.value.problems[0]).startswith(f"{bad}:7:13: error:")


def test_two_banks_with_one_id_is_an_error(tmp_path):
    for name in ("a.yaml", "b.yml"):
        shutil.copy(ALL_TYPES, tmp_path / name)
    results, problems = load_paths([tmp_path])
    assert len(results) == 2
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'b.yml'}:2:5: error: bank id 'example-all-types' is already used by {tmp_path / 'a.yaml'}"]
    assert results[0].bank is not None and results[1].bank is None


def test_cache_is_used_and_never_trusted_when_the_file_changes(tmp_path):
    bank_file = tmp_path / "bank.yaml"
    shutil.copy(ALL_TYPES, bank_file)
    first, _ = load_paths([bank_file])
    assert not first[0].from_cache
    second, _ = load_paths([bank_file])
    assert second[0].from_cache and second[0].bank == first[0].bank
    # same size, same mtime, different content: the hash catches it
    import os
    st = bank_file.stat()
    text = bank_file.read_text().replace("Every question type", "Every question kind")
    assert len(text) == st.st_size
    bank_file.write_text(text)
    os.utime(bank_file, ns=(st.st_atime_ns, st.st_mtime_ns))
    third, _ = load_paths([bank_file])
    assert not third[0].from_cache and third[0].bank.title == "Every question kind"


def test_bundled_decks_are_valid_and_listed():
    results, problems = load_paths([bundled_decks_dir()])
    assert problems == []
    assert len(results) == 5 and sum(r.question_count for r in results) >= 150
    out = CliRunner().invoke(main, ["list"]).output.splitlines()
    assert len(out) == 5
    assert out[0].split()[0] == "defectors-pop-survey"


def test_library_env_and_option(tmp_path, monkeypatch):
    shutil.copy(ALL_TYPES, tmp_path / "extra.yaml")
    out = CliRunner().invoke(main, ["--library", str(tmp_path), "list"]).output
    assert "example-all-types" in out and len(out.splitlines()) == 6
    monkeypatch.setenv("QUIZAPP_LIBRARY", str(tmp_path))
    assert "example-all-types" in CliRunner().invoke(main, ["list"]).output


def test_schema_is_json_schema_of_the_format():
    out = CliRunner().invoke(main, ["schema"])
    schema = json.loads(out.output)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "questions"}
    kinds = {d.split("/")[-1] for d in schema["properties"]["questions"]["items"]["discriminator"]["mapping"].values()}
    assert len(kinds) == 8
    flashcard = schema["$defs"]["Flashcard"]
    assert set(flashcard["required"]) == {"id", "type", "front", "back"}
    assert flashcard["properties"]["reverse"]["default"] is False


def test_committed_schema_is_current():
    committed = json.loads((bundled_decks_dir() / "bank.schema.json").read_text())
    assert committed == json.loads(CliRunner().invoke(main, ["schema"]).output)


def test_the_readme_example_bank_is_valid_and_has_every_type(tmp_path):
    from quizapp.bank.models import QUESTION_TYPES
    from tests_support import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("id: example-all-types")
    (tmp_path / "example.yaml").write_text(readme[start:readme.index("```", start)], encoding="utf-8")
    bank = load_bank(tmp_path / "example.yaml", use_cache=False)
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)
