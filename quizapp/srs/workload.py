"""What a desired retention costs: reviews a day, as Anki's deck options estimate it, from FSRS's simulator."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .optimize import fsrs_rs

DAYS = 365  # the span simulated: a year of study
SECONDS_PER_MINUTE = 60.0


@dataclass(frozen=True)
class Workload:
    """The simulated cost of one desired retention over a year of study."""

    retention: float
    reviews_per_day: float  # average over the year, learning steps included
    minutes_per_day: float  # with the simulator's default seconds per review of each rating
    remembered: int  # cards recalled at that retention at the end of the year

    def describe(self, baseline: "Workload | None" = None) -> str:
        """One line a learner reads beside the setting."""
        reviews = f"{self.reviews_per_day:.0f}" if self.reviews_per_day >= 10 else f"{self.reviews_per_day:.1f}"
        minutes = f"{self.minutes_per_day:.0f}" if self.minutes_per_day >= 10 else f"{self.minutes_per_day:.1f}"
        text = f"about {reviews} reviews ({minutes} min) a day over a year, {self.remembered} cards remembered"
        if baseline is not None and baseline.reviews_per_day:
            text += f"; {self.reviews_per_day / baseline.reviews_per_day:.2f}x the workload at " \
                    f"{baseline.retention:.0%}"
        return text


def estimate(retention: float, *, new_per_day: int, cards: int, parameters: Sequence[float] | None = None,
             maximum_interval: int = 36500, seed: int = 42) -> Workload | None:
    """Simulate a year of study at this retention (fsrs-rs's simulator, as Anki's deck options use it).

    Args:
        retention: the desired retention, 0.70-0.99.
        new_per_day: new cards introduced a day.
        cards: how many cards there are to learn (the library's).
        parameters: FSRS parameters (the learner's fit, or None for the defaults).
        maximum_interval: days.
        seed: the simulation's seed, fixed so the same settings always show the same figure.

    Returns:
        The estimate, or None where the optimizer package is not installed.
    """
    if fsrs_rs is None:
        return None
    rs = fsrs_rs
    config = rs.default_simulator_config()
    config.deck_size = max(1, cards)
    config.learn_span = DAYS
    config.learn_limit = max(0, new_per_day)
    config.max_ivl = float(maximum_interval)
    result = rs.simulate(list(parameters) if parameters is not None else rs.DEFAULT_PARAMETERS, retention, config,
                         seed)
    return Workload(retention, sum(result.review_cnt_per_day) / DAYS,
                    sum(result.cost_per_day) / DAYS / SECONDS_PER_MINUTE,
                    round(result.memorized_cnt_per_day[-1]) if result.memorized_cnt_per_day else 0)
