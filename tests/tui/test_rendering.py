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


async def test_wrapped_item_lines_and_help_lines_hang_under_their_text(make_app, tmp_path):
    import yaml
    from quizapp.bank import load_bank as load
    from .rendered import Rendered

    def starts(screen, first_words: str) -> tuple[float, float]:
        """x of the run starting with first_words, and x of the first text run on the row below it."""
        row, x = next((r, x) for r, x, _fg, t in screen.texts if t.lstrip().startswith(first_words))
        below = min(x for x2, _fg, t in screen.runs(row + 1) if t.strip() not in ("▊", "▎", "█")
                    for x in [x2 + (len(t) - len(t.lstrip())) * 12.2])
        return x, below

    path = tmp_path / "order.yaml"
    long_item = "A K-pop delegation receives a standing ovation from an audience that includes the leader"
    path.write_text(yaml.safe_dump({"id": "o", "title": "Order", "questions": [
        {"id": "o1", "type": "ordering", "prompt": "Order these.", "items": [long_item, "Short one"]}]}))
    app = make_app(start="study", banks=[load(path)])
    async with app.run_test(size=(50, 24)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        text_x, wrapped_x = starts(Rendered(app.export_screenshot()), "A K-pop")
        assert wrapped_x == text_x
        await pilot.press("question_mark")
        await pilot.pause()
        text_x, wrapped_x = starts(Rendered(app.export_screenshot()), "command palette")
        assert wrapped_x == text_x
