"""Progress as review history: each studied card's schedule and reviews, and merging reviews made elsewhere.

FSRS state is a function of the review history, so reviews made in another app (Anki) are merged by replaying
the union of both histories in time order.  A review is known by its card and its time in whole milliseconds
(what an Anki revlog id is), so a review that travelled out to Anki and came back is recognised, and merging
the same reviews twice changes nothing.  (A learner cannot answer one card twice within a second, so
reviews of a card less than a second apart are taken as the same review.)
"""
from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable

from fsrs import Rating, Scheduler

from .cards import CardKey
from .scheduler import CardState, apply_rating, make_scheduler
from .session import write_state
from .clock import from_us
from .settings import Settings
from .store import Store, next_review_id

# Reviews of one card this close together are one review: a revlog id must be unique in the whole collection,
# so an export moves a review that shares its millisecond with another card's by a millisecond or two.
SAME_REVIEW_MS = 999
_SCHEDULE_REVIEWS = ("SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.before_json, r.after_json "
                     "FROM reviews r JOIN cards c ON c.id = r.card_id AND r.generation = c.generation "
                     "WHERE r.cram = 0 {where} ORDER BY r.card_id, r.reviewed_at, r.id")


@dataclass(frozen=True)
class ReviewRecord:
    """One review that moved a card's schedule: when, the rating, time taken, and the state before and after."""

    reviewed_at_us: int
    rating: int
    duration_ms: int | None
    before: CardState
    after: CardState


@dataclass(frozen=True)
class CardProgress:
    """A studied card: its key, question type, current schedule and the reviews that built it, oldest first."""

    key: CardKey
    qtype: str
    state: CardState
    reviews: tuple[ReviewRecord, ...]
    suspended: bool = False


@dataclass(frozen=True)
class OutsideReview:
    """A review made in another app: the card, when (whole milliseconds), the rating 1-4, time taken."""

    key: CardKey
    reviewed_at_us: int
    rating: int
    duration_ms: int | None = None


@dataclass
class MergeReport:
    """What merging outside reviews changed: reviews added, reviews the store already had, cards replayed."""

    added: int = 0
    known: int = 0
    unknown_cards: int = 0  # the key is not a card of the store
    cards: set[CardKey] = field(default_factory=set)


def review_ms(reviewed_at_us: int) -> int:
    """A review's identity across apps: its time in whole milliseconds (Anki's revlog id)."""
    return reviewed_at_us // 1000


def _near(seen: list[int], ms: int) -> bool:
    """Whether the sorted times hold one within SAME_REVIEW_MS of ms."""
    i = bisect_left(seen, ms - SAME_REVIEW_MS)
    return i < len(seen) and seen[i] <= ms + SAME_REVIEW_MS


def _record(row: tuple[Any, ...]) -> ReviewRecord:
    """A ReviewRecord from a row of _SCHEDULE_REVIEWS."""
    return ReviewRecord(row[2], row[3], row[4], CardState.from_dict(json.loads(row[5])),
                        CardState.from_dict(json.loads(row[6])))


def card_progress(store: Store) -> dict[CardKey, CardProgress]:
    """Every card that has left the new state, with the reviews of its current schedule (practice excluded).

    Args:
        store: an open quizapp.srs.Store.
    Returns:
        card key -> CardProgress.
    """
    reviews: dict[int, list[ReviewRecord]] = {}
    for row in store.query(_SCHEDULE_REVIEWS.format(where="")):
        reviews.setdefault(row[1], []).append(_record(row))
    out: dict[CardKey, CardProgress] = {}
    for row in store.query("SELECT id, bank_id, question_id, ord, qtype, state, step, stability, difficulty, due, "
                           "last_review, reps, lapses, suspended FROM cards WHERE state != 0"):
        key = (row[1], row[2], row[3])
        out[key] = CardProgress(key, row[4], CardState(*row[5:13]), tuple(reviews.get(row[0], ())), bool(row[13]))
    return out


def merge_reviews(store: Store, settings: Settings, incoming: Iterable[OutsideReview]) -> MergeReport:
    """Add reviews made elsewhere and replay each touched card's history in time order, in one transaction.

    Reviews the store already has (same card, same millisecond) are counted as known and skipped.  The replay
    starts at the first added review, from the state recorded just before it, without fuzz, so the result
    depends on the reviews alone.

    Args:
        store: an open quizapp.srs.Store.
        settings: the scheduler settings to replay with.
        incoming: the outside reviews.
    Returns:
        a MergeReport.
    """
    report = MergeReport()
    scheduler = make_scheduler(settings, fuzz=False)
    with store.transaction() as conn:
        ids = {(b, q, o): (cid, gen) for cid, b, q, o, gen in
               conn.execute("SELECT id, bank_id, question_id, ord, generation FROM cards")}
        by_card: dict[int, dict[int, OutsideReview]] = {}
        for review in incoming:
            card = ids.get(review.key)
            if card is None:
                report.unknown_cards += 1
                continue
            by_card.setdefault(card[0], {}).setdefault(review_ms(review.reviewed_at_us), review)
        for card_id, fresh in by_card.items():
            seen = sorted(review_ms(at) for (at,) in conn.execute("SELECT reviewed_at FROM reviews WHERE card_id = ?",
                                                                  (card_id,)))
            new = [r for ms, r in sorted(fresh.items()) if not _near(seen, ms)]
            report.known += len(fresh) - len(new)
            if not new:
                continue
            key = new[0].key
            _replay(conn, scheduler, card_id, ids[key][1], new)
            report.added += len(new)
            report.cards.add(key)
    return report


def _replay(conn: sqlite3.Connection, scheduler: Scheduler, card_id: int, generation: int,
            new: list[OutsideReview]) -> None:
    """Insert the new reviews and recompute every review from the first of them on, and the card's state."""
    rows = conn.execute(_SCHEDULE_REVIEWS.format(where="AND r.card_id = ?"), (card_id,)).fetchall()
    first = review_ms(new[0].reviewed_at_us) * 1000
    kept = [row for row in rows if row[2] < first]
    state = CardState.from_dict(json.loads(kept[-1][6])) if kept else CardState()
    # (time, order, existing row id or None, rating, duration): existing reviews keep their rows and ids.
    timeline = sorted([(row[2], 0, row[0], row[3], row[4]) for row in rows if row[2] >= first]
                      + [(r.reviewed_at_us, 1, None, r.rating, r.duration_ms) for r in new])
    for at, _, row_id, rating, duration in timeline:
        after = apply_rating(scheduler, card_id, state, Rating(rating), from_us(at))
        values = (state.state, after.state, json.dumps(state.as_dict()), json.dumps(after.as_dict()))
        if row_id is None:
            conn.execute("INSERT INTO reviews (id, card_id, generation, reviewed_at, rating, cram, duration_ms, "
                         "state_before, state_after, before_json, after_json) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                         (next_review_id(conn), card_id, generation, at, rating, duration, *values))
        else:
            conn.execute("UPDATE reviews SET state_before = ?, state_after = ?, before_json = ?, after_json = ? "
                         "WHERE id = ?", (*values, row_id))
        state = after
    write_state(conn, card_id, state)

