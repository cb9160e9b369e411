"""The end of a session: answered, right, time taken, and when cards are next due."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...srs.queue import limits_sentence
from ...srs.stats import compute_stats
from ...srs.store import Store
from ..text import duration, literal, when

if TYPE_CHECKING:
    from ...bank.models import Bank
    from ...srs.session import Session


def next_due_text(session: Session, banks: list[Bank], now: datetime, store: Store) -> str:
    """When to come back: today's next learning step, or the first day of the forecast with cards due."""
    soon = session.next_due()
    if soon is not None:
        return "now" if soon <= now else when(soon, now)  # a learning card already due: never "2m ago"
    forecast = compute_stats(store, banks, now)["forecast"]
    for day, entry in enumerate(forecast[1:], start=1):
        if entry["due"]:
            label = "tomorrow" if day == 1 else f"in {day} days"
            return f"{label} ({entry['due']} card{'s' * (entry['due'] != 1)})"
    return "nothing due in the next 30 days" if forecast else "—"


class SessionSummary(Vertical, can_focus=True):
    """Shown when no card is left for now."""

    BINDINGS = [Binding("enter,q", "screen.leave", "Done"), Binding("s", "screen.stats", "Stats"),
                Binding("m", "screen.study_more", "Study more"), Binding("o", "app.settings", "Settings")]
    DEFAULT_CSS = """
    SessionSummary { height: auto; margin: 1 4; padding: 1 2; border: round $success; }
    SessionSummary:focus { border: round $success; }
    SessionSummary .summary-title { text-style: bold; color: $text-success; margin-bottom: 1; }
    SessionSummary .summary-hint { color: $text-muted; margin-top: 1; }
    SessionSummary .summary-limit { color: $text-warning; margin-top: 1; }
    """

    def __init__(self, session: Session, now: datetime, banks: list[Bank], *,
                 leave_words: str = "go back to the library", ended_early: bool = False) -> None:
        """leave_words: what Enter does, as the study screen's caller decided ("quit" when the app ends)."""
        super().__init__()
        self.session, self.now, self.banks, self.leave_words = session, now, banks, leave_words
        self.ended_early = ended_early

    def compose(self) -> ComposeResult:
        p = self.session.progress
        limits = self.session.limits
        if p.done:
            title = "Session ended" if self.ended_early else "Session complete"
        else:
            title = "Daily limit reached" if limits else "Nothing to study right now"
        yield Static(Content(title), classes="summary-title")
        pct = f" ({round(100 * p.right / p.done)}%)" if p.done else ""
        rows = [("Answered", str(p.done)), ("Right", f"{p.right}{pct}"),
                ("Time", duration((self.now - p.started_at).total_seconds())),
                ("Next due", next_due_text(self.session, self.banks, self.now, self.session.store))]
        width = max(len(k) for k, _ in rows) + 2
        yield Static(Content("\n").join(Content.assemble(Content.styled(k.ljust(width), "bold"), v) for k, v in rows))
        if limits and not self.ended_early:
            yield Static(literal(limits_sentence(limits)), classes="summary-limit")
            yield Static("To go on: m studies more today (extra new cards, review ahead or cram); "
                         "o changes the limits in Settings.", classes="summary-hint")
        leave = self.leave_words
        more = "" if limits and not self.ended_early else " · m to study more today"
        yield Static(f"Enter to {leave} · s for statistics{more}", classes="summary-hint")
