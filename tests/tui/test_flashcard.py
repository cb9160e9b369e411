"""Pilot tests of flashcards: reveal with Space or Enter, a hint, a note, self-rating in study and quiz."""
from __future__ import annotations

from quizapp.bank import load_bank
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.score import Mistake, ScoreScreen
from quizapp.tui.widgets.feedback import Feedback
from quizapp.tui.widgets.flashcard import FlashcardInput
from quizapp.tui.widgets.rating import RatingBar
from tests_support import VALID

from .conftest import reviews, screen_text
from .driving import card_ready, card_view, type_text, wait_for

FLASHCARDS = VALID / "flashcards.yaml"


async def test_study_reveals_the_back_and_the_learner_rates_it(make_app):
    app = make_app(start="study", banks=[load_bank(FLASHCARDS)])
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        view = card_view(app)
        assert view.question.id == "hallyu" and isinstance(view.input, FlashcardInput)
        text = screen_text(app)
        assert "What does hallyu name?" in text and "Space or Enter shows the back · h hint" in text
        assert "think of the sea" not in text
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: A Korean word; think of the sea." in screen_text(app)
        assert not app.screen.query_one(RatingBar).display
        await pilot.press("space")
        await wait_for(pilot, lambda: bool(view.query(Feedback)))
        text = screen_text(app)
        assert "The Korean Wave, the spread of South Korean pop culture abroad." in text
        assert "Right" not in text and "Wrong" not in text  # nothing was checked
        bar = app.screen.query_one(RatingBar)
        assert bar.display and "Good 10m" in str(bar.query_one("#rate-3").label)
        assert not any(b.has_focus for b in bar.query("Button"))  # no suggested rating
        await pilot.press("enter")  # no suggestion to take: the card stays, the learner is told to rate
        await pilot.pause()
        assert card_view(app) is view and reviews() == []
        await pilot.press("2")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app) is not view)
        second = card_view(app)
        assert (second.question.id, second.ord) == ("capital-north", 0)
        await pilot.press("tab")
        await type_text(pilot, "a city")
        await pilot.press("enter")  # Enter in the note reveals too
        await wait_for(pilot, lambda: bool(second.query(Feedback)))
        assert "the capital of North Korea" in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, lambda: len(reviews()) == 2)  # the rating stored
    assert reviews() == [("hallyu", 0, 2, 1), ("capital-north", 0, 1, 0)]  # the reverse card waits (sibling)


async def test_quiz_flashcards_are_self_marked(make_app):
    app = make_app(start="quiz", banks=[load_bank(FLASHCARDS)], options={"count": 2})
    async with app.run_test(size=(100, 34)) as pilot:
        marks = {}
        for mark in ("y", "n"):
            await wait_for(pilot, lambda: card_ready(app))
            view = card_view(app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: bool(view.query(Feedback)))
            assert isinstance(app.screen, QuizScreen)
            await pilot.press("enter")  # not marked yet: the quiz waits
            await pilot.pause()
            assert card_view(app) is view
            marks[view.question.id] = mark
            await pilot.press(mark)
        await wait_for(pilot, lambda: isinstance(app.screen, ScoreScreen))
        score = app.screen
        assert str(score.query_one("#score-figure").render()).startswith("1 / 2 right · 50%")
        (mistake,) = score.query(Mistake)
        assert marks[mistake.item.question.id] == "n"
        assert "not known (self-marked)" in screen_text(app)
