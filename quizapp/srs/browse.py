"""The card browser's data: one row per card of the library, filtered by a small Anki-like query and sorted.

Rows are plain tuples-in-dataclasses built once from one SELECT; filtering and sorting run in Python over them,
so 100,000 cards filter and sort in tens of milliseconds (benchmarks/bench_browse.py).
"""
from __future__ import annotations

from datetime import datetime
from operator import attrgetter
from typing import NamedTuple

from ..bank.models import Question
from .cards import STATE_NAMES, answer_of, flashcard_sides
from .control import FLAGS
from .engine import Engine
from .query import Query, parse_query
from .clock import from_us, require_utc, to_us

__all__ = ["CardRow", "COLUMNS", "Query", "load_rows", "parse_query", "select_rows", "prompt_of"]

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
        if self.type == "cloze":
            return f"{self.question} c{self.ord}"
        return f"{self.question} reverse" if self.type == "flashcard" and self.ord else self.question

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


def prompt_of(question: Question, ord: int = 0) -> str:
    """The text a card asks: a prompt, a cloze text or a flashcard's shown side (the back for its reverse card)."""
    if question.type == "flashcard":
        return flashcard_sides(question, ord)[0]
    for attr in ("prompt", "text", "front"):
        value = getattr(question, attr, None)
        if isinstance(value, str):
            return value
    return question.id


def _answer_text(question: Question, ord: int) -> str:
    value = answer_of(question, ord)
    if isinstance(value, (list, tuple)):
        return "; ".join(" → ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)
    return str(value)


def load_rows(engine: Engine, now: datetime, first: int | None = None) -> list[CardRow]:
    """Every active card of the engine's banks, with its schedule and the learner's marks.

    Args:
        engine: its banks give the questions' texts; its store the schedules.
        now: what "buried" is measured against.
        first: only this many cards, the soonest due first (new cards last): a browser's first screen while
            the whole set loads (100,000 cards take seconds to read; a page takes milliseconds).
    """
    now_us = to_us(require_utc(now))
    questions = {(bank.id, q.id): (bank, q) for bank in engine.banks.values() for q in bank.questions}
    texts: dict[tuple[str, str, int], tuple[str, str, frozenset[str], str]] = {}  # prompt, answer, tags, search
    rows = []
    # No ORDER BY for the whole set: row ids follow the banks' order as they were synced, and the browser sorts.
    page = " ORDER BY due IS NULL, due, id LIMIT ?" if first is not None else ""
    for (cid, bank_id, qid, ord, qtype, state, due, last, stability, difficulty, lapses, reps, flag, suspended,
         buried_until, leech) in engine.store.query(
            "SELECT id, bank_id, question_id, ord, qtype, state, due, last_review, stability, difficulty, lapses, "
            "reps, flag, suspended, buried_until, leech FROM cards WHERE active = 1" + page,
            (first,) if first is not None else ()):
        key = (bank_id, qid, ord)
        text = texts.get(key)
        if text is None:
            found = questions.get((bank_id, qid))
            if found is None:
                continue  # a bank not loaded now: its cards are not browsed
            bank, question = found
            prompt, answer = prompt_of(question, ord), _answer_text(question, ord)
            text = texts[key] = (prompt, answer, frozenset(question.tags) | frozenset(bank.tags),
                                 f"{prompt}\n{answer}".lower())
        interval = (due - last) / 86_400e6 if due is not None and last is not None else None
        rows.append(CardRow(cid, bank_id, qid, ord, qtype, text[0], text[1], text[2], STATE_NAMES[state], due,
                            interval, stability, difficulty, lapses, reps, flag, bool(suspended),
                            buried_until is not None and buried_until > now_us, bool(leech), text[3]))
    return rows


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
