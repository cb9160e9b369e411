"""The card browser's data: one row per card of the library, filtered by a small Anki-like query and sorted.

Rows are plain tuples built once from the store (in steps, or just the first page from the due index);
filtering and sorting run in Python over them, so 100,000 cards filter and sort in tens of milliseconds
(benchmarks/bench_browse.py).
"""
from __future__ import annotations

from datetime import datetime
from operator import attrgetter
from typing import Any, Callable, Iterator, NamedTuple

from ..bank.models import QUESTION_TYPES, Question
from .cards import STATE_NAMES
from .control import FLAGS
from .engine import Engine
from .query import Query, parse_query
from .clock import from_us, require_utc, to_us

__all__ = ["CardRow", "COLUMNS", "Query", "count_cards", "first_rows", "iter_rows", "load_rows", "parse_query",
           "select_rows"]

# Column name -> what it sorts by; the same names serve `--sort`, the TUI's column headers and --json keys.
COLUMNS = ("bank", "question", "ord", "type", "prompt", "state", "due", "interval", "stability", "difficulty",
           "lapses", "reviews", "flag", "suspended", "leech")


class CardRow(NamedTuple):
    """One card as the browser lists it (a tuple: 100,000 of them are built in a few tens of ms)."""

    card_id: int
    bank: str
    question: str
    ord: int  # 0, or the cloze number
    type: str
    prompt: str
    answer: str
    tags: frozenset[str]
    state: str  # new, learning, review, relearning
    due_us: int | None
    interval: float | None  # days from the last review to due
    stability: float | None
    difficulty: float | None
    lapses: int
    reviews: int
    flag: int  # index into control.FLAGS
    suspended: bool
    buried: bool  # buried until a later moment than now
    leech: bool
    search: str  # prompt and answer in lower case: what free words are looked for in

    @property
    def label(self) -> str:
        """The card's name in lists: its question id, with the cloze number or "reverse" for a second card."""
        return QUESTION_TYPES[self.type].card_label(self.question, self.ord)

    def sort_value(self, column: str) -> object:
        """The value sorted on for a column; None sorts last whichever the direction."""
        return self.due_us if column == "due" else getattr(self, column)

    def as_dict(self) -> dict[str, object]:
        """The row for `quizapp cards --json`."""
        return {"card_id": self.card_id, "bank": self.bank, "question": self.question, "ord": self.ord,
                "type": self.type, "prompt": self.prompt, "answer": self.answer, "tags": sorted(self.tags),
                "state": self.state, "due": _iso(self.due_us), "interval_days": _round(self.interval),
                "stability": _round(self.stability), "difficulty": _round(self.difficulty), "lapses": self.lapses,
                "reviews": self.reviews, "flag": FLAGS[self.flag], "suspended": self.suspended,
                "buried": self.buried, "leech": self.leech}


