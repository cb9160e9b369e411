"""Statistics: the figures of `quizapp stats`, a due forecast and reviews per day as bar charts."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header, Static

from .. import keys
from ..text import clean
from ..widgets.footer import KeyFooter
from ..widgets.chart import BarChart
from .base import AppScreen

if TYPE_CHECKING:
    from ...bank.models import Bank


def figure_rows(stats: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, figure) for the headline figures."""
    retention = stats.get("retention_30d")
    return [("Cards", str(stats["cards_total"])), ("New", str(stats["cards_new"])),
            ("Learning", str(stats["cards_learning"])), ("Review", str(stats["cards_review"])),
            ("Due today", str(stats["due_today"])), ("Reviews today", str(stats["reviews_today"])),
            ("Reviews in all", str(stats["reviews_total"])),
            ("Retention, 30 days", f"{retention:.0%}" if retention is not None else "—")]


def figures(rows: list[tuple[str, str]]) -> Content:
    """The rows as aligned label-figure lines."""
    width = max(len(k) for k, _ in rows) + 2
    return Content("\n").join(Content.assemble(Content.styled(k.ljust(width), "$text-muted"),
                                               Content.styled(v, "bold")) for k, v in rows)


def bank_lines(per_bank: dict[str, dict[str, Any]], width: int) -> Content:
    """One line a bank: title (cut to fit), learned of total, due today."""
    head = Content.styled(f"{'Bank':<{width}} {'learned':>13} {'due':>5}", "bold")
    lines = [head]
    for bank_id, b in per_bank.items():
        title = clean(b.get("title") or bank_id)
        title = title if len(title) <= width else title[: width - 1] + "…"
        learned = f"{b['cards_total'] - b['cards_new']} of {b['cards_total']}"
        lines.append(Content(f"{title:<{width}} {learned:>13} {b['due_today']:>5}"))
    return Content("\n").join(lines)


class StatsScreen(AppScreen[None]):
    """Escape goes back."""

    BINDINGS = keys.STATS_KEYS
    AUTO_FOCUS = "#stats"

    def __init__(self, banks: list[Bank]) -> None:
        super().__init__()
        self.banks = banks

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Static("Counting…", id="stats-loading"), id="stats")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        ok, stats = self.quiz_app.with_store(lambda: self.quiz_app.library_stats(self.banks))
        if ok and stats is not None:
            self.app.call_from_thread(self.show, stats)

    async def show(self, stats: dict[str, Any]) -> None:
        body = self.query_one("#stats")
        await body.remove_children()
        rows = figure_rows(stats)
        charts = Grid(
            BarChart("Due, next 30 days", [(d["date"], d["due"]) for d in stats["forecast"]], id="forecast"),
            BarChart("Reviews, last 30 days", [(d["date"], d["count"]) for d in stats["reviews_per_day"]],
                     id="reviews-chart"),
            id="stats-charts", classes="-wide" if self.size.width >= 140 else "")
        widgets: list[Widget] = [
            Horizontal(Static(figures(rows[:4]), id="stats-figures"), Static(figures(rows[4:]), id="stats-figures2"),
                       id="stats-top"),
            charts,
            Static(bank_lines(stats["banks"], max(self.size.width - 30, 20)) if stats["banks"]
                   else Content("No cards yet."), id="stats-banks"),
        ]
        if stats["hardest"]:
            lines = [Content.styled("Hardest cards", "bold")]
            lines += [Content(f"{h['lapses']:>3} lapses  ") + Content(clean(h.get("prompt") or h["question"]))
                      for h in stats["hardest"]]
            widgets.append(Static(Content("\n").join(lines), id="hardest"))
        await body.mount_all(widgets)
