"""Fixtures for the import/export tests: running the commands in-process."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from quizapp.cli import main


@pytest.fixture
def quizapp():
    """Run `quizapp ARGS...` in-process; returns the click Result (stderr kept apart)."""
    def run(*args) -> object:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return run
