"""The `quizapp export` command group: `export anki` writes banks as Anki packages."""
from __future__ import annotations

import os
from dataclasses import replace
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
@click.option("--with-progress", is_flag=True,
              help="Carry your schedules, FSRS memory and review history (from the review store) into the "
                   "package; import it in Anki with 'Import any learning progress' ticked.")
@click.pass_context
def anki(ctx, paths, output, split, state_file, with_progress):
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
      quizapp export anki decks/ --with-progress  # your schedules and reviews travel too
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
    history = _history(obj.get("db")) if with_progress else None
    total = sum(len(i.bank.questions) for i in inputs)
    try:
        if total >= PROGRESS_MIN_QUESTIONS and sys.stderr.isatty():
            with click.progressbar(length=total, label="Exporting", file=sys.stderr) as bar:
                _export(plans, state, now, bar.update, history)
        else:
            _export(plans, state, now, None, history)
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


def _export(plans, state, now, progress, history) -> None:
    from ..export import export_packages
    export_packages(plans, state, now, progress, history)


def _history(db):
    """The learner's progress from the review store, with the settings it was scheduled under."""
    from ..export.schedule import History, ScheduleOptions
    from ..srs import Store, StoreError, default_db_path
    from ..srs.optimize import stored_parameters
    from ..srs.progress import card_progress
    from ..srs.scheduler import make_scheduler
    from .study import user_settings
    path = Path(db).expanduser() if db else default_db_path()
    if not path.exists():
        click.echo(f"{path}: error: no review store here, so there is no progress to export (study first, or "
                   "name the store with --db)", err=True)
        sys.exit(1)
    settings = user_settings({})
    try:
        with Store.open(path) as store:
            cards = card_progress(store)
            fitted = stored_parameters(store) if settings.parameters is None else None
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if fitted is not None:  # `quizapp optimize` fitted these: the decay written for Anki is theirs
        settings = replace(settings, parameters=fitted)
    options = ScheduleOptions(settings.day_start_hour, settings.tz, settings.desired_retention,
                              make_scheduler(settings).parameters[20], len(settings.learning_steps),
                              len(settings.relearning_steps))
    return History(cards, options)


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
