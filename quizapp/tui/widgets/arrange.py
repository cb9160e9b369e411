"""Ordering (move items with the keyboard) and matching (pair items by letter keys)."""
from __future__ import annotations

import string

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from ...bank.shuffle import shuffled
from ..text import clean
from .base import MARK_RIGHT, MARK_WRONG, AnswerInput, item_label
from .choices import ChoiceRow, row_of

ROWS_CSS = """
{name} {{ border: tall $surface-lighten-1; height: auto; }}
{name}:focus {{ border: tall $accent; }}
{name} ChoiceRow.-grabbed {{ background: $warning 30%; text-style: bold; }}
{name} .options {{ color: $text-muted; padding: 0 1; height: auto; margin-top: 1; }}
"""


class RowsInput(AnswerInput, can_focus=True):
    """Rows with a cursor moved by the arrows; subclasses say what a row shows and what moving does."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]
    cursor = reactive(0, init=False)

    def label(self, i: int) -> tuple[Content, Content]:
        """Row i as drawn: its lead and its text (each kind of rows says what they are)."""
        raise NotImplementedError

    def compose_rows(self, count: int):
        for i in range(count):
            yield ChoiceRow(self.label(i), classes="-highlight" if i == 0 else "")

    def rows(self) -> list[ChoiceRow]:
        return list(self.query(ChoiceRow))

    def watch_cursor(self, old: int, new: int) -> None:
        rows = self.rows()
        rows[old].remove_class("-highlight")
        rows[new].add_class("-highlight")
        rows[old].update(self.label(old))
        rows[new].update(self.label(new))
        rows[new].scroll_visible()

    def lit(self, i: int) -> bool:
        """Whether row i is the highlighted one (drawn reversed) while answering."""
        return i == self.cursor and not self.locked

    def redraw(self) -> None:
        for i, row in enumerate(self.rows()):
            row.update(self.label(i))

    def on_click(self, event: events.Click) -> None:
        row = row_of(event.widget)
        if row is not None and not self.locked:
            self.focus()
            self.cursor = self.rows().index(row)


class OrderingInput(RowsInput):
    """An ordering question: Space grabs an item, arrows move it, Enter checks; gives the order."""

    BINDINGS = [
        Binding("shift+up,ctrl+up", "shift(-1)", "Move up", show=False),
        Binding("shift+down,ctrl+down", "shift(1)", "Move down", show=False),
        Binding("space", "grab", "Grab", show=False),
        Binding("enter", "confirm", "Check", show=False),
    ]
    DEFAULT_CSS = ROWS_CSS.format(name="OrderingInput")
    grabbed = reactive(False, init=False)

    def __init__(self, question, rng, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.order = shuffled(question.items, rng)
        self.marks: list[str] = [""] * len(self.order)

    def compose(self):
        yield from self.compose_rows(len(self.order))
        yield Static("↑↓ choose · Space grabs/drops · Shift+↑↓ moves · Enter checks", classes="hint")

    def label(self, i: int):
        return item_label(str(i + 1), self.order[i], self.marks[i], lit=self.lit(i))

    def action_move(self, step: int) -> None:
        if self.locked:
            return
        if self.grabbed:
            self.action_shift(step)
        else:
            self.cursor = (self.cursor + step) % len(self.order)

    def action_shift(self, step: int) -> None:
        j = self.cursor + step
        if self.locked or not 0 <= j < len(self.order):
            return
        self.order[self.cursor], self.order[j] = self.order[j], self.order[self.cursor]
        self.redraw()
        self.rows()[self.cursor].remove_class("-grabbed")
        self.cursor = j
        self.rows()[j].set_class(self.grabbed, "-grabbed")

    def action_grab(self) -> None:
        if not self.locked:
            self.grabbed = not self.grabbed
            self.rows()[self.cursor].set_class(self.grabbed, "-grabbed")

    def action_confirm(self) -> None:
        self.grabbed = False
        for row in self.rows():
            row.remove_class("-grabbed")
        self.submit(list(self.order))

    def show_result(self, result) -> None:
        for i, item in enumerate(self.order):
            self.marks[i] = MARK_RIGHT if self.question.items[i] == item else MARK_WRONG
        self.redraw()


class MatchingInput(RowsInput):
    """A matching question: for the highlighted item press the letter of its match; gives a dict."""

    BINDINGS = [
        Binding("backspace,delete", "clear", "Clear", show=False),
        Binding("enter", "confirm", "Check", show=False),
    ]
    DEFAULT_CSS = ROWS_CSS.format(name="MatchingInput")

    def __init__(self, question, rng, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.lefts = list(question.pairs)
        self.rights = shuffled(question.pairs.values(), rng)
        self.letters = list(string.ascii_lowercase[: len(self.rights)])
        self.chosen: dict[int, int] = {}
        self.marks: list[str] = [""] * len(self.lefts)

    def compose(self):
        yield from self.compose_rows(len(self.lefts))
        options = "   ".join(f"{k}) {clean(text)}" for k, text in zip(self.letters, self.rights))
        yield Static(options, classes="options", markup=False)
        yield Static(f"↑↓ choose an item · {self.letters[0]}-{self.letters[-1]} pairs it · Enter checks",
                     classes="hint")

    def label(self, i: int):
        j = self.chosen.get(i)
        match = f"{self.letters[j]}) {self.rights[j]}" if j is not None else "…"
        return item_label(str(i + 1), f"{self.lefts[i]}  →  {match}", self.marks[i], lit=self.lit(i))

    def action_move(self, step: int) -> None:
        if not self.locked:
            self.cursor = (self.cursor + step) % len(self.lefts)

    def action_clear(self) -> None:
        if not self.locked:
            self.chosen.pop(self.cursor, None)
            self.redraw()

    def on_key(self, event: events.Key) -> None:
        if self.locked or not event.character or event.character not in self.letters:
            return
        event.stop()
        event.prevent_default()
        j = self.letters.index(event.character)
        for left, right in list(self.chosen.items()):
            if right == j:  # each match pairs with one item: taking it frees the other
                del self.chosen[left]
        self.chosen[self.cursor] = j
        self.redraw()
        unpaired = [i for i in range(len(self.lefts)) if i not in self.chosen]
        if unpaired:
            self.cursor = next((i for i in unpaired if i > self.cursor), unpaired[0])

    def action_confirm(self) -> None:
        if len(self.chosen) < len(self.lefts):
            self.notify("Pair every item first: highlight it and press its match's letter.", severity="warning")
            return
        self.submit({self.lefts[i]: self.rights[j] for i, j in self.chosen.items()})

    def show_result(self, result) -> None:
        for i, left in enumerate(self.lefts):
            j = self.chosen.get(i)
            self.marks[i] = MARK_RIGHT if j is not None and self.rights[j] == self.question.pairs[left] else MARK_WRONG
        self.redraw()
