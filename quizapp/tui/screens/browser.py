"""The card browser: every card of the library, searched with Anki-like queries, sorted, and changed in place."""
from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Callable, Iterable

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from ...srs import control
from ...srs.browse import CardRow, count_cards, first_rows, iter_rows, select_rows
from ...srs.control import ReviewEntry, history
from ...srs.query import QueryError, parse_query
from ...srs.store import Store
from .. import keys
from ..text import literal
from ..widgets.footer import KeyFooter
from .base import AppScreen
from .browser_rows import COLUMNS, card_details, fitting_columns, row_cells
from .editing import edit_question
from .preview import PreviewScreen

if TYPE_CHECKING:
    from ...bank.loader import LoadResult
    from ...bank.models import Bank

SHOWN = 1000  # rows put in the table at most: DataTable builds every row it is given; the count says the rest
FIRST_PAGE = 60  # rows of the first screen, read before the others (a tall terminal's table); the fill's step
PAINT_WAIT = 2.0  # seconds the loading worker waits for the first page to be drawn before reading every card
YIELD = 0.001  # seconds the loading worker sleeps between two steps: the interpreter lock goes to the UI thread


class BrowserScreen(AppScreen[None]):
    """Search (`/`), sort (click a header or `o`), then act on the highlighted card."""

    BINDINGS = keys.BROWSER_KEYS
    AUTO_FOCUS = "#cards"

    def __init__(self, results: Iterable[LoadResult], query: str = "") -> None:
        """Args:
            results: the library's LoadResults (valid ones are browsed; their paths are what `e` edits).
            query: the search to start with.
        """
        super().__init__()
        self.results = [r for r in results if r.ok]
        self.start_query = query
        self.rows: list[CardRow] = []
        self.shown: list[CardRow] = []
        self.sort, self.descending = "due", False
        self.columns = list(COLUMNS)
        self.partial = False  # only the first page of cards is loaded yet
        self.total: int | None = None  # how many cards the whole load brings, once counted
        self._fill_generation = 0  # which fill the table's pending steps belong to
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(self.start_query, placeholder="Search: words, bank:ID tag:T is:due/new/suspended/leech "
                    "flag:1 prop:lapses>2, -NOT, OR", id="query")
        yield DataTable(id="cards", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="card-details"):
            yield Static("", id="card-details-text")
        with Horizontal(id="status"):
            yield Static("Loading cards…", id="status-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Cards"
        self.set_columns()
        self.load()

    def set_columns(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self.columns, room = fitting_columns(table.size.width)
        for label, key, width in self.columns:
            table.add_column(label, key=key, width=width or room)

    def on_resize(self) -> None:
        self.set_columns()
        if self.rows:
            self.fill()

    @work(thread=True, exclusive=True, group="browser")
    def load(self) -> None:
        banks = [r.bank for r in self.results if r.bank is not None]
        app = self.quiz_app
        engine = app.with_store(lambda: app.engine_for(banks))[1]
        if engine is None:
            return
        worker = get_current_worker()
        first = not self.rows and not self.start_query  # (self.rows is only empty before the first load)

        def read() -> list[CardRow] | None:
            if first:
                # The soonest due cards (as the table is sorted) from the due index, on screen before any other
                # work competes with the UI thread for the interpreter: then the count, then every card.
                painted = threading.Event()
                self.post_message(self.Loaded(first_rows(engine, self.quiz_app.now(), FIRST_PAGE), painted=painted))
                painted.wait(PAINT_WAIT)
                self.post_message(self.Loaded(None, total=count_cards(engine)))
            rows: list[CardRow] = []
            for chunk in iter_rows(engine, self.quiz_app.now()):
                if worker.is_cancelled:  # a newer load (after a change) replaces this one
                    return None
                rows += chunk
                time.sleep(YIELD)  # the UI thread's turn: keys and frames are not held back by the load
            return rows

        ok, rows = self.quiz_app.with_store(read)
        if ok and rows is not None and not worker.is_cancelled:
            self.post_message(self.Loaded(rows))

    class Loaded(Message):
        """From the loading worker: the first page (`painted` is set once it is drawn), the count, or every card."""

        def __init__(self, rows: list[CardRow] | None, total: int | None = None,
                     painted: threading.Event | None = None) -> None:
            super().__init__()
            self.rows, self.total, self.painted = rows, total, painted

    def on_browser_screen_loaded(self, message: Loaded) -> None:
        if message.total is not None:
            self.total = message.total
        if message.rows is not None:
            self.show_rows(message.rows, partial=message.painted is not None)
        elif self.partial:
            self.fill_status()
        if message.painted is not None:
            self.call_after_refresh(message.painted.set)

    def show_rows(self, rows: list[CardRow], partial: bool = False) -> None:
        self.rows, self.partial = rows, partial
        self.apply_query()

    # -- searching and sorting --------------------------------------------------------------
    @on(Input.Changed, "#query")
    def query_changed(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(0.15, self.apply_query)  # one filter per pause in typing, not per key

    @on(Input.Submitted, "#query")
    def query_submitted(self) -> None:
        self.apply_query()
        self.query_one(DataTable).focus()

    def apply_query(self) -> None:
        text = self.query_one("#query", Input).value
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.set_status(str(exc), error=True)
            return
        self.shown = select_rows(self.rows, query, self.quiz_app.now(), self.sort, self.descending)
        self.fill()

    def fill(self) -> None:
        """Put the shown rows in the table: those a screen holds at once, the rest a step a frame (a DataTable row
        costs about a third of a millisecond: 1,000 at once would hold the screen still after every search)."""
        table = self.query_one(DataTable)
        keep = self.current()
        table.clear()
        self._fill_generation += 1
        rows = self.shown[:SHOWN]
        at = next((i for i, r in enumerate(rows) if r.card_id == keep.card_id), None) if keep else None
        done = max(FIRST_PAGE, 0 if at is None else at + 1)
        self.add_rows(rows[:done])
        if at is not None:
            table.move_cursor(row=at, animate=False)
        if len(rows) > done:
            self.call_after_refresh(self.fill_more, self._fill_generation, rows, done)
        self.fill_status()
        self.show_details()

    def fill_more(self, generation: int, rows: list[CardRow], start: int) -> None:
        if generation != self._fill_generation:  # a newer search or load has refilled the table
            return
        end = start + FIRST_PAGE
        self.add_rows(rows[start:end])
        if len(rows) > end:
            self.call_after_refresh(self.fill_more, generation, rows, end)

    def add_rows(self, rows: list[CardRow]) -> None:
        table, now = self.query_one(DataTable), self.quiz_app.now()
        for row in rows:
            table.add_row(*row_cells(row, self.columns, now), key=str(row.card_id))

    def fill_status(self) -> None:
        if self.partial:
            loading = f"loading {self.total:,} cards…" if self.total is not None else "loading every card…"
            self.set_status(f"{len(self.shown)} of the {len(self.rows)} cards due soonest · {loading}")
            return
        more = f" (the first {SHOWN} shown: refine the search)" if len(self.shown) > SHOWN else ""
        arrow = "↓" if self.descending else "↑"
        self.set_status(f"{len(self.shown):,} of {len(self.rows):,} cards{more} · sorted by {self.sort} {arrow}")

    @on(DataTable.HeaderSelected)
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    def sort_by(self, column: str) -> None:
        self.descending = not self.descending if column == self.sort else False
        self.sort = column
        self.apply_query()

    def action_sort_next(self) -> None:
        keys = [key for _, key, _ in COLUMNS]
        self.sort_by(keys[(keys.index(self.sort) + 1) % len(keys)] if self.sort in keys else "due")

    def action_search(self) -> None:
        self.search_key(self.query_one("#query", Input))

    # -- the highlighted card -----------------------------------------------------------------
    def current(self) -> CardRow | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.shown if str(r.card_id) == key), None)

    @on(DataTable.RowHighlighted)
    def show_details(self) -> None:
        row = self.current()
        text = self.query_one("#card-details-text", Static)
        if row is None:
            text.update("No card matches the search." if self.rows else "")
            return
        self.history_for(row)

    @work(thread=True, exclusive=True, group="history")
    def history_for(self, row: CardRow) -> None:
        app = self.quiz_app
        ok, entries = app.with_store(lambda: history(app.opened_store(), row.card_id))
        if ok and entries is not None:
            self.app.call_from_thread(self.show_history, row, entries)

    def show_history(self, row: CardRow, entries: list[ReviewEntry]) -> None:
        self.query_one("#card-details-text", Static).update(card_details(row, entries))

    def change(self, work_fn: Callable[[Store, list[int]], object], done: str) -> None:
        row = self.current()
        if row is None:
            return
        self.run_change(row, work_fn, done)

    @work(thread=True, group="change")
    def run_change(self, row: CardRow, work_fn: Callable[[Store, list[int]], object], done: str) -> None:
        ok, _ = self.quiz_app.with_store(lambda: work_fn(self.quiz_app.opened_store(), [row.card_id]))
        if ok:
            self.app.call_from_thread(self.notify, done.format(card=f"{row.bank}/{row.question}"))
            self.load()

    def action_suspend(self) -> None:
        row = self.current()
        if row is not None:
            on_ = not row.suspended
            self.change(lambda store, ids: control.suspend(store, ids, on_),
                        ("Suspended {card}" if on_ else "Unsuspended {card}"))

    def action_bury(self) -> None:
        row = self.current()
        if row is not None:
            on_, now, settings = not row.buried, self.quiz_app.now(), self.quiz_app.scheduler_settings()
            self.change(lambda store, ids: control.bury(store, ids, now, settings, on_),
                        "Buried {card} until tomorrow" if on_ else "Unburied {card}")

    def action_flag(self, flag: int) -> None:
        row = self.current()
        if row is not None:
            flag = 0 if row.flag == flag else flag  # the same flag again takes it off, as in Anki
            self.change(lambda store, ids: control.set_flag(store, ids, flag),
                        f"Flagged {{card}} {control.FLAGS[flag]}" if flag else "Unflagged {card}")

    def action_reset(self) -> None:
        self.change(control.reset, "{card} is new again (its history is kept)")

    def action_edit(self) -> None:
        row = self.current()
        path = next((r.path for r in self.results if r.bank_id == (row.bank if row else None)), None)
        if row is not None and path is not None:
            edit_question(self, path, row.question, self.edited)

    def action_preview(self) -> None:
        row = self.current()
        bank = next((r.bank for r in self.results if row is not None and r.bank_id == row.bank), None)
        question = next((q for q in bank.questions if row is not None and q.id == row.question), None) if bank else None
        if row is not None and bank is not None and question is not None:
            self.app.push_screen(PreviewScreen(bank, question, row.ord, row.answer))

    def edited(self, bank: Bank | None) -> None:
        """After a valid edit: the library is read again and the card shown with its progress (same id)."""
        for r in self.results:
            if bank is not None and r.bank_id == bank.id:
                r.bank = bank
        self.load()

    def action_leave(self) -> None:
        if self.focused is self.query_one("#query") and self.query_one("#query", Input).value:
            self.query_one("#query", Input).value = ""
            return
        self.dismiss(None)

    def set_status(self, text: str, error: bool = False) -> None:
        self.query_one("#status-text", Static).update(Content.styled(text, "$text-error") if error else literal(text))
