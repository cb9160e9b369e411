"""Help: every key, screen by screen, read from the bindings the screens bind (`tui/keys.py`): it cannot go stale."""
from __future__ import annotations

from typing import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys
from ..widgets.footer import KeyFooter


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys as a learner types them, what they do) for each binding."""
    rows = []
    for b in bindings:
        b = b if isinstance(b, Binding) else Binding(b[0], b[1], b[2] if len(b) == 3 else "")
        typed = b.key_display or "  ".join(k.replace("ctrl+", "Ctrl+").title() if len(k) > 1 else k
                                           for k in b.key.split(","))
        rows.append((typed, b.description))
    return rows


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(title, rows) for each place keys work, in the order Help shows them."""
    return [
        ("Everywhere", binding_rows(keys.APP_KEYS) + [("Ctrl+P", "command palette: every action by name")]),
        ("Library", binding_rows(keys.LIBRARY_KEYS)),
        ("Answering a card", list(keys.ANSWER_KEYS)),
        ("Study session", binding_rows(keys.STUDY_KEYS) + [("Enter", "take the suggested (focused) rating")]),
        ("Quiz", binding_rows(keys.QUIZ_KEYS)),
        ("Quiz score", binding_rows(keys.SCORE_KEYS)),
        ("Statistics", binding_rows(keys.STATS_KEYS)),
        ("Card browser", binding_rows(keys.BROWSER_KEYS) + [("click", "a column header sorts by it")]),
        ("Card preview", binding_rows(keys.PREVIEW_KEYS)),
        ("Settings", binding_rows(keys.SETTINGS_KEYS)),
    ]


def help_text() -> Content:
    """Every key as one text (what the help screen shows, row by row)."""
    lines = []
    for title, rows in sections():
        lines.append(Content.styled(title, "bold $accent"))
        lines += [Content.assemble(Content.styled(f"  {keys:<14}", "bold"), desc) for keys, desc in rows]
        lines.append(Content(""))
    return Content("\n").join(lines[:-1])


def help_grid(accent: str) -> Table:
    """The help as one Rich grid: each key's words wrap under themselves, not under the key (one widget: fast)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=15, no_wrap=True)
    grid.add_column(ratio=1)
    for n, (title, rows) in enumerate(sections()):
        if n:
            grid.add_row("", "")
        grid.add_row(Text(title, style=f"bold {accent}"), "")
        for typed, desc in rows:
            grid.add_row(Text(f"  {typed}", style="bold"), Text(desc.plain if isinstance(desc, Content) else desc))
    return grid


class HelpScreen(ModalScreen[None]):
    """Every key, screen by screen; any of its own keys closes it."""

    AUTO_FOCUS = "#help-box"
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(help_grid(self.app.current_theme.accent or "cyan"), id="help-text")
        yield KeyFooter()  # its own keys, not those of the screen beneath

    async def action_dismiss(self, result: object = None) -> None:
        self.dismiss()
