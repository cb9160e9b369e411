"""Pilot tests of the library: counts, search as you type, selection, invalid banks with their problems."""
from __future__ import annotations

from textual.widgets import DataTable, Input

from quizapp.bank import load_file
from quizapp.tui.screens.library import LibraryScreen
from quizapp.tui.screens.study import StudyScreen

from .conftest import BROKEN
from .driving import answer, card_ready, type_text, wait_for


def palette_highlights(app, title: str) -> bool:
    """The command palette is open with the command of this title highlighted (Enter runs it)."""
    from textual.command import CommandList, CommandPalette
    if not isinstance(app.screen, CommandPalette):
        return False
    commands = app.screen.query_one(CommandList)
    if commands.highlighted is None:
        return False
    return title in str(commands.get_option_at_index(commands.highlighted).prompt)


def loaded(app) -> bool:
    screen = app.screen
    return isinstance(screen, LibraryScreen) and bool(screen.counts) and not screen.query_one("#loading").display


async def test_library_lists_banks_with_counts(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        row = table.get_row(str(library / "all-types.yaml"))
        # 8 questions; the cloze question has two cards, so 9 new cards
        assert [str(c) for c in row[2:6]] == ["8", "9", "0", "0"]
        status = str(app.screen.query_one("#status-text").render())
        assert "2 banks · 10 questions · 0 due today · 1 invalid" in status


async def test_invalid_bank_listed_with_located_problems(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        table = app.screen.query_one(DataTable)
        broken = str(library / BROKEN.name)
        table.move_cursor(row=table.get_row_index(broken))
        await pilot.pause()
        details = str(app.screen.query_one("#details-text").render())
        expected = [str(p) for p in load_file(library / BROKEN.name).problems]
        assert expected and all(line in details for line in expected)
        assert "9:13: error: answer 'd' is not among the choices" in details
        await pilot.press("enter")  # cannot study it: says so, stays
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_search_filters_as_you_type(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        table = app.screen.query_one(DataTable)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "every")
        assert table.row_count == 1
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        assert table.row_count == 3
        await type_text(pilot, "#exam")  # a tag prefix
        assert table.row_count == 1
        await pilot.press("escape")
        assert table.row_count == 3 and isinstance(app.focused, DataTable)


async def test_selecting_banks_and_studying_them(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(library / "all-types.yaml")))
        await pilot.press("space")  # selects and moves down
        table.move_cursor(row=table.get_row_index(str(library / "markup.yaml")))
        await pilot.press("space")
        status = str(app.screen.query_one("#status-text").render())
        assert "2 selected" in status
        await pilot.press("enter")
        await wait_for(pilot, lambda: card_ready(app))
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert {b.id for b in screen.banks} == {"example-all-types", "markup-injection"}
        await answer(pilot, True)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")  # the session's summary, then back to the library
        await wait_for(pilot, lambda: app.screen.query("SessionSummary"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        row_key = str(library / "all-types.yaml")
        await wait_for(pilot, lambda: str(app.screen.query_one(DataTable).get_row(row_key)[5]) == "1")


async def test_studying_a_tag_from_the_search(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        await pilot.press("slash")
        await type_text(pilot, "#exa")  # the prefix of the all-types bank's tag, "example"
        await pilot.press("enter")  # Enter in the search studies the tag at once
        await wait_for(pilot, lambda: card_ready(app))
        assert app.screen.tags == ("example",)
        assert app.screen.sub_title == "Every question type · #example"  # the header says which tag


async def test_command_palette_lists_the_actions(make_app, library):
    app = make_app(only_paths=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: loaded(app))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Help", "Settings", "Statistics", "Toggle light/dark theme", "Study the selected banks",
                      "Quiz on the selected banks", "Quit"):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "settings")
        await wait_for(pilot, lambda: palette_highlights(app, "Settings"))  # the search found it
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
