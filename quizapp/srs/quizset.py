"""A quiz: N questions in random order, answered without touching the schedule, optionally recorded after.

Shared by the TUI's quiz screen and line mode's `quizapp quiz --plain`."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..bank.models import Bank, Question
from .cards import CardKey
from .checking import CheckResult, Given

if TYPE_CHECKING:  # an annotation only: a quiz not recorded never loads the engine (about 55 ms of CPU, measured)
    from .engine import Engine


@dataclass
class QuizItem:
    """One question of the quiz and, once answered, what was given and how it checked."""

    bank: Bank
    question: Question
    ord: int
    given: Given = None
    result: CheckResult | None = None  # None: not answered (yet)

    @property
    def key(self) -> CardKey:
        """The item's card, as the store knows it."""
        return (self.bank.id, self.question.id, self.ord)


def pick_items(banks: Sequence[Bank], count: int | None, rng: random.Random) -> list[QuizItem]:
    """count questions (all when None) from the banks in random order; a cloze question asks one deletion.

    Args:
        banks: the banks to draw from.
        count: how many questions, or None for all.
        rng: a random.Random (seeded for a repeatable quiz).

    Returns:
        The quiz's items, unanswered.
    """
    items = [QuizItem(bank, q, rng.choice(q.card_numbers)) for bank in banks for q in bank.questions]
    rng.shuffle(items)
    return items[:count] if count else items


def record_items(engine: Engine, items: list[QuizItem], now: datetime) -> tuple[int, int]:
    """Record answered items in the schedule: right = Good, wrong = Again, each committed as it goes.

    Args:
        engine: an Engine over (at least) the items' banks.
        items: answered quiz items.
        now: the time of the reviews (UTC).

    Returns:
        (recorded, skipped): skipped cards were not due yet and are left as they were.
    """
    by_key = {item.key: item for item in items if item.result is not None}
    session = engine.session(now, cards=list(by_key))
    done: set[CardKey] = set()
    while (card := session.next_card(now)) is not None and card.key not in done:
        item = by_key[card.key]
        assert item.result is not None  # by_key holds answered items only
        rating = item.result.suggested
        assert rating is not None  # a quiz self-marks its flashcards (checking.self_marked) before recording
        session.answer(card, rating, now, given=item.given, result=item.result)
        done.add(card.key)
    return len(done), len(by_key) - len(done)
