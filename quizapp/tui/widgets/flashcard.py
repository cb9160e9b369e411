"""A flashcard's input: think (or type a note, never graded), then Space or Enter shows the back."""
from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, Static

from .base import AnswerInput, TextEntry
from .markdown import MarkdownText


class FlashcardInput(AnswerInput, can_focus=True):
    """Gives the learner's note (or None) when they reveal the back; the learner then rates it themselves."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show the back", show=False),
        Binding("h", "hint", "Hint", show=False),
    ]
    DEFAULT_CSS = """
    FlashcardInput { border: tall $surface-lighten-1; padding: 0 1; }
    FlashcardInput:focus { border: tall $accent; }
    FlashcardInput TextEntry { max-width: 70; }
    FlashcardInput .card-hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question, ord: int = 0, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question, self.ord = question, ord

    def compose(self):
        yield TextEntry(placeholder="A note for yourself (optional, not graded)", id="note")
        hint = self.question.hint_for(self.ord)
        if hint:
            shown = MarkdownText(f"Hint: {hint}", classes="card-hint")
            shown.display = False
            yield shown
        keys = "Space or Enter shows the back" + (" · h hint" if hint else "") + " · Tab: type a note"
        yield Static(keys, classes="hint")

    def note(self) -> str | None:
        return self.query_one("#note", Input).value.strip() or None

    def action_reveal(self) -> None:
        if self.locked:
            self.notify(self.after_reveal, timeout=3)
            return
        self.submit(self.note())

    after_reveal = "Rate it yourself: 1 Again · 2 Hard · 3 Good · 4 Easy"

    def action_hint(self) -> None:
        for hint in self.query(".card-hint"):
            hint.display = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus()  # the keys of the revealed card (rating, Space) belong to the card, not the note
        self.action_reveal()
