""""I was right": a typed answer graded wrong, overridden by one key, logged as such (TUI and line mode)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import yaml
from tests_support import subprocess_env

from .conftest import screen_text
from .driving import answer, card_ready, card_view, type_text, wait_for
from .test_undo_keys import footer, one_type_bank


def logged(db=None) -> list[tuple]:
    with sqlite3.connect(db or os.environ["QUIZAPP_DB"]) as conn:
        return conn.execute("SELECT c.question_id, r.rating, r.correct, r.overridden FROM reviews r "
                            "JOIN cards c ON c.id = r.card_id ORDER BY r.id").fetchall()


async def test_i_overrides_a_wrong_typed_answer_and_the_log_says_so(make_app, all_types):
    app = make_app(start="study", banks=[one_type_bank(all_types, "true_false", "short_answer")])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await answer(pilot, False)  # a choice graded wrong: no override offered, i does nothing
        await pilot.pause()
        assert "I was right" not in footer(app)
        await pilot.press("i", "1")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.type == "short_answer")
        await type_text(pilot, "Sejong teh Grate")
        await pilot.press("enter")
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app) and "i I was right" in footer(app)
        await pilot.press("i")
        await pilot.pause()
        assert "Right: you said so" in screen_text(app) and "I was right" not in footer(app)
        await pilot.press("enter")  # the suggestion is Good now
        await pilot.pause()
    assert logged() == [("dmz-exists", 1, 0, 0), ("hangul-inventor", 3, 1, 1)]


def test_line_mode_takes_right_at_the_rating_prompt(tmp_path):
    bank = tmp_path / "b.yaml"
    bank.write_text(yaml.safe_dump({"id": "b", "title": "Bank b", "questions": [
        {"id": "s1", "type": "short_answer", "prompt": "Who promulgated Hangul?", "answer": "Sejong the Great"}]}))
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", "--db", str(db), str(bank)],
                          input="King Sejong\nright\n\n", capture_output=True, text=True, timeout=60,
                          env=subprocess_env())
    assert "type right at the rating prompt" in proc.stdout and "counted as right (you said so)" in proc.stdout
    assert logged(db) == [("s1", 3, 1, 1)]
