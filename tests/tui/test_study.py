"""Pilot tests of study sessions: every type right and wrong, rating, Enter for the suggestion, undo, summary."""
from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.tui.screens.summary import SessionSummary
from quizapp.tui.widgets.feedback import Feedback
from quizapp.tui.widgets.rating import RatingBar

from .conftest import reviews, screen_text
from .driving import answer, card_ready, card_view, wait_for

TYPES = ["multiple_choice", "multiple_choice", "true_false", "short_answer", "numeric", "cloze", "ordering",
         "matching"]


def has_card(app) -> bool:
    """A card whose input has the keyboard, or the summary."""
    return card_ready(app) or bool(app.screen.query(SessionSummary))


@pytest.mark.parametrize("correct", [True, False], ids=["right", "wrong"])
async def test_every_type_answered_and_rated(make_app, all_types, correct):
    app = make_app(start="study", banks=[all_types])
    seen = []
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        for _ in TYPES:  # the new cards come in bank order, one card per question a day
            view = card_view(app)
            seen.append(view.question.type)
            await answer(pilot, correct)
            feedback = app.screen.query_one(Feedback)
            assert feedback.result.correct is correct, (view.question.id, feedback.result)
            verdict = str(feedback.query_one(".verdict").render())
            assert ("Right" in verdict) is correct
            bar = app.screen.query_one(RatingBar)
            assert bar.display
            focused = app.focused
            assert focused is not None and focused.id == ("rate-3" if correct else "rate-1")
            assert "Again 1m" in str(bar.query_one("#rate-1").label)
            await pilot.press("enter")  # takes the suggested rating
            await wait_for(pilot, lambda: has_card(app))
    assert seen == TYPES
    logged = reviews()
    assert [r[3] for r in logged] == [int(correct)] * len(TYPES)
    assert {r[2] for r in logged} == {3 if correct else 1}


async def test_session_summary_after_the_last_card(make_app, all_types):
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        for _ in TYPES:
            await answer(pilot, True)
            await pilot.press("4")  # Easy: out of learning, due in days
            await wait_for(pilot, lambda: has_card(app))
        summary = app.screen.query_one(SessionSummary)
        text = " ".join(str(s.render()) for s in summary.query("Static"))
    assert "Session complete" in text
    assert "Answered  8" in text and "Right     8 (100%)" in text
    assert "Next due  in " in text


async def test_rating_keys_and_undo(make_app, all_types, clock):
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        first = card_view(app).question.id
        await pilot.press("u")  # nothing to undo yet: stays on the card
        assert card_view(app).question.id == first
        await answer(pilot, True)
        clock.now += timedelta(seconds=12)
        await pilot.press("4")  # Easy, by key
        await pilot.pause()
        assert card_view(app).question.id != first
        assert reviews() == [(first, 0, 4, 1)]
        await pilot.press("u")
        await pilot.pause()
        assert card_view(app).question.id == first
        assert reviews() == []
        assert app.screen.query_one(RatingBar).display is False
        await answer(pilot, False)
        await pilot.press("2")  # Hard, against the suggestion
        await pilot.pause()
    assert reviews() == [(first, 0, 2, 0)]


async def test_number_keys_do_not_rate_before_answering(make_app, all_types):
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        view = card_view(app)
        await pilot.press("ctrl+z")
        assert card_view(app) is view and reviews() == []


async def test_escape_ends_a_standalone_session_and_keeps_answers(make_app, all_types):
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        await answer(pilot, True)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")  # mid-session: the summary first, the answer already stored
        await wait_for(pilot, lambda: "Session ended" in screen_text(app))
        assert len(reviews()) == 1 and app.return_code is None
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    assert len(reviews()) == 1


async def test_the_next_card_is_prepared_while_the_feedback_is_read(make_app, all_types):
    from quizapp.tui.widgets.card import CardView
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        screen = app.screen
        for _ in range(5):
            await answer(pilot, True)
            await wait_for(pilot, lambda: screen.prepared is not None)
            prepared_card, prepared_view, _ = screen.prepared
            assert prepared_view.display is False and card_view(app).question.id != prepared_card.key[1]
            await pilot.press("3")
            await wait_for(pilot, lambda: has_card(app))
            assert card_view(app) is prepared_view  # swapped in, not built again
            assert screen.card == prepared_card and prepared_view.question.id == prepared_card.key[1]
            # Earlier cards are removed at the next quiet moment: the screen never piles them up.
            assert len(screen.query(CardView)) <= 3


async def test_a_wrong_guess_is_dropped_and_the_due_card_shown(make_app, all_types, clock):
    from quizapp.tui.widgets.card import CardView
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        screen = app.screen
        first = card_view(app).question.id
        await answer(pilot, False)
        await pilot.press("1")  # Again: back in a minute
        await wait_for(pilot, lambda: has_card(app) and card_view(app).question.id != first)
        await answer(pilot, True)
        await wait_for(pilot, lambda: screen.prepared is not None)
        guessed_view = screen.prepared[1]
        assert screen.prepared[0].state == "new"
        clock.now += timedelta(minutes=2)  # the first card is due again before the guessed new one
        await pilot.press("3")
        await wait_for(pilot, lambda: has_card(app) and card_view(app).question.id == first)
        assert screen.card.state == "learning" and card_view(app) is not guessed_view
        assert guessed_view not in screen.query(CardView)


async def test_a_long_session_does_not_keep_removed_widgets_alive(make_app):
    """Textual keeps removed widgets alive in two places (issues #6665, #6666); quizapp/tui/leaks.py lets
    them go, so full garbage collections stay short however long the session."""
    import gc
    from textual._styles_cache import StylesCache
    from textual.widget import Widget
    from quizapp.bank import load_file
    from tests_support import ROOT

    bank = load_file(ROOT / "decks" / "usb-kpop.yaml").bank
    app = make_app(start="study", banks=[bank], options={"new_per_day": 100})

    def leftovers() -> tuple[int, int]:
        gc.collect()
        in_dom = {id(node) for node in app.screen.walk_children(with_self=True)}
        widgets = [o for o in gc.get_objects() if isinstance(o, Widget) and id(o) not in in_dom]
        return len(widgets), sum(isinstance(o, StylesCache) for o in gc.get_objects())

    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: has_card(app))
        for _ in range(24):
            await answer(pilot, False)
            await wait_for(pilot, lambda: app.screen.prepared is not None or not app.screen.retired)
            await pilot.press("1")
            await wait_for(pilot, lambda: has_card(app))
        await answer(pilot, False)
        await wait_for(pilot, lambda: not app.screen.retired)
        removed_alive, render_caches = leftovers()
        widgets_on_screen = len(list(app.screen.walk_children(with_self=True)))
    assert removed_alive <= 5, removed_alive  # without the workarounds: 60+ footer keys and text inputs
    assert render_caches <= widgets_on_screen + 10, (render_caches, widgets_on_screen)
