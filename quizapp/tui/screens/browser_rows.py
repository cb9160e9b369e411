"""How the card browser shows a card: its table row (columns that fit the terminal) and its details pane."""
from __future__ import annotations

from datetime import datetime, timedelta

from textual.content import Content

from ...srs.browse import CardRow
from ...srs.scheduler import format_interval
from ...srs.clock import from_us
from ..text import literal, when
from ..widgets.card import TYPE_VIEWS

COLUMNS = (("Bank", "bank", 14), ("Question", "question", 18), ("Type", "type", 10), ("State", "state", 10),
           ("Due", "due", 9), ("Ivl", "interval", 5), ("Stab", "stability", 5), ("Diff", "difficulty", 4),
           ("Laps", "lapses", 4), ("Revs", "reviews", 4), ("Marks", "flag", 9), ("Prompt", "prompt", None))
# Left out, in turn, on narrower terminals (`o` still sorts by them; the details pane shows them).
DROP_FIRST = ("difficulty", "stability", "reviews", "interval", "lapses", "type", "bank", "state")
MIN_PROMPT = 24
TYPE_LABELS = {kind: view.short for kind, view in TYPE_VIEWS.items()}
FLAG_STYLES = ("", "bold red", "bold dark_orange", "bold green", "bold blue")
RATINGS = ("", "Again", "Hard", "Good", "Easy")


def fitting_columns(width: int) -> tuple[list[tuple[str, str, int | None]], int]:
    """The columns a table this wide shows, and the prompt's width (what the fixed columns leave).

    Args:
        width: the table's width in cells.

    Returns:
        (label, key, width) for each column kept (None: the prompt's), and the prompt's width.
    """
    columns = list(COLUMNS)
    for drop in (None, *DROP_FIRST):
        columns = [c for c in columns if c[1] != drop]
        # Each column has one cell of padding a side.
        room = width - sum(w + 2 for _, _, w in columns if w) - 4
        if room >= MIN_PROMPT:
            break
    return columns, max(room, 12)


def row_cells(row: CardRow, columns: list[tuple[str, str, int | None]], now: datetime) -> tuple:
    """A card's cells for the given columns.

    Args:
        row: the card.
        columns: from fitting_columns.
        now: what the due date is told against ("in 3 d", "2 h ago").

    Returns:
        One str or Content a column.
    """
    marks = []
    if row.flag:
        marks.append(Content.styled("⚑", FLAG_STYLES[row.flag]))
    for on, word, style in ((row.suspended, "susp", "$text-warning"), (row.buried, "bur", "$text-muted"),
                            (row.leech, "leech", "$text-error")):
        if on:
            marks.append(Content.styled(word, style))
    due = when(from_us(row.due_us), now) if row.due_us is not None else "—"
    interval = "—" if row.interval is None else format_interval(timedelta(days=row.interval))
    stability = "—" if row.stability is None else format_interval(timedelta(days=row.stability))
    cells = {"bank": literal(row.bank), "question": literal(row.label), "type": TYPE_LABELS.get(row.type, row.type),
             "state": row.state, "due": due, "interval": interval, "stability": stability,
             "difficulty": "—" if row.difficulty is None else f"{row.difficulty:.1f}", "lapses": str(row.lapses),
             "reviews": str(row.reviews), "flag": Content(" ").join(marks),
             "prompt": literal(" ".join(row.prompt.split()))}
    return tuple(cells[key] for _, key, _ in columns)


def card_details(row: CardRow, entries: list) -> Content:
    """The details pane: the prompt, the answer, the schedule and the last six reviews.

    Args:
        row: the card.
        entries: its review history (srs.control.history), oldest first.

    Returns:
        The pane's text.
    """
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
    return Content("\n").join(lines)
