"""Text safety and robustness: markup shown literally, escapes stripped, long text scrolls, store errors."""
from __future__ import annotations

import os
from pathlib import Path

from quizapp.bank import load_bank
from quizapp.tui.screens.message import MessageScreen
from quizapp.tui.text import clean

from .conftest import MARKUP, screen_text
from .driving import answer, card_ready, card_view, wait_for


def test_clean_strips_escape_sequences():
    assert clean("a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ d\x07\x00") == \
        "ared bc link d"
    assert clean("keep [bold]this[/]\nand\ttabs") == "keep [bold]this[/]\nand\ttabs"


async def test_markup_in_a_bank_is_shown_literally(make_app):
    bank = load_bank(MARKUP)
    app = make_app(start="quiz", banks=[bank], options={"count": 2, "feedback": True}, )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        while card_view(app).question.id != "injected":
            await answer(pilot, True)
            await pilot.press("enter")
            await wait_for(pilot, lambda: card_ready(app))
        text = screen_text(app)
        assert "Is [bold red]this[/] styled or [link=https://example.com]linked[/link]? [/] red" in text
        assert "[blink]yes[/blink]" in text and "\x1b" not in text and "title" not in text.split("linked")[1][:40]
        assert "[bold red]Markup[/] in a title" in text  # the bank title in the card's header
        await answer(pilot, False)
        text = screen_text(app)
        assert "Markup like [b]this[/b] is text here." in text
        assert "A quote with [i]markup[/i]." in text


async def test_long_prompt_scrolls_and_keeps_the_input_reachable(make_app):
    bank = load_bank(MARKUP)
    app = make_app(start="quiz", banks=[bank], options={"count": 2})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        if card_view(app).question.id != "long":
            await answer(pilot, True)
            await wait_for(pilot, lambda: card_ready(app))
        view = card_view(app)
        assert view.query_one(".prompt-box").max_scroll_y > 0  # longer than its box: it scrolls
        assert view.input.region.height > 0 and view.input.region.bottom <= app.size.height
        await pilot.press("t")
        await pilot.pause()


async def test_unusable_store_gives_a_message_not_a_traceback(make_app, all_types, tmp_path, monkeypatch):
    db = tmp_path / "not-a-store.sqlite3"
    db.write_text("this is not a database\n" * 10)
    monkeypatch.setenv("QUIZAPP_DB", str(db))
    app = make_app(start="study", banks=[all_types], db=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        await wait_for(pilot, lambda: "The review store cannot be used" in screen_text(app))  # drawn
        text = screen_text(app)
        assert "The review store cannot be used" in text and "not a quizapp review store" in text
        assert "Traceback" not in text
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
    assert db.read_text().startswith("this is not a database")
