"""The learner's saved configuration (daily limits, FSRS options, leeches, theme): JSON in the user config directory.

What each value may be and its default are the engine's (quizapp.srs.settings: Settings and RANGES); this
module only reads and writes them, with the steps written as Anki writes them and the theme beside them.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from .srs.settings import DAILY_LIMITS, RANGES, Settings, range_problems

THEMES = {"dark": "textual-dark", "light": "textual-light"}
# The daily limits: field, words, highest value (the settings form's rows). Per bank, and for all banks together.
LIMITS = tuple((name, RANGES[name].words, int(RANGES[name].highest)) for name in DAILY_LIMITS)
ENGINE_DEFAULTS = Settings()
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_steps(text: str) -> tuple[timedelta, ...]:
    """Learning steps as Anki writes them ("1m 10m", "10m 1h 1d") as timedeltas; raises ValueError in words.

    Args:
        text: steps separated by spaces, each a whole number and a unit (s, m, h, d); empty for none.

    Returns:
        A tuple of datetime.timedelta, shortest first as written.
    """
    steps = []
    for word in text.split():
        number, unit = word[:-1], word[-1:].lower()
        if unit not in _UNITS or not number.isdigit() or not 0 < int(number) <= 100_000:
            raise ValueError(f"{word!r} is not a step; write steps such as 1m 10m 1h 1d")
        steps.append(timedelta(seconds=int(number) * _UNITS[unit]))
    if len(steps) > 10:
        raise ValueError("at most 10 steps")
    return tuple(steps)


def format_steps(steps: tuple[timedelta, ...]) -> str:
    """Steps as Anki writes them ("1m 10m"): each in the largest unit that holds it whole.

    Args:
        steps: learning or relearning steps.

    Returns:
        The steps separated by spaces; empty for none.
    """
    words = []
    for step in steps:
        seconds = int(step.total_seconds())
        unit = next(u for u in ("d", "h", "m", "s") if seconds % _UNITS[u] == 0)
        words.append(f"{seconds // _UNITS[unit]}{unit}")
    return " ".join(words)


@dataclass(frozen=True)
class UserConfig:
    """What the learner saved (settings.json): the engine's defaults until changed."""

    new_per_day: int = ENGINE_DEFAULTS.new_per_day
    new_per_day_total: int = ENGINE_DEFAULTS.new_per_day_total
    reviews_per_day: int = ENGINE_DEFAULTS.reviews_per_day
    reviews_per_day_total: int = ENGINE_DEFAULTS.reviews_per_day_total
    desired_retention: float = ENGINE_DEFAULTS.desired_retention
    maximum_interval: int = ENGINE_DEFAULTS.maximum_interval  # days
    learning_steps: str = format_steps(ENGINE_DEFAULTS.learning_steps)  # minutes (m), hours (h) or days (d)
    relearning_steps: str = format_steps(ENGINE_DEFAULTS.relearning_steps)
    day_start_hour: int = ENGINE_DEFAULTS.day_start_hour  # the study day starts at this local hour
    leech_threshold: int = ENGINE_DEFAULTS.leech_threshold  # lapses that make a card a leech (0: never)
    leech_action: str = ENGINE_DEFAULTS.leech_action  # or "tag"
    theme: str = "dark"

    def problems(self) -> list[str]:
        """Why these values cannot be used, in words; empty when they can."""
        out = range_problems(self)
        for name in ("learning_steps", "relearning_steps"):
            try:
                parse_steps(getattr(self, name))
            except ValueError as exc:
                out.append(f"{name.replace('_', ' ')}: {exc}")
        if self.theme not in THEMES:
            out.append(f"theme must be one of {', '.join(THEMES)}")
        return out


def engine_settings(config: UserConfig, limits: dict[str, int | None] | None = None, **fixed: Any) -> Settings:
    """The engine's Settings from the learner's config; limits (command-line flags) win where not None.

    Args:
        config: the saved configuration.
        limits: daily limit names (as in DAILY_LIMITS) to values, None meaning "not given": `--new 0` is none today.
        fixed: further Settings fields (fuzz, tz) passed as they are.

    Returns:
        The engine's Settings.
    """
    chosen = {name: getattr(config, name) for name in DAILY_LIMITS}
    chosen.update({k: v for k, v in (limits or {}).items() if k in chosen and v is not None})
    return Settings(**chosen, desired_retention=config.desired_retention, maximum_interval=config.maximum_interval,
                    learning_steps=parse_steps(config.learning_steps),
                    relearning_steps=parse_steps(config.relearning_steps), day_start_hour=config.day_start_hour,
                    leech_threshold=config.leech_threshold, leech_action=config.leech_action, **fixed)


def load_engine_settings(limits: dict[str, int | None] | None = None, **fixed: Any) -> Settings:
    """The engine's Settings from the saved config file (shared with the TUI's settings form) and the flags given.

    Args:
        limits: daily limit names to values from the command line (None: not given).
        fixed: further Settings fields.

    Returns:
        The engine's Settings.
    """
    return engine_settings(load_config(), limits, **fixed)


def config_dir() -> Path:
    override = os.environ.get("QUIZAPP_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # 4 ms of imports that `quizapp --help` does without
    return Path(user_config_dir("quizapp", appauthor=False))


def config_path() -> Path:
    return config_dir() / "settings.json"


def load_config(path: Path | None = None) -> UserConfig:
    """The saved settings; defaults for anything missing, unreadable or out of range."""
    path = path or config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserConfig()
    if not isinstance(data, dict):
        return UserConfig()
    config = UserConfig()
    for f in fields(UserConfig):
        value = data.get(f.name)
        default = getattr(config, f.name)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not type(default):
            continue  # a hand-edited file with a wrong type keeps the default for that key
        candidate = replace(config, **{f.name: value})
        if not candidate.problems():
            config = candidate
    return config


def save_config(config: UserConfig, path: Path | None = None) -> Path:
    """Write the settings atomically; raises OSError when the directory is unwritable."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(config), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
