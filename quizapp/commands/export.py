"""The `quizapp export` command group: `export anki` writes banks as Anki packages."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

PROGRESS_MIN_QUESTIONS = 2000  # below this an export takes well under a second: no bar


@click.group()
def export():
    """Export banks for use in other apps."""


@export.command("anki")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(), metavar="FILE",
              help="Package to write (default: <bank-id>.apkg, or quizapp.apkg for several banks); "
                   "with --split, the folder to write the packages into (default: the current folder).")
@click.option("--split", is_flag=True, help="One package per bank, named <bank-id>.apkg.")
@click.option("--state", "state_file", type=click.Path(dir_okay=False), envvar="QUIZAPP_EXPORT_STATE",
              metavar="FILE", help="Export state (what was exported when), which lets Anki update notes in place "
                                   "(default: beside the review store; also QUIZAPP_EXPORT_STATE).")
@click.pass_context
def anki(ctx, paths, output, split, state_file):
    """Write banks as an Anki package (.apkg) that updates in place when imported again.

    PATHS are bank files or folders; with none, the whole library. Each bank becomes a
    deck (its `deck:` path, `::` for sub-decks). Import the package in Anki with
    File > Import; after editing the banks, export and import again: edited questions
    update their notes, review history stays, nothing is duplicated. The export state
    (--state) remembers what was exported when; SOURCE_DATE_EPOCH, when set, is the
    export time, for reproducible packages.

    \b
    Examples:
      quizapp export anki decks/                  # -> quizapp.apkg, a sub-deck per bank
      quizapp export anki mybank.yaml -o ~/mybank.apkg
      quizapp export anki decks/ --split -o out/  # -> out/<bank-id>.apkg for each bank
    """
    from ..bank.library import library_paths
    from ..bank.loader import load_paths
    from ..export import BankInput, ExportError, ExportState, PackagePlan, StateError, default_state_path

    now = _now()
    obj = ctx.find_root().obj or {}
    targets = list(paths) or library_paths(obj.get("library", ()))
    results, problems = load_paths(targets)
    if problems:
        _fail(problems, len({p.file for p in problems}), len(results))
    if not results:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    inputs = [BankInput(r.bank, r.path, r.display) for r in results]
    plans = _plans(inputs, output, split, PackagePlan)
    try:
        state = ExportState.load(Path(state_file) if state_file else default_state_path(obj.get("db")))
    except StateError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    total = sum(len(i.bank.questions) for i in inputs)
    try:
        if total >= PROGRESS_MIN_QUESTIONS and sys.stderr.isatty():
            with click.progressbar(length=total, label="Exporting", file=sys.stderr) as bar:
                _export(plans, state, now, bar.update)
        else:
            _export(plans, state, now, None)
    except ExportError as exc:
        _fail(exc.problems, len({p.file for p in exc.problems}), len(results))
    except OSError as exc:
        click.echo(f"{exc.filename or 'output'}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(1)
    for plan in plans:
        for warning in plan.warnings:
            click.echo(warning, err=True)
        click.echo(f"wrote {plan.summary()}", err=True)


def _now() -> int:
    """The export time: SOURCE_DATE_EPOCH when set (reproducible builds, tests), else the clock."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed:
        try:
            return int(fixed)
        except ValueError:
            raise click.BadParameter(f"SOURCE_DATE_EPOCH must be whole seconds, not {fixed!r}") from None
    return int(time.time())


def _export(plans, state, now, progress) -> None:
    from ..export import export_packages
    export_packages(plans, state, now, progress)


def _fail(problems, files_bad: int, files: int):
    for p in problems:
        click.echo(str(p), err=True)
    click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files_bad} of {files} "
               f"file{'s' * (files != 1)}; nothing exported", err=True)
    sys.exit(1)


def _plans(inputs, output, split, plan_type):
    if split:
        folder = Path(output) if output else Path(".")
        return [plan_type(folder / f"{i.bank.id}.apkg", [i]) for i in inputs]
    if output and Path(output).is_dir():
        raise click.BadParameter(f"{output} is a folder: name the .apkg file to write, or add --split to write "
                                 "a package per bank into it", param_hint="'-o'")
    default = f"{inputs[0].bank.id}.apkg" if len(inputs) == 1 else "quizapp.apkg"
    return [plan_type(Path(output) if output else Path(default), inputs)]


def _load_banks(ctx, paths):
    """The banks named (or the whole library), or exit 1 listing every problem."""
    from ..bank.library import library_paths
    from ..bank.loader import load_paths

    obj = ctx.find_root().obj or {}
    results, problems = load_paths(list(paths) or library_paths(obj.get("library", ())))
    if problems:
        _fail(problems, len({p.file for p in problems}), len(results))
    if not results:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    return results


@export.command("gift")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE.gift",
              help="File to write (default: <bank-id>.gift, or quizapp.gift for several banks).")
@click.pass_context
def gift(ctx, paths, output):
    """Write banks as GIFT, the text format Moodle imports (Question bank > Import > GIFT).

    Each question keeps its id as the GIFT title and its Markdown text ([markdown]); the explanation is
    the general feedback; tags are `// [tag:...]` lines. A cloze becomes one missing-word question per
    deletion and an ordering a matching of position -> item. What GIFT cannot say (the quote, a unit,
    shuffle: false) rides in a `// quizapp:` comment, so `quizapp import gift` gives back the same
    questions. Several banks each start a $CATEGORY.

    \b
    Examples:
      quizapp export gift mybank.yaml             # -> <bank-id>.gift
      quizapp export gift decks/ -o course.gift
    """
    from ..interop.bankyaml import write_files
    from ..interop.gift_export import export_gift

    results = _load_banks(ctx, paths)
    banks = [r.bank for r in results]
    text, notes = export_gift(banks)
    target = Path(output) if output else Path(f"{banks[0].id}.gift" if len(banks) == 1 else "quizapp.gift")
    try:
        write_files({target: text.encode("utf-8")})
    except OSError as exc:
        click.echo(f"{exc.filename or target}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(1)
    for note in notes:
        click.echo(f"warning: {note}", err=True)
    total = sum(len(b.questions) for b in banks)
    click.echo(f"wrote {target}: {total - len(notes)} of {total} questions", err=True)
