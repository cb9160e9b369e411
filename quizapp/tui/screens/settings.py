"""Settings: daily limits, desired retention and theme, saved to the user's config file."""
from __future__ import annotations

from dataclasses import replace

from typing import Any, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, RadioButton, RadioSet, Static

from ...config import LIMITS, THEMES, UserConfig, config_path
from ...srs.workload import estimate
from .. import keys
from ..text import literal
from ..widgets.base import TextEntry
from ..widgets.footer import KeyFooter
from .base import AppModal

Kind = Literal["integer", "number", "text"]
FIELDS: tuple[tuple[str, str, Kind], ...] = tuple(
    (name, words[0].upper() + words[1:], "integer") for name, words, _highest in LIMITS) + (
    ("desired_retention", "Desired retention (0.70-0.99)", "number"),
    ("maximum_interval", "Maximum interval (days)", "integer"),
    ("learning_steps", "Learning steps (1m 10m)", "text"),
    ("relearning_steps", "Relearning steps (10m)", "text"),
    ("day_start_hour", "Next day starts at (hour)", "integer"),
    ("leech_threshold", "Leech after lapses (0 never)", "integer"))


class SettingsScreen(AppModal[None]):
    """The learner's config (UserConfig): Ctrl+S or Save keeps the values; Escape leaves them as they were."""

    BINDINGS = keys.SETTINGS_KEYS

    def compose(self) -> ComposeResult:
        config = self.quiz_app.config
        with VerticalScroll(id="settings-box"):
            yield Static("Settings", id="settings-title")
            for name, label, kind in FIELDS:
                with Horizontal(classes="setting"):
                    yield Label(label, classes="setting-label")
                    yield TextEntry(str(getattr(config, name)), type=kind, id=name,
                                    classes="setting-input", compact=True)
                if name == "desired_retention":
                    yield Static("", id="workload")
            with Horizontal(classes="setting"):
                yield Label("A leech is", classes="setting-label")
                with RadioSet(id="leech_action", compact=True):
                    for action in ("suspend", "tag"):
                        yield RadioButton({"suspend": "Suspended", "tag": "Only tagged"}[action],
                                          value=action == config.leech_action, id=f"leech-{action}")
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="setting-label")
                with RadioSet(id="theme", compact=True):
                    for theme in THEMES:
                        yield RadioButton(theme.title(), value=theme == config.theme, id=f"theme-{theme}")
            with Horizontal(classes="setting"):
                yield Label("FSRS parameters", classes="setting-label")
                yield Button("Fit to my reviews", id="optimize", compact=True)
            yield Static("", id="optimize-result")
            yield Static(literal(f"Saved in {config_path()}"), id="settings-path")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()  # its own keys, not the library's beneath

    def on_mount(self) -> None:
        self.query_one("#new_per_day").focus()
        self.estimate_workload()

    @on(TextEntry.Changed, "#desired_retention")
    @on(TextEntry.Changed, "#new_per_day")
    def retention_changed(self) -> None:
        self.estimate_workload()

    @work(thread=True, exclusive=True, group="workload")
    def estimate_workload(self) -> None:
        """What the desired retention costs, as Anki's deck options show it (FSRS's simulator, ~0.2 s)."""
        try:
            retention = float(self.query_one("#desired_retention", TextEntry).value)
            new = int(self.query_one("#new_per_day", TextEntry).value)
        except ValueError:
            return
        if not 0.70 <= retention <= 0.99 or not 0 <= new <= 9999:
            return
        engine = self.quiz_app.library_engine
        cards = len(engine.store.query("SELECT 1 FROM cards WHERE active = 1")) if engine is not None else 1000
        params = engine.settings.parameters if engine is not None else None
        now, base = (estimate(r, new_per_day=new, cards=cards, parameters=params) for r in (retention, 0.90))
        if now is not None:
            self.app.call_from_thread(self.query_one("#workload", Static).update,
                                      literal("Workload: " + now.describe(base)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "optimize":
            event.button.disabled = True
            self.query_one("#optimize-result", Static).update("Fitting FSRS to your reviews…")
            self.optimize()
        else:
            self.action_save() if event.button.id == "save" else self.action_cancel()

    @work(thread=True, exclusive=True, group="optimize")
    def optimize(self) -> None:
        """`quizapp optimize` from here: fit, compare with the defaults, save and reschedule (seconds)."""
        from ...srs.optimize import NotEnoughReviews, optimize_store
        settings, now = self.quiz_app.scheduler_settings(), self.quiz_app.now()

        def run() -> str:
            try:
                result, count = optimize_store(self.quiz_app.opened_store(), settings, now)
            except NotEnoughReviews as exc:
                return str(exc)
            figures = (f"Defaults: log loss {result.before.log_loss:.4f}, RMSE {result.before.rmse * 100:.2f}% · "
                       f"fitted to {result.reviews} reviews: log loss {result.after.log_loss:.4f}, "
                       f"RMSE {result.after.rmse * 100:.2f}%.")
            if count is None:
                return figures + " The fit predicts your reviews worse: the defaults are kept."
            engine = self.quiz_app.library_engine
            if engine is not None:  # the library's engine read the parameters when it was made: make it again
                self.quiz_app.library_engine = self.quiz_app.make_engine(list(engine.banks.values()))
            return figures + f" Saved; {count} card{'s' * (count != 1)} rescheduled (`quizapp optimize --reset` undoes)."

        ok, text = self.quiz_app.with_store(run)
        if ok:
            self.app.call_from_thread(self.optimized, text)

    def optimized(self, text: str) -> None:
        self.query_one("#optimize-result", Static).update(literal(text))
        self.query_one("#optimize", Button).disabled = False

    def read(self) -> UserConfig | None:
        """The config the form describes, or None after telling what is wrong."""
        values: dict[str, Any] = {}
        for name, label, kind in FIELDS:
            raw = self.query_one(f"#{name}", TextEntry).value.strip()
            try:
                values[name] = raw if kind == "text" else int(raw) if kind == "integer" else float(raw)
            except ValueError:
                self.notify(f"{label}: {raw or 'nothing'} is not a{'n integer' if kind == 'integer' else ' number'}",
                            severity="error")
                return None
        config = self.quiz_app.config
        pressed = self.query_one("#theme", RadioSet).pressed_button
        values["theme"] = str(pressed.id).removeprefix("theme-") if pressed else config.theme
        leech = self.query_one("#leech_action", RadioSet).pressed_button
        values["leech_action"] = str(leech.id).removeprefix("leech-") if leech else config.leech_action
        config = replace(config, **values)
        problems = config.problems()
        if problems:
            self.notify("; ".join(problems).capitalize(), severity="error")
            return None
        return config

    def action_save(self) -> None:
        config = self.read()
        if config is None:
            return
        problem = self.quiz_app.apply_config(config)
        if problem:
            self.notify(problem, severity="warning")
        else:
            self.notify("Settings saved; they apply from the next session.")
        self.dismiss()

    def action_cancel(self) -> None:
        self.dismiss()
