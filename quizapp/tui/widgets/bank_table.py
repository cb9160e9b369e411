"""The library's table: one row a bank, with its counts, a mark when selected, and invalid banks in red."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable

from ..text import clean, when

if TYPE_CHECKING:  # loaded with the banks, in the library's worker
    from ...bank.loader import LoadResult

COLUMNS = (("", "mark", 1), ("Bank", "title", None), ("Qs", "questions", 4), ("New", "new", 4),
           ("Due", "due", 4), ("Learned", "learned", 7), ("Last studied", "last", 12))
MARK = Content.styled("●", "bold $accent")


class BankTable(DataTable[Any]):
    """The banks, one a row keyed by the bank's display path; Enter studies the highlighted or selected banks
    (shown in the footer as such)."""

    BINDINGS = [Binding("enter", "select_cursor", "Study")]

    title_width = 12  # the Bank column's width: what the fixed columns leave, set by set_columns

    def set_columns(self) -> None:
        """Empty the table and lay out its columns for its width."""
        self.clear(columns=True)
        # The title takes what the fixed columns leave (each column has one cell of padding a side).
        fixed = sum(width + 2 for _, _, width in COLUMNS if width) + 2 + 2
        self.title_width = max(self.size.width - fixed, 12)
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width or self.title_width)

    def fill(self, results: Iterable[LoadResult], counts: Mapping[str, Mapping[str, Any]], selected: set[str],
             now: datetime) -> None:
        """Show these banks (columns laid out anew), keeping the highlighted bank highlighted when still shown.

        Args:
            results: the banks to show, valid or not.
            counts: per bank id, the engine's counts (cards_new, due_today...); a bank not in it shows "…".
            selected: the display paths of the selected banks.
            now: the time "last studied" is told from.
        """
        current = self.highlighted_key()
        self.set_columns()
        for r in results:
            self.add_row(*self.row(r, counts.get(r.bank_id or ""), r.display in selected, now), key=r.display)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)

    def row(self, r: LoadResult, counts: Mapping[str, Any] | None, selected: bool, now: datetime) -> tuple[Any, ...]:
        """One bank's cells."""
        if not r.ok:
            name = r.title or r.path.name
            return (Content.styled("!", "bold $text-error"), Content.styled(clean(name), "$text-error"),
                    "", "", "", "", Content.styled("invalid", "$text-error"))
        mark = MARK if selected else ""
        if counts is None:
            return (mark, self.cut(r.title or ""), str(r.question_count), "…", "…", "…", "")
        last = counts.get("last_studied")  # ISO time of the last review, when the engine gives it
        if "last_studied" not in counts:
            last_text = "—"
        else:
            last_text = when(datetime.fromisoformat(last), now) if last else "never"
        due, new = counts.get("due_today", 0), counts.get("cards_new", 0)
        return (mark, self.cut(r.title or ""), str(r.question_count), str(new),
                Content.styled(str(due), "bold $text-warning") if due else "0",
                str(counts.get("cards_total", 0) - new), last_text)

    def cut(self, title: str) -> Content:
        """The title in its column, with an ellipsis when it is cut (two long titles must not read alike)."""
        text = clean(title)
        width = self.title_width
        return Content(text if len(text) <= width else text[:width - 1].rstrip() + "…")

    def mark(self, key: str, selected: bool) -> None:
        """Show or clear the selection mark of the bank with this display path."""
        self.update_cell(key, "mark", MARK if selected else "")

    def highlighted_key(self) -> str | None:
        """The display path of the highlighted bank, None when the table is empty."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
