"""Help: every key, screen by screen, read from the bindings themselves so it cannot go stale."""
from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.footer import KeyFooter

# Keys handled outside bindings (hot keys of the answer inputs), in words.
ANSWER_KEYS = (
    ("1-8", "multiple choice: pick an option (toggles when several are right)"),
    ("↑ ↓  Enter", "multiple choice, true/false: move and choose"),
    ("Space", "multiple choice with several answers: toggle; ordering: grab or drop the item"),
    ("t  f", "true or false"),
    ("Shift+↑ ↓", "ordering: move the item up or down"),
    ("a-j", "matching: pair the highlighted item with that letter's match"),
    ("Backspace", "matching: unpair the highlighted item"),
    ("Enter", "typed answers, cloze gaps, ordering, matching: check"),
    ("Space  Enter", "flashcard: show the back (then rate it yourself: 1-4, nothing is suggested)"),
    ("h", "flashcard: show the hint"),
    ("Tab", "flashcard: type a note for yourself (kept, not graded)"),
)


def binding_rows(bindings) -> list[tuple[str, str]]:
    rows = []
    for b in bindings:
        b = b if isinstance(b, Binding) else Binding(*b)
        keys = b.key_display or "  ".join(k.replace("ctrl+", "Ctrl+").title() if len(k) > 1 else k
                                          for k in b.key.split(","))
        rows.append((keys, b.description))
    return rows


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    from ..app import QuizApp
    from .browser import BrowserScreen
    from .library import LibraryScreen
    from .quiz import QuizScreen
    from .score import ScoreScreen
    from .settings import SettingsScreen
    from .stats import StatsScreen
    from .study import StudyScreen
    return [
        ("Everywhere", binding_rows(QuizApp.BINDINGS) + [("Ctrl+P", "command palette: every action by name")]),
        ("Library", binding_rows(LibraryScreen.BINDINGS)),
        ("Answering a card", list(ANSWER_KEYS)),
        ("Study session", binding_rows(StudyScreen.BINDINGS) + [("Enter", "take the suggested (focused) rating")]),
        ("Quiz", binding_rows(QuizScreen.BINDINGS)),
        ("Quiz score", binding_rows(ScoreScreen.BINDINGS)),
        ("Statistics", binding_rows(StatsScreen.BINDINGS)),
        ("Card browser", binding_rows(BrowserScreen.BINDINGS) + [("click", "a column header sorts by it")]),
        ("Settings", binding_rows(SettingsScreen.BINDINGS)),
    ]


def help_text() -> Content:
    """Every key as one text (what the help screen shows, row by row)."""
    lines = []
    for title, rows in sections():
        lines.append(Content.styled(title, "bold $accent"))
        lines += [Content.assemble(Content.styled(f"  {keys:<14}", "bold"), desc) for keys, desc in rows]
        lines.append(Content(""))
    return Content("\n").join(lines[:-1])


def help_grid(accent: str):
    """The help as one Rich grid: each key's words wrap under themselves, not under the key (one widget: fast)."""
    from rich.table import Table
    from rich.text import Text
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=15, no_wrap=True)
    grid.add_column(ratio=1)
    for n, (title, rows) in enumerate(sections()):
        if n:
            grid.add_row("", "")
        grid.add_row(Text(title, style=f"bold {accent}"), "")
        for keys, desc in rows:
            grid.add_row(Text(f"  {keys}", style="bold"), Text(desc.plain if isinstance(desc, Content) else desc))
    return grid


class HelpScreen(ModalScreen[None]):

    AUTO_FOCUS = "#help-box"
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self):
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(help_grid(self.app.current_theme.accent or "cyan"), id="help-text")
        yield KeyFooter()  # its own keys, not those of the screen beneath

    async def action_dismiss(self, result=None) -> None:
        self.dismiss()
