"""Learner progress written into a package's collection as Anki stores it: card schedules, FSRS memory, revlog.

Anki (26.x) keeps a card's schedule in the cards table (type, queue, due, ivl, reps, lapses, left) and its FSRS
memory state in the card's `data` JSON (`s` stability, `d` difficulty 1-10, `dr` desired retention, `decay`,
`lrt` last review time); every review is a revlog row whose id is the review time in milliseconds.  Review
cards are due on a day number counted from the collection's creation date; the importer moves them by the
difference between the package's "today" and the target's, so a day number counted from the package's own
creation date (genanki's `crt`, read at offset 0) in the learner's study days lands on the same date in Anki.

The progress objects come from quizapp.srs.progress; the export layer does not import srs, so what it reads of
them is written down here as protocols (CardHistory, ReviewEntry, ScheduleState), which srs's classes meet.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Protocol, TypedDict

from .identity import CardKey

# genanki's collection row says it was created at 1411124400 (2014-09-19 11:00 UTC); with creationOffset 0
# Anki counts its days from that date.
_CREATED = date(2014, 9, 19)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
LEARNING, REVIEW, RELEARNING = 1, 2, 3  # the same numbers in quizapp's store and in Anki's cards.type
_REVLOG_TYPE = {0: 0, LEARNING: 0, REVIEW: 1, RELEARNING: 2}  # state before the review -> learn/review/relearn
_MAX_TIME_MS = 60_000  # Anki's default "maximum answer seconds"


# A card's row in Anki's cards table: (type, queue, due, ivl, factor, reps, lapses, left, data).
CardColumns = tuple[int, int, int, int, int, int, int, int, str]


class ScheduleState(Protocol):
    """A card's schedule (quizapp.srs.scheduler.CardState); a studied card has every moment and its memory."""

    @property
    def state(self) -> int: ...  # 0 new, LEARNING, REVIEW, RELEARNING
    @property
    def step(self) -> int | None: ...
    @property
    def stability(self) -> float | None: ...
    @property
    def difficulty(self) -> float | None: ...
    @property
    def due_us(self) -> int | None: ...
    @property
    def last_review_us(self) -> int | None: ...
    @property
    def reps(self) -> int: ...
    @property
    def lapses(self) -> int: ...


class ReviewEntry(Protocol):
    """One review (quizapp.srs.progress.ReviewRecord): when, the rating, time taken, the schedule around it."""

    @property
    def reviewed_at_us(self) -> int: ...
    @property
    def rating(self) -> int: ...
    @property
    def duration_ms(self) -> int | None: ...
    @property
    def before(self) -> ScheduleState: ...
    @property
    def after(self) -> ScheduleState: ...


class CardHistory(Protocol):
    """A studied card (quizapp.srs.progress.CardProgress): its schedule and the reviews that built it."""

    @property
    def state(self) -> ScheduleState: ...
    @property
    def reviews(self) -> Sequence[ReviewEntry]: ...
    @property
    def suspended(self) -> bool: ...


class AnkiMemory(TypedDict):
    """A card's FSRS memory as Anki keeps it in cards.data (JSON)."""

    s: float  # stability, rounded to 4 places
    d: float  # difficulty 1-10, rounded to 3 places
    dr: float  # desired retention
    decay: float
    lrt: int  # last review time, seconds since the epoch


@dataclass(frozen=True)
class ScheduleOptions:
    """How the learner's days and FSRS settings are written: the study day's start hour and time zone (None:
    the system's), desired retention, FSRS decay, and the number of learning and relearning steps."""

    day_start_hour: int = 4
    tz: tzinfo | None = None
    desired_retention: float = 0.9
    decay: float = 0.1542
    learning_steps: int = 2
    relearning_steps: int = 1


@dataclass(frozen=True)
class History:
    """What `--with-progress` writes: card key -> progress (quizapp.srs.progress.CardProgress), and options."""

    cards: Mapping[CardKey, CardHistory]
    options: ScheduleOptions = ScheduleOptions()


def anki_day(us: int, options: ScheduleOptions) -> int:
    """The study day containing the moment `us` (microseconds since the epoch), as an Anki day number.

    Args:
        us: the moment.
        options: the day's start hour and time zone.
    Returns:
        days since the package collection's creation date.
    """
    moment = _EPOCH + timedelta(microseconds=us)
    local = moment.astimezone(options.tz) if options.tz is not None else moment.astimezone()
    return ((local - timedelta(hours=options.day_start_hour)).date() - _CREATED).days


