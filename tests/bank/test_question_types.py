"""What belongs to a question type, asked of the model: cloze parsing in one place, the per-type properties
the interfaces use instead of branching on `type`, the one shuffle policy, the one citation builder."""
from __future__ import annotations

import random

import pytest

from quizapp.bank import cloze
from quizapp.bank.models import QUESTION_TYPES, Bank
from quizapp.bank.shuffle import shuffled
from quizapp.export.fields import source_html
from quizapp.export.identity import GuidRandom, seeded_shuffle

TEXT = "{{c1::Seoul}} is south of {{c2::Pyongyang::a capital}}; {{c1:: Seoul }} again"


def bank_of(*questions, source=None) -> Bank:
    data = {"id": "b", "title": "The bank", "questions": list(questions)}
    if source is not None:
        data["source"] = source
    return Bank.model_validate(data)


def test_deletions_are_read_once_with_number_answer_hint_and_place():
    found = cloze.deletions(TEXT)
    assert [(d.number, d.answer, d.hint) for d in found] == [(1, "Seoul", None), (2, "Pyongyang", "a capital"),
                                                             (1, " Seoul ", None)]
    assert TEXT[found[1].start:found[1].end] == "{{c2::Pyongyang::a capital}}"
    assert cloze.card_numbers(TEXT) == (1, 2)
    assert cloze.answers(TEXT, 1) == ["Seoul", "Seoul"]  # stripped: what the checker compares


def test_fill_turns_deletions_into_gaps_and_keeps_or_transforms_the_text_around():
    assert cloze.completed(TEXT) == "Seoul is south of Pyongyang;  Seoul  again"
    gapped = cloze.fill(TEXT, lambda d: f"[{d.number}]", between=str.upper)
    assert gapped == "[1] IS SOUTH OF [2]; [1] AGAIN"


def test_a_cloze_model_asks_its_card_with_gaps_and_completes_it():
    q = bank_of({"id": "c", "type": "cloze", "text": TEXT}).questions[0]
    assert q.asked(2) == TEXT  # as written, without a gap style
    assert q.asked(2, gap=lambda d: f"[{d.hint}]") == "Seoul is south of [a capital];  Seoul  again"
    assert q.completed(1, mark=lambda a: f"*{a}*") == "*Seoul* is south of Pyongyang; * Seoul * again"
    assert [d.answer for d in q.gaps(1)] == ["Seoul", " Seoul "]
    assert q.answer_key(1) == ["Seoul", "Seoul"] and q.card_label("c", 2) == "c c2"


@pytest.mark.parametrize("kind, typed, self_graded, first", [
    ("multiple_choice", False, False, 0), ("true_false", False, False, 0), ("short_answer", True, False, 0),
    ("numeric", True, False, 0), ("cloze", True, False, 1), ("ordering", False, False, 0),
    ("matching", False, False, 0), ("flashcard", False, True, 0)])
def test_every_type_says_how_it_is_answered(kind, typed, self_graded, first):
    model = QUESTION_TYPES[kind]
    assert (model.typed, model.self_graded, model.first_card) == (typed, self_graded, first)


def test_true_false_words_and_flashcard_sides_live_on_their_models():
    tf, card = bank_of({"id": "t", "type": "true_false", "prompt": "Seoul is a capital.", "answer": True},
                       {"id": "f", "type": "flashcard", "front": "F", "back": "B", "reverse": True,
                        "hint": "H"}).questions
    assert (tf.read("yes"), tf.read("n"), tf.read("maybe")) == (True, False, None)
    assert tf.answer_words() == "True" and tf.word(False) == "False"
    assert (card.asked(0), card.asked(1), card.answer_key(1)) == ("F", "B", "F")
    assert (card.hint_for(0), card.hint_for(1)) == ("H", None)
    assert card.card_label("f", 1) == "f reverse" and card.completed() is None


@pytest.mark.parametrize("size", [2, 3, 5])
def test_a_shuffle_never_shows_the_written_order_and_a_seed_repeats_it(size):
    items = [f"item {i}" for i in range(size)]
    orders = [shuffled(items, random.Random(seed)) for seed in range(200)]
    assert all(order != items and sorted(order) == sorted(items) for order in orders)
    assert shuffled(items, random.Random(9)) == shuffled(items, random.Random(9))
    assert len({tuple(o) for o in orders}) >= min(50, _factorial(size) - 1)  # and the others all turn up


def test_a_shuffle_of_one_item_or_of_equal_items_returns_them():
    assert shuffled(["only"], random.Random(0)) == ["only"] and shuffled([], random.Random(0)) == []
    assert shuffled(["same", "same"], random.Random(0)) == ["same", "same"]


def test_the_export_draws_again_from_its_guid_when_the_first_order_is_the_written_one():
    # The first draw of a GUID is the export's order of old; where it was the written one, the policy draws
    # again (it used to rotate by one place, which made one order twice as likely).
    written = [0, 1, 2]
    guids = [f"guid-{i}" for i in range(300)]
    again = {tuple(seeded_shuffle(written, g)) for g in guids if _first_draw(written, g) == written}
    assert again and (0, 1, 2) not in again and len(again) > 1
    kept = [g for g in guids if _first_draw(written, g) != written]
    assert all(seeded_shuffle(written, g) == _first_draw(written, g) for g in kept)  # unchanged when it differed


def test_one_citation_builder_two_renderers():
    source = {"title": "A <title>", "author": "A. Teacher", "date": "2024-05-01", "url": "https://example.org"}
    bank = bank_of({"id": "t", "type": "true_false", "prompt": "p", "answer": True}, source=source)
    assert bank.source.citation_parts() == [("title", "A <title>"), ("author", "A. Teacher"), ("date", "2024-05-01")]
    assert bank.citation() == "A <title>, A. Teacher, 2024-05-01"
    assert source_html(bank.source) == ("<cite>A &lt;title&gt;</cite>, A. Teacher, 2024-05-01. "
                                        '<a href="https://example.org">https://example.org</a>')
    untitled = bank_of({"id": "t", "type": "true_false", "prompt": "p", "answer": True},
                       source={"author": "A. Teacher"})
    assert untitled.citation() == "A. Teacher"
    assert untitled.citation(title_always=True) == "The bank, A. Teacher"  # as worksheets print it
    assert bank_of({"id": "t", "type": "true_false", "prompt": "p", "answer": True}).citation() == "The bank"


def _first_draw(items: list, guid: str) -> list:
    out = list(items)
    GuidRandom(guid).shuffle(out)
    return out


def _factorial(n: int) -> int:
    return 1 if n < 2 else n * _factorial(n - 1)
