"""The quiz score: right out of asked, every mistake with the right answer and quote; optional recording."""
from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ...srs.wording import yours_words
from ..text import literal
from ..widgets.card import answer_words, card_prompt
from ..widgets.feedback import citation
from ..widgets.footer import KeyFooter
from ..widgets.markdown import MarkdownText


class Mistake(Vertical):
    DEFAULT_CSS = """
    Mistake { height: auto; border-left: thick $error; padding: 0 1; margin: 0 0 1 0; }
    Mistake .quote { margin-top: 1; border-left: outer $primary; padding: 0 0 0 1; text-style: italic;
                     color: $text-muted; }
    Mistake .citation { color: $text-muted; text-align: right; }
    """

    def __init__(self, number: int, item) -> None:
        super().__init__()
        self.number, self.item = number, item

    def compose(self):
        q = self.item.question
        prompt = card_prompt(q, self.item.ord)
        # Markdown rendered (a cloze gap in bold, \[ as [), never shown as markup.
        yield MarkdownText(f"{self.number}\\. {prompt.strip()}", classes="mistake-prompt")
        yield Static(Content.assemble(Content.styled("Yours: ", "bold $text-error"),
                                      literal(yours_words(q, self.item.given, self.item.result))))
        right = answer_words(q, self.item.ord, self.item.result)
        if q.completed() is not None:  # the whole sentence as Markdown, its gaps in bold
            yield Static(Content.styled("Right:", "bold $text-success"))
            yield MarkdownText(right)
        else:
            yield Static(Content.assemble(Content.styled("Right: ", "bold $text-success"), literal(right)))
        if q.quote:
            yield MarkdownText(q.quote, classes="quote")
            yield Static(Content("— " + citation(self.item.bank)), classes="citation")


class ScoreScreen(Screen):
    """r records the answers in the spaced-repetition schedule; nothing is recorded otherwise."""

    AUTO_FOCUS = "#score"
    BINDINGS = [
        Binding("r", "record", "Record in schedule"),
        Binding("escape,q", "leave", "Done"),
    ]
    PALETTE = (("record", "Record this quiz in the schedule", "Rate each card Good if right, Again if wrong"),)

    def __init__(self, items: list, asked: int, banks: list, *, standalone: bool = False) -> None:
        super().__init__()
        self.items, self.asked, self.banks, self.standalone = items, asked, banks, standalone
        self.recorded = False

    def compose(self):
        yield Header()
        right = sum(1 for item in self.items if item.result.correct)
        total = len(self.items)
        pct = round(100 * right / total) if total else 0
        with VerticalScroll(id="score"):
            yield Static(Content.styled(f"{right} / {total} right · {pct}%", "bold"), id="score-figure")
            if total < self.asked:
                yield Static(f"Ended after {total} of {self.asked} questions.", classes="score-note")
            mistakes = [item for item in self.items if not item.result.correct]
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
        from ...srs.quizset import record_items
        now = self.app.now()
        ok, counts = self.app.with_store(lambda: record_items(self.app.engine_for(self.banks), self.items, now))
        if not ok:
            return
        recorded, skipped = counts
        note = f" ({skipped} not due yet, left as they were)" if skipped else ""
        self.app.call_from_thread(self.notify, f"Recorded {recorded} answers in your schedule{note}.")

    def action_leave(self) -> None:
        if self.standalone:
            self.app.exit(0)
        else:
            self.dismiss()
