"""Fixtures for the TUI tests: a fixed clock, a seeded app, a library (the isolated dirs: tests/conftest.py)."""
from __future__ import annotations

import asyncio
import inspect
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests_support import BROKEN as BROKEN_BANKS
from tests_support import VALID

ALL_TYPES = VALID / "all-types.yaml"
NOW = datetime(2025, 3, 3, 9, 30, tzinfo=timezone.utc)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (Textual's pilot is asyncio; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**args))
    return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_app(clock):
    """QuizApp with the clock, a fixed seed, no fsrs fuzz and a UTC study day (a pilot's cursor never blinks)."""
    from quizapp.tui.app import QuizApp

    def make(**kwargs):
        options = {"fuzz": False, "tz": timezone.utc, **kwargs.pop("options", {})}
        return QuizApp(clock=clock, seed=7, options=options, **kwargs)

    return make


MARKUP = Path(__file__).resolve().parent / "banks" / "markup.yaml"
BROKEN = BROKEN_BANKS / "mc-answer-not-in-choices.yaml"


@pytest.fixture
def library(tmp_path):
    """A library folder: the all-types bank, the markup bank and one invalid bank."""
    import shutil
    folder = tmp_path / "library"
    folder.mkdir()
    for source in (ALL_TYPES, MARKUP, BROKEN):
        shutil.copy(source, folder / source.name)
    return folder


def screen_text(app) -> str:
    """What the terminal shows, as plain text (from the app's own SVG screenshot)."""
    import html
    import re
    svg = app.export_screenshot()
    rows = re.findall(r'<text class="[^"]*" x="[^"]*" y="([^"]*)"[^>]*>(.*?)</text>', svg)
    lines: dict[float, str] = {}
    for y, text in rows:
        lines[float(y)] = lines.get(float(y), "") + html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(lines[y].replace("\xa0", " ") for y in sorted(lines))


@pytest.fixture
def all_types():
    from quizapp.bank import load_bank
    return load_bank(ALL_TYPES)


def reviews(db: str | os.PathLike | None = None) -> list[tuple]:
    """(question id, ord, rating, correct) of every review in the store, oldest first."""
    path = db or os.environ["QUIZAPP_DB"]
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT c.question_id, c.ord, r.rating, r.correct FROM reviews r "
                            "JOIN cards c ON c.id = r.card_id ORDER BY r.id").fetchall()
