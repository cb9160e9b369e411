"""Pilot tests of settings: saved to the config file, used by the next app; bad values refused."""
from __future__ import annotations

import json
import os
from pathlib import Path

from quizapp.config import load_config
from quizapp.tui.screens.settings import SettingsScreen

from .driving import type_text, wait_for


async def set_field(pilot, field: str, value: str) -> None:
    pilot.app.screen.query_one(f"#{field}").focus()
    await pilot.pause()
    await pilot.press("end", *["backspace"] * 8)
    await type_text(pilot, value)


async def test_settings_saved_and_used_next_time(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await set_field(pilot, "new_per_day", "5")
        await set_field(pilot, "new_per_day_total", "12")
        await set_field(pilot, "desired_retention", "0.85")
        app.screen.query_one("#theme").focus()
        await pilot.press("right", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert app.theme == "textual-light"
    saved = json.loads((Path(os.environ["QUIZAPP_CONFIG_DIR"]) / "settings.json").read_text())
    assert saved == {"new_per_day": 5, "new_per_day_total": 12, "reviews_per_day": 200, "reviews_per_day_total": 500,
                     "desired_retention": 0.85, "maximum_interval": 36500, "learning_steps": "1m 10m",
                     "relearning_steps": "10m", "day_start_hour": 4, "leech_threshold": 8, "leech_action": "suspend",
                     "theme": "light"}
    again = make_app(only_paths=[library])
    assert again.config == load_config() and again.scheduler_settings().new_per_day == 5
    assert again.scheduler_settings().new_per_day_total == 12
    assert again.scheduler_settings().desired_retention == 0.85


async def test_out_of_range_retention_refused(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await set_field(pilot, "desired_retention", "1.5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # still open, with an error notification
        assert any("retention" in n.message for n in app._notifications)
    assert not (Path(os.environ["QUIZAPP_CONFIG_DIR"]) / "settings.json").exists()


def test_damaged_config_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"new_per_day": "lots", "reviews_per_day": 50, "desired_retention": 3, "theme": "light"}')
    config = load_config(path)
    assert (config.new_per_day, config.reviews_per_day, config.desired_retention, config.theme) == (20, 50, 0.9, "light")
    path.write_text("not json")
    assert load_config(path).new_per_day == 20


def test_command_line_limits_override_the_config_even_when_zero(make_app):
    app = make_app(options={"new_per_day": 0, "reviews_per_day": None})
    assert app.scheduler_settings().new_per_day == 0 and app.scheduler_settings().reviews_per_day == 200


def test_the_faster_theme_lookup_answers_as_textuals_own(make_app):
    from textual.app import App
    app = make_app()
    names = ["textual-dark", "textual-light", "nord", "no-such-theme", "no-such, textual-light", " gruvbox ,nord", ""]
    for name in names:
        assert app.get_theme(name) is App.get_theme(app, name), name
    assert app.get_theme("textual-light") is not None


async def test_fsrs_and_leech_settings_with_the_workload_they_imply(make_app, library):
    from datetime import timedelta
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        workload = app.screen.query_one("#workload")
        await wait_for(pilot, lambda: "x the workload at 90%" in str(workload.render()))
        await set_field(pilot, "desired_retention", "0.95")
        await wait_for(pilot, lambda: "1.00x" not in str(workload.render()) and "x the workload" in str(workload.render()))
        factor = float(str(workload.render()).split("; ")[-1].split("x")[0])
        assert factor > 1.2  # 95% costs clearly more reviews than 90%
        await set_field(pilot, "maximum_interval", "365")
        await set_field(pilot, "learning_steps", "2m 15m 1h")
        await set_field(pilot, "day_start_hour", "6")
        await set_field(pilot, "leech_threshold", "5")
        app.screen.query_one("#leech_action").focus()
        await pilot.press("right", "enter")
        await set_field(pilot, "relearning_steps", "5x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # a step it cannot read: told, not saved
        assert any("'5x' is not a step" in n.message for n in app._notifications)
        await set_field(pilot, "relearning_steps", "5m")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, SettingsScreen))
    settings = make_app(only_paths=[library]).scheduler_settings()
    assert settings.maximum_interval == 365 and settings.day_start_hour == 6
    assert settings.learning_steps == (timedelta(minutes=2), timedelta(minutes=15), timedelta(hours=1))
    assert settings.relearning_steps == (timedelta(minutes=5),)
    assert (settings.leech_threshold, settings.leech_action) == (5, "tag")


async def test_a_headless_app_keeps_its_text_cursors_still(make_app, library):
    """A pilot (tests, screenshots, benchmarks) runs headless: no cursor blinks there, so screenshots of one
    state are alike; in a terminal the cursor blinks (Textual's default)."""
    from quizapp.tui.widgets.base import TextEntry
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        entries = list(app.screen.query(TextEntry))
        assert app.is_headless and entries and not any(entry.cursor_blink for entry in entries)
