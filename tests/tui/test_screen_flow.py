"""Pilot tests of where leaving a screen leads: the caller of a screen decides (push_screen's callback)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from quizapp.tui import keys
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browser import BrowserScreen
from quizapp.tui.screens.library import LibraryScreen
from quizapp.tui.screens.more import StudyMoreScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.score import ScoreScreen
from quizapp.tui.screens.settings import SettingsScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.screens.study import StudyScreen

from .conftest import screen_text
from .driving import card_ready, wait_for
from .test_library import loaded


@pytest.mark.parametrize("owner, bound", [
    (QuizApp, keys.APP_KEYS), (LibraryScreen, keys.LIBRARY_KEYS), (StudyScreen, keys.STUDY_KEYS),
    (QuizScreen, keys.QUIZ_KEYS), (ScoreScreen, keys.SCORE_KEYS), (StatsScreen, keys.STATS_KEYS),
    (BrowserScreen, keys.BROWSER_KEYS), (SettingsScreen, keys.SETTINGS_KEYS)])
def test_help_lists_the_keys_each_screen_binds(owner, bound):
    assert owner.BINDINGS is bound  # Help reads tui/keys.py: a key bound anywhere else would be missing there


async def library_with_highlighted(app, pilot, path) -> None:
    await wait_for(pilot, lambda: loaded(app))
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(path)))
    await pilot.pause()


async def test_a_quiz_from_the_library_leads_back_to_the_library(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await library_with_highlighted(app, pilot, library / "all-types.yaml")
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and card_ready(app))
        await pilot.press("escape")  # ends the quiz: its score
        await wait_for(pilot, lambda: isinstance(app.screen, ScoreScreen))
        await pilot.press("q")  # leaves the score and the quiz beneath it
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert not any(isinstance(s, (QuizScreen, ScoreScreen)) for s in app.screen_stack)
        assert app.return_code is None  # still running


async def test_a_quiz_from_the_command_line_ends_the_app_from_its_score(make_app, all_types):
    app = make_app(start="quiz", banks=[all_types], options={"count": 2})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ScoreScreen))
        assert app.return_code is None
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


async def test_studying_more_from_the_library_leads_back_to_the_library(make_app, library):
    app = make_app(only_paths=[library], options={"new_per_day": 0})
    async with app.run_test(size=(100, 40)) as pilot:
        await library_with_highlighted(app, pilot, library / "all-types.yaml")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyScreen) and "Enter to" in screen_text(app))
        assert "Enter to go back to the library" in screen_text(app)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyMoreScreen))
        await pilot.press("ctrl+s")  # the first choice: extra new cards
        await wait_for(pilot, lambda: isinstance(app.screen, StudyScreen) and card_ready(app))
        await pilot.press("escape")  # nothing answered: no summary, straight out of both sessions
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert not any(isinstance(s, StudyScreen) for s in app.screen_stack)
        assert app.return_code is None


async def test_a_session_from_the_command_line_says_enter_quits(make_app, all_types):
    app = make_app(start="study", banks=[all_types], options={"new_per_day": 0})
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: "Enter to" in screen_text(app))  # the summary, drawn
        assert "Enter to quit" in screen_text(app)
