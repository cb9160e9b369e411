"""Settings' "Fit to my reviews": `quizapp optimize` from the TUI, on a real store holding a simulated learner's log."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from quizapp.tui.screens.settings import SettingsScreen

from .conftest import screen_text
from .driving import wait_for

pytest.importorskip("fsrs_rs_python")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "srs"))  # the simulated learner lives beside its tests
from fsrs_simulation import simulate  # noqa: E402

CARDS = 150


def _bank(folder: Path) -> None:
    lines = ["id: facts", "title: Facts", "questions:"]
    for i in range(1, CARDS + 1):
        lines += [f"  - id: q{i}", "    type: true_false", f"    prompt: Fact number {i} is true", "    answer: true"]
    (folder / "facts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _log_reviews() -> None:
    """The simulated learner's reviews, card n of the simulation on the bank's question qn."""
    state = json.dumps({"state": 2})
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        ids = dict(conn.execute("SELECT question_id, id FROM cards"))
        rows = [(ids[f"q{key // 1000}"], at, rating, state, state) for key, at, rating in simulate(CARDS, seed=4)]
        conn.executemany("INSERT INTO reviews (card_id, generation, reviewed_at, rating, state_before, state_after, "
                         "before_json, after_json) SELECT id, generation, ?, ?, 2, 2, ?, ? FROM cards WHERE id = ?",
                         [(at, rating, b, a, cid) for cid, at, rating, b, a in rows])


async def test_fit_to_my_reviews_saves_the_fit_and_reschedules(make_app, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    _bank(folder)
    app = make_app(only_paths=[folder])
    async with app.run_test(size=(100, 50)) as pilot:
        await wait_for(pilot, lambda: getattr(app.screen, "loaded", False) and app.screen.counts)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.click("#optimize")  # with no reviews yet: says why it cannot fit
        await wait_for(pilot, lambda: "not enough reviews" in screen_text(app), timeout=30)
        _log_reviews()
        await pilot.click("#optimize")
        await wait_for(pilot, lambda: "rescheduled" in screen_text(app) or "worse" in screen_text(app), timeout=60)
        text = " ".join(screen_text(app).split())
        assert "Defaults: log loss" in text and "fitted to" in text and "Saved;" in text
        assert app.library_engine.settings.parameters is not None  # later sessions schedule with the fit
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        fitted = json.loads(conn.execute("SELECT parameters FROM fsrs_fit").fetchone()[0])
        assert tuple(fitted) == app.library_engine.settings.parameters
        assert conn.execute("SELECT count(*) FROM cards WHERE due IS NOT NULL").fetchone()[0] == CARDS
