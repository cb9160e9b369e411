"""The `quizapp export` command group: `export anki` writes banks as Anki packages."""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import click

from ..config import load_engine_settings
from ..termtext import clean
from .loading import load_banks_or_exit

# Each subcommand imports what only it needs when it runs. `quizapp --help` loads every command module, and
# with these imports at the top it would take 0.75 s of CPU instead of 0.22 s (whole process, median of 5,
# side by side). What each costs after what --help loads anyway (CPU, median of 7): quizapp.export (genanki,
# markdown-it, the bank models) 0.36 s; the engine's progress and scheduler (--with-progress) 0.31 s; GIFT
# export 0.25 s; worksheets 0.24 s, their PDF renderer 0.28 s, their HTML 0.27 s (pydantic is shared); the
# file writer of GIFT and worksheets 0.016 s (7% of --help).

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
    from ..export import (BankInput, ExportError, ExportState, PackagePlan, StateError, default_state_path,
                          export_packages)
    from ..export.state import MAX_TIME, state_lock

    now = _now(MAX_TIME)
    obj = ctx.find_root().obj or {}
    results = load_banks_or_exit(ctx, paths, consequence="nothing exported")
    inputs = [BankInput(r.bank, r.path, r.display, r.locator) for r in results]
    plans = _plans(inputs, output, split, PackagePlan)
    state_path = Path(state_file) if state_file else default_state_path(obj.get("db"))
    history = _history(obj.get("db")) if with_progress else None
    total = sum(len(i.bank.questions) for i in inputs)
    try:
        with state_lock(state_path):  # read, update and write back the state as one step
            try:
                state = ExportState.load(state_path)
            except StateError as exc:
                click.echo(str(exc), err=True)
                sys.exit(1)
            if total >= PROGRESS_MIN_QUESTIONS and sys.stderr.isatty():
                with click.progressbar(length=total, label="Exporting", file=sys.stderr) as bar:
                    export_packages(plans, state, now, bar.update, history)
            else:
                export_packages(plans, state, now, None, history)
    except ExportError as exc:
        _fail(exc.problems, len({p.file for p in exc.problems}), len(results))
    except OSError as exc:
        click.echo(f"{exc.filename or 'output'}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(1)
    for plan in plans:
        for warning in plan.warnings:
            click.echo(warning, err=True)
        click.echo(f"wrote {plan.summary()}", err=True)


def _now(latest: int) -> int:
    """The export time: SOURCE_DATE_EPOCH when set (reproducible builds, tests), else the clock.

    Args:
        latest: the latest time an export may have (quizapp.export.state.MAX_TIME).
    Returns:
        Whole seconds since the epoch.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed:
        try:
            seconds = int(fixed)
        except ValueError:
            seconds = -1
        if not 0 <= seconds <= latest:
            click.echo(f"error: SOURCE_DATE_EPOCH must be whole seconds from 0 to {latest} (9999-12-31), "
                       f"not {fixed[:40]!r}", err=True)
            sys.exit(1)
        return seconds
    return int(time.time())


def _history(db):
    """The learner's progress from the review store, with the settings it was scheduled under."""
    from ..export.schedule import History, ScheduleOptions
    from ..srs import Store, StoreError, default_db_path
    from ..srs.optimize import stored_parameters
    from ..srs.progress import card_progress
    from ..srs.scheduler import make_scheduler

    path = Path(db).expanduser() if db else default_db_path()
    if not path.exists():
        click.echo(f"{path}: error: no review store here, so there is no progress to export (study first, or "
                   "name the store with --db)", err=True)
        sys.exit(1)
    settings = load_engine_settings()
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

    results = load_banks_or_exit(ctx, paths, consequence="nothing exported")
    banks = [r.bank for r in results]
    text, notes = export_gift(banks)
    target = Path(output) if output else Path(f"{banks[0].id}.gift" if len(banks) == 1 else "quizapp.gift")
    try:
        write_files({target: text.encode("utf-8")})
    except OSError as exc:
        click.echo(f"{exc.filename or target}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(1)
    for note in notes:
        click.echo(clean(f"warning: {note}"), err=True)
    total = sum(len(b.questions) for b in banks)
    click.echo(f"wrote {target}: {total - len(notes)} of {total} questions", err=True)


@export.command("worksheet")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE.pdf|FILE.html",
              help="Worksheet to write; .pdf (typeset by Typst) or .html (default: <bank-id>.pdf).")
@click.option("--count", type=click.IntRange(min=1), metavar="N", help="Pick N questions at random (default: all).")
@click.option("--seed", type=int, default=0, show_default=True, help="Fixes the pick and every shuffle.")
@click.option("--answers", type=click.Choice(["separate", "inline", "none"]), default="separate", show_default=True,
              help="The answer key on its own page, after each question (a teacher's copy), or none.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--title", help="The heading (default: the banks' titles).")
@click.pass_context
def worksheet(ctx, paths, output, count, seed, answers, paper, title):
    """Write a printable test: numbered questions with room to answer, and an answer key.

    Choices get boxes to tick, typed answers a line, matching a box per item for the letter of its
    match, ordering a row of boxes; the key (own page) has the explanations and the source quotes.
    The same --seed gives the same questions in the same order.

    \b
    Examples:
      quizapp export worksheet decks/usb-kpop.yaml -o test.pdf --count 10 --seed 7
      quizapp export worksheet mybank.yaml -o test.html --answers inline --paper letter
    """
    from ..interop.bankyaml import write_files
    from ..interop.worksheet import build_worksheet

    target = Path(output) if output else None
    if target is not None and target.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise click.BadParameter(f"{output}: name a .pdf or .html file", param_hint="'-o'")
    results = load_banks_or_exit(ctx, paths, consequence="nothing exported")
    banks = [r.bank for r in results]
    target = target or Path(f"{banks[0].id}.pdf" if len(banks) == 1 else "worksheet.pdf")
    sheet = build_worksheet(banks, count=count, seed=seed, answers=answers, paper=paper, title=title,
                            folders={r.bank.id: str(Path(r.path).parent) for r in results})
    if target.suffix.lower() == ".pdf":
        from ..interop.worksheet_pdf import WorksheetError, render_pdf
        try:
            content = render_pdf(sheet)
        except WorksheetError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    else:
        from ..interop.worksheet_html import render_html
        content = render_html(sheet).encode("utf-8")
    try:
        write_files({target: content})
    except OSError as exc:
        click.echo(f"{exc.filename or target}: error: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {target}: {len(sheet.entries)} questions" + ("" if answers == "none" else f", answers {answers}"),
               err=True)
