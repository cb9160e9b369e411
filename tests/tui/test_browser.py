"""The card browser: search, sort, suspend, flag, history, and editing a question in a real $EDITOR process."""
from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import textwrap


from quizapp.tui.screens.browser import BrowserScreen
from quizapp.tui.screens.editing import EditProblemsScreen

from .conftest import ALL_TYPES, screen_text
from .driving import wait_for


def _library(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(ALL_TYPES, folder / ALL_TYPES.name)
    return folder


async def _open_browser(app, pilot):
    """From the library, once its banks and counts are loaded, `c` and wait for the browser's rows."""
    await wait_for(pilot, lambda: getattr(app.screen, "loaded", False) and app.screen.counts)
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, BrowserScreen) and app.screen.rows)


def _cards(app):
    return app.screen.shown if isinstance(app.screen, BrowserScreen) else []


async def test_browser_searches_sorts_suspends_and_flags(make_app, tmp_path):
    app = make_app(only_paths=[_library(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_browser(app, pilot)
        total = len(app.screen.rows)
        assert total >= 8 and f"{total} of {total} cards" in screen_text(app)
        await pilot.press("slash", *"type:cloze", "enter")
        await wait_for(pilot, lambda: all(r.type == "cloze" for r in _cards(app)) and len(_cards(app)) < total)
        clozes = len(_cards(app))
        await pilot.press("s")  # suspend the highlighted card
        await wait_for(pilot, lambda: any(r.suspended for r in app.screen.rows))
        await pilot.press("1")
        await wait_for(pilot, lambda: any(r.flag == 1 for r in app.screen.rows))
        assert "susp" in screen_text(app) and "⚑" in screen_text(app)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"is:suspended flag:red", "enter")
        await wait_for(pilot, lambda: len(_cards(app)) == 1)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"prop:lapses>x", "enter")
        await wait_for(pilot, lambda: "prop:FIELD OP NUMBER" in screen_text(app))
        assert clozes >= 2
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        assert conn.execute("SELECT count(*) FROM cards WHERE suspended = 1 AND flag = 1").fetchone()[0] == 1


EDITOR = textwrap.dedent("""
    import re, sys
    path = sys.argv[-1]
    # A test's editor edits only the test's own copy, never a bundled deck it was opened on by mistake.
    assert path.startswith(ROOT), path
    line = int(sys.argv[-2].lstrip("+"))
    text = open(path, encoding="utf-8").read()
    open(path + ".line", "w").write(str(line))
    text = text.replace(MARK_FROM, MARK_TO, 1)
    open(path, "w", encoding="utf-8").write(text)
""")


def _editor(tmp_path, old: str, new: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(f"MARK_FROM = {old!r}\nMARK_TO = {new!r}\nROOT = {str(tmp_path)!r}\n" + EDITOR)
    return f"{sys.executable} {script}"


async def _edit_first_card(app, pilot, question_id: str):
    await wait_for(pilot, lambda: getattr(app.screen, "loaded", False) and app.screen.counts)
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, BrowserScreen) and app.screen.rows)
    await pilot.press("slash", *f"id:{question_id}", "enter")
    await wait_for(pilot, lambda: [r.question for r in _cards(app)] == [question_id])
    await pilot.press("e")


async def test_edit_in_editor_revalidates_and_keeps_progress(make_app, tmp_path, monkeypatch):
    folder = _library(tmp_path)
    bank = folder / ALL_TYPES.name
    original = bank.read_text(encoding="utf-8")
    old_prompt = "A demilitarized zone separates the two Koreas."
    assert old_prompt in original
    monkeypatch.setenv("EDITOR", _editor(tmp_path, old_prompt, "The two Koreas are split by a demilitarized zone."))
    app = make_app(only_paths=[folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await _edit_first_card(app, pilot, "dmz-exists")
        await wait_for(pilot, lambda: "split by a demilitarized" in screen_text(app))
        row = _cards(app)[0]
    assert "split by a demilitarized zone" in bank.read_text(encoding="utf-8")
    line = int((folder / (ALL_TYPES.name + ".line")).read_text())
    assert original.splitlines()[line - 1].strip() == "- id: dmz-exists"  # the editor opened at the question
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:  # one card, same id: progress kept
        assert conn.execute("SELECT count(*) FROM cards WHERE question_id = 'dmz-exists'").fetchone()[0] == 1
        assert conn.execute("SELECT id FROM cards WHERE question_id = 'dmz-exists'").fetchone()[0] == row.card_id


async def test_a_broken_edit_is_reported_and_can_be_discarded(make_app, tmp_path, monkeypatch):
    folder = _library(tmp_path)
    bank = folder / ALL_TYPES.name
    original = bank.read_bytes()
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "answer: true", "answer: maybe"))
    app = make_app(only_paths=[folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await _edit_first_card(app, pilot, "dmz-exists")
        await wait_for(pilot, lambda: isinstance(app.screen, EditProblemsScreen))
        text = screen_text(app)
        assert "The edited bank has problems" in text and f"{ALL_TYPES.name}:" in text
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowserScreen))
    assert bank.read_bytes() == original


async def test_preview_shows_the_card_as_studied_and_records_nothing(make_app, tmp_path):
    from quizapp.tui.screens.preview import PreviewScreen
    app = make_app(only_paths=[_library(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_browser(app, pilot)
        await pilot.press("slash", *"type:multiple_choice", "enter")
        await wait_for(pilot, lambda: _cards(app) and all(r.type == "multiple_choice" for r in _cards(app)))
        row = app.screen.current()
        question = next(q for r in app.screen.results if r.bank_id == row.bank for q in r.bank.questions
                        if q.id == row.question)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert all(choice in shown for choice in question.choices), shown  # every option, as in study
        assert f"Answer: {question.answer}" in shown and "preview" in shown
        await pilot.press("1", "enter")  # the input is locked: keys answer nothing
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowserScreen))
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
