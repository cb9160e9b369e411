"""A study session: the next card, answering it (committed before returning), interval previews, undo."""
from __future__ import annotations

import bisect
import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from fsrs import Rating

from ..bank.models import Bank, Question
from .cards import STATE_NAMES, StudyCard
from .checking import CheckResult, Given
from .clock import UtcTime, from_us, require_utc, span_us, to_us
from .control import mark_leech
from .queue import LimitHit, Queue
from .scheduler import CardState, apply_rating, is_learning, preview_intervals
from .store import next_review_id
from .storefile import StoreError

if TYPE_CHECKING:  # the engine makes sessions: it imports this module
    from .engine import Engine

_STATE_COLUMNS = "state, step, stability, difficulty, due, last_review, reps, lapses"


@dataclass(frozen=True)
class SessionProgress:
    """How far a session has come: cards answered (and right), and what is left of today's queue."""

    done: int
    right: int
    new_left: int
    learning_left: int
    review_left: int
    started_at: datetime


@dataclass(frozen=True)
class Answered:
    """What answer() recorded: the review log row and the card's state before and after."""

    review_id: int
    card: StudyCard
    rating: Rating
    before: CardState
    after: CardState
    leech: bool = False  # this answer made the card a leech (suspended unless the settings say tag only)

    @property
    def due(self) -> datetime | None:
        return from_us(self.after.due_us)


@dataclass
class _Undo:
    answered: Answered
    queue: tuple[list[StudyCard], list[StudyCard], list[StudyCard]]  # (learning, reviews, new) before the answer
    done: int
    right: int
    leech_suspended: tuple[int, int] = (0, 0)  # the card's leech and suspended flags before the answer


def _due_key(card: StudyCard) -> int:
    return card.due_us or 0


