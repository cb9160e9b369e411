"""What `quizapp` with no command does: open the library in the terminal UI."""
from __future__ import annotations

import click

from ..tui.app import run_library


def run(ctx: click.Context) -> None:
    """Open the library of banks in the terminal UI.

    Args:
        ctx: the command line's context (its object holds --library and --db).
    """
    run_library(ctx)
