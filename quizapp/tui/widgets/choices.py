"""Numbered options for multiple choice and true/false: number keys, arrows and Enter, Space toggles."""
from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from ...bank.shuffle import shuffled
from ...srs.checking import Given
from .base import MARK_RIGHT, MARK_WRONG, AnswerInput, item_label


class ChoiceRow(Horizontal):
    """A row of a list: its lead (mark and key) and its text, which wraps under itself (a hanging indent)."""

    DEFAULT_CSS = """
    ChoiceRow { height: auto; padding: 0 1; }
    ChoiceRow > .lead { width: auto; }
    ChoiceRow > .text { width: 1fr; }
    /* Reversed: a bar in the text's own colours, unmistakable in every theme, ANSI ones included. */
    ChoiceRow.-highlight { text-style: reverse bold; }
    .-answered ChoiceRow.-highlight { text-style: none; }
    ChoiceRow.-selected { text-style: bold; }
    ChoiceRow.-right { color: $text-success; }
    ChoiceRow.-wrong { color: $text-error; }
    """

    def __init__(self, label: tuple[Content, Content], **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label

    def compose(self):
        yield Static(self.label[0], classes="lead")
        yield Static(self.label[1], classes="text")

    def update(self, label: tuple[Content, Content]) -> None:
        self.label = label
        if self.is_mounted and self.children:
            self.query_one(".lead", Static).update(label[0])
            self.query_one(".text", Static).update(label[1])


def row_of(widget) -> ChoiceRow | None:
    """The ChoiceRow a clicked widget belongs to (the row itself or its lead or text)."""
    return widget if isinstance(widget, ChoiceRow) else next(
        (w for w in widget.ancestors if isinstance(w, ChoiceRow)), None)


class ChoiceList(AnswerInput, can_focus=True):
    """Options with hot keys; a single-answer list submits on the first pick."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("space", "toggle", "Toggle", show=False),
        Binding("enter", "confirm", "Check", show=False),
    ]
    DEFAULT_CSS = """
    ChoiceList { border: tall $surface-lighten-1; padding: 0 0; }
    ChoiceList:focus { border: tall $accent; }
    """
    highlighted = reactive(0, init=False)

    def __init__(self, options: list[str], keys: list[str], *, multiple: bool = False,
                 values: list | None = None, hint: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.options, self.keys, self.multiple = options, keys, multiple
        self.values = values if values is not None else options
        self.selected: set[int] = set()
        self.marks: dict[int, str] = {}
        self.hint = hint

    def compose(self):
        for i, (key, text) in enumerate(zip(self.keys, self.options)):
            yield ChoiceRow(self._label(i), id=f"choice-{i}", classes="-highlight" if i == 0 else "")
        if self.hint:
            yield Static(self.hint, classes="hint")

    def _label(self, i: int):
        box = ("[x] " if i in self.selected else "[ ] ") if self.multiple else ""
        return item_label(self.keys[i], box + self.options[i], self.marks.get(i, ""),
                          lit=i == self.highlighted and not self.locked)

    def _rows(self) -> list[ChoiceRow]:
        return list(self.query(ChoiceRow))

    def _refresh_row(self, i: int) -> None:
        row = self._rows()[i]
        row.update(self._label(i))
        row.set_class(i in self.selected, "-selected")

    def watch_highlighted(self, old: int, new: int) -> None:
        rows = self._rows()
        rows[old].remove_class("-highlight")
        rows[new].add_class("-highlight")
        self._refresh_row(old)
        self._refresh_row(new)
        rows[new].scroll_visible()

    def action_move(self, step: int) -> None:
        if not self.locked:
            self.highlighted = (self.highlighted + step) % len(self.options)

    def pick(self, i: int) -> None:
        if self.locked:
            return
        self.highlighted = i
        if self.multiple:
            self.selected ^= {i}
            self._refresh_row(i)
        else:
            self.selected = {i}
            self._refresh_row(i)
            self.submit(self.values[i])

    def action_toggle(self) -> None:
        self.pick(self.highlighted)

    def action_confirm(self) -> None:
        if not self.multiple:
            self.pick(self.highlighted)
        elif self.selected:
            self.submit([self.values[i] for i in sorted(self.selected)])
        else:
            self.notify("Select at least one option with Space or its number, then Enter.", severity="warning")

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.lower() in self.keys and not self.locked:
            event.stop()
            event.prevent_default()
            self.pick(self.keys.index(event.character.lower()))

    def on_click(self, event: events.Click) -> None:
        row = row_of(event.widget)
        if row is not None and row.id:
            self.focus()
            self.pick(int(row.id.removeprefix("choice-")))

    def mark(self, right: set[int]) -> None:
        """Tick the right options and cross the wrongly chosen ones."""
        for i, row in enumerate(self._rows()):
            if i in right:
                self.marks[i] = MARK_RIGHT
            elif i in self.selected:
                self.marks[i] = MARK_WRONG
            row.set_class(i in right, "-right")
            row.set_class(i in self.selected and i not in right, "-wrong")
            self._refresh_row(i)


class MultipleChoiceInput(ChoiceList):
    """A multiple_choice question; gives the chosen texts as a list."""

    def __init__(self, question, rng, **kwargs) -> None:
        options = shuffled(question.choices, rng) if question.shuffle else list(question.choices)
        keys = [str(i + 1) for i in range(len(options))]
        hint = ("Space or a number toggles · Enter checks" if question.multiple
                else f"Press 1-{len(options)}, or ↑↓ and Enter")
        super().__init__(options, keys, multiple=question.multiple, hint=hint, **kwargs)
        self.question = question

    def submit(self, given: Given) -> None:
        super().submit(given if isinstance(given, list) else [given])

    def show_result(self, result) -> None:
        self.mark({i for i, text in enumerate(self.options) if text in self.question.answers})


class TrueFalseInput(ChoiceList):
    """A true_false question: t or f; gives a bool."""

    def __init__(self, question, rng=None, **kwargs) -> None:
        super().__init__(["True", "False"], ["t", "f"], values=[True, False],
                         hint="Press t or f, or ↑↓ and Enter", **kwargs)
        self.question = question

    def show_result(self, result) -> None:
        self.mark({0 if self.question.answer else 1})
