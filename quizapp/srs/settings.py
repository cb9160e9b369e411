"""Study settings: daily limits, FSRS options, leeches, and the study day's boundary."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone, tzinfo


@dataclass(frozen=True)
class Range:
    """The values one setting may take, and how a learner reads its name (in messages and the settings form)."""

    lowest: float
    highest: float
    words: str
    unit: str = ""

    def problem(self, value: float) -> str | None:
        """Why value is out of range, in words; None when it is in range."""
        if self.lowest <= value <= self.highest:
            return None
        if value < 0 <= self.lowest:
            return f"{self.words} cannot be negative"
        shown = (f"{self.lowest:.2f}", f"{self.highest:.2f}") if isinstance(self.lowest, float) else \
            (f"{self.lowest}", f"{self.highest}")
        return f"{self.words} must be between {shown[0]} and {shown[1]}{self.unit}"


# The one definition of what each setting may be: the engine checks its Settings against it, the learner's
# saved config (quizapp.config) and the command-line flags read it. The daily limits first, in the order the
# settings form shows them; a million a day is, for a learner, no limit.
RANGES = {
    "new_per_day": Range(0, 999_999, "new cards per day, each bank"),
    "new_per_day_total": Range(0, 999_999, "new cards per day, all banks"),
    "reviews_per_day": Range(0, 999_999, "reviews per day, each bank"),
    "reviews_per_day_total": Range(0, 999_999, "reviews per day, all banks"),
    "desired_retention": Range(0.70, 0.99, "desired retention"),
    "maximum_interval": Range(1, 36_500, "maximum interval", " days"),  # Anki's upper bound: 100 years
    "day_start_hour": Range(0, 23, "the day start hour"),
    "leech_threshold": Range(0, 99, "the leech threshold (0: never)", " lapses"),
}
DAILY_LIMITS = ("new_per_day", "new_per_day_total", "reviews_per_day", "reviews_per_day_total")
LEECH_ACTIONS = ("suspend", "tag")


def range_problems(values: object) -> list[str]:
    """Why settings cannot be used, each checked against RANGES and LEECH_ACTIONS, in words.

    Args:
        values: the engine's Settings, or the learner's saved config: anything with those names as attributes.

    Returns:
        One sentence per value out of range; empty when every value can be used.
    """
    out = [problem for name, allowed in RANGES.items() if (problem := allowed.problem(getattr(values, name)))]
    action = getattr(values, "leech_action")
    if action not in LEECH_ACTIONS:
        out.append(f"the leech action must be {' or '.join(LEECH_ACTIONS)}, not {action!r}")
    return out


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
        problems = range_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
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

