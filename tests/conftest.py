"""Shared fixtures: isolated cache, store and config directories for every test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANKS = Path(__file__).resolve().parent / "banks"
SEEDS = ROOT.parent / "shared" / "seeds"


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


def subprocess_env(**extra) -> dict:
    """The environment for a `quizapp` subprocess: the test's isolated dirs, no colours."""
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "PYTHONWARNINGS": "ignore"})
    env.update(extra)
    return env
