"""Typed answers: short answer, numeric (with its unit) and cloze gaps, each in an input line."""
from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from ...srs.checking import Given
from ..text import clean
from .base import MARK_RIGHT, MARK_WRONG, AnswerInput, TextEntry

TYPED_CSS = """
TypedInput Horizontal { height: auto; }
TypedInput TextEntry { max-width: 70; }
TypedInput TextEntry.number { max-width: 24; }
TypedInput Label.field { padding: 1 1 0 0; color: $text-muted; }
TypedInput Label.mark { padding: 1 0 0 1; text-style: bold; }
TypedInput Label.mark.-right { color: $text-success; }
TypedInput Label.mark.-wrong { color: $text-error; }
"""


class TypedInput(AnswerInput):
    """One or more input lines; Enter moves to the next empty one, then checks."""

    DEFAULT_CSS = TYPED_CSS

    def entries(self) -> list[Input]:
        return list(self.query(TextEntry))

    def focus_first(self) -> None:
        self.entries()[0].focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        entries = self.entries()
        empty = [e for e in entries if not e.value.strip()]
        if empty and (len(entries) > 1 or event.input is not empty[0]):
            empty[0].focus()
            return
        if empty:
            self.notify("Type an answer first (or press Enter on an empty line again to give up).",
                        severity="warning")
            event.input.add_class("-asked")
            if "-asked-twice" in event.input.classes:
                self.submit(self.given())
            event.input.add_class("-asked-twice")
            return
        self.submit(self.given())

    def given(self) -> Given:
        return self.entries()[0].value

    def set_marks(self, oks: list[bool]) -> None:
        for label, ok in zip(self.query("Label.mark").results(Label), oks):
            label.update(MARK_RIGHT if ok else MARK_WRONG)
            label.set_class(ok, "-right")
            label.set_class(not ok, "-wrong")


class ShortAnswerInput(TypedInput):
    """A short_answer question; gives the typed text."""

    def __init__(self, question, rng=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question = question

    def compose(self):
        with Horizontal():
            yield TextEntry(placeholder="Your answer", id="entry-0")
            yield Label("", classes="mark")
        yield Static("Type your answer · Enter checks", classes="hint")

    def show_result(self, result) -> None:
        self.set_marks([result.correct])


class NumericInput(ShortAnswerInput):
    """A numeric question; gives the raw typed text, the unit shown beside the input."""

    def compose(self):
        with Horizontal():
            yield TextEntry(placeholder="A number", id="entry-0", classes="number")
            if self.question.unit:
                yield Label(clean(self.question.unit), classes="field", markup=False)
            yield Label("", classes="mark")
        yield Static("Type a number · Enter checks", classes="hint")


class ClozeInput(TypedInput):
    """A cloze card: one input per gap of this card's number, in text order; gives a list."""

    def __init__(self, question, ord: int, gaps: list[tuple[str, str | None]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.question, self.ord, self.gaps = question, ord, gaps

    def compose(self):
        for i, (_answer, hint) in enumerate(self.gaps):
            with Horizontal():
                label = f"Gap {i + 1}" + (f" ({clean(hint)})" if hint else "")
                yield Label(label, classes="field", markup=False)
                yield TextEntry(placeholder="…", id=f"entry-{i}")
                yield Label("", classes="mark")
        yield Static("Fill the gap" + ("s" if len(self.gaps) > 1 else "") + " · Enter checks", classes="hint")

    def given(self) -> Given:
        return [e.value for e in self.entries()]

    def show_result(self, result) -> None:
        details = list(result.details or ())
        if len(details) == len(self.gaps):
            self.set_marks([ok for _label, ok in details])
        else:
            self.set_marks([result.correct] * len(self.gaps))
