"""The learner's saved config reads the engine's defaults and ranges: one definition of each."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from quizapp.config import UserConfig, engine_settings, format_steps, load_config, parse_steps, save_config
from quizapp.srs.settings import RANGES, Settings
from tests_support import subprocess_env


def test_a_fresh_config_gives_the_engines_defaults():
    assert engine_settings(UserConfig()) == Settings()


@pytest.mark.parametrize("steps", ["1m 10m", "10m", "", "30s 1h 2d", "90m"])
def test_steps_read_back_as_written(steps):
    assert format_steps(parse_steps(steps)) == {"90m": "90m"}.get(steps, steps)
    assert parse_steps(format_steps(parse_steps(steps))) == parse_steps(steps)


@pytest.mark.parametrize("name", sorted(RANGES))
def test_config_and_engine_refuse_the_same_values(name, tmp_path):
    allowed = RANGES[name]
    for value, ok in ((allowed.lowest, True), (allowed.highest, True),
                      (allowed.highest + (0.01 if isinstance(allowed.highest, float) else 1), False)):
        value = type(getattr(UserConfig(), name))(value)
        config = replace(UserConfig(), **{name: value})
        assert (not config.problems()) is ok, (name, value)
        if ok:
            assert getattr(engine_settings(config), name) == value
        else:
            with pytest.raises(ValueError):
                Settings(**{name: value})
            path = tmp_path / "settings.json"  # a hand-edited file keeps the default for that key
            path.write_text(json.dumps({name: value}))
            assert getattr(load_config(path), name) == getattr(Settings(), name)


def test_a_config_file_saved_before_keeps_its_values(tmp_path):
    path = tmp_path / "settings.json"
    old = {"new_per_day": 5, "new_per_day_total": 12, "reviews_per_day": 200, "reviews_per_day_total": 500,
           "desired_retention": 0.85, "maximum_interval": 36500, "learning_steps": "1m 10m",
           "relearning_steps": "10m", "day_start_hour": 4, "leech_threshold": 8, "leech_action": "suspend",
           "theme": "light"}
    path.write_text(json.dumps(old))
    assert save_config(load_config(path), tmp_path / "again.json").read_text() == json.dumps(old, indent=2) + "\n"


def test_a_limit_flag_beyond_the_engines_range_is_a_usage_error(tmp_path):
    too_many = str(int(RANGES["new_per_day"].highest) + 1)
    proc = subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", "--new", too_many],
                          capture_output=True, text=True, env=subprocess_env(), timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "--new" in proc.stderr and "Traceback" not in proc.stderr
