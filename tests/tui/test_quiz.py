"""Pilot tests of quiz mode: a whole quiz, its score with mistakes, and recording it only when asked."""
from __future__ import annotations

import os

from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.score import Mistake, ScoreScreen

from .conftest import reviews
from .driving import answer, card_ready, card_view, wait_for


async def run_quiz(app, pilot, right_ids: set[str]) -> list[str]:
    asked = []
    for _ in range(20):
        if not isinstance(app.screen, QuizScreen):
            break
        await wait_for(pilot, lambda: card_ready(app) or isinstance(app.screen, ScoreScreen))
        if not isinstance(app.screen, QuizScreen):
            break
        q = card_view(app).question
        asked.append(q.id)
        await answer(pilot, q.id in right_ids)
        await pilot.pause()
    return asked


async def test_full_quiz_scores_and_leaves_schedule_alone(make_app, all_types):
    app = make_app(start="quiz", banks=[all_types], options={"count": 5})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        first_two = {q.id for q in all_types.questions[:8]}
        asked = await run_quiz(app, pilot, right_ids=set())
        assert len(asked) == 5 and set(asked) <= first_two
        score = app.screen
        assert isinstance(score, ScoreScreen)
        figure = str(score.query_one("#score-figure").render())
        assert figure.startswith("0 / 5 right · 0%")
        mistakes = list(score.query(Mistake))
        assert len(mistakes) == 5
        capital = next((m for m in mistakes if m.item.question.id == "capital"), None)
        if capital is not None:
            text = " ".join(str(s.render()) for s in capital.query("Static"))
            assert "Right: Seoul" in text and "A short example text, A. Teacher" in text
    assert not os.path.exists(os.environ["QUIZAPP_DB"])  # never opened: the schedule is untouched


async def test_quiz_recorded_when_asked(make_app, all_types):
    app = make_app(start="quiz", banks=[all_types], options={"count": 3})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        asked = await run_quiz(app, pilot, right_ids={q.id for q in all_types.questions})
        assert str(app.screen.query_one("#score-figure").render()).startswith("3 / 3 right · 100%")
        await pilot.press("r")
        await wait_for(pilot, lambda: len(reviews()) == 3 if os.path.exists(os.environ["QUIZAPP_DB"]) else False)
    logged = reviews()
    assert sorted(r[0] for r in logged) == sorted(asked)
    assert {(r[2], r[3]) for r in logged} == {(3, 1)}


async def test_quiz_with_feedback_shows_each_verdict(make_app, all_types):
    app = make_app(start="quiz", banks=[all_types], options={"count": 2, "feedback": True})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await answer(pilot, False)
        assert app.screen.query("Feedback")
        await pilot.press("enter")
        await wait_for(pilot, lambda: card_ready(app))
        assert app.screen.index == 1


async def test_one_key_one_meaning_for_feedback_on_every_card_type(make_app, all_types):
    from .driving import type_text
    tf_q = next(q for q in all_types.questions if q.type == "true_false")
    typed = next(q for q in all_types.questions if q.type == "short_answer")
    bank = all_types.model_copy(update={"questions": (tf_q, typed)})
    app = make_app(start="quiz", banks=[bank], options={"count": 2})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        screen = app.screen
        on_true_false = card_view(app).question.type == "true_false"
        await pilot.press("ctrl+f")  # feedback on, whatever the card
        assert screen.feedback and screen.items[0].result is None
        if on_true_false:
            await pilot.press("f")  # f is "False" here, and only that
            assert screen.items[0].given is False and screen.feedback
        else:
            await type_text(pilot, "f")  # f is a letter of the answer here, and only that
            assert card_view(app).input.entries()[0].value == "f" and screen.feedback
