"""A quiz: N questions in random order, answered without touching the schedule, optionally recorded after.

Shared by the TUI's quiz screen and line mode's `quizapp quiz --plain`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class QuizItem:
    """One question of the quiz and, once answered, what was given and how it checked."""

    bank: object
    question: object
    ord: int
    given: object = None
    result: object = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.bank.id, self.question.id, self.ord)


def pick_items(banks: list, count: int | None, rng) -> list[QuizItem]:
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


def record_items(engine, items: list[QuizItem], now: datetime) -> tuple[int, int]:
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
    done: set = set()
    while (card := session.next_card(now)) is not None and card.key not in done:
        item = by_key[card.key]
        session.answer(card, item.result.suggested, now, given=item.given, result=item.result)
        done.add(card.key)
    return len(done), len(by_key) - len(done)
