"""Commands about bank files: validate, list, schema."""
from __future__ import annotations

import json
import sys

import click

from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..termtext import clean

_sources = click.Path(exists=True, file_okay=False)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--sources", type=_sources, metavar="DIR",
              help="Also check every quote against the bank's source.file in DIR.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: a list of {file, line, column, message}.")
@click.option("--no-cache", is_flag=True, help="Validate from scratch, ignoring the validated-bank cache.")
@click.pass_context
def validate(ctx, paths, sources, fmt, no_cache):
    """Check bank files and report every problem as FILE:LINE:COL: error: MESSAGE.

    PATHS are files or folders (searched for *.yaml and *.yml); with none, the
    whole library. Exit status: 0 all valid, 1 problems found, 2 usage error.

    \b
    Examples:
      quizapp validate decks/
      quizapp validate mybank.yaml --format json
      quizapp validate decks --sources ../shared/seeds
    """
    targets = list(paths) or library_paths(ctx.obj["library"])
    results, problems = load_paths(targets, use_cache=not no_cache)
    if sources:
        from ..bank.grounding import check_result
        for r in results:
            if r.ok:
                problems.extend(check_result(r, sources))
    from ..termtext import clean
    warnings = [w for r in results for w in r.warnings]
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems + warnings], indent=2, ensure_ascii=False))
    else:
        for p in sorted(problems + warnings):
            click.echo(clean(str(p)))  # a message may quote bank text
    files_bad = len({p.file for p in problems})
    questions = sum(r.question_count for r in results)
    if problems:
        # The count follows the problems it counts (stdout); under --format json stdout is one JSON document.
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files_bad} of {len(results)} "
                   f"file{'s' * (len(results) != 1)}", err=fmt == "json")
        sys.exit(1)
    if not results:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    grounded = " and quotes" if sources else ""
    click.echo(f"ok: {len(results)} bank{'s' * (len(results) != 1)}, {questions} questions{grounded} valid",
               err=True)


@click.command("list")
@click.pass_context
def list_banks(ctx):
    """List the library: bank id, question count, title and path, one bank a line.

    The library is the bundled decks plus --library folders and QUIZAPP_LIBRARY.
    Exit status: 0 all banks valid, 1 some are invalid (listed and marked), as validate.

    \b
    Examples:
      quizapp list
      quizapp --library ~/banks list
    """
    from ..termtext import clean
    results, problems = load_paths(library_paths(ctx.obj["library"]))
    # Titles come from bank files and paths from the file system: neither may steer the terminal.
    rows = [(r.bank_id or "?", str(r.question_count), clean(r.title or "?").replace("\n", " "), clean(r.display),
             r.ok) for r in results]
    w_id = max((len(r[0]) for r in rows), default=2)
    w_n = max((len(r[1]) for r in rows), default=1)
    for bid, n, title, path, ok in rows:
        mark = "" if ok else "  (invalid: run quizapp validate)"
        click.echo(f"{bid:<{w_id}}  {n:>{w_n}}  {title}  {path}{mark}")
    if problems:
        click.echo(f"{len(problems)} problem(s) in the library; `quizapp validate` lists them", err=True)
        sys.exit(1)


@click.command()
def schema():
    """Print the JSON Schema of the bank format, for editors.

    \b
    Save it and point yaml-language-server at it from the top of a bank file:
      quizapp schema > bank.schema.json
      # yaml-language-server: $schema=bank.schema.json
    """
    from ..bank.schema import bank_schema
    click.echo(json.dumps(bank_schema(), indent=2, ensure_ascii=False))