def _studied(state: ScheduleState) -> tuple[float, float, int, int]:
    """A studied card's stability, difficulty, due and last review moments (a reviewed card has them all)."""
    if state.stability is None or state.difficulty is None or state.due_us is None or state.last_review_us is None:
        raise ValueError(f"a card in state {state.state} without its memory or moments")
    return state.stability, state.difficulty, state.due_us, state.last_review_us


def memory_json(state: ScheduleState, options: ScheduleOptions) -> str:
    """A card's FSRS memory as Anki keeps it in cards.data (Anki rounds stability to 4 and difficulty to 3 places).

    Args:
        state: a studied card's schedule.
        options: the desired retention and decay written with it.
    Returns:
        The JSON text (AnkiMemory).
    """
    stability, difficulty, _, last_review_us = _studied(state)
    memory: AnkiMemory = {"s": round(stability, 4), "d": round(difficulty, 3), "dr": options.desired_retention,
                          "decay": options.decay, "lrt": last_review_us // 1_000_000}
    return json.dumps(memory, separators=(",", ":"))


def _interval(after: ScheduleState, at_us: int, options: ScheduleOptions) -> int:
    """A revlog interval: negative seconds while (re)learning, else whole days."""
    due_us = _studied(after)[2]
    if after.state in (LEARNING, RELEARNING):
        return -max(1, round((due_us - at_us) / 1_000_000))
    return max(1, anki_day(due_us, options) - anki_day(at_us, options))


def card_columns(state: ScheduleState, options: ScheduleOptions) -> CardColumns:
    """A studied card's row in Anki's cards table.

    Args:
        state: its schedule.
        options: the study days and step counts.
    Returns:
        (type, queue, due, ivl, factor, reps, lapses, left, data).
    """
    _, _, due_us, last_review_us = _studied(state)
    if state.state in (LEARNING, RELEARNING):
        steps = options.learning_steps if state.state == LEARNING else options.relearning_steps
        left = max(1, steps - (state.step or 0))
        due, ivl = due_us // 1_000_000, 0 if state.state == LEARNING else 1
    else:
        left, due = 0, anki_day(due_us, options)
        ivl = max(1, due - anki_day(last_review_us, options))
    return (state.state, 1 if left else 2, due, ivl, 2500, state.reps, state.lapses, left,
            memory_json(state, options))


def write_progress(cursor: sqlite3.Cursor, notes: dict[str, tuple[str, str, int]], history: History) -> int:
    """Fill a genanki-written collection with the learner's schedules and reviews.

    Args:
        cursor: a cursor on the package's collection, after genanki wrote it.
        notes: note GUID -> (bank id, question id, number of its first card); Anki counts cards from 0, so a
            cloze card's ordinal is its number - 1, any other card's (a reversed flashcard's second) is quizapp's.
        history: the progress to write.
    Returns:
        the number of cards that carry progress.
    """
    options = history.options
    conf = json.loads(cursor.execute("SELECT conf FROM col").fetchone()[0])
    conf.update(schedVer=2, rollover=options.day_start_hour, creationOffset=0)
    cursor.execute("UPDATE col SET conf = ?", (json.dumps(conf, sort_keys=True),))
    used: set[int] = set()
    written = 0
    rows = cursor.execute("SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id")
    for card_id, guid, ord in rows.fetchall():
        bank_id, question_id, first_card = notes[guid]
        progress = history.cards.get((bank_id, question_id, ord + first_card))
        if progress is None or progress.state.state == 0:
            continue
        columns = card_columns(progress.state, options)
        if progress.suspended:  # Anki's queue -1: suspended, its schedule kept
            columns = (columns[0], -1, *columns[2:])
        cursor.execute("UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?, "
                       "left = ?, data = ? WHERE id = ?", (*columns, card_id))
        _write_revlog(cursor, card_id, progress.reviews, options, used)
        written += 1
    return written


def _write_revlog(cursor: sqlite3.Cursor, card_id: int, reviews: Sequence[ReviewEntry], options: ScheduleOptions,
                  used: set[int]) -> None:
    last = 0
    for review in reviews:
        revlog_id = review.reviewed_at_us // 1000
        while revlog_id in used:  # two reviews in one millisecond: the later one moves on (never in practice)
            revlog_id += 1
        used.add(revlog_id)
        interval = _interval(review.after, review.reviewed_at_us, options)
        difficulty = _studied(review.after)[1]
        cursor.execute("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                       "VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                       (revlog_id, card_id, review.rating, interval, last, round(difficulty * 100),
                        min(review.duration_ms or 0, _MAX_TIME_MS), _REVLOG_TYPE[review.before.state]))
        last = interval
