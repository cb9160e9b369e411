"""Bank text on screen: Markdown rendered, HTML shown as text, answers in the card's own words."""
from __future__ import annotations

from pathlib import Path

from quizapp.bank import load_bank
from quizapp.tui.screens.score import ScoreScreen

from .conftest import screen_text
from .driving import answer, card_ready, card_view, type_text, wait_for

HTML = Path(__file__).resolve().parent / "banks" / "html.yaml"


def flat(app) -> str:
    return " ".join(screen_text(app).replace("│", " ").replace("▌", " ").split())


async def test_inline_html_is_shown_as_text_in_prompt_and_explanation(make_app):
    app = make_app(start="study", banks=[load_bank(HTML)])
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        assert "The HTML tag for bold is <b>" in flat(app)
        await pilot.press("t")
        await wait_for(pilot, lambda: "<u>u</u> underlines; <b>b</b> is bold." in flat(app))
        assert "Answer: True" in flat(app)  # in the choices' words, not "true"


async def test_cloze_feedback_gives_the_completed_sentence(make_app):
    app = make_app(start="study", banks=[load_bank(HTML)])
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await pilot.press("t", "3")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.type == "cloze")
        await type_text(pilot, "usb sticks")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Brackets [escaped] stay: USB sticks carried dramas north." in flat(app))


async def test_score_screen_renders_markdown_and_joins_orders_alike(make_app):
    app = make_app(start="quiz", banks=[load_bank(HTML)])
    async with app.run_test(size=(80, 40)) as pilot:
        for _ in range(3):
            await wait_for(pilot, lambda: card_ready(app))
            await answer(pilot, False)
        await wait_for(pilot, lambda: isinstance(app.screen, ScoreScreen))
        await pilot.pause()
        text = flat(app)
        assert "**" not in text and "\\[" not in text
        assert "Brackets [escaped] stay:" in text and "[…]" in text
        order = load_bank(HTML).questions[2]
        assert "Right: First step → Second step → Third step" in text
        yours = next(line for line in screen_text(app).splitlines() if "Yours:" in line and "step" in line)
        assert yours.count(" → ") == len(order.items) - 1 and ", " not in yours


async def test_library_description_rendered_title_cut_with_ellipsis_and_cloze_cards_explained(make_app, tmp_path):
    import shutil
    from quizapp.tui.screens.library import LibraryScreen
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(HTML, folder / HTML.name)
    app = make_app(only_paths=[folder])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen) and bool(app.screen.counts))
        await pilot.pause()
        text = flat(app)
        assert "Learn the planets of <b>our</b> solar system." in text and "**" not in text
        assert "A very long bank title that i…" in text
        assert "3 questions, 4 cards: each cloze gap is a card of its own" in text
        assert "1 bank · 3 questions · 4 due today" not in text and "0 due today" in text
        await pilot.press("space", "up", "space")  # select and deselect: the due figure stays
        await pilot.pause()
        assert "· 0 due today" in flat(app)


async def test_all_four_rating_buttons_fit_50_columns(make_app, all_types):
    from .driving import answer
    app = make_app(start="study", banks=[all_types])
    async with app.run_test(size=(50, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await answer(pilot, False)
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "1 Again" in line)
        for label in ("1 Again 1m", "2 Hard 6m", "3 Good 10m", "4 Easy 8d"):
            assert label in line, line
