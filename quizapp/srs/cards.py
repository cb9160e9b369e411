"""Cards derived from bank questions: keys, answer fingerprints, tags, and the StudyCard shown to a learner."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..bank.models import Bank, Question

CardKey = tuple[str, str, int]  # (bank id, question id, ord): what progress hangs on

STATE_NAMES = ("new", "learning", "review", "relearning")  # index = the store's state column
NEW, LEARNING, REVIEW, RELEARNING = range(4)


@dataclass(frozen=True)
class StudyCard:
    """A card to ask now: the question, which cloze deletion, and where it stands."""

    bank: Bank = field(compare=False, repr=False)
    question: Question = field(compare=False, repr=False)
    ord: int
    key: CardKey
    state: str  # "new", "learning", "review", "relearning"
    card_id: int  # row id in the store
    due_us: int | None = None  # when it was due, microseconds since the epoch (None for new cards)

    @property
    def is_new(self) -> bool:
        return self.state == "new"


def fingerprint(question: Question, ord: int) -> str:
    """The card's type and answer (not its wording, which may be edited freely): as text when short, else a digest.

    Stores keep these: a new formula would restart every card, so changing it needs a migration."""
    # repr of str/bool/number/list/tuple is stable. Hashing only long payloads keeps the sync of
    # 100,000 cards, which runs at every start, cheap.
    payload = f"{question.type}:{question.answer_key(ord)!r}"
    if len(payload) <= 48:
        return payload
    return "#" + hashlib.blake2b(payload.encode(), digest_size=10).hexdigest()


def card_specs(bank: Bank) -> list[tuple[str, int, str, str, int]]:
    """Every card of a bank, one per question, cloze number or flashcard direction, as
    (question id, ord, fingerprint, type, position of the question in the bank: the order new cards come in).

    Plain tuples: this runs for every card at every start, and named tuples cost twice as much."""
    out: list[tuple[str, int, str, str, int]] = []
    for pos, q in enumerate(bank.questions):
        for ord in q.card_numbers:
            out.append((q.id, ord, fingerprint(q, ord), q.type, pos))
    return out


def question_tags(bank: Bank, question: Question) -> frozenset[str]:
    """A question's own tags plus those the bank applies to all its questions."""
    return frozenset(question.tags) | frozenset(bank.tags)
