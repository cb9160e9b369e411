"""The learner's settings (daily limits, FSRS options, leeches, theme), kept as JSON in the user config directory."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

THEMES = {"dark": "textual-dark", "light": "textual-light"}
# The daily limits: field, words, highest value. Per bank, and for all banks together.
LIMITS = (("new_per_day", "new cards per day, each bank", 9999),
          ("new_per_day_total", "new cards per day, all banks", 99999),
          ("reviews_per_day", "reviews per day, each bank", 99999),
          ("reviews_per_day_total", "reviews per day, all banks", 999999))


@dataclass(frozen=True)
class UserConfig:
    new_per_day: int = 20
    new_per_day_total: int = 50
    reviews_per_day: int = 200
    reviews_per_day_total: int = 500
    desired_retention: float = 0.90
    maximum_interval: int = 36500  # days
    learning_steps: str = "1m 10m"  # as Anki writes them: minutes (m), hours (h) or days (d)
    relearning_steps: str = "10m"
    day_start_hour: int = 4  # the study day starts at this local hour
    leech_threshold: int = 8  # lapses that make a card a leech (0: never)
    leech_action: str = "suspend"  # or "tag"
    theme: str = "dark"

    def problems(self) -> list[str]:
        """Why these values cannot be used, in words; empty when they can."""
        out = []
        for name, words, highest in LIMITS:
            if not 0 <= getattr(self, name) <= highest:
                out.append(f"{words} must be between 0 and {highest}")
        if not 0.70 <= self.desired_retention <= 0.99:
            out.append("desired retention must be between 0.70 and 0.99")
        if not 1 <= self.maximum_interval <= 36500:
            out.append("maximum interval must be between 1 and 36500 days")
        for name in ("learning_steps", "relearning_steps"):
            try:
                parse_steps(getattr(self, name))
            except ValueError as exc:
                out.append(f"{name.replace('_', ' ')}: {exc}")
        if not 0 <= self.day_start_hour <= 23:
            out.append("the day start hour must be between 0 and 23")
        if not 0 <= self.leech_threshold <= 99:
            out.append("the leech threshold must be between 0 (never) and 99 lapses")
        if self.leech_action not in ("suspend", "tag"):
            out.append("the leech action must be suspend or tag")
        if self.theme not in THEMES:
            out.append(f"theme must be one of {', '.join(THEMES)}")
        return out


def study_settings(config: UserConfig, overrides: dict | None = None, **fixed):
    """The engine's Settings from the learner's config; overrides (command-line flags) win where not None.

    Args:
        config: the saved settings.
        overrides: limit names (as in LIMITS) to values, None meaning "not given": `--new 0` is none today.
        fixed: further Settings fields (fuzz, tz) passed as they are.

    Returns:
        A srs Settings.
    """
    from .srs.settings import Settings
    limits = {name: getattr(config, name) for name, _words, _highest in LIMITS}
    limits.update({k: v for k, v in (overrides or {}).items() if k in limits and v is not None})
    return Settings(**limits, desired_retention=config.desired_retention, maximum_interval=config.maximum_interval,
                    learning_steps=parse_steps(config.learning_steps),
                    relearning_steps=parse_steps(config.relearning_steps), day_start_hour=config.day_start_hour,
                    leech_threshold=config.leech_threshold, leech_action=config.leech_action, **fixed)


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_steps(text: str) -> tuple:
    """Learning steps as Anki writes them ("1m 10m", "10m 1h 1d") as timedeltas; raises ValueError in words.

    Args:
        text: steps separated by spaces, each a whole number and a unit (s, m, h, d); empty for none.

    Returns:
        A tuple of datetime.timedelta, shortest first as written.
    """
    from datetime import timedelta
    steps = []
    for word in text.split():
        number, unit = word[:-1], word[-1:].lower()
        if unit not in _UNITS or not number.isdigit() or not 0 < int(number) <= 100_000:
            raise ValueError(f"{word!r} is not a step; write steps such as 1m 10m 1h 1d")
        steps.append(timedelta(seconds=int(number) * _UNITS[unit]))
    if len(steps) > 10:
        raise ValueError("at most 10 steps")
    return tuple(steps)


def config_dir() -> Path:
    override = os.environ.get("QUIZAPP_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir
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
