"""Pilot tests of the daily limits in the TUI: the summary names the limit, and "study more today" goes on."""
from __future__ import annotations

from quizapp.tui.screens.more import StudyMoreScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.screens.summary import SessionSummary

from .conftest import reviews, screen_text
from .driving import answer, card_ready, type_text, wait_for


def has_card_or_summary(app) -> bool:
    return card_ready(app) or bool(app.screen.query(SessionSummary))


async def test_the_limit_is_named_and_study_more_gives_extra_new_cards(make_app, all_types):
    app = make_app(start="study", banks=[all_types], options={"new_per_day": 1})
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: has_card_or_summary(app))
        await answer(pilot, True)
        await pilot.press("4")
        await wait_for(pilot, lambda: bool(app.screen.query(SessionSummary)))
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert "held back by the daily limit of 1 new card per bank (reached in: Every question type)" in text
        assert "m studies more today" in text and "o changes the limits in Settings" in text
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyMoreScreen))
        await pilot.press("tab", "backspace", "backspace")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyScreen) and card_ready(app))
        assert "2 extra new" in app.screen.sub_title
        for _ in range(2):
            await answer(pilot, True)
            await pilot.press("4")
            await wait_for(pilot, lambda: has_card_or_summary(app))
        assert app.screen.query(SessionSummary)
    assert len(reviews()) == 3


async def test_cram_a_tag_from_study_more_shows_no_intervals(make_app, all_types):
    from quizapp.tui.widgets.rating import RatingBar
    app = make_app(start="study", banks=[all_types], options={"new_per_day": 0})
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: has_card_or_summary(app))
        await wait_for(pilot, lambda: "Daily limit reached" in screen_text(app))
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyMoreScreen))
        await pilot.press("down", "down", "enter", "tab")  # the third choice: cram
        tag = sorted(all_types.questions[0].tags or all_types.tags)[0]
        await type_text(pilot, f"#{tag}")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyScreen) and card_ready(app))
        assert app.screen.cram and f"#{tag}" in app.screen.sub_title and "cram" in app.screen.sub_title
        await answer(pilot, True)
        labels = [str(b.label) for b in app.screen.query_one(RatingBar).query("Button")]
        assert labels == ["1 Again", "2 Hard", "3 Good", "4 Easy"]  # cram changes no schedule: no intervals
