"""The feedback says how a typed answer was read: a typo, a number's scale, or a request for a number."""
from __future__ import annotations

from quizapp.bank.models import Bank
from quizapp.tui.widgets.feedback import Feedback

from .conftest import screen_text
from .driving import card_ready, card_view, type_text, wait_for

BANK = Bank.model_validate({"id": "notes", "title": "Notes", "questions": [
    {"id": "king", "type": "short_answer", "prompt": "Who promulgated Hangul?", "answer": "Sejong the Great"},
    {"id": "phones", "type": "numeric", "prompt": "How many cell phones?", "answer": 2, "unit": "million"},
]})


async def test_typo_and_scale_are_spelled_out(make_app):
    app = make_app(start="study", banks=[BANK])
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await type_text(pilot, "Sejong teh Great")
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(card_view(app).query(Feedback)))
        text = screen_text(app)
        assert "Right (typo accepted)" in text and "accepted with a typo: you wrote 'Sejong teh Great'" in text
        await pilot.press("enter")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.id == "phones")
        await type_text(pilot, "2,000,000")
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(card_view(app).query(Feedback)))
        assert "right: 2,000,000 = 2 million" in screen_text(app)
