"""The learner's control over cards, as in Anki: suspend, bury, flag, reset, leeches, and a card's history.

Every change is one transaction on the store; none of them touches the review log except `reset`, which
starts a new generation of the card so that its old reviews stay in the history but no longer schedule it.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from .checking import Given
from .clock import from_us, require_utc, to_us
from .settings import Settings
from .store import Store

FLAGS = ("none", "red", "orange", "green", "blue")  # index = the store's flag column (Anki's first four)

# Cards the queue may ask: not suspended, and not buried past `now` (a parameter: SQL's own clock is not ours).
ASKABLE_SQL = "suspended = 0 AND (buried_until IS NULL OR buried_until <= ?)"

_RESET = ("UPDATE cards SET generation = generation + 1, state = 0, step = NULL, stability = NULL, "
          "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, lapses = 0, leech = 0, buried_until = NULL "
          "WHERE id = ?")


@dataclass(frozen=True)
class ReviewEntry:
    """One row of a card's review history, as the browser shows it."""

    review_id: int
    reviewed_at: datetime
    rating: int  # 1 again, 2 hard, 3 good, 4 easy
    cram: bool  # practice that changed no schedule
    elapsed_days: float | None  # since the review before (None for the first)
    interval_days: float | None  # from this review to the due date it set
    given: Given  # the learner's answer as recorded (JSON: tuples came back as lists), or None
    correct: bool | None
    generation: int  # a reset or a changed answer starts a new generation


def _each(store: Store, sql: str, params: Iterable[tuple[int | None, ...]]) -> int:
    rows = list(params)
    with store.transaction() as conn:
        before = conn.total_changes
        conn.executemany(sql, rows)
        return conn.total_changes - before


def suspend(store: Store, card_ids: Sequence[int], on: bool = True) -> int:
    """Suspend (or unsuspend) cards: a suspended card is never asked until unsuspended.

    Returns:
        How many cards changed.
    """
    return _each(store, "UPDATE cards SET suspended = ? WHERE id = ? AND suspended != ?",
                 ((int(on), cid, int(on)) for cid in card_ids))


def bury(store: Store, card_ids: Sequence[int], now: datetime, settings: Settings, on: bool = True) -> int:
    """Bury cards until the next study day begins (or unbury them).

    Returns:
        How many cards changed.
    """
    until = to_us(settings.day_bounds(require_utc(now))[1]) if on else None
    return _each(store, "UPDATE cards SET buried_until = ? WHERE id = ?", ((until, cid) for cid in card_ids))


def set_flag(store: Store, card_ids: Sequence[int], flag: int) -> int:
    """Flag cards with one of FLAGS by index (0 removes the flag).

    Returns:
        How many cards changed.
    """
    if not 0 <= flag < len(FLAGS):
        raise ValueError(f"flag must be 0 to {len(FLAGS) - 1} ({', '.join(FLAGS)}), got {flag}")
    return _each(store, "UPDATE cards SET flag = ? WHERE id = ? AND flag != ?", ((flag, cid, flag) for cid in card_ids))


def reset(store: Store, card_ids: Sequence[int]) -> int:
    """Make cards new again ("Forget" in Anki): a new generation; the old reviews stay in the history.

    Returns:
        How many cards changed.
    """
    return _each(store, _RESET, ((cid,) for cid in card_ids))


def mark_leech(conn: sqlite3.Connection, card_id: int, lapses: int, settings: Settings) -> bool:
    """Inside an answer's transaction: tag the card a leech when its lapses reach the threshold.

    Anki's rule: at the threshold and every half-threshold after it (8, 12, 16 ... by default), the card is a
    leech again; with leech_action "suspend" it is also suspended.

    Returns:
        True when this answer made the card a leech (the UI shows a notice).
    """
    threshold = settings.leech_threshold
    if threshold <= 0 or lapses < threshold:
        return False
    step = max(1, threshold // 2)
    if (lapses - threshold) % step:
        return False
    conn.execute("UPDATE cards SET leech = 1, suspended = CASE WHEN ? THEN 1 ELSE suspended END WHERE id = ?",
                 (settings.leech_action == "suspend", card_id))
    return True


def history(store: Store, card_id: int) -> list[ReviewEntry]:
    """Every review of a card, oldest first, with the elapsed time and the interval each one set."""
    rows = store.query("SELECT id, reviewed_at, rating, cram, given, correct, after_json, generation FROM reviews "
                       "WHERE card_id = ? ORDER BY reviewed_at, id", (card_id,))
    out: list[ReviewEntry] = []
    previous: int | None = None
    for rid, at, rating, cram, given, correct, after_json, generation in rows:
        due = json.loads(after_json).get("due_us")
        elapsed = (at - previous) / 86_400e6 if previous is not None else None
        out.append(ReviewEntry(rid, from_us(at), rating, bool(cram), elapsed,
                               (due - at) / 86_400e6 if due is not None and not cram else None,
                               json.loads(given) if given else None, None if correct is None else bool(correct),
                               generation))
        if not cram:
            previous = at
    return out
