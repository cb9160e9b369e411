"""Statistics: the figures of `quizapp stats`, a due forecast and reviews per day as bar charts."""
from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..text import clean
from ..widgets.chart import BarChart


def figure_rows(stats: dict) -> list[tuple[str, str]]:
    retention = stats.get("retention_30d")
    return [("Cards", str(stats["cards_total"])), ("New", str(stats["cards_new"])),
            ("Learning", str(stats["cards_learning"])), ("Review", str(stats["cards_review"])),
            ("Due today", str(stats["due_today"])), ("Reviews today", str(stats["reviews_today"])),
            ("Reviews in all", str(stats["reviews_total"])),
            ("Retention (30 days)", f"{retention:.0%}" if retention is not None else "—")]


def figures(rows: list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in rows) + 2
    return Content("\n").join(Content.assemble(Content.styled(k.ljust(width), "$text-muted"),
                                               Content.styled(v, "bold")) for k, v in rows)


class StatsScreen(Screen):
    """Escape goes back."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, banks: list) -> None:
        super().__init__()
        self.banks = banks

    def compose(self):
        yield Header()
        yield VerticalScroll(Static("Counting…", id="stats-loading"), id="stats")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.query_one("#stats").focus()
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        from ...srs import StoreError
        store = self.app.call_from_thread(self.app.open_store)
        if store is None:
            return
        try:
            stats = self.app.library_stats(self.banks)
        except StoreError as exc:
            self.app.call_from_thread(self.app.show_store_error, exc)
            return
        self.app.call_from_thread(self.show, stats)

    async def show(self, stats: dict) -> None:
        body = self.query_one("#stats")
        await body.remove_children()
        per_bank = [(clean(b.get("title") or bank_id), f"{b['cards_total'] - b['cards_new']}/{b['cards_total']} "
                     f"learned · {b['due_today']} due") for bank_id, b in stats["banks"].items()]
        widgets = [
            Horizontal(Static(figures(figure_rows(stats)), id="stats-figures"),
                       Static(figures(per_bank) if per_bank else Content("No cards yet."), id="stats-banks"),
                       id="stats-top"),
            BarChart("Due in the next 30 days", [(d["date"], d["due"]) for d in stats["forecast"]], id="forecast"),
            BarChart("Reviews in the last 30 days", [(d["date"], d["count"]) for d in stats["reviews_per_day"]],
                     id="reviews-chart"),
        ]
        if stats["hardest"]:
            lines = [Content.styled("Hardest cards", "bold")]
            lines += [Content(f"{h['lapses']:>3} lapses  ") + Content(clean(h.get("prompt") or h["question"]))
                      for h in stats["hardest"]]
            widgets.append(Static(Content("\n").join(lines), id="hardest"))
        await body.mount_all(widgets)
