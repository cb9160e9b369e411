"""Study more today (Anki's custom study): extra new cards, review ahead, or cram the banks or a tag."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ..text import literal
from ..widgets.base import TextEntry
from ..widgets.footer import KeyFooter
from .base import AppModal
from .filtering import bank_tags

if TYPE_CHECKING:
    from ...bank.models import Bank


@dataclass(frozen=True)
class StudyMore:
    """What the learner chose: the keyword arguments of the StudyScreen that carries it out."""

    extra_new: int = 0
    ahead: timedelta | None = None
    cram: bool = False
    tags: tuple[str, ...] = ()


# (id, label, the field's label, default): the field is a count of cards, days, or a tag.
CHOICES = (("extra", "Extra new cards today", "How many new cards", "10"),
           ("ahead", "Review ahead (cards due soon, answered early)", "Days ahead", "7"),
           ("cram", "Cram: practise every card, schedule untouched", "Only #tags (empty: all)", ""))


class StudyMoreScreen(AppModal[StudyMore | None]):
    """Pick one way to study more today; Enter or Start begins it, Escape cancels."""

    BINDINGS = [Binding("ctrl+s", "start", "Start"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, banks: list[Bank], tags: Iterable[str] = ()) -> None:
        super().__init__()
        self.banks, self.tags = banks, tuple(tags)

    def compose(self) -> ComposeResult:
        titles = " + ".join(b.title for b in self.banks[:2]) + (" + …" if len(self.banks) > 2 else "")
        with Vertical(id="settings-box"):
            yield Static(literal(f"Study more today: {titles}"), id="settings-title")
            with RadioSet(id="more-kind", compact=True):
                for i, (key, label, _field, _default) in enumerate(CHOICES):
                    yield RadioButton(label, value=i == 0, id=f"more-{key}")
            for key, _label, field, default in CHOICES:
                with Horizontal(classes="setting", id=f"row-{key}"):
                    yield Label(field, classes="setting-label")
                    value = " ".join(f"#{t}" for t in self.tags) if key == "cram" else default
                    yield TextEntry(value, type="text" if key == "cram" else "integer", id=f"value-{key}",
                                    classes="setting-input", compact=True)
            yield Static("↑↓ choose · Tab to the field · Enter in it starts", id="more-hint")
            with Horizontal(id="settings-buttons"):
                yield Button("Start", variant="primary", id="start", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_field()

    def kind(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return str(pressed.id).removeprefix("more-") if pressed else "extra"

    @on(RadioSet.Changed)
    def show_field(self) -> None:
        for key, *_ in CHOICES:
            self.query_one(f"#row-{key}").display = key == self.kind()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start() if event.button.id == "start" else self.action_cancel()

    def read(self) -> StudyMore | None:
        """The choice the form describes, or None after telling what is wrong."""
        kind = self.kind()
        raw = self.query_one(f"#value-{kind}", TextEntry).value.strip()
        if kind == "cram":
            words = [w.removeprefix("#") for w in raw.split()]
            known: set[str] = set().union(*(bank_tags(b) for b in self.banks))
            unknown = [w for w in words if w not in known]
            if unknown:
                self.notify(f"No question here has the tag #{unknown[0]}; tags: "
                            + (" ".join(f"#{t}" for t in sorted(known)) or "none"), severity="error")
                return None
            return StudyMore(cram=True, tags=tuple(words))
        if not raw.isdigit() or not 1 <= int(raw) <= 9999:
            self.notify(f"{'Cards' if kind == 'extra' else 'Days'}: give a whole number from 1 to 9999",
                        severity="error")
            return None
        return StudyMore(extra_new=int(raw)) if kind == "extra" else StudyMore(ahead=timedelta(days=int(raw)))

    def action_start(self) -> None:
        choice = self.read()
        if choice is not None:
            self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)
