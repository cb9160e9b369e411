"""The quiz score: right out of asked, every mistake with the right answer and quote; optional recording."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from ...srs.quizset import QuizItem, record_items
from ...srs.wording import yours_words
from .. import keys
from ..text import literal
from ..widgets.card import answer_words, card_prompt
from ..widgets.feedback import citation
from ..widgets.footer import KeyFooter
from ..widgets.markdown import MarkdownText
from .base import AppScreen

if TYPE_CHECKING:
    from ...bank.models import Bank


class Mistake(Vertical):
    DEFAULT_CSS = """
    Mistake { height: auto; border-left: thick $error; padding: 0 1; margin: 0 0 1 0; }
    Mistake .quote { margin-top: 1; border-left: outer $primary; padding: 0 0 0 1; text-style: italic;
                     color: $text-muted; }
    Mistake .citation { color: $text-muted; text-align: right; }
    """

    def __init__(self, number: int, item: QuizItem) -> None:
        super().__init__()
        self.number, self.item = number, item

    def compose(self) -> ComposeResult:
        q, result = self.item.question, self.item.result
        assert result is not None, "a mistake is an answered item"
        prompt = card_prompt(q, self.item.ord)
        # Markdown rendered (a cloze gap in bold, \[ as [), never shown as markup.
        yield MarkdownText(f"{self.number}\\. {prompt.strip()}", classes="mistake-prompt")
        yield Static(Content.assemble(Content.styled("Yours: ", "bold $text-error"),
                                      literal(yours_words(q, self.item.given, result))))
        right = answer_words(q, self.item.ord, self.item.result)
        if q.completed() is not None:  # the whole sentence as Markdown, its gaps in bold
            yield Static(Content.styled("Right:", "bold $text-success"))
            yield MarkdownText(right)
        else:
            yield Static(Content.assemble(Content.styled("Right: ", "bold $text-success"), literal(right)))
        if q.quote:
            yield MarkdownText(q.quote, classes="quote")
            yield Static(Content("— " + citation(self.item.bank)), classes="citation")


class ScoreScreen(AppScreen[None]):
    """r records the answers in the spaced-repetition schedule; nothing is recorded otherwise.

    Dismissed (with None) when the learner leaves: the caller's callback says what comes next."""

    AUTO_FOCUS = "#score"
    BINDINGS = keys.SCORE_KEYS
    PALETTE = (("record", "Record this quiz in the schedule", "Rate each card Good if right, Again if wrong"),)

    def __init__(self, items: list[QuizItem], asked: int, banks: list[Bank]) -> None:
        """Args:
            items: the answered items (each with its result).
            asked: how many questions the quiz had (more than the items when it was ended early).
            banks: the quiz's banks.
        """
        super().__init__()
        self.items, self.asked, self.banks = items, asked, banks
        self.recorded = False

    def compose(self) -> ComposeResult:
        yield Header()
        right = sum(1 for item in self.items if item.result is not None and item.result.correct)
        total = len(self.items)
        pct = round(100 * right / total) if total else 0
        with VerticalScroll(id="score"):
            yield Static(Content.styled(f"{right} / {total} right · {pct}%", "bold"), id="score-figure")
            if total < self.asked:
                yield Static(f"Ended after {total} of {self.asked} questions.", classes="score-note")
            mistakes = [item for item in self.items if item.result is not None and not item.result.correct]
            yield Static("No mistakes." if not mistakes else f"Mistakes ({len(mistakes)}):", classes="score-note")
            for n, item in enumerate(mistakes, start=1):
                yield Mistake(n, item)
            yield Static("r records these answers in your schedule (right = Good, wrong = Again); "
                         "otherwise the schedule is untouched.", classes="score-note")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Quiz score"

    def action_record(self) -> None:
        if self.recorded:
            self.notify("Already recorded.")
        elif self.items:
            self.recorded = True
            self.record()

    @work(thread=True, exclusive=True, group="record")
    def record(self) -> None:
        now = self.quiz_app.now()
        ok, counts = self.quiz_app.with_store(
            lambda: record_items(self.quiz_app.engine_for(self.banks), self.items, now))
        if not ok or counts is None:
            return
        recorded, skipped = counts
        note = f" ({skipped} not due yet, left as they were)" if skipped else ""
        self.app.call_from_thread(self.notify, f"Recorded {recorded} answers in your schedule{note}.")

    def action_leave(self) -> None:
        self.dismiss()
