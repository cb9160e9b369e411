"""Study settings: daily limits, FSRS options, leeches, and the study day's boundary."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone, tzinfo


@dataclass(frozen=True)
class Settings:
    """What a learner can tune; the defaults are Anki's."""

    new_per_day: int = 20  # per bank
    reviews_per_day: int = 200  # per bank
    new_per_day_total: int = 50  # for all banks together
    reviews_per_day_total: int = 500
    desired_retention: float = 0.90
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36500
    fuzz: bool = True
    # A learning card due within this much is shown early when nothing else is left (Anki's "learn ahead").
    learn_ahead: timedelta = timedelta(minutes=20)
    # The study day starts at this local hour, so a session past midnight still counts as "today".
    day_start_hour: int = 4
    # Time zone of the study day; None means the system's local zone.
    tz: tzinfo | None = field(default=None)
    # A card that lapses this many times is a leech (0: never); Anki's default. Then, as in Anki, it is
    # suspended ("suspend") or only tagged ("tag").
    leech_threshold: int = 8
    leech_action: str = "suspend"
    # FSRS-6 parameters (21 floats) fitted by `quizapp optimize`; None: the engine uses the store's fit, if any,
    # else fsrs's defaults.
    parameters: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if not 0.70 <= self.desired_retention <= 0.99:
            raise ValueError(f"desired retention must be between 0.70 and 0.99, got {self.desired_retention}")
        if min(self.new_per_day, self.reviews_per_day, self.new_per_day_total, self.reviews_per_day_total) < 0:
            raise ValueError("daily limits cannot be negative")
        if self.maximum_interval < 1:
            raise ValueError("maximum interval must be at least 1 day")
        if not 0 <= self.day_start_hour <= 23:
            raise ValueError("day start hour must be 0..23")
        if self.leech_threshold < 0:
            raise ValueError("leech threshold cannot be negative")
        if self.leech_action not in ("suspend", "tag"):
            raise ValueError(f"leech action must be 'suspend' or 'tag', got {self.leech_action!r}")
        if self.parameters is not None:
            object.__setattr__(self, "parameters", tuple(float(x) for x in self.parameters))
        object.__setattr__(self, "learning_steps", tuple(self.learning_steps))
        object.__setattr__(self, "relearning_steps", tuple(self.relearning_steps))

    def day_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        """The study day containing now, as UTC datetimes [start, end)."""
        local = now.astimezone(self.tz) if self.tz is not None else now.astimezone()
        start = datetime.combine(local.date(), time(self.day_start_hour), local.tzinfo)
        if local < start:
            start -= timedelta(days=1)
        # Days are built in local wall time so that a DST change gives a 23 or 25 hour day.
        end = datetime.combine(start.date() + timedelta(days=1), time(self.day_start_hour), local.tzinfo)
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)

