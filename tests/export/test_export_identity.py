"""Stable identities: GUIDs, deck ids, tags, seeded shuffles, the note types' fixed ids, the export state."""
from __future__ import annotations

import re

import genanki
import pytest

from quizapp.export import ExportState, StateError, notetypes
from quizapp.export.identity import deck_id, deck_name, note_guid, note_tags, seeded_shuffle
from quizapp.export.state import content_hash


def test_guid_depends_on_bank_and_question_id_only():
    assert note_guid("bank", "q1") == genanki.guid_for("bank", "q1")
    assert note_guid("example-all-types", "capital") == "i?*FD,1d(7"  # pinned: users' notes hang on it
    assert len({note_guid("bank", "q1"), note_guid("bank", "q2"), note_guid("other", "q1")}) == 3


def test_deck_ids_follow_the_normalised_path():
    assert deck_name(" North Korea ::  Media:: ") == "North Korea::Media"
    # Pinned: a change here would give every user's decks new ids.
    assert deck_id(deck_name(" A :: B ")) == deck_id("A::B") == 210_612_973_641_989
    ids = {deck_id(f"Deck {i}::Sub") for i in range(2000)}
    assert len(ids) == 2000 and all(1 << 31 <= i < 1 << 53 for i in ids)
    assert deck_id("A::B") != deck_id("A::C")


def test_tags_are_anki_safe_and_end_with_the_bank_tag():
    assert note_tags("my-bank", ("history", "two words"), ("history", "k-pop")) == (
        "history", "two_words", "k-pop", "quizapp::my-bank")


def test_seeded_shuffle_is_reproducible_and_varies_between_notes():
    items = list("abcdef")
    orders = {tuple(seeded_shuffle(items, note_guid("b", f"q{i}"))) for i in range(100)}
    assert len(orders) > 50
    assert seeded_shuffle(items, "guid-x") == seeded_shuffle(items, "guid-x")
    assert sorted(seeded_shuffle(items, "guid-x")) == items


@pytest.mark.parametrize("size", [2, 3, 4])
def test_an_ordering_never_shows_its_answer(size):
    items = list(range(size))
    assert all(seeded_shuffle(items, note_guid("b", f"q{i}")) != items for i in range(300))


def test_note_type_ids_are_fixed_distinct_and_documented():
    kinds = notetypes.NOTE_TYPES
    assert len({m.model_id for m in kinds.values()}) == 7 and len({m.name for m in kinds.values()}) == 7
    assert set(kinds) == {"multiple_choice", "true_false", "short_answer", "numeric", "cloze", "ordering",
                          "matching", "flashcard"}
    assert notetypes.BASIC_REVERSED.model_id not in {m.model_id for m in kinds.values()}
    assert f"{notetypes.BASIC_REVERSED.model_id}    quizapp: Basic (and" in notetypes.__doc__
    table = {int(m.group(2)): m.group(3).strip() for m in
             re.finditer(r"^(\w+),?\s+(\d{6,})\s+(quizapp: [\w/ ]+?)\s{2,}", notetypes.__doc__, re.M)}
    assert table == {m.model_id: m.name for m in kinds.values()}
    for model in (*kinds.values(), notetypes.BASIC_REVERSED):
        names = [f["name"] for f in model.fields]
        assert names[-4:] == ["Explanation", "Quote", "Source", "ID"]
        assert model.to_json(1_900_000_000, 1)["mod"] == notetypes.NOTETYPES_REVISION
    assert notetypes.CLOZE.model_type == genanki.Model.CLOZE
    assert "{{type:Answer}}" in notetypes.TYPED_ANSWER.templates[0]["qfmt"]
    assert "{{type:Answer}}" in notetypes.TYPED_ANSWER.templates[0]["afmt"]


def test_card_css_defines_night_mode_colours():
    css = notetypes.MULTIPLE_CHOICE.css
    assert ".nightMode.card" in css and ".nightMode .card" in css and ".night_mode .card" in css


def test_mod_time_moves_forward_exactly_when_content_changes(tmp_path):
    state = ExportState(tmp_path / "state.json")
    a, b = content_hash(1, ["x"], ["t"]), content_hash(1, ["y"], ["t"])
    assert content_hash(1, ["x"], ["u"]) != a and content_hash(2, ["x"], ["t"]) != a
    assert state.mod_time("g", a, now=1000, note_type=1) == 1000
    assert state.mod_time("g", a, now=5000, note_type=1) == 1000  # unchanged: the old time
    assert state.mod_time("g", b, now=5000, note_type=1) == 5000  # changed: now
    assert state.mod_time("g", a, now=5000, note_type=1) == 5001  # changed again within the second: still newer
    assert state.mod_time("g", a, now=4000, note_type=1) == 5001  # clock went back: unchanged keeps its time
    assert state.mod_time("g", b, now=4000, note_type=1) == 5002  # ...and a change still moves forward


def test_state_survives_a_save_and_load(tmp_path):
    state = ExportState(tmp_path / "sub" / "state.json")
    state.mod_time("g", "h", now=7, note_type=1)
    tmp = state.write_temp()
    tmp.replace(state.path)
    assert ExportState.load(state.path).notes == {"g": ["h", 7, 1]}
    assert ExportState.load(tmp_path / "absent.json").notes == {}


@pytest.mark.parametrize("content", ["[]", "{}", '{"format": 2, "notes": {}}', '{"format": 1, "notes": {"g": 3}}',
                                     '{"format": 1, "notes": {"g": ["h", "7", 1]}}',
                                     '{"format": 1, "notes": {"g": ["h", 7]}}', "\xff",
                                     '{"format": 1, "notes": {"g": [1, 7, 1]}}',
                                     '{"format": 1, "notes": {"g": ["h", 7, "note type"]}}'])
def test_a_damaged_state_is_refused(tmp_path, content):
    path = tmp_path / "state.json"
    path.write_text(content, encoding="latin-1")
    with pytest.raises(StateError, match="cannot use the Anki export state"):
        ExportState.load(path)
    assert path.read_text(encoding="latin-1") == content


def test_flashcards_have_the_shapes_of_ankis_basic_note_types():
    basic, both = notetypes.BASIC, notetypes.BASIC_REVERSED
    for model in (basic, both):
        assert [f["name"] for f in model.fields][:3] == ["Front", "Back", "Hint"]
        assert model.model_type == genanki.Model.FRONT_BACK
    assert [t["name"] for t in basic.templates] == ["Card 1"]
    assert [t["name"] for t in both.templates] == ["Card 1", "Card 2"]
    assert "{{Front}}" in both.templates[0]["qfmt"] and "{{Back}}" not in both.templates[0]["qfmt"]
    assert "{{Back}}" in both.templates[1]["qfmt"] and "{{Front}}" not in both.templates[1]["qfmt"]
    assert "{{hint:Hint}}" in basic.templates[0]["qfmt"]
