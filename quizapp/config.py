"""The learner's settings (daily limits, retention, theme), kept as JSON in the user config directory."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

THEMES = {"dark": "textual-dark", "light": "textual-light"}


@dataclass(frozen=True)
class UserConfig:
    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.90
    theme: str = "dark"

    def problems(self) -> list[str]:
        """Why these values cannot be used, in words; empty when they can."""
        out = []
        if not 0 <= self.new_per_day <= 9999:
            out.append("new cards per day must be between 0 and 9999")
        if not 0 <= self.reviews_per_day <= 99999:
            out.append("reviews per day must be between 0 and 99999")
        if not 0.70 <= self.desired_retention <= 0.99:
            out.append("desired retention must be between 0.70 and 0.99")
        if self.theme not in THEMES:
            out.append(f"theme must be one of {', '.join(THEMES)}")
        return out


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
