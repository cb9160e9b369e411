"""The card browser: every card of the library, searched with Anki-like queries, sorted, and changed in place."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Iterable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from ...srs import control
from ...srs.browse import CardRow, load_rows, select_rows
from ...srs.clock import from_us
from ...srs.control import ReviewEntry, history
from ...srs.query import QueryError, parse_query
from ...srs.scheduler import format_interval
from ...srs.store import Store
from .. import keys
from ..text import literal, when
from ..widgets.footer import KeyFooter
from .base import AppScreen
from .editing import edit_question

if TYPE_CHECKING:
    from ...bank.loader import LoadResult
    from ...bank.models import Bank

SHOWN = 1000  # rows put in the table at most: DataTable builds every row it is given; the count says the rest
COLUMNS = (("Bank", "bank", 14), ("Question", "question", 18), ("Type", "type", 10), ("State", "state", 10),
           ("Due", "due", 9), ("Ivl", "interval", 5), ("Laps", "lapses", 4), ("Revs", "reviews", 4),
           ("Marks", "flag", 9), ("Prompt", "prompt", None))
DROP_FIRST = ("reviews", "interval", "lapses", "type", "bank", "state")  # left out, in turn, on narrow terminals
MIN_PROMPT = 24
TYPE_LABELS = {"multiple_choice": "choice", "true_false": "true/false", "short_answer": "short", "numeric": "number",
               "cloze": "cloze", "ordering": "order", "matching": "match", "flashcard": "flashcard"}
FLAG_STYLES = ("", "bold red", "bold dark_orange", "bold green", "bold blue")
RATINGS = ("", "Again", "Hard", "Good", "Easy")


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
        self.columns = list(COLUMNS)
        # The prompt takes what the fixed columns leave (each column has one cell of padding a side).
        for drop in (None, *DROP_FIRST):
            self.columns = [c for c in self.columns if c[1] != drop]
            room = table.size.width - sum(width + 2 for _, _, width in self.columns if width) - 4
            if room >= MIN_PROMPT:
                break
        for label, key, width in self.columns:
            table.add_column(label, key=key, width=width or max(room, 12))

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
        if not self.rows and not self.start_query:  # (self.rows is only empty before the first load)
            # The first page at once (soonest due first, as the table is sorted), then every card.
            ok, page = app.with_store(lambda: load_rows(engine, app.now(), first=SHOWN))
            if ok and page is not None:
                self.app.call_from_thread(self.show_rows, page, True)
        ok, rows = app.with_store(lambda: load_rows(engine, app.now()))
        if ok and rows is not None:
            self.app.call_from_thread(self.show_rows, rows)

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
        table = self.query_one(DataTable)
        keep = self.current()
        table.clear()
        now = self.quiz_app.now()
        for row in self.shown[:SHOWN]:
            table.add_row(*self.cells(row, now), key=str(row.card_id))
        if keep is not None and any(r.card_id == keep.card_id for r in self.shown[:SHOWN]):
            table.move_cursor(row=table.get_row_index(str(keep.card_id)), animate=False)
        more = f" (the first {SHOWN} shown: refine the search)" if len(self.shown) > SHOWN else ""
        if self.partial:
            self.set_status(f"the {len(self.rows)} cards due soonest · reading every card…")
            self.show_details()
            return
        arrow = "↓" if self.descending else "↑"
        self.set_status(f"{len(self.shown)} of {len(self.rows)} cards{more} · sorted by {self.sort} {arrow}")
        self.show_details()

    def cells(self, row: CardRow, now: datetime) -> tuple[Any, ...]:
        marks = []
        if row.flag:
            marks.append(Content.styled("⚑", FLAG_STYLES[row.flag]))
        for on_, word, style in ((row.suspended, "susp", "$text-warning"), (row.buried, "bur", "$text-muted"),
                                 (row.leech, "leech", "$text-error")):
            if on_:
                marks.append(Content.styled(word, style))
        question = row.label
        due = when(from_us(row.due_us), now) if row.due_us is not None else "—"
        interval = "—" if row.interval is None else format_interval(timedelta(days=row.interval))
        cells = {"bank": literal(row.bank), "question": literal(question), "type": TYPE_LABELS.get(row.type, row.type),
                 "state": row.state, "due": due, "interval": interval, "lapses": str(row.lapses),
                 "reviews": str(row.reviews), "flag": Content(" ").join(marks),
                 "prompt": literal(" ".join(row.prompt.split()))}
        return tuple(cells[key] for _, key, _ in self.columns)

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
        # At once, not as Widget.focus() does after the keys already queued: letters typed right after `/` are
        # part of the search, never commands (s, b, e...) for the row that still had the focus.
        self.set_focus(self.query_one("#query"))

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
        lines = [Content.styled(" ".join(row.prompt.split()), "bold"),
                 Content.assemble(("Answer: ", "$text-muted"), literal(row.answer))]
        stats = f"stability {row.stability:.1f}d · difficulty {row.difficulty:.1f}" if row.stability else "not studied"
        lines.append(Content.styled(f"{row.bank}/{row.question} · {stats} · tags {' '.join(sorted(row.tags))}",
                                    "$text-muted"))
        for e in entries[-6:]:
            elapsed = "first" if e.elapsed_days is None else f"+{e.elapsed_days:.1f}d"
            interval = "cram" if e.cram else ("—" if e.interval_days is None else
                                              "→ " + format_interval(timedelta(days=e.interval_days)))
            given = f" · answered {str(e.given)[:40]}" if e.given not in (None, "", [], {}) else ""
            lines.append(literal(f"{e.reviewed_at:%Y-%m-%d %H:%M}  {RATINGS[e.rating]:5}  {elapsed:>7}  "
                                 f"{interval}{given}"))
        self.query_one("#card-details-text", Static).update(Content("\n").join(lines))

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