class Session:
    """Made by Engine.session(); not thread-safe on its own (one learner, one queue)."""

    def __init__(self, engine: Engine, now: UtcTime, queue: Queue, cram: bool = False) -> None:
        self.engine = engine
        self.store = engine.store
        self.cram = cram
        self.started_at = now
        self._q = queue
        self._done = 0
        self._right = 0
        self._undo: list[_Undo] = []
        self._front: StudyCard | None = None  # a card taken back by undo: asked again first

    @property
    def progress(self) -> SessionProgress:
        return SessionProgress(self._done, self._right, len(self._q.new), len(self._q.learning),
                               len(self._q.reviews), self.started_at)

    def next_card(self, now: datetime) -> StudyCard | None:
        """The card to ask now, or None when nothing is left for now (see next_due)."""
        if self._front is not None:
            return self._front
        return self._pick(to_us(require_utc(now)))

    def likely_next(self, answering: StudyCard, now: datetime) -> StudyCard | None:
        """The card next_card() will most likely give once `answering` is answered, whatever the rating.

        A guess for a UI to prepare the next card while the learner reads the feedback; next_card() after
        answer() is the truth (they differ when `answering` itself comes back, e.g. the last card in learning)."""
        return self._pick(to_us(require_utc(now)), skip=answering.card_id)

    def _pick(self, now_us: int, skip: int | None = None) -> StudyCard | None:
        q = self._q
        learning = [c for c in q.learning[:2] if c.card_id != skip][:1]
        if learning and _due_key(learning[0]) <= now_us:
            return learning[0]
        for queue in (q.reviews, q.new):
            for card in queue[:2]:
                if card.card_id != skip:
                    return card
        # Nothing else to do: show a learning card early rather than make the learner wait a few minutes.
        if learning and _due_key(learning[0]) <= now_us + span_us(self.engine.settings.learn_ahead):
            return learning[0]
        return None

    @property
    def limits(self) -> list[LimitHit]:
        """The daily limits (LimitHit) that held back cards today; empty when none did."""
        return list(self._q.limits)

    def next_due(self) -> datetime | None:
        """When the next learning card of today comes due, if any."""
        return from_us(self._q.learning[0].due_us) if self._q.learning else None

    def card_state(self, card: StudyCard) -> CardState:
        """The card's schedule as the store has it now (a new card's when it is gone from the store)."""
        row = self.store.query(f"SELECT {_STATE_COLUMNS} FROM cards WHERE id = ?", (card.card_id,))
        return CardState(*row[0]) if row else CardState()

    def intervals(self, card: StudyCard, now: datetime) -> dict[Rating, timedelta]:
        """Next interval per rating (unfuzzed), for the rating buttons. In cram mode nothing is applied."""
        return preview_intervals(self.engine.preview_scheduler, card.card_id, self.card_state(card), require_utc(now))

    def answer(self, card: StudyCard, rating: Rating, now: datetime, given: Given = None,
               result: CheckResult | None = None, duration: float | None = None, overridden: bool = False) -> Answered:
        """Record the review and reschedule the card; committed to disk before this returns.

        Args:
            card: the card answered (from next_card).
            rating: the learner's rating.
            now: when the card was answered.
            given: the learner's answer, as check_answer took it (logged as JSON).
            result: what check_answer said of it (None: not checked, the rating alone is the grade).
            duration: seconds the learner took.
            overridden: "I was right": the answer was graded wrong and the learner says it is right; the review
                is logged as correct, with its overridden flag set (see can_override).

        Returns:
            What was recorded.

        Raises:
            StoreError: the store cannot be written, or the card is gone from it.
        """
        now = require_utc(now)
        rating = Rating(rating)
        correct = True if overridden else result.correct if result is not None else None
        if correct is None and result is not None and result.self_graded:
            correct = rating != Rating.Again  # a self-graded card: the learner's rating is the grade
        given_json = json.dumps(given, ensure_ascii=False, default=str) if given is not None else None
        duration_ms = round(duration * 1000) if duration is not None else None
        queues_before = (list(self._q.learning), list(self._q.reviews), list(self._q.new))
        # The card's state is read inside the write transaction: another session may have answered it meanwhile.
        with self.store.transaction() as conn:
            row = conn.execute(f"SELECT {_STATE_COLUMNS}, generation, leech, suspended FROM cards WHERE id = ?",
                               (card.card_id,)).fetchone()
            if row is None:
                raise StoreError(f"{self.store.path}: card {card.key} is no longer in the store")
            before = CardState(*row[:8])
            after = before if self.cram else apply_rating(self.engine.scheduler, card.card_id, before, rating, now)
            leech = False
            if not self.cram:
                write_state(conn, card.card_id, after)
                if after.lapses > before.lapses:
                    leech = mark_leech(conn, card.card_id, after.lapses, self.engine.settings)
            review_id = next_review_id(conn)  # never an undone review's id: "saved (review N)" names one review
            conn.execute(
                "INSERT INTO reviews (id, card_id, generation, reviewed_at, rating, cram, given, correct, duration_ms, "
                "state_before, state_after, before_json, after_json, overridden) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (review_id, card.card_id, row[8], to_us(now), int(rating), int(self.cram), given_json, correct,
                 duration_ms, before.state, after.state, json.dumps(before.as_dict()), json.dumps(after.as_dict()),
                 int(overridden)))
        answered = Answered(review_id, card, rating, before, after, leech)
        self._undo.append(_Undo(answered, queues_before, self._done, self._right, (row[9], row[10])))
        self._advance(card, rating, after)
        self._done += 1
        self._right += correct if correct is not None else rating != Rating.Again
        return answered

    def _advance(self, card: StudyCard, rating: Rating, after: CardState) -> None:
        q = self._q
        self._front = None
        for queue in (q.learning, q.reviews, q.new):
            _remove(queue, card.card_id)
        if self.cram:
            if rating == Rating.Again:
                q.reviews.append(card)  # practice it again before the session ends
            return
        if is_learning(after.state) and after.due_us is not None and after.due_us < q.day_end_us:
            again = replace(card, state=STATE_NAMES[after.state], due_us=after.due_us)
            bisect.insort(q.learning, again, key=_due_key)

    def drop(self, card: StudyCard) -> None:
        """Take a card out of this session without a review (it was just suspended or buried)."""
        for queue in (self._q.learning, self._q.reviews, self._q.new):
            _remove(queue, card.card_id)
        if self._front is not None and self._front.card_id == card.card_id:
            self._front = None

    def refresh_bank(self, bank: Bank) -> None:
        """After the engine took an edited bank: queued cards of that bank show its new questions.

        A card whose question is gone from the bank leaves the queue."""
        questions = {q.id: q for q in bank.questions}
        for queue in (self._q.learning, self._q.reviews, self._q.new):
            queue[:] = [c if c.key[0] != bank.id else replace(c, bank=bank, question=questions[c.key[1]])
                        for c in queue if c.key[0] != bank.id or c.key[1] in questions]
        if self._front is not None and self._front.key[0] == bank.id:
            q = questions.get(self._front.key[1])
            self._front = replace(self._front, bank=bank, question=q) if q is not None else None

    def undo(self, now: datetime) -> StudyCard | None:
        """Take back the last answer of this session: the card's previous state exactly, its log row removed.

        Returns the card to ask again, or None when there is nothing to undo or another session has
        reviewed the card since (its newer review must not be lost)."""
        if not self._undo:
            return None
        entry = self._undo[-1]
        answered = entry.answered
        with self.store.transaction() as conn:
            latest = conn.execute("SELECT max(id) FROM reviews WHERE card_id = ?", (answered.card.card_id,)).fetchone()[0]
            if latest != answered.review_id:
                return None
            if not self.cram:
                write_state(conn, answered.card.card_id, answered.before)
                if answered.leech:
                    conn.execute("UPDATE cards SET leech = ?, suspended = ? WHERE id = ?",
                                 (*entry.leech_suspended, answered.card.card_id))
            conn.execute("DELETE FROM reviews WHERE id = ?", (answered.review_id,))
        self._undo.pop()
        self._q.learning, self._q.reviews, self._q.new = (list(x) for x in entry.queue)
        self._done, self._right = entry.done, entry.right
        self._front = answered.card
        return answered.card


def can_override(question: Question, result: CheckResult | None) -> bool:
    """Whether "I was right" applies: a typed answer graded wrong (a choice is right or wrong, no argument)."""
    return result is not None and result.correct is False and question.typed


def write_state(conn: sqlite3.Connection, card_id: int, s: CardState) -> None:
    """Store a card's schedule (inside the caller's transaction)."""
    conn.execute(f"UPDATE cards SET ({_STATE_COLUMNS}) = (?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
                 (s.state, s.step, s.stability, s.difficulty, s.due_us, s.last_review_us, s.reps, s.lapses, card_id))


def _remove(queue: list[StudyCard], card_id: int) -> None:
    for i, c in enumerate(queue):
        if c.card_id == card_id:
            del queue[i]
            return
