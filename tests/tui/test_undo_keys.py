"""Undo as the learner meets it: the footer names the key that works now; u before rating retypes this card."""
from __future__ import annotations

from quizapp.tui.screens.help import help_text

from .conftest import reviews
from .driving import answer, card_ready, card_view, type_text, wait_for


def footer(app) -> str:
    from textual.widgets import Footer
    return " ".join(" ".join(str(k.render()) for k in app.screen.query_one(Footer).children).split())


def one_type_bank(all_types, *types):
    questions = tuple(next(q for q in all_types.questions if q.type == t) for t in types)
    return all_types.model_copy(update={"questions": questions})


async def test_footer_shows_ctrl_z_while_typing_and_u_otherwise(make_app, all_types):
    app = make_app(start="study", banks=[one_type_bank(all_types, "true_false", "short_answer")])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await pilot.pause()
        assert "u Undo" in footer(app) and "^z" not in footer(app)
        await answer(pilot, True)
        await pilot.press("4")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.type == "short_answer")
        await pilot.pause()
        assert "^z Undo" in footer(app) and "u Undo" not in footer(app)
        await type_text(pilot, "u")  # a letter here
        assert card_view(app).input.entries()[0].value == "u"
        await pilot.press("ctrl+z")  # takes back the true/false card
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.type == "true_false")
    assert reviews() == []
    assert "Ctrl+Z" in help_text().plain


async def test_u_after_answering_retypes_the_current_card_only(make_app, all_types):
    app = make_app(start="study", banks=[one_type_bank(all_types, "true_false", "numeric")])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: card_ready(app))
        await answer(pilot, True)
        await pilot.press("4")
        await wait_for(pilot, lambda: card_ready(app) and card_view(app).question.type == "numeric")
        first_view = card_view(app)
        await answer(pilot, False)  # a slip
        await pilot.press("u")  # before rating: this card again, the true/false one stays answered
        await wait_for(pilot, lambda: card_ready(app) and card_view(app) is not first_view)
        assert card_view(app).question.type == "numeric" and app.screen.result is None
        await answer(pilot, True)
        await pilot.press("enter")
        await pilot.pause()
    assert [(r[0], r[3]) for r in reviews()] == [("dmz-exists", 1), ("population", 1)]
