"""Loading the banks a command works on, or printing their problems and exiting 1: one way for every command."""
from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..bank.loadresult import LoadResult
from ..termtext import clean


def plural(count: int, word: str) -> str:
    """`1 problem`, `2 problems`: a count and its word."""
    return f"{count} {word}{'s' * (count != 1)}"


def load_banks_or_exit(ctx: click.Context, paths: Sequence[str], *, consequence: str,
                       library_skips_invalid: bool = False) -> list[LoadResult]:
    """The valid banks at paths (with none, the library), or every problem on stderr and exit status 1.

    Args:
        ctx: the command's context; its root object holds the --library folders.
        paths: bank files or folders the learner named; empty for the whole library.
        consequence: what the command does instead, said after the count ("nothing exported").
        library_skips_invalid: over the whole library (no paths), report the invalid banks and go on with
            the valid ones, as the library screen does; exit 1 only when none is valid.

    Returns:
        The LoadResults of the valid banks, in path order (at least one).
    """
    obj = ctx.find_root().obj or {}
    results, problems = load_paths(list(paths) or library_paths(obj.get("library", ())))
    if problems:
        for problem in problems:
            click.echo(clean(str(problem)), err=True)  # a message may quote bank text
        bad = len({p.file for p in problems})
        if paths or not library_skips_invalid or bad == len(results):
            click.echo(f"{plural(len(problems), 'problem')} in {bad} of {plural(len(results), 'file')}; "
                       f"{consequence}", err=True)
            sys.exit(1)
        click.echo(f"skipping {bad} invalid bank file{'s' * (bad != 1)} of the library (see `quizapp validate`); "
                   "studying the others", err=True)
    valid = [r for r in results if r.bank is not None]
    if not valid:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    return valid
