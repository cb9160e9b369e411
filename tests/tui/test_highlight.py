"""The highlighted row of a choice list is unmistakable in every theme Textual ships, read from the screen."""
from __future__ import annotations

import pytest
from textual.app import App

from quizapp.bank import load_bank

from .conftest import ALL_TYPES
from .driving import card_ready, wait_for
from .rendered import Rendered, contrast

THEMES = sorted(App().available_themes)


def true_false_bank():
    bank = load_bank(ALL_TYPES)
    q = next(q for q in bank.questions if q.type == "true_false")
    return bank.model_copy(update={"questions": (q,)})


async def test_every_theme_shows_the_highlighted_row(make_app):
    app = make_app(start="study", banks=[true_false_bank()])
    weak = []
    async with app.run_test(size=(60, 16)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await pilot.press("down")  # False highlighted, True plain: the moment of the report
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            screen = Rendered(app.export_screenshot())
            lit, plain = screen.row_of("False"), screen.row_of("True")
            x = next(x for x, _fg, text in screen.runs(lit) if text == "False")
            lit_bg, plain_bg = screen.background(lit, x), screen.background(plain, x)
            rows = contrast(lit_bg, plain_bg)
            # Every text run on the highlighted row (the list's border aside) stays readable on its background.
            text = min(contrast(fg, screen.background(lit, x0)) for x0, fg, t in screen.runs(lit)
                       if t.strip() not in ("▊", "▎"))
            if rows < 2.0 or text < 3.0:
                weak.append(f"{theme}: rows {lit_bg} vs {plain_bg} = {rows:.2f}, text {text:.2f}")
    assert not weak, "\n".join(weak)
