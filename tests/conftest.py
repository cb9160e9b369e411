"""Shared fixtures: isolated cache, store and config directories for every test."""
from __future__ import annotations

import pytest

from tests_support import ROOT, SEEDS, subprocess_env  # noqa: F401  (shared helpers live in tests_support)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's cache, store or settings."""
    base = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QUIZAPP_DB", str(base / "quizapp.sqlite3"))
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("QUIZAPP_LIBRARY", raising=False)
    monkeypatch.delenv("QUIZAPP_NO_CACHE", raising=False)
    yield

