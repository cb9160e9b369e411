"""FSRS fitted to the learner's own reviews, as Anki's "Optimize" does, with the Rust optimizer (fsrs-rs-python).

The review log is turned into FSRS items (one per review after the first day of a card: the history up to that
review, the last rating being what the model must predict), the FSRS-6 parameters are fitted to them, both the
defaults and the fit are evaluated (log loss and RMSE over bins, as Anki's "Evaluate" shows), and every card's
schedule is replayed from its own history under the fitted parameters.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import ModuleType
from typing import Any, Iterable, Sequence

from fsrs import Rating

from .clock import from_us, require_utc, to_us
from .scheduler import CardState, apply_rating, make_scheduler
from .settings import Settings
from .store import Store

try:  # an optional extra, quizapp[optimize]: some platforms have no wheel (about 2 ms to import)
    import fsrs_rs_python as _fsrs_rs_python
    fsrs_rs: ModuleType | None = _fsrs_rs_python
except ImportError:  # pragma: no cover - the test environment has it
    fsrs_rs = None

# Fewer items than this and the fit is mostly noise: fsrs-rs itself falls back to defaults on tiny logs.
MIN_ITEMS = 100

ReviewTuple = tuple[int, int, int]  # (card key: card id * 1000 + generation, reviewed_at in us, rating 1-4)
FsrsItem = Any  # fsrs_rs_python.FSRSItem: the optimizer package ships no types


class NotEnoughReviews(Exception):
    """Too few reviews to fit; the message says how many there are and how many are needed."""


@dataclass(frozen=True)
class Evaluation:
    """How well a set of parameters predicts the reviews (lower is better for both)."""

    log_loss: float
    rmse: float

    def as_dict(self) -> dict[str, float]:
        """The evaluation as `quizapp optimize --json` and the store keep it (4 places)."""
        return {"log_loss": round(self.log_loss, 4), "rmse": round(self.rmse, 4)}


@dataclass(frozen=True)
class Fit:
    """The result of fitting: the parameters and how both they and the defaults score on the reviews."""

    parameters: tuple[float, ...]
    reviews: int
    items: int
    before: Evaluation
    after: Evaluation


def _rust() -> ModuleType:
    """The optimizer package, or NotEnoughReviews saying how to install it."""
    if fsrs_rs is None:
        raise NotEnoughReviews("the optimizer needs the fsrs-rs-python package: pip install 'quizapp[optimize]'")
    return fsrs_rs


def day_number(moment_us: int, settings: Settings) -> int:
    """Which study day a moment falls in, as a day count (FSRS measures elapsed time in whole days)."""
    moment = from_us(moment_us)
    local = moment.astimezone(settings.tz) if settings.tz is not None else moment.astimezone()
    return (local - timedelta(hours=settings.day_start_hour)).date().toordinal()


def build_items(reviews: Iterable[ReviewTuple], settings: Settings, *,
                last_on_a_new_day: bool = False) -> list[FsrsItem]:
    """FSRS items from reviews sorted by (card key, time): one per review that follows a day with a review.

    Args:
        reviews: (card key, reviewed_at us, rating) in card, then time order; cram reviews left out.
        settings: gives the study day boundary (the elapsed days between two reviews).
        last_on_a_new_day: only items whose last review came on a later day than the one before it: the ones
            the model can be evaluated on (fsrs-rs refuses to evaluate a same-day review).

    Returns:
        fsrs_rs_python.FSRSItem objects, each ending in a review after at least one day (as Anki trains).
    """
    rs = _rust()
    items: list[FsrsItem] = []
    history: list[Any] = []  # fsrs_rs_python.FSRSReview
    last_card, last_day = None, 0
    for card, at, rating in reviews:
        day = day_number(at, settings)
        if card != last_card:
            history, last_day = [], day
        history_gap = day - last_day
        history.append(rs.FSRSReview(rating, history_gap))
        last_card, last_day = card, day
        item = rs.FSRSItem(list(history))
        if len(history) > 1 and item.long_term_review_cnt() > 0 and (history_gap or not last_on_a_new_day):
            items.append(item)
    return items


def store_reviews(store: Store) -> list[ReviewTuple]:
    """The store's scheduling reviews (no cram), each card's current generation only, in card and time order."""
    return [(cid * 1000 + gen, at, rating) for cid, gen, at, rating in store.query(
        "SELECT r.card_id, r.generation, r.reviewed_at, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
        "WHERE r.cram = 0 AND r.generation = c.generation ORDER BY r.card_id, r.reviewed_at, r.id")]


def evaluate(parameters: Sequence[float] | None, items: list[FsrsItem]) -> Evaluation:
    """Log loss and RMSE (bins) of parameters (None: the defaults) on items."""
    rs = _rust()
    result = rs.FSRS(list(parameters) if parameters is not None else rs.DEFAULT_PARAMETERS).evaluate(items)
    return Evaluation(result.log_loss, result.rmse_bins)


def fit(reviews: list[ReviewTuple], settings: Settings) -> Fit:
    """Fit FSRS-6 parameters to reviews; raises NotEnoughReviews when there are too few to fit."""
    rs = _rust()
    items = build_items(reviews, settings)
    if len(items) < MIN_ITEMS:
        raise NotEnoughReviews(
            f"not enough reviews to fit FSRS to you yet: {len(reviews)} reviews give {len(items)} usable "
            f"(a review of a card on a later day than its last one); at least {MIN_ITEMS} are needed. "
            "Keep studying for a few more days and try again")
    parameters = tuple(rs.FSRS(rs.DEFAULT_PARAMETERS).compute_parameters(items))
    judged = build_items(reviews, settings, last_on_a_new_day=True)
    return Fit(parameters, len(reviews), len(items), evaluate(None, judged), evaluate(parameters, judged))


def save_fit(store: Store, result: Fit, now: datetime) -> None:
    """Keep the fitted parameters in the store: every later session uses them."""
    with store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO fsrs_fit (id, parameters, fitted_at, reviews, before_json, after_json) "
                     "VALUES (1, ?, ?, ?, ?, ?)", (json.dumps(list(result.parameters)), to_us(require_utc(now)),
                                                   result.reviews, json.dumps(result.before.as_dict()),
                                                   json.dumps(result.after.as_dict())))


def optimize_store(store: Store, settings: Settings, now: datetime) -> tuple[Fit, int | None]:
    """Fit FSRS to the store's reviews and, when the fit predicts them at least as well as the current
    defaults, save it and reschedule every studied card under it (`quizapp optimize`, and Settings' action).

    Args:
        store: the review store.
        settings: the learner's settings (their parameters are replaced by the fit's).
        now: when the fit is saved.

    Returns:
        The fit, and how many cards were rescheduled (None: the fit predicts worse, nothing was changed).

    Raises:
        NotEnoughReviews: too few reviews to fit, or no optimizer installed (the message says which).
    """
    result = fit(store_reviews(store), settings)
    if result.after.log_loss > result.before.log_loss:
        return result, None
    save_fit(store, result, now)
    return result, reschedule(store, replace(settings, parameters=result.parameters))


def stored_parameters(store: Store) -> tuple[float, ...] | None:
    """The parameters `quizapp optimize` saved in this store, if any."""
    rows = store.query("SELECT parameters FROM fsrs_fit WHERE id = 1")
    return tuple(json.loads(rows[0][0])) if rows else None


def reschedule(store: Store, settings: Settings) -> int:
    """Replay every card's current history under the settings' parameters and store the resulting schedule.

    Returns:
        How many cards were rescheduled.
    """
    scheduler = make_scheduler(replace(settings, fuzz=False))
    by_card: dict[int, list[tuple[int, int]]] = {}
    for key, at, rating in store_reviews(store):
        by_card.setdefault(key // 1000, []).append((at, rating))
    updates = []
    for card_id, reviews in by_card.items():
        state = CardState()
        for at, rating in reviews:
            state = apply_rating(scheduler, card_id, state, Rating(rating), from_us(at))
        updates.append((state.state, state.step, state.stability, state.difficulty, state.due_us,
                        state.last_review_us, state.reps, state.lapses, card_id))
    with store.transaction() as conn:
        conn.executemany("UPDATE cards SET (state, step, stability, difficulty, due, last_review, reps, lapses) = "
                         "(?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?", updates)
    return len(updates)
