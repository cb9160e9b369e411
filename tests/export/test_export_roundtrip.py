"""Round trips through the real Anki backend: import, review, re-import unchanged, re-import after an edit."""
from __future__ import annotations

import shutil
from collections import Counter

import pytest
from export_support import import_package

from quizapp.bank.library import bundled_decks_dir
from quizapp.bank.loader import load_paths
from quizapp.export import notetypes
from tests_support import VALID

pytestmark = pytest.mark.slow  # each test drives a real Anki collection

NOTE_TYPE_NAMES = {
    "multiple_choice": "quizapp: Multiple choice", "true_false": "quizapp: True/false",
    "short_answer": "quizapp: Typed answer", "numeric": "quizapp: Typed answer", "cloze": "quizapp: Cloze",
    "ordering": "quizapp: Ordering", "matching": "quizapp: Matching",
}


def expected_cards_by_note_type(paths) -> tuple[int, Counter]:
    results, problems = load_paths(paths)
    assert not problems
    cards: Counter = Counter()
    notes = 0
    for r in results:
        for q in r.bank.questions:
            notes += 1
            cards[notetypes.note_type_of(q).name] += len(q.card_numbers)
    return notes, cards


def cards_by_note_type(col) -> Counter:
    return Counter(col.get_card(cid).note_type()["name"] for cid in col.find_cards(""))


def note_by_id(col, qid: str):
    (nid,) = col.find_notes(f'"ID:{qid}"')
    return col.get_note(nid)


def test_awkward_bank_arrives_intact(special_bank, export_anki, anki_collection, tmp_path):
    out = tmp_path / "special.apkg"
    assert export_anki(special_bank, "-o", out).exit_code == 0
    col = anki_collection
    log = import_package(col, out)
    assert (len(log.new), len(log.updated), len(log.duplicate), len(log.conflicting)) == (7, 0, 0, 0)
    assert col.note_count() == 7 and col.card_count() == 9
    assert cards_by_note_type(col) == expected_cards_by_note_type([special_bank])[1]
    assert {"quizapp tests", "quizapp tests::Special"} <= {d.name for d in col.decks.all_names_and_ids()}

    mc = note_by_id(col, "special-chars/html-prompt")
    assert mc["Prompt"] == "<p>Is &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; text shown as text?</p>"
    assert mc["Quote"] == "He said &quot;5 &lt; 6 &amp; 7 &gt; 3&quot;."
    assert mc["Explanation"] == ("<p>Raw HTML like &lt;script&gt;alert(1)&lt;/script&gt; is <em>escaped</em>; "
                                 "Markdown <strong>works</strong>.</p>")
    assert '<li class="correct">&lt;i&gt;yes&lt;/i&gt;</li>' in mc["Marked"]
    assert "<cite>The &lt;Source&gt; &amp; more</cite>, O&#x27;Brien." in mc["Source"]
    front, back = mc.cards()[0].question(), mc.cards()[0].answer()
    assert "<b>bold" not in front and "&lt;b&gt;bold&lt;/b&gt;" in front
    assert "<script>" not in back and "<i>yes" not in back
    assert sorted(mc.tags) == ["html", "quizapp::special-chars", "test-bank"]

    typed = note_by_id(col, "special-chars/typed")
    assert typed["Answer"] == "a&lt;b" and typed["Prompt"] == "<p>Type <code>a&lt;b</code></p>"
    assert "typeans" in typed.cards()[0].question()  # Anki's own type-in box
    assert note_by_id(col, "special-chars/number")["Accepted"] == "Right if within ±0.5: 2 to 3 %."

    cloze = note_by_id(col, "special-chars/three-blanks")
    assert sorted(c.ord for c in cloze.cards()) == [0, 1, 2]
    assert "[a &quot;hint&quot;]" in cloze.cards()[1].question() or '[a "hint"]' in cloze.cards()[1].question()

    picture = note_by_id(col, "special-chars/picture")
    (media_name,) = [n for n in (tmp_path / "anki-profile" / "collection.media").iterdir()]
    assert f'<img src="{media_name.name}" alt="a dot" />' in picture["Prompt"]

    for kind, model in notetypes.NOTE_TYPES.items():  # flashcards' note types: in the flashcard test below
        assert kind == "flashcard" or col.models.by_name(NOTE_TYPE_NAMES[kind])["id"] == model.model_id

    for cid in col.find_cards(""):  # every template renders both sides, with the footer on the back
        card = col.get_card(cid)
        front, back = card.question(), card.answer()
        for side in (front, back):
            assert "no field called" not in side and "card is blank" not in side.lower()
        assert f'<div class="qid">{card.note()["ID"]}</div>' in back


