"""Study statistics from the store: card counts, due forecast, reviews per day, true retention, hardest cards."""
from __future__ import annotations

import heapq
from bisect import bisect_right
from datetime import datetime, timedelta

from .cards import NEW, REVIEW
from .settings import Settings, from_us, require_utc, to_us

DAYS = 30
HARDEST = 10


def _blank() -> dict:
    return {"title": None, "cards_total": 0, "cards_new": 0, "cards_learning": 0, "cards_review": 0,
            "due_today": 0, "reviews_30d": 0, "retention_30d": None, "last_studied": None, "_last": 0}


def compute_stats(store, banks=None, now: datetime | None = None, settings: Settings | None = None, *,
                  all_banks: bool = False) -> dict:
    """The figures of `quizapp stats --json`. banks give titles and prompts and, unless all_banks,
    limit the figures to themselves; cards of questions removed from their banks are not counted."""
    if now is None:
        raise ValueError("compute_stats needs now (the engine never reads the clock)")
    now = require_utc(now)
    settings = settings or Settings()
    banks = {b.id: b for b in banks or ()}
    wanted = None if all_banks or not banks else set(banks)
    day_starts = _day_starts(settings, now, -DAYS + 1, DAYS + 1)  # 29 days back .. 30 days ahead, plus an end
    today = DAYS - 1
    boundaries = [to_us(d) for d in day_starts]
    per_bank: dict[str, dict] = {}
    forecast = [0] * DAYS
    hardest: list = []
    totals = {"cards_total": 0, "cards_new": 0, "cards_learning": 0, "cards_review": 0}

    for bank_id, question_id, ord, state, due, lapses, last_review in store.query(
            "SELECT bank_id, question_id, ord, state, due, lapses, last_review FROM cards WHERE active = 1"):
        if wanted is not None and bank_id not in wanted:
            continue
        b = per_bank.setdefault(bank_id, _blank())
        if last_review and last_review > b["_last"]:
            b["_last"] = last_review
        kind = ("cards_new" if state == NEW else "cards_review" if state == REVIEW else "cards_learning")
        for bucket in (totals, b):
            bucket["cards_total"] += 1
            bucket[kind] += 1
        if state != NEW and due is not None:
            day = max(0, bisect_right(boundaries, due) - 1 - today)  # overdue counts as due today
            if day < DAYS:
                forecast[day] += 1
            if day == 0:
                b["due_today"] += 1
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
        b = per_bank.setdefault(bank_id, _blank()) if bank_id in per_bank or bank_id in banks else {}
        b["reviews_30d"] = b.get("reviews_30d", 0) + 1
        if state_before == REVIEW:  # true retention: only cards that were due for recall, not learning steps
            judged += 1
            passed += rating > 1
            b["_judged"] = b.get("_judged", 0) + 1
            b["_passed"] = b.get("_passed", 0) + (rating > 1)

    for bank_id, b in per_bank.items():
        b["title"] = banks[bank_id].title if bank_id in banks else None
        last = b.pop("_last", 0)
        b["last_studied"] = from_us(last).isoformat() if last else None
        judged_b = b.pop("_judged", 0)
        b["retention_30d"] = round(b.pop("_passed", 0) / judged_b, 4) if judged_b else None

    return {
        **totals,
        "due_today": forecast[0],
        "cards_retired": _retired(store, wanted),
        "reviews_total": _reviews_total(store, wanted),
        "reviews_today": per_day[today],
        "retention_30d": round(passed / judged, 4) if judged else None,
        "forecast": [{"date": _local_date(settings, day_starts[today + i]), "due": n} for i, n in enumerate(forecast)],
        "reviews_per_day": [{"date": _local_date(settings, day_starts[i]), "count": n} for i, n in enumerate(per_day)],
        "banks": dict(sorted(per_bank.items())),
        "hardest": [_hard_entry(banks, *item) for item in sorted(hardest, reverse=True)],
    }


def _retired(store, wanted) -> int:
    """Cards no longer scheduled: their question, or their whole bank, left the library (history kept)."""
    if wanted is None:
        return store.query("SELECT count(*) FROM cards WHERE active = 0")[0][0]
    marks = ",".join("?" * len(wanted))
    return store.query(f"SELECT count(*) FROM cards WHERE active = 0 AND bank_id IN ({marks})", tuple(wanted))[0][0]


def _reviews_total(store, wanted) -> int:
    if wanted is None:
        return (store.query("SELECT count(*) FROM reviews")[0][0]
                - store.query("SELECT count(*) FROM reviews WHERE cram = 1")[0][0])
    marks = ",".join("?" * len(wanted))
    return store.query(f"SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                       f"WHERE r.cram = 0 AND c.bank_id IN ({marks})", tuple(wanted))[0][0]


def _hard_entry(banks, lapses, bank_id, question_id, ord) -> dict:
    question = banks[bank_id].question(question_id) if bank_id in banks else None
    prompt = question.asked(ord) if question is not None else None
    return {"bank": bank_id, "question": question_id, "ord": ord, "lapses": lapses, "prompt": prompt}


def _day_starts(settings: Settings, now: datetime, first: int, last: int) -> list[datetime]:
    """Start of each study day from `first` to `last` days relative to today (inclusive), in UTC."""
    start, _ = settings.day_bounds(now)
    return [settings.day_bounds(start + timedelta(days=i, hours=12))[0] for i in range(first, last + 1)]


def _local_date(settings: Settings, day_start: datetime) -> str:
    local = day_start.astimezone(settings.tz) if settings.tz is not None else day_start.astimezone()
    return local.date().isoformat()
