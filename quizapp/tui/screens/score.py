"""The quiz score: right out of asked, every mistake with the right answer and quote; optional recording."""
from __future__ import annotations

import json

from textual import work
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from ..text import literal
from ..widgets.card import card_prompt
from ..widgets.feedback import citation
from ..widgets.footer import KeyFooter
from ..widgets.markdown import MarkdownText


def shown(given) -> str:
    """A given answer in words."""
    if given is None or given == "" or given == []:
        return "(no answer)"
    if isinstance(given, bool):
        return "true" if given else "false"
    if isinstance(given, dict):
        return "; ".join(f"{k} → {v}" for k, v in given.items())
    if isinstance(given, list):
        return ", ".join(map(str, given)) if all(isinstance(g, str) for g in given) else json.dumps(given)
    return str(given)


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
        yield Static(Content.styled(f"{self.number}. ", "bold") + literal(prompt.splitlines()[0]))
        yours = shown(self.item.given)
        if self.item.result.self_graded:
            yours = "not known (self-marked)" + (f"; your note: {yours}" if self.item.given else "")
        yield Static(Content.assemble(Content.styled("Yours: ", "bold $text-error"), literal(yours)))
        yield Static(Content.assemble(Content.styled("Right: ", "bold $text-success"),
                                      literal(self.item.result.expected)))
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
        by_key = {item.key: item for item in self.items}
        now = self.app.now()
        done = set()

        def answer_all() -> None:
            session = self.app.engine_for(self.banks).session(now, cards=list(by_key))
            while (card := session.next_card(now)) is not None and card.key not in done:
                item = by_key[card.key]
                session.answer(card, item.result.suggested, now, given=item.given, result=item.result)
                done.add(card.key)

        ok, _ = self.app.with_store(answer_all)
        if not ok:
            return
        skipped = len(by_key) - len(done)
        note = f" ({skipped} not due yet, left as they were)" if skipped else ""
        self.app.call_from_thread(self.notify, f"Recorded {len(done)} answers in your schedule{note}.")

    def action_leave(self) -> None:
        if self.standalone:
            self.app.exit(0)
        else:
            self.dismiss()