def test_bundled_decks_import_with_their_decks_and_tags(export_anki, anki_collection, tmp_path):
    decks = bundled_decks_dir()
    if not any(decks.glob("*.yaml")):
        pytest.skip("decks/ holds no banks yet")
    out = tmp_path / "decks.apkg"
    assert export_anki(decks, "-o", out).exit_code == 0
    col = anki_collection
    log = import_package(col, out)
    notes, cards = expected_cards_by_note_type([decks])
    assert (len(log.new), len(log.updated)) == (notes, 0)
    assert col.note_count() == notes and cards_by_note_type(col) == cards
    results, _ = load_paths([decks])
    names = {d.name for d in col.decks.all_names_and_ids()}
    for r in results:
        assert r.bank.deck_path in names
        in_deck = col.find_notes(f'"deck:{r.bank.deck_path}" tag:quizapp::{r.bank.id}')
        assert len(in_deck) == len(r.bank.questions)


def _review(col, count: int) -> None:
    """Answer `count` cards through Anki's v3 scheduler, alternating Good and Easy."""
    from anki.scheduler.v3 import CardAnswer
    col.decks.set_current(col.decks.id_for_name("Examples"))
    for i in range(count):
        queued = col.sched.get_queued_cards(fetch_limit=1)
        card = col.get_card(queued.cards[0].card.id)
        card.start_timer()
        rating = CardAnswer.EASY if i % 2 else CardAnswer.GOOD
        col.sched.answer_card(col.sched.build_answer(card=card, states=queued.cards[0].states, rating=rating))


def _history(col) -> tuple:
    cards = col.db.all("select id, nid, ord, type, queue, due, ivl, reps, lapses from cards order by id")
    revlog = col.db.all("select id, cid, ease, ivl from revlog order by id")
    return cards, revlog


def test_reimport_updates_exactly_what_changed_and_keeps_history(special_bank, export_anki, anki_collection,
                                                                 tmp_path):
    folder = special_bank.parent
    bank = folder / "all-types.yaml"
    shutil.copy(VALID / "all-types.yaml", bank)
    first, second, third = (tmp_path / f"export{i}.apkg" for i in (1, 2, 3))
    col = anki_collection

    assert export_anki(folder, "-o", first).exit_code == 0
    log = import_package(col, first)
    assert (len(log.new), len(log.updated)) == (15, 0)
    _review(col, 6)
    before = _history(col)
    assert len(before[1]) == 6 and any(c[6] > 0 for c in before[0])  # revlog entries, a card in review

    # Unchanged banks, exported a day later: the same bytes, and Anki sees nothing newer.
    assert export_anki(folder, "-o", second, now=1_795_086_400).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    log = import_package(col, second)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 15)
    assert _history(col) == before

    # One question reworded: exactly that note is updated; scheduling and the revlog stay.
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("What is the capital of South Korea?", "Which city is South Korea's capital?"),
                    encoding="utf-8")
    assert export_anki(folder, "-o", third, now=1_795_172_800).exit_code == 0
    log = import_package(col, third)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 14)
    assert list(log.updated[0].fields)[0] == "Which city is South Korea's capital?"  # the log strips HTML
    capital = note_by_id(col, "example-all-types/capital")
    assert capital["Prompt"] == "<p>Which city is South Korea's capital?</p>" and capital.mod == 1_795_172_800
    assert (col.note_count(), col.card_count()) == (15, 18)
    assert _history(col) == before


