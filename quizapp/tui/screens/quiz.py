"""Quiz mode: N questions in random order, no feedback until the end unless asked, then the score."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Header, ProgressBar, Static

from ...srs.checking import CheckResult, check_answer, self_marked
from ...srs.quizset import QuizItem, pick_items
from .. import keys
from ..leaks import release_removed_widgets
from ..text import literal
from ..widgets.footer import KeyFooter
from ..widgets.base import AnswerInput
from ..widgets.card import CardView
from .base import AppScreen
from .score import ScoreScreen

if TYPE_CHECKING:
    from ...bank.models import Bank


class QuizScreen(AppScreen[None]):
    """Answers are checked silently; Ctrl+F shows feedback after each one; Escape ends the quiz early.

    Dismissed (with None) once its score screen is left: the caller's callback says what comes next."""

    AUTO_FOCUS = ""  # the card's input takes the focus once it is mounted
    BINDINGS = keys.QUIZ_KEYS
    PALETTE = (("toggle_feedback", "Feedback after each question", "Show right or wrong as you go, or only at the end"),
               ("finish", "End the quiz now", "Score the questions answered so far"))

    def __init__(self, banks: list[Bank], *, count: int | None = None, feedback: bool = False) -> None:
        super().__init__()
        self.banks, self.count, self.feedback = banks, count, feedback
        self.items: list[QuizItem] = []
        self.index = 0
        self.waiting = False  # feedback shown, waiting for Enter

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-bar"):
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="session-progress")
            yield Static("", id="session-counts")
        yield Static("", id="card-slot")
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.sub_title = "Quiz: " + " + ".join(b.title for b in self.banks[:2]) + (" + …" if len(self.banks) > 2 else "")
        self.items = pick_items(self.banks, self.count, self.quiz_app.rng)
        await self.show_item()

    async def show_item(self) -> None:
        self.waiting = False
        for old in self.query(CardView):
            await old.remove()
        item = self.items[self.index]
        view = CardView(item.bank, item.question, item.ord, rng=self.quiz_app.rng,
                        meta=f"question {self.index + 1} of {len(self.items)}", id="card")
        await self.mount(view, after="#card-slot")
        if item.question.self_graded:
            view.input.after_reveal = "Did you know it? y yes · n no"  # Enter / Space on the revealed card
        view.input.focus_first()
        self.update_progress()
        self.call_after_refresh(release_removed_widgets, self.app)  # the earlier questions' widgets

    def update_progress(self) -> None:
        self.query_one("#session-progress", ProgressBar).update(total=len(self.items), progress=self.index)
        mode = "feedback on" if self.feedback else "feedback at the end"
        self.query_one("#session-counts", Static).update(literal(f"{self.index} of {len(self.items)} · {mode}"))

    @on(AnswerInput.Submitted)
    async def check(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        item = self.items[self.index]
        if item.result is not None:
            return
        item.given = event.given
        result: CheckResult = check_answer(item.question, item.ord, event.given)
        item.result = result
        if result.self_graded:  # a flashcard: show the back, then the learner marks it (y / n)
            await self.query_one(CardView).show_feedback(result)
            self.waiting = True
            self.notify("Did you know it? y yes · n no", timeout=4)
        elif self.feedback:
            await self.query_one(CardView).show_feedback(result)
            self.waiting = True
            self.query_one(CardView).focus()
            self.notify("Enter for the next question.", timeout=2)
        else:
            await self.action_next()

    async def action_mark(self, right: bool) -> None:
        """Self-mark a revealed flashcard right or wrong, and go on."""
        item = self.items[self.index]
        if item.result is None or not item.result.self_graded or item.result.correct is not None:
            return
        item.result = self_marked(item.result, right)
        await self.action_next()

    async def action_next(self) -> None:
        result = self.items[self.index].result
        if result is None:
            return
        if result.correct is None:
            self.notify("Did you know it? y yes · n no", timeout=4)
            return
        self.index += 1
        if self.index >= len(self.items):
            await self.action_finish()
        else:
            await self.show_item()

    def action_toggle_feedback(self) -> None:
        self.feedback = not self.feedback
        self.update_progress()
        self.notify("Feedback after each question" if self.feedback else "Feedback only at the end")

    async def action_finish(self) -> None:
        # A flashcard revealed but not yet marked when the quiz ends counts as not asked.
        answered = [item for item in self.items if item.result is not None and item.result.correct is not None]
        # The score over the quiz; leaving the score leaves the quiz too.
        self.app.push_screen(ScoreScreen(answered, len(self.items), self.banks), self.leave)

    def leave(self, _result: None = None) -> None:
        """The score was left: so is the quiz."""
        self.dismiss()
