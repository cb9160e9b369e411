"""The one environment-isolation fixture, for every test (the TUI's too): its own cache, store and config."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's cache, store or settings; no Textual animation waits."""
    base = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QUIZAPP_DB", str(base / "quizapp.sqlite3"))
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("QUIZAPP_LIBRARY", raising=False)
    monkeypatch.delenv("QUIZAPP_NO_CACHE", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield

