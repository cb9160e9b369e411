"""Study statistics from the store: card counts, due forecast, reviews per day, true retention, hardest cards."""
from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from ..bank.models import Bank
from .cards import NEW, REVIEW
from .clock import from_us, require_utc, to_us
from .settings import Settings
from .store import Store

DAYS = 30
HARDEST = 10


class BankFigures(TypedDict):
    """One bank's row of `quizapp stats --json` (keys in this order)."""

    title: str | None  # None: a bank not loaded now
    cards_total: int
    cards_new: int
    cards_learning: int  # learning and relearning
    cards_review: int
    due_today: int
    reviews_30d: int
    retention_30d: float | None  # passed / judged, 4 places; None with nothing judged
    last_studied: str | None  # ISO time of the bank's latest review, UTC


class DueOnDay(TypedDict):
    date: str  # the study day, local ISO date
    due: int


class ReviewsOnDay(TypedDict):
    date: str
    count: int


class HardCard(TypedDict):
    bank: str
    question: str
    ord: int
    lapses: int
    prompt: str | None  # None: the bank is not loaded now


class Stats(TypedDict):
    """The figures of `quizapp stats --json`, in its key order (json.dumps keeps it: do not reorder)."""

    cards_total: int
    cards_new: int
    cards_learning: int
    cards_review: int
    due_today: int
    cards_retired: int
    reviews_total: int
    reviews_today: int
    retention_30d: float | None  # true retention: reviews of cards due for recall that passed
    forecast: list[DueOnDay]  # today and the next 29 days
    reviews_per_day: list[ReviewsOnDay]  # the last 30 days, today last
    banks: dict[str, BankFigures]  # by bank id, sorted
    hardest: list[HardCard]  # most lapses first


@dataclass
class _Tally:
    """Counts gathered while the rows are read: of all banks, or of one (whose rows it then becomes)."""

    total: int = 0
    new: int = 0
    learning: int = 0
    review: int = 0
    due_today: int = 0
    reviews: int = 0
    judged: int = 0  # reviews of a card in the review state: what true retention is measured on
    passed: int = 0
    last_us: int = 0  # the latest last_review of its cards

    def count_card(self, state: int) -> None:
        self.total += 1
        if state == NEW:
            self.new += 1
        elif state == REVIEW:
            self.review += 1
        else:
            self.learning += 1

    @property
    def retention(self) -> float | None:
        return round(self.passed / self.judged, 4) if self.judged else None

    def figures(self, title: str | None) -> BankFigures:
        return BankFigures(title=title, cards_total=self.total, cards_new=self.new, cards_learning=self.learning,
                           cards_review=self.review, due_today=self.due_today, reviews_30d=self.reviews,
                           retention_30d=self.retention,
                           last_studied=from_us(self.last_us).isoformat() if self.last_us else None)


def compute_stats(store: Store, banks: Iterable[Bank] | None = None, now: datetime | None = None,
                  settings: Settings | None = None, *, all_banks: bool = False) -> Stats:
    """The figures of `quizapp stats --json`.

    Args:
        store: the review store.
        banks: give titles and prompts and, unless all_banks, limit the figures to themselves.
        now: the moment "today" is measured from (required: the engine never reads the clock).
        settings: the study day's boundary and zone.
        all_banks: figures of every bank in the store, not only of banks.

    Returns:
        The figures; cards of questions removed from their banks are not counted.
    """
    if now is None:
        raise ValueError("compute_stats needs now (the engine never reads the clock)")
    now = require_utc(now)
    settings = settings or Settings()
    by_id = {b.id: b for b in banks or ()}
    wanted = None if all_banks or not by_id else set(by_id)
    day_starts = _day_starts(settings, now, -DAYS + 1, DAYS + 1)  # 29 days back .. 30 days ahead, plus an end
    today = DAYS - 1
    boundaries = [to_us(d) for d in day_starts]
    per_bank: dict[str, _Tally] = {}
    forecast = [0] * DAYS
    hardest: list[tuple[int, str, str, int]] = []
    totals = _Tally()

    for bank_id, question_id, ord, state, due, lapses, last_review in store.query(
            "SELECT bank_id, question_id, ord, state, due, lapses, last_review FROM cards WHERE active = 1"):
        if wanted is not None and bank_id not in wanted:
            continue
        b = per_bank.setdefault(bank_id, _Tally())
        if last_review and last_review > b.last_us:
            b.last_us = last_review
        totals.count_card(state)
        b.count_card(state)
        if state != NEW and due is not None:
            day = max(0, bisect_right(boundaries, due) - 1 - today)  # overdue counts as due today
            if day < DAYS:
                forecast[day] += 1
            if day == 0:
                b.due_today += 1
        if lapses:
            item = (lapses, bank_id, question_id, ord)
            (heapq.heappush if len(hardest) < HARDEST else heapq.heappushpop)(hardest, item)

    per_day = [0] * DAYS
    passed = judged = 0
    for bank_id, at, state_before, rating in store.query(
            "SELECT c.bank_id, r.reviewed_at, r.state_before, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE r.reviewed_at >= ? AND r.cram = 0", (boundaries[0],)):
        if wanted is not None and bank_id not in wanted:
            continue
        day = bisect_right(boundaries, at) - 1
        if 0 <= day <= today:
            per_day[day] += 1
        # A bank with no active card (retired: renamed or removed) gets no row; its reviews still count above.
        b = per_bank.setdefault(bank_id, _Tally()) if bank_id in per_bank or bank_id in by_id else _Tally()
        b.reviews += 1
        if state_before == REVIEW:  # true retention: only cards that were due for recall, not learning steps
            judged += 1
            passed += rating > 1
            b.judged += 1
            b.passed += rating > 1

    return Stats(
        cards_total=totals.total, cards_new=totals.new, cards_learning=totals.learning, cards_review=totals.review,
        due_today=forecast[0],
        cards_retired=_retired(store, wanted),
        reviews_total=_reviews_total(store, wanted),
        reviews_today=per_day[today],
        retention_30d=round(passed / judged, 4) if judged else None,
        forecast=[DueOnDay(date=_local_date(settings, day_starts[today + i]), due=n) for i, n in enumerate(forecast)],
        reviews_per_day=[ReviewsOnDay(date=_local_date(settings, day_starts[i]), count=n)
                         for i, n in enumerate(per_day)],
        banks={bank_id: b.figures(by_id[bank_id].title if bank_id in by_id else None)
               for bank_id, b in sorted(per_bank.items())},
        hardest=[_hard_entry(by_id, *item) for item in sorted(hardest, reverse=True)],
    )


def _count(store: Store, sql: str, params: tuple[str, ...] = ()) -> int:
    count: int = store.query(sql, params)[0][0]
    return count


def _retired(store: Store, wanted: set[str] | None) -> int:
    """Cards no longer scheduled: their question, or their whole bank, left the library (history kept)."""
    if wanted is None:
        return _count(store, "SELECT count(*) FROM cards WHERE active = 0")
    marks = ",".join("?" * len(wanted))
    return _count(store, f"SELECT count(*) FROM cards WHERE active = 0 AND bank_id IN ({marks})", tuple(wanted))


def _reviews_total(store: Store, wanted: set[str] | None) -> int:
    if wanted is None:
        return (_count(store, "SELECT count(*) FROM reviews")
                - _count(store, "SELECT count(*) FROM reviews WHERE cram = 1"))
    marks = ",".join("?" * len(wanted))
    return _count(store, f"SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                         f"WHERE r.cram = 0 AND c.bank_id IN ({marks})", tuple(wanted))


def _hard_entry(banks: dict[str, Bank], lapses: int, bank_id: str, question_id: str, ord: int) -> HardCard:
    question = banks[bank_id].question(question_id) if bank_id in banks else None
    prompt = question.asked(ord) if question is not None else None
    return HardCard(bank=bank_id, question=question_id, ord=ord, lapses=lapses, prompt=prompt)


def _day_starts(settings: Settings, now: datetime, first: int, last: int) -> list[datetime]:
    """Start of each study day from `first` to `last` days relative to today (inclusive), in UTC."""
    start, _ = settings.day_bounds(now)
    return [settings.day_bounds(start + timedelta(days=i, hours=12))[0] for i in range(first, last + 1)]


def _local_date(settings: Settings, day_start: datetime) -> str:
    local = day_start.astimezone(settings.tz) if settings.tz is not None else day_start.astimezone()
    return local.date().isoformat()
