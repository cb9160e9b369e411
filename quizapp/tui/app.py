"""The quizapp Textual app and its entry points: run_library, run_study and run_quiz.

Imports that the library's first frame does without are made where they are used, each marked "after the first frame".
Measured with `python -X importtime` (medians of 7, on the 2-core benchmark machine): the help, settings
and statistics screens ~95 ms together, the store's sqlite3 ~27 ms, the study-more screen ~63 ms
(library.py), about 9% of the imports before the library is on screen; the study, quiz and card-browser
screens and the engine bring the banks' models, ~0.7 s more.
"""
from __future__ import annotations

import gc
import random
import sys
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, TypeVar

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme

from ..bank.library import library_paths
from ..config import THEMES, UserConfig, engine_settings, load_config, save_config
from ..srs.clock import Clock, utc_now
from . import keys
from .screens.library import LibraryScreen
from .screens.message import MessageScreen

if TYPE_CHECKING:  # at run time these load later (see the module's docstring)
    from ..bank.models import Bank
    from ..srs.engine import Engine
    from ..srs.settings import Settings
    from ..srs.stats import Stats
    from ..srs.store import Store

Start = Literal["library", "study", "quiz"]
T = TypeVar("T")


class QuizApp(App[int]):
    """One app for every mode; `start` says which screen opens first."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    BINDINGS = keys.APP_KEYS

    def __init__(self, *, start: Start = "library", library: Iterable[str] = (), banks: list[Bank] | None = None,
                 db: str | None = None, clock: Clock = utc_now, seed: int | None = None,
                 options: dict[str, Any] | None = None, only_paths: list[Any] | None = None) -> None:
        """only_paths replaces the whole library (bundled decks included): for tests and benchmarks."""
        super().__init__()
        self.start: Start = start
        self.library: tuple[str, ...] = tuple(library)
        self.banks: list[Bank] = banks or []
        self.only_paths = only_paths
        self.db, self.clock = db, clock
        self.rng = random.Random(seed)
        self.options: dict[str, Any] = dict(options or {})
        self.config: UserConfig = load_config()
        self.store: Store | None = None
        self.library_engine: Engine | None = None  # the library screen's, over every valid bank
        self._frozen_for_gc = False

    def now(self) -> datetime:
        """The time now by the app's clock (UTC)."""
        return self.clock()

    # -- the store -----------------------------------------------------------------------
    def open_store(self) -> Store | None:
        """The review store, opened on first use; None after showing why it could not be opened."""
        if self.store is None:
            from ..srs.store import Store  # after the first frame
            from ..srs.storefile import StoreError  # after the first frame
            try:
                self.store = Store.open(self.db)
            except StoreError as exc:
                self.show_store_error(exc)
                return None
        return self.store

    def with_store(self, work: Callable[[], T],
                   on_failure: Callable[[], object] | None = None) -> tuple[bool, T | None]:
        """From a worker thread: (True, work()) with the store open, or (False, None) after a store error,
        which is shown and also reported to on_failure (a UI callback that stops the caller's busy bar)."""
        from ..srs.storefile import StoreError  # after the first frame
        # Open already (the usual case): no round trip through a UI thread that may be busy drawing a frame.
        if self.store is None and self.call_from_thread(self.open_store) is None:  # open_store has shown why
            if on_failure is not None:
                self.call_from_thread(on_failure)
            return False, None
        try:
            return True, work()
        except StoreError as exc:
            if on_failure is not None:
                self.call_from_thread(on_failure)
            self.call_from_thread(self.show_store_error, exc)
            return False, None

    def opened_store(self) -> Store:
        """The store, for work that runs once it is open (inside with_store, or in a session begun there)."""
        assert self.store is not None, "the store is opened by with_store first"
        return self.store

    def show_store_error(self, exc: Exception) -> None:
        """Stop the app on a store that cannot be used: the reason, full screen, then exit status 1."""
        self.push_screen(MessageScreen("The review store cannot be used", str(exc), fatal=True))

    def scheduler_settings(self) -> Settings:
        """The engine's scheduling settings (srs.Settings) from the learner's config and command-line overrides."""
        return engine_settings(self.config, self.options, fuzz=self.options.get("fuzz", True),
                              tz=self.options.get("tz"))

    def make_engine(self, banks: list[Bank]) -> Engine:
        """An engine over these banks (syncs their cards into the store: call it from a worker, store open)."""
        from ..srs.engine import Engine  # after the first frame: the banks' models, loaded in the worker
        return Engine(self.opened_store(), banks, self.scheduler_settings())

    def engine_for(self, banks: list[Bank]) -> Engine:
        """The library's engine when it covers these banks, else a new one."""
        engine = self.library_engine
        if engine is not None and all(engine.banks.get(b.id) is b for b in banks):
            return engine
        return self.make_engine(banks)

    def library_stats(self, banks: list[Bank]) -> Stats:
        """The figures of `quizapp stats` over these banks (from a worker, store open)."""
        from ..srs.stats import compute_stats  # after the first frame: as make_engine
        return compute_stats(self.opened_store(), banks, self.now(), self.scheduler_settings())

    def get_theme(self, theme_name: str) -> Theme | None:
        # Textual's get_theme copies the dict of every registered theme on each call, and it is called for
        # every widget on every frame (the :dark/:light pseudo-classes): a few ms per card. Same answer, no copy.
        registered = getattr(self, "_registered_themes", None)
        if not isinstance(registered, dict):  # a later Textual keeps them elsewhere: its own way then
            return super().get_theme(theme_name)
        for name in theme_name.split(","):
            theme = registered.get(name.strip())
            if isinstance(theme, Theme):
                return theme
        return None

    def settle(self) -> None:
        """Call once banks and the engine are loaded: what is alive now is moved out of the collector's reach.

        Python's full collection walks every object; with a 10,000-question library that is ~100 ms, a stall
        a learner sees between two cards. Frozen objects are never walked again (gc.freeze). Only the first call
        freezes: the library is loaded by then, and a later freeze would also keep, for good, whatever cyclic
        garbage is waiting at that moment (a closed study screen, say)."""
        if not self._frozen_for_gc:
            gc.freeze()
            self._frozen_for_gc = True

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # -- screens -------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.theme = THEMES[self.config.theme]
        # A session or a quiz started from the command line ends the app when it is done.
        if self.start == "study":
            from .screens.study import StudyScreen  # after the first frame: the banks' models
            self.push_screen(StudyScreen(self.banks, tags=self.options.get("tags") or (),
                                         cram=self.options.get("cram", False), leave_words="quit"), self.done)
        elif self.start == "quiz":
            from .screens.quiz import QuizScreen  # after the first frame: the banks' models
            self.push_screen(QuizScreen(self.banks, count=self.options.get("count"),
                                        feedback=self.options.get("feedback", False)), self.done)
        else:
            self.push_screen(LibraryScreen(self.only_paths or library_paths(self.library)))

    def done(self, _result: object = None) -> None:
        """The screen the app was started for is closed: leave, with exit status 0."""
        self.exit(0)

    def action_help(self) -> None:
        from .screens.help import HelpScreen  # after the first frame
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_stats(self, banks: list[Bank] | None = None) -> None:
        from .screens.stats import StatsScreen  # after the first frame
        self.push_screen(StatsScreen(banks if banks is not None else self.banks))

    def action_settings(self) -> None:
        from .screens.settings import SettingsScreen  # after the first frame
        self.push_screen(SettingsScreen())

    def apply_config(self, config: UserConfig) -> str | None:
        """Use and save new settings; the reason when they could not be saved."""
        self.config = config
        self.theme = THEMES[config.theme]
        try:
            save_config(config)
        except OSError as exc:
            return f"Settings are in use but could not be saved: {exc.strerror or exc}"
        return None

    def action_toggle_theme(self) -> None:
        other = "light" if self.config.theme == "dark" else "dark"
        problem = self.apply_config(replace(self.config, theme=other))
        self.notify(problem or f"{other.title()} theme", severity="warning" if problem else "information")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand("Help", "Every key, screen by screen", self.action_help)
        yield SystemCommand("Settings", "Daily limits, desired retention, theme", self.action_settings)
        yield SystemCommand("Statistics", "Cards, reviews, retention, forecast", self.action_stats)
        yield SystemCommand("Toggle light/dark theme", "Switch and remember the theme", self.action_toggle_theme)
        for binding in getattr(screen, "PALETTE", ()):
            yield SystemCommand(binding[1], binding[2], getattr(screen, f"action_{binding[0]}"))
        yield SystemCommand("Quit", "Leave quizapp (every answer is already saved)", self.action_quit)


