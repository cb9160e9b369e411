"""FSRS scheduling through py-fsrs: a card's stored state, one rating applied to it, interval previews."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import timedelta

from fsrs import Card, Rating, Scheduler, State

from .cards import LEARNING, NEW, RELEARNING, REVIEW
from .clock import UtcTime, from_us, to_us
from .settings import Settings


@dataclass(frozen=True)
class CardState:
    """Everything the store keeps about a card's schedule; a review log row holds one before and one after."""

    state: int = NEW  # cards.NEW/LEARNING/REVIEW/RELEARNING (fsrs has no "new"; 1-3 match fsrs.State)
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due_us: int | None = None
    last_review_us: int | None = None
    reps: int = 0
    lapses: int = 0

    def as_dict(self) -> dict[str, int | float | None]:
        """The state as the review log keeps it (JSON)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, int | float | None]) -> CardState:
        """A state from as_dict's form; a field the data lacks (an older log row) takes its default."""
        return cls(**{k: data.get(k, getattr(cls, k)) for k in cls.__dataclass_fields__})


def make_scheduler(settings: Settings, *, fuzz: bool | None = None) -> Scheduler:
    """A py-fsrs Scheduler with the settings' options (fuzz: override the settings' fuzzing)."""
    extra = {"parameters": settings.parameters} if settings.parameters is not None else {}
    return Scheduler(**extra, desired_retention=settings.desired_retention, learning_steps=settings.learning_steps,
                     relearning_steps=settings.relearning_steps, maximum_interval=settings.maximum_interval,
                     enable_fuzzing=settings.fuzz if fuzz is None else fuzz)


def _to_fsrs(card_id: int, s: CardState, now: UtcTime) -> Card:
    if s.state == NEW:
        return Card(card_id=card_id, state=State.Learning, step=0, due=now)
    return Card(card_id=card_id, state=State(s.state), step=s.step, stability=s.stability, difficulty=s.difficulty,
                due=from_us(s.due_us), last_review=from_us(s.last_review_us))


def apply_rating(scheduler: Scheduler, card_id: int, before: CardState, rating: Rating, now: UtcTime) -> CardState:
    """The card's state after a review with this rating at now (UTC already: the caller made it one)."""
    card, _ = scheduler.review_card(_to_fsrs(card_id, before, now), Rating(rating), now)
    lapse = before.state == REVIEW and card.state == State.Relearning
    return replace(before, state=int(card.state), step=card.step, stability=card.stability,
                   difficulty=card.difficulty, due_us=to_us(card.due), last_review_us=to_us(card.last_review),
                   reps=before.reps + 1, lapses=before.lapses + lapse)


def preview_intervals(scheduler: Scheduler, card_id: int, before: CardState, now: UtcTime) -> dict[Rating, timedelta]:
    """How long until the card comes back after each rating (unfuzzed, as Anki shows on its buttons)."""
    out = {}
    for rating in Rating:
        after = apply_rating(scheduler, card_id, before, rating, now)
        assert after.due_us is not None  # a reviewed card is always due again
        out[rating] = from_us(after.due_us) - now
    return out


def is_learning(state: int) -> bool:
    return state in (LEARNING, RELEARNING)


def format_interval(delta: timedelta) -> str:
    """Short human form for a rating button: 1m, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")
