"""A full-screen message for what stops the app (a store that cannot be used), never a traceback."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Button, Static

from ..text import literal
from .base import AppModal


class MessageScreen(AppModal[None]):
    """Title, message and one button; a fatal message ends the app with status 1."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, title: str, message: str, *, fatal: bool = False) -> None:
        super().__init__()
        self.title_text, self.message, self.fatal = title, message, fatal

    def compose(self) -> ComposeResult:
        with Vertical(id="message-box", classes="-error" if self.fatal else ""):
            yield Static(literal(self.title_text), id="message-title")
            yield Static(literal(self.message), id="message-text")
            with Center():
                yield Button("Quit" if self.fatal else "OK", variant="error" if self.fatal else "primary",
                             id="message-ok")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        if self.fatal:
            self.app.exit(1, return_code=1)
        else:
            self.dismiss()
