"""What every answer input shares: the Submitted message, locking after an answer, result marks."""
from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from ...srs.checking import Given
from ..text import clean

MARK_RIGHT, MARK_WRONG = "✓", "✗"


class AnswerInput(Vertical):
    """Base of the per-type inputs: posts Submitted(given) once, then shows per-item results."""

    DEFAULT_CSS = """
    AnswerInput { height: auto; }
    AnswerInput .hint { color: $text-muted; height: auto; margin-top: 1; padding: 0 1; }
    AnswerInput.-answered .hint { display: none; }
    """

    class Submitted(Message):
        """The learner's answer, in the `given` form check_answer expects for the type (checking.Given)."""

        def __init__(self, answer_input: "AnswerInput", given: Given) -> None:
            super().__init__()
            self.answer_input = answer_input
            self.given = given

    locked = False

    def submit(self, given: Given) -> None:
        if self.locked:
            return
        self.post_message(self.Submitted(self, given))

    def accept(self, result) -> None:
        """The answer was taken: stop editing and show which parts were right."""
        self.locked = True
        self.add_class("-answered")
        for entry in self.query(Input):
            entry.disabled = True
        self.show_result(result)

    def show_result(self, result) -> None:  # overridden where there are per-item marks
        pass

    def focus_first(self) -> None:
        """Give the keyboard to the input (the first entry for typed answers)."""
        self.focus()


class TextEntry(Input):
    """An Input whose cursor blinks in a terminal and stays still in a headless app (a pilot: tests, screenshots,
    benchmarks), where no one watches it and a blink would make two screenshots of one state differ."""

    DEFAULT_CSS = "TextEntry { width: 1fr; }"

    def on_mount(self) -> None:
        self.cursor_blink = not self.app.is_headless


def item_label(key: str, text: str, mark: str = "", lit: bool = False) -> tuple[Content, Content]:
    """One numbered or lettered row: (lead, text), the lead being the result mark (once answered) and the key.

    Args:
        lit: the row is highlighted (shown reversed): the key keeps the row's colours, as an accent
            colour reversed can vanish into a light theme's background.

    Returns:
        The lead and the text, apart so that a wrapped text lines up under itself, not under the key.
    """
    lead = Content.styled(f"{mark} ", "bold $success" if mark == MARK_RIGHT else "bold $error") if mark else Content("  ")
    return Content.assemble(lead, Content.styled(f"{key} ", "bold" if lit else "bold $accent")), Content(clean(text))
