"""The library: every bank with its counts, invalid banks with their problems, search as you type."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Input, ProgressBar, Static

from .. import keys
from ..text import clean, literal
from ..widgets.bank_table import BankTable
from ..widgets.footer import KeyFooter
from ..widgets.markdown import MarkdownText
from .base import AppScreen
from .filtering import bank_tags, matches, query_tags

if TYPE_CHECKING:  # at run time these load later: in the worker, or when opened (see below)
    from ...bank.loader import LoadResult
    from ...bank.models import Bank
    from ...srs.stats import Stats
    from .more import StudyMore


class LibraryScreen(AppScreen[None]):
    """Pick banks (Space) or a #tag and study them (Enter), quiz them (x), or see stats (s)."""

    BINDINGS = keys.LIBRARY_KEYS
    AUTO_FOCUS = "#banks"
    PALETTE = (("study", "Study the selected banks", "Start a spaced-repetition session"),
               ("quiz", "Quiz on the selected banks", "An exam scored at the end; the schedule is untouched"),
               ("study_more", "Study more today", "Extra new cards, review ahead, or cram the selected banks or a tag"),
               ("search", "Search the library", "Filter banks by title, id, description or #tag"),
               ("cards", "Browse cards", "Every card: search, sort, suspend, bury, flag, reset, edit"))

    def __init__(self, paths: list[Any]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.results: list[LoadResult] = []
        self.counts: Mapping[str, Mapping[str, Any]] = {}
        self.selected: set[str] = set()  # display paths
        self.loaded = False
        self.stats: Stats | None = None  # the last progress figures, for the status line

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search: words in title, id or description; #tag for a tag", id="search")
        yield BankTable(id="banks", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="details"):
            yield Static("", id="details-text")
            yield MarkdownText("", id="details-description")
            yield Static("", id="details-meta")
        with Horizontal(id="status"):
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="loading")
            yield Static("Loading banks…", id="status-text")
        # Every key of the library fits 80 columns; Ctrl+P is in Help and works as everywhere.
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Library"
        # After the first frame: the worker competes with the UI thread for the GIL, so starting it now
        # would hold back the screen it is meant not to hold back.
        self.call_after_refresh(self.load_library)

    # -- loading (a worker: the screen is up at once whatever the library's size) -------------
    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        from ...bank import load_paths  # after the first frame: the banks' models (~0.7 s of imports), in the worker
        results, _problems = load_paths(self.paths)
        self.app.call_from_thread(self.show_results, results)
        banks = [r.bank for r in results if r.ok and r.bank is not None]
        self.app.call_from_thread(self.set_status, f"Loaded {len(banks)} banks; reading your progress…")
        self.refresh_counts_in_thread(banks)

    def refresh_counts_in_thread(self, banks: list[Bank]) -> None:
        def counts() -> Stats:
            self.quiz_app.library_engine = self.quiz_app.make_engine(banks)
            return self.quiz_app.library_stats(banks)

        ok, stats = self.quiz_app.with_store(counts, on_failure=self.halt)
        if ok:
            self.app.call_from_thread(self.show_counts, stats)

    def halt(self) -> None:
        """No progress after all: stop the busy bar."""
        self.query_one("#loading").display = False
        self.set_status("Your progress cannot be read: the review store cannot be used")

    @work(thread=True, exclusive=True, group="counts")
    def reload_counts(self) -> None:
        self.refresh_counts_in_thread(self.valid_banks())

    def show_results(self, results: list[LoadResult]) -> None:
        self.results = results
        self.loaded = True
        self.fill_table()
        self.set_status(self.summary())

    def show_counts(self, stats: Stats) -> None:
        self.counts = stats.get("banks", {})
        self.stats = stats
        self.fill_table()
        self.query_one("#loading").display = False
        self.set_status(self.summary())
        self.quiz_app.settle()

    def on_resize(self) -> None:
        self.fill_table() if self.loaded else self.query_one(BankTable).set_columns()

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from a session: the counts changed
            self.reload_counts()

    # -- the table ----------------------------------------------------------------------------
    def valid_banks(self) -> list[Bank]:
        return [r.bank for r in self.results if r.ok and r.bank is not None]

    def shown_results(self) -> list[LoadResult]:
        """The banks the search shows."""
        query = self.query_one("#search", Input).value
        return [r for r in self.results if matches(r, query)]

    def fill_table(self) -> None:
        self.query_one(BankTable).fill(self.shown_results(), self.counts, self.selected, self.quiz_app.now())
        self.show_details()

    def highlighted(self) -> LoadResult | None:
        key = self.query_one(BankTable).highlighted_key()
        return next((r for r in self.results if r.display == key), None) if key is not None else None

    @on(DataTable.RowHighlighted)
    def show_details(self) -> None:
        r = self.highlighted()
        text = self.query_one("#details-text", Static)
        description = self.query_one("#details-description", MarkdownText)
        meta = self.query_one("#details-meta", Static)
        description.display = meta.display = bool(r is not None and r.ok)
        if r is None:
            text.update("No bank matches the search." if self.results else
                        "No banks found. Put *.yaml banks in a folder and run: quizapp --library FOLDER")
        elif r.ok and r.bank is not None:
            bank = r.bank
            tags = " ".join(f"#{t}" for t in sorted(bank_tags(bank)))
            text.update(Content.styled(clean(bank.title), "bold"))
            description.show(bank.description or "")  # Markdown, rendered
            counts = self.counts.get(r.bank_id or "") or {}
            cards = counts.get("cards_total")
            # Qs and New differ when a cloze question has several gaps: say why, once, here.
            why = (f"{r.question_count} questions, {cards} cards: each cloze gap is a card of its own  "
                   if cards and cards != r.question_count else "")
            meta.update(Content.styled(f"{why}{r.display}  {tags}", "$text-muted"))
        else:
            head = Content.styled(f"{r.display} cannot be loaded (the same report as `quizapp validate`):",
                                  "bold $text-error")
            text.update(Content("\n").join([head, *(literal(str(p)) for p in r.problems)]))

    def set_status(self, text: str) -> None:
        self.query_one("#status-text", Static).update(literal(text))

    def summary(self) -> str:
        """The status line: banks, questions, due today, invalid and selected banks."""
        stats = self.stats
        valid = [r for r in self.results if r.ok]
        parts = [f"{len(valid)} bank{'s' * (len(valid) != 1)}", f"{sum(r.question_count for r in valid)} questions"]
        if stats:
            parts.append(f"{stats.get('due_today', 0)} due today")
        invalid = len(self.results) - len(valid)
        if invalid:
            parts.append(f"{invalid} invalid")
        if self.selected:
            parts.append(f"{len(self.selected)} selected")
        return " · ".join(parts)

    # -- actions --------------------------------------------------------------------------------
    @on(Input.Changed, "#search")
    def filter_banks(self) -> None:
        if self.loaded:
            self.fill_table()

    @on(Input.Submitted, "#search")
    def leave_search(self) -> None:
        """Enter in the search: study what it found when that is clear (a #tag, or one bank), else go to the list."""
        found = [r.bank for r in self.shown_results() if r.ok and r.bank is not None]
        self.query_one(DataTable).focus()
        tags = query_tags(self.query_one("#search", Input).value, found)
        if tags and not self.selected and self.loaded:  # the tag in every bank shown
            self.study(found, tags)
        elif len(found) == 1 or self.selected:
            self.action_study()

    def action_search(self) -> None:
        self.search_key(self.query_one("#search", Input))

    def action_clear_search(self) -> None:
        self.query_one("#search", Input).value = ""
        self.query_one(DataTable).focus()

    def action_select(self) -> None:
        r = self.highlighted()
        if r is None or not r.ok:
            return
        self.selected ^= {r.display}
        table = self.query_one(BankTable)
        table.mark(r.display, r.display in self.selected)
        table.action_cursor_down()
        self.set_status(self.summary())

    def chosen(self) -> list[Bank]:
        """The selected banks still shown by the search, or else the highlighted one."""
        shown = [r for r in self.shown_results() if r.ok]
        picked = [r.bank for r in shown if r.display in self.selected and r.bank is not None]
        if picked:
            return picked
        r = self.highlighted()
        if r is not None and not r.ok:
            self.notify("This bank is invalid: fix the problems listed below it first.", severity="error")
            return []
        return [r.bank] if r is not None and r.bank is not None else []

    def study(self, banks: list[Bank], tags: tuple[str, ...], more: StudyMore | None = None) -> None:
        """A study session over these banks; the library is back (counts read again) when it ends."""
        # Imported where they open, as the screens below (marked "after the first frame"): the first frame does
        # without them; the study, quiz and browser screens bring the banks' models (~0.7 s of imports).
        from .study import StudyScreen
        self.app.push_screen(StudyScreen(banks, tags=tags, more=more))

    @on(DataTable.RowSelected)
    def action_study(self) -> None:
        banks = self.chosen()
        if banks and self.loaded:
            self.study(banks, query_tags(self.query_one("#search", Input).value, banks))

    def action_study_more(self) -> None:
        banks = self.chosen()
        if not banks or not self.loaded:
            return
        from .more import StudyMoreScreen  # after the first frame (~60 ms of imports, tui/app.py's docstring)
        tags = query_tags(self.query_one("#search", Input).value, banks)

        def chosen(more: StudyMore | None) -> None:
            if more is not None:
                self.study(banks, tags, more)

        self.app.push_screen(StudyMoreScreen(banks, tags), chosen)

    def action_quiz(self) -> None:
        banks = self.chosen()
        if banks:
            from .quiz import QuizScreen  # after the first frame
            self.app.push_screen(QuizScreen(banks, count=20))

    def action_cards(self) -> None:
        if not self.loaded:
            self.notify("The library is still loading; a moment…")
            return
        from .browser import BrowserScreen  # after the first frame
        self.app.push_screen(BrowserScreen(self.results))

    def action_stats(self) -> None:
        if self.loaded:
            self.quiz_app.action_stats(self.valid_banks())
