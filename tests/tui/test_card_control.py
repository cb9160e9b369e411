"""Acting on the card being studied: suspend, bury and flag it, edit it in a real $EDITOR process, leech notice."""
from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from datetime import timedelta

from quizapp.bank import load_bank

from .conftest import ALL_TYPES, screen_text
from .driving import answer, card_ready, card_view, wait_for
from .test_browser import _editor


def _db(sql: str, *params):
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        return conn.execute(sql, params).fetchall()


async def _first_card(app, pilot):
    await wait_for(pilot, lambda: card_ready(app))
    return card_view(app).question.id


async def test_suspend_bury_and_flag_the_card_being_studied(make_app, all_types):
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(100, 40)) as pilot:
        first = await _first_card(app, pilot)
        await answer(pilot, True)  # the rating phase: keys go to the screen
        await pilot.press("exclamation_mark", "exclamation_mark")
        await wait_for(pilot, lambda: _db("SELECT flag FROM cards WHERE question_id = ?", first) == [(2,)])
        await pilot.press("at")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.id != first)
        second = card_view(app).question.id
        await app.screen.run_action("bury_card")  # from the palette, whatever has the focus
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.id not in (first, second))
    assert _db("SELECT suspended, flag FROM cards WHERE question_id = ?", first) == [(1, 2)]
    assert _db("SELECT buried_until IS NOT NULL FROM cards WHERE question_id = ?", second) == [(1,)]
    assert _db("SELECT count(*) FROM reviews") == [(0,)]  # neither counts as a review
    # The next session leaves both out; the buried card is back the next day.
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(100, 40)) as pilot:
        assert await _first_card(app, pilot) not in (first, second)


async def test_edit_during_study_shows_the_new_text_and_keeps_the_card(make_app, tmp_path, monkeypatch):
    bank_path = tmp_path / ALL_TYPES.name
    shutil.copy(ALL_TYPES, bank_path)
    bank = load_bank(bank_path, use_cache=False)
    first = bank.questions[0]
    monkeypatch.setenv("EDITOR", _editor(tmp_path, first.prompt, "Which city is the capital of South Korea?"))
    app = make_app(start="study", banks=[bank])
    async with app.run_test(size=(100, 40)) as pilot:
        assert await _first_card(app, pilot) == first.id
        card_id = app.screen.card.card_id
        await app.screen.run_action("edit_card")
        await wait_for(pilot, lambda: card_ready(app) and "Which city is the capital" in screen_text(app))
        assert app.screen.card.card_id == card_id and card_view(app).question.id == first.id
        await answer(pilot, True)
        await pilot.press("3")
        await wait_for(pilot, lambda: card_ready(app))
    assert "Which city is the capital" in bank_path.read_text(encoding="utf-8")
    assert _db("SELECT c.question_id FROM reviews r JOIN cards c ON c.id = r.card_id") == [(first.id,)]


async def test_a_leech_is_announced_and_suspended(make_app, all_types, clock):
    tf = next(q for q in all_types.questions if q.type == "true_false")
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        # Make the true/false card a review card with 7 lapses, due now: one more lapse makes it a leech.
        _db("UPDATE cards SET state = 2, stability = 3, difficulty = 5, due = 0, last_review = 0, lapses = 7 "
            "WHERE question_id = ?", tf.id)
    clock.now += timedelta(minutes=1)
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.id == tf.id)
        await answer(pilot, False)
        await pilot.press("1")
        # Toasts are not in Textual's screenshot: the app's notifications are what the learner is shown.
        await wait_for(pilot, lambda: any(n.message.startswith("Leech: this card has lapsed 8 times")
                                          for n in app._notifications))
    assert _db("SELECT leech, suspended FROM cards WHERE question_id = ?", tf.id) == [(1, 1)]
