"""Editing a question in $VISUAL/$EDITOR from the TUI: the terminal handed over, the bank checked after."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from ...editing import EditSession, NoEditor
from ..text import literal

if TYPE_CHECKING:
    from ...bank.models import Bank


class EditProblemsScreen(ModalScreen[str]):
    """The edited bank has problems: edit again ("edit") or put the file back as it was ("discard")."""

    BINDINGS = [Binding("e", "choose('edit')", "Edit again"), Binding("d,escape", "choose('discard')", "Discard")]

    def __init__(self, problems: list[Any]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="message-box", classes="-error"):
            yield Static(literal("The edited bank has problems"), id="message-title")
            with VerticalScroll(id="edit-problems"):
                yield Static(literal("\n".join(str(p) for p in self.problems)), id="message-text")
            with Horizontal(id="edit-buttons"):
                yield Button("Edit again (e)", variant="primary", id="edit")
                yield Button("Discard my changes (d)", variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#edit", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def edit_question(screen: Screen[Any], path: Path, question_id: str, done: Callable[[Bank | None], object]) -> None:
    """Open the question in the learner's editor; then `done(bank)` with the re-validated bank.

    A bank with problems after the edit is shown, located, with the choice to edit again or discard; `done`
    is called with None when the edit was discarded or changed nothing.
    """
    session = EditSession(path, question_id)
    app = screen.app

    def run() -> None:
        try:
            try:
                with app.suspend():
                    session.run_editor()
            except SuspendNotSupported:  # no terminal to hand over (a headless app): run it all the same
                session.run_editor()
        except NoEditor as exc:
            app.notify(str(exc), severity="error", timeout=8)
            return
        if not session.changed:
            app.notify("No change made")
            done(None)
            return
        bank = session.check()
        if bank is not None:
            app.notify(f"Saved: {path.name} is valid")
            done(bank)
        else:
            app.push_screen(EditProblemsScreen(session.problems), chosen)

    def chosen(choice: str | None) -> None:
        if choice == "edit":
            run()
        else:
            session.discard()
            app.notify("Your changes were discarded; the bank is as it was")
            done(None)

    run()
