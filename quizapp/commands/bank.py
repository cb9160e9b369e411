"""Commands about bank files: validate, list, schema."""
from __future__ import annotations

import json
import os
import sys

import click

from .. import __version__
from ..bank.grounding import check_result
from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..bank.loadresult import LoadResult
from ..bank.problems import Problem
from ..termtext import clean

# Imported inside the function that needs it: the answer-collision check and the JSON Schema bring pydantic
# (about 0.6 s of imports), which `quizapp validate` on unchanged banks (its findings cached) never needs;
# the cache (0.01 s) is read by `validate` only, and `quizapp --help` (0.21 s in all) imports every command module.

_sources = click.Path(exists=True, file_okay=False)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--sources", type=_sources, metavar="DIR",
              help="Also check every quote against the bank's source.file in DIR.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: a list of {file, line, column, message, severity}.")
@click.option("--no-cache", is_flag=True, help="Validate from scratch, ignoring the validated-bank cache.")
@click.pass_context
def validate(ctx, paths, sources, fmt, no_cache):
    """Check bank files and report every problem as FILE:LINE:COL: error: MESSAGE.

    PATHS are files or folders (searched for *.yaml and *.yml); with none, the
    whole library. Exit status: 0 all valid, 1 problems found, 2 usage error.
    Warnings (FILE:LINE:COL: warning: MESSAGE) do not fail: an accepted typo of
    an answer that is another real answer of the bank.

    \b
    Examples:
      quizapp validate decks/
      quizapp validate mybank.yaml --format json
      quizapp validate decks --sources ../shared/seeds
    """
    targets = list(paths) or library_paths(ctx.obj["library"])
    results, problems = load_paths(targets, use_cache=not no_cache)
    if sources:
        for r in results:
            if r.ok:
                problems.extend(check_result(r, sources))
    warnings = [w for r in results for w in r.warnings]
    warnings += typo_warnings([r for r in results if r.ok], use_cache=not no_cache)
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
    warned = f" ({len(warnings)} warning{'s' * (len(warnings) != 1)})" if warnings else ""
    click.echo(f"ok: {len(results)} bank{'s' * (len(results) != 1)}, {questions} questions{grounded} valid{warned}",
               err=True)


def typo_warnings(results, use_cache: bool = True) -> list[Problem]:
    """Warnings, located in the bank files, for accepted typos that are other real answers of the bank.

    Args:
        results: LoadResults of valid banks.
        use_cache: reuse the findings for unchanged files (kept beside the validated-bank cache), so a
            warm `validate` does not load the banks themselves.
    Returns:
        One warning Problem per collision.
    """
    from ..bank.cache import cache_dir
    store = cache_dir() / "typo-warnings.json"
    cached: dict = {}
    if use_cache and not os.environ.get("QUIZAPP_NO_CACHE"):
        try:
            data = json.loads(store.read_text(encoding="utf-8"))
            cached = data["found"] if data.get("version") == __version__ else {}
        except (OSError, ValueError, KeyError, TypeError):
            cached = {}
    out, changed = [], False
    for r in results:
        found = cached.get(r.digest) if r.digest else None
        if found is None:
            found, changed = _locate_collisions(r), True
            if r.digest:
                cached[r.digest] = found
        out += [Problem(r.display, line, column, message, "warning") for line, column, message in found]
    if changed and use_cache and not os.environ.get("QUIZAPP_NO_CACHE"):
        try:
            store.parent.mkdir(parents=True, exist_ok=True)
            kept = dict(list(cached.items())[-500:])  # bounded: the most recent files' findings
            store.write_text(json.dumps({"version": __version__, "found": kept}), encoding="utf-8")
        except OSError:
            pass  # an unwritable cache only costs speed
    return out


def _locate_collisions(result: LoadResult) -> list[tuple[int, int, str]]:
    from ..srs.collisions import typo_collisions
    return [(*result.locator.at(c.where), c.message) for c in typo_collisions(result.bank)]


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