def _answer_text(question: Question, ord: int) -> str:
    value = question.answer_key(ord)
    if isinstance(value, (list, tuple)):
        return "; ".join(" → ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)
    return str(value)


_SELECT = ("SELECT id, bank_id, question_id, ord, qtype, state, due, last_review, stability, difficulty, lapses, reps, "
           "flag, suspended, buried_until, leech FROM cards WHERE active = 1")
CHUNK = 5000  # cards a step of iter_rows reads: a few tens of ms of work between two chances for the UI thread


def load_rows(engine: Engine, now: datetime, first: int | None = None) -> list[CardRow]:
    """Every active card of the engine's banks, with its schedule and the learner's marks.

    Args:
        engine: its banks give the questions' texts; its store the schedules.
        now: what "buried" is measured against.
        first: only this many cards, those sorting first by due date (see first_rows).

    Returns:
        The rows in the store's order (the order select_rows keeps between equal values).
    """
    if first is not None:
        return first_rows(engine, now, first)
    return [row for chunk in iter_rows(engine, now) for row in chunk]


def iter_rows(engine: Engine, now: datetime, chunk: int = CHUNK) -> Iterator[list[CardRow]]:
    """load_rows in steps of `chunk` cards (store order), each read by its own short query, so that a worker
    thread building 100,000 rows can let the UI thread run between steps and the store is never held long.

    Args:
        engine: as for load_rows.
        now: as for load_rows.
        chunk: cards a step.

    Returns:
        An iterator of lists of rows; together, load_rows(engine, now).
    """
    build = _builder(engine, now)
    after = -1
    while True:
        records = engine.store.query(_SELECT + " AND id > ? ORDER BY id LIMIT ?", (after, chunk))
        if not records:
            return
        after = records[-1][0]
        yield build(records)


def first_rows(engine: Engine, now: datetime, count: int) -> list[CardRow]:
    """The `count` cards that sort first by due date (new cards, which have none, last), read from the store's
    due index without reading every card: a browser's first screen while the whole set loads.

    Args:
        engine: as for load_rows.
        now: as for load_rows.
        count: how many cards at most.

    Returns:
        The same rows, in the same order, as the first `count` of select_rows(load_rows(...), "", now, "due").
    """
    # One ordered, LIMITed walk of the (state, due) index per state, merged: ORDER BY due over the whole table
    # would read and sort every card.
    dated: list[Any] = []
    for state in range(len(STATE_NAMES)):
        dated += engine.store.query(_SELECT + " AND state = ? AND due IS NOT NULL ORDER BY due, id LIMIT ?",
                                    (state, count))
    dated.sort(key=lambda record: (record[6], record[0]))
    build = _builder(engine, now)
    rows = build(dated[:count])
    if len(rows) < count:
        undated = engine.store.query(_SELECT + " AND due IS NULL ORDER BY id LIMIT ?", (count - len(rows),))
        rows += build(undated)
    return rows


def count_cards(engine: Engine) -> int:
    """How many cards load_rows will list (one count per bank from the store, not a row each).

    Args:
        engine: as for load_rows.

    Returns:
        The active cards of the engine's banks.
    """
    counts = engine.store.query("SELECT bank_id, count(*) FROM cards WHERE active = 1 GROUP BY bank_id")
    return sum(n for bank_id, n in counts if bank_id in engine.banks)


def _builder(engine: Engine, now: datetime) -> Callable[[list[Any]], list[CardRow]]:
    """A function from store records (_SELECT's columns) to their CardRows, leaving out questions not loaded now;
    each question's texts are built once however many of its cards are read."""
    now_us = to_us(require_utc(now))
    texts: dict[tuple[str, str, int], tuple[str, str, frozenset[str], str]] = {}  # prompt, answer, tags, search

    def build(records: list[Any]) -> list[CardRow]:
        rows = []  # one loop, no call a card: this runs 100,000 times for a large library
        for (cid, bank_id, qid, ord, qtype, state, due, last, stability, difficulty, lapses, reps, flag, suspended,
             buried_until, leech) in records:
            key = (bank_id, qid, ord)
            text = texts.get(key)
            if text is None:
                question = engine.question(bank_id, qid)
                if question is None:
                    continue  # a bank not loaded now: its cards are not browsed
                prompt, answer = question.asked(ord), _answer_text(question, ord)
                text = texts[key] = (prompt, answer, frozenset(question.tags) | frozenset(engine.banks[bank_id].tags),
                                     f"{prompt}\n{answer}".lower())
            interval = (due - last) / 86_400e6 if due is not None and last is not None else None
            rows.append(CardRow(cid, bank_id, qid, ord, qtype, text[0], text[1], text[2], STATE_NAMES[state], due,
                                interval, stability, difficulty, lapses, reps, flag, bool(suspended),
                                buried_until is not None and buried_until > now_us, bool(leech), text[3]))
        return rows
    return build


def select_rows(rows: list[CardRow], query: Query | str, now: datetime, sort: str = "due",
                descending: bool = False) -> list[CardRow]:
    """The rows that match the query, sorted by a column (ties keep the library's order).

    Args:
        rows: from load_rows.
        query: a parsed Query or its text (see quizapp.srs.query for the language).
        now: the moment `is:due` and `prop:due` are measured from.
        sort: one of COLUMNS.
        descending: largest first; empty values (a new card's due date) always sort last.

    Returns:
        A new list; `rows` is not changed.
    """
    if sort not in COLUMNS:
        raise ValueError(f"unknown column {sort!r}; columns: {', '.join(COLUMNS)}")
    if isinstance(query, str):
        query = parse_query(query)
    match = query.compile(now)
    kept = list(filter(match, rows))
    value = attrgetter("due_us" if sort == "due" else sort)
    present = [r for r in kept if value(r) is not None]
    if len(present) < len(kept):
        empty = [r for r in kept if value(r) is None]
    else:
        empty = []
    present.sort(key=value, reverse=descending)
    return present + empty


def _iso(us: int | None) -> str | None:
    return None if us is None else from_us(us).isoformat()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
