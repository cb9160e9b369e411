"""Settings: daily limits, desired retention and theme, saved to the user's config file."""
from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from ...config import LIMITS, THEMES, config_path
from ..text import literal
from ..widgets.base import TextEntry
from ..widgets.footer import KeyFooter

FIELDS = tuple((name, words[0].upper() + words[1:], "integer") for name, words, _highest in LIMITS) + (
    ("desired_retention", "Desired retention (0.70-0.99)", "number"),)


class SettingsScreen(ModalScreen[None]):
    """Ctrl+S or Save keeps the values; Escape leaves them as they were."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def compose(self):
        config = self.app.config
        with Vertical(id="settings-box"):
            yield Static("Settings", id="settings-title")
            for name, label, kind in FIELDS:
                with Horizontal(classes="setting"):
                    yield Label(label, classes="setting-label")
                    yield TextEntry(str(getattr(config, name)), type=kind, id=name, classes="setting-input", compact=True)
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="setting-label")
                with RadioSet(id="theme", compact=True):
                    for theme in THEMES:
                        yield RadioButton(theme.title(), value=theme == config.theme, id=f"theme-{theme}")
            yield Static(literal(f"Saved in {config_path()}"), id="settings-path")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()  # its own keys, not the library's beneath

    def on_mount(self) -> None:
        self.query_one("#new_per_day").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def read(self):
        """The config the form describes, or None after telling what is wrong."""
        values = {}
        for name, label, kind in FIELDS:
            raw = self.query_one(f"#{name}", TextEntry).value.strip()
            try:
                values[name] = int(raw) if kind == "integer" else float(raw)
            except ValueError:
                self.notify(f"{label}: {raw or 'nothing'} is not a{'n integer' if kind == 'integer' else ' number'}",
                            severity="error")
                return None
        pressed = self.query_one(RadioSet).pressed_button
        values["theme"] = pressed.id.removeprefix("theme-") if pressed else self.app.config.theme
        config = replace(self.app.config, **values)
        problems = config.problems()
        if problems:
            self.notify("; ".join(problems).capitalize(), severity="error")
            return None
        return config

    def action_save(self) -> None:
        config = self.read()
        if config is None:
            return
        problem = self.app.apply_config(config)
        if problem:
            self.notify(problem, severity="warning")
        else:
            self.notify("Settings saved; they apply from the next session.")
        self.dismiss()

    def action_cancel(self) -> None:
        self.dismiss()