# -- entry points used by the commands -----------------------------------------------------
def _run(app: QuizApp) -> None:
    # Textual writes each frame from a thread of its own; with Python's default 5 ms switch interval a frame
    # can wait that long for the GIL while the app goes on with the next message. The learner waits instead.
    sys.setswitchinterval(0.001)
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


def run_library(ctx: Any) -> None:
    """`quizapp` with no command: the library of bundled banks and --library folders."""
    obj = ctx.obj or {}
    _run(QuizApp(start="library", library=obj.get("library", ()), db=obj.get("db")))


def run_study(ctx: Any, banks: list[Bank], *, tags: Iterable[str] = (), cram: bool = False,
              limits: dict[str, Any] | None = None, db: str | None = None, **_options: Any) -> None:
    """`quizapp study PATH...`: straight into a session over these banks; limits: the limit flags given."""
    options = {"tags": tuple(tags or ()), "cram": cram, **(limits or {})}
    _run(QuizApp(start="study", banks=list(banks), db=db or (ctx.obj or {}).get("db"), options=options))


def run_quiz(ctx: Any, banks: list[Bank], *, count: int | None, seed: int | None, feedback: bool = False,
             db: str | None = None) -> None:
    """`quizapp quiz PATH`: an exam over the banks, scored at the end."""
    _run(QuizApp(start="quiz", banks=list(banks), db=db or (ctx.obj or {}).get("db"), seed=seed,
                 options={"count": count, "feedback": feedback}))