def test_a_new_cloze_deletion_adds_its_card(special_bank, export_anki, anki_collection, tmp_path):
    col = anki_collection
    assert export_anki(special_bank, "-o", tmp_path / "a.apkg").exit_code == 0
    import_package(col, tmp_path / "a.apkg")
    text = special_bank.read_text(encoding="utf-8")
    special_bank.write_text(text.replace("{{c3::D}}.", "{{c3::D}} and {{c4::E}}."), encoding="utf-8")
    assert export_anki(special_bank, "-o", tmp_path / "b.apkg").exit_code == 0
    log = import_package(col, tmp_path / "b.apkg")
    assert (len(log.new), len(log.updated)) == (0, 1)
    cloze = note_by_id(col, "special-chars/three-blanks")
    assert sorted(c.ord for c in cloze.cards()) == [0, 1, 2, 3]
    assert col.card_count() == 10


def test_a_question_that_changes_type_is_flagged(special_bank, export_anki, anki_collection, tmp_path):
    col = anki_collection
    assert export_anki(special_bank, "-o", tmp_path / "a.apkg").exit_code == 0
    import_package(col, tmp_path / "a.apkg")
    text = special_bank.read_text(encoding="utf-8")
    special_bank.write_text(text.replace("type: true_false\n    prompt: \"The picture", "type: short_answer\n"
                                         "    prompt: \"The picture").replace("answer: true", "answer: dot"),
                            encoding="utf-8")
    result = export_anki(special_bank, "-o", tmp_path / "b.apkg")
    assert result.exit_code == 0
    line = text.splitlines().index("    type: true_false") + 1
    assert result.stderr.startswith(f"{special_bank}:{line}:11: warning: question 'picture' changed type")
    log = import_package(col, tmp_path / "b.apkg")  # what the warning is about: Anki refuses the new type
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, 1)


def test_flashcards_arrive_as_basic_notes_and_update_in_place(export_anki, anki_collection, tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    bank = folder / "flashcards.yaml"
    shutil.copy(VALID / "flashcards.yaml", bank)
    col = anki_collection
    assert export_anki(bank, "-o", tmp_path / "a.apkg").exit_code == 0
    log = import_package(col, tmp_path / "a.apkg")
    assert (len(log.new), len(log.updated)) == (2, 0)
    assert (col.note_count(), col.card_count()) == (2, 3)  # the reversed note has two cards
    assert col.models.by_name("quizapp: Basic")["id"] == notetypes.BASIC_ID
    assert col.models.by_name("quizapp: Basic (and reversed card)")["id"] == notetypes.BASIC_REVERSED_ID

    one_way = note_by_id(col, "example-flashcards/hallyu")
    assert one_way["Front"] == "<p>What does <strong>hallyu</strong> name?</p>"
    assert one_way["Hint"] == "<p>A Korean word; think of the sea.</p>"
    (card,) = one_way.cards()
    assert "What does <strong>hallyu</strong> name?" in card.question() and "Korean Wave" not in card.question()
    assert 'style="display: none"><p>A Korean word; think of the sea.</p>' in card.question()  # Anki's hint link
    assert "<em>Korean Wave</em>" in card.answer()

    both = note_by_id(col, "example-flashcards/capital-north")
    forward, backward = sorted(both.cards(), key=lambda c: c.ord)
    assert "Pyongyang" in forward.question() and "capital of North Korea" not in forward.question()
    assert "the capital of North Korea" in backward.question() and "Pyongyang" not in backward.question()
    assert "Pyongyang" in backward.answer()
    for c in (forward, backward):
        assert "no field called" not in c.answer() and "card is blank" not in c.question().lower()
    ids_before = sorted(col.find_cards(""))

    bank.write_text(bank.read_text(encoding="utf-8").replace("the capital of North Korea",
                                                              "North Korea's capital city"), encoding="utf-8")
    assert export_anki(bank, "-o", tmp_path / "b.apkg", now=1_795_086_400).exit_code == 0
    log = import_package(col, tmp_path / "b.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 1)
    assert note_by_id(col, "example-flashcards/capital-north")["Back"] == "<p>North Korea's capital city</p>"
    assert sorted(col.find_cards("")) == ids_before  # updated in place: the same two cards, no new ones
