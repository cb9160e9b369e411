"""What `quizapp` with no command does: open the library."""
from __future__ import annotations

import click


def run(ctx: click.Context) -> None:
    try:
        from ..tui.app import run_library  # the terminal UI, where installed
    except ImportError:
        click.echo(ctx.get_help())
        return
    run_library(ctx)
