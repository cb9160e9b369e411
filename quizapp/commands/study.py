"""`quizapp study`: a spaced-repetition session in the terminal UI, or line by line with --plain."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
import click

from .. import interrupts
from ..srs.clock import utc_now
from ..termtext import clean


def load_banks_or_exit(ctx, paths) -> list:
    """Banks from PATHs (or the library); located problems on stderr.

    Banks named as PATHS must all be valid (exit 1 otherwise). Over the whole library, as on the library
    screen, the valid banks are studied and the invalid ones reported and skipped."""
    from ..bank.library import library_paths
    from ..bank.loader import load_paths
    from ..termtext import clean
    results, problems = load_paths(list(paths) or library_paths(ctx.obj["library"]))
    if problems:
        for p in problems:
            click.echo(clean(str(p)), err=True)
        bad = len({p.file for p in problems})
        if paths or bad == len(results):
            click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} in the banks; "
                       "fix them (see `quizapp validate`) and retry", err=True)
            sys.exit(1)
        click.echo(f"skipping {bad} invalid bank file{'s' * (bad != 1)} of the library (see `quizapp validate`); "
                   "studying the others", err=True)
    banks = [r.bank for r in results if r.bank is not None]
    if not banks:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    return banks


def user_settings(limits: dict | int | None = None, reviews_per_day: int | None = None, **overrides):
    """The learner's saved settings (shared with the UI's settings screen), with the limit flags given.

    Args:
        limits: limit names to values (None: not given); or, as callers wrote before the per-bank limits,
            new_per_day itself, with reviews_per_day beside it.
        overrides: further Settings fields.

    Returns:
        A srs Settings.
    """
    from ..config import load_config, study_settings
    if not isinstance(limits, dict):
        limits = {"new_per_day": limits, "reviews_per_day": reviews_per_day}
    return study_settings(load_config(), limits, **overrides)


def _select(banks, bank_ids, tags) -> list:
    known = {b.id for b in banks}
    unknown = [b for b in bank_ids if b not in known]
    if unknown:
        click.echo(f"no bank with id {', '.join(map(repr, unknown))}; known: {', '.join(sorted(known))}", err=True)
        sys.exit(1)
    chosen = [b for b in banks if not bank_ids or b.id in bank_ids]
    from ..srs.cards import question_tags
    for tag in tags:
        if not any(tag in question_tags(b, q) for b in chosen for q in b.questions):
            click.echo(f"no question in the chosen banks has the tag {tag!r}", err=True)
            sys.exit(1)
    return chosen


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--plain", is_flag=True, help="Line mode on stdin/stdout (screen readers, scripts, pipes).")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH", help="Review store file (overrides the group's --db).")
@click.option("--new", "new_per_day", type=click.IntRange(min=0), metavar="N",
              help="New cards per day in each bank (default 20).")
@click.option("--new-total", "new_per_day_total", type=click.IntRange(min=0), metavar="N",
              help="New cards per day in all banks together (default 50).")
@click.option("--reviews", "reviews_per_day", type=click.IntRange(min=0), metavar="N",
              help="Reviews per day in each bank (default 200).")
@click.option("--reviews-total", "reviews_per_day_total", type=click.IntRange(min=0), metavar="N",
              help="Reviews per day in all banks together (default 500).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable: any of them).")
@click.option("--bank", "bank_ids", multiple=True, metavar="ID", help="Only this bank id (repeatable).")
@click.option("--cram", is_flag=True, help="Practise the chosen cards now without changing their schedule.")
@click.pass_context
def study(ctx, paths, plain, db, tags, bank_ids, cram, **limits):
    """Study due and new cards with spaced repetition (FSRS).

    PATHS are bank files or folders; with none, the whole library. Every answer
    is saved before the next card is shown.

    \b
    Line mode (--plain): type the answer, then a rating: enter takes the
    suggested one, or 1 again, 2 hard, 3 good, 4 easy. Choices are numbered
    (type 2, or 1 3 for several); ordering items are lettered (type all, c a b);
    matching pairs are number+letter (every number, 1b 2a 3c); cloze gaps with
    several blanks take answers separated by ;. An empty line asks again, a
    second one gives up. `undo` takes back the last answer (at the rating
    prompt: this one, to type it again); q quits; Ctrl+C ends with the summary.

    \b
    Examples:
      quizapp study
      quizapp study decks/usb-kpop.yaml --plain
      quizapp study --tag survey --new 10
      printf '1\\n\\nq\\n' | quizapp study --plain mybank.yaml
    """
    if plain:
        # Ctrl+C from here on ends with the session's summary and status 130, also before the first card.
        with plain_interrupts(summary_line=True):
            interrupts.resume()
            banks = _select(load_banks_or_exit(ctx, paths), bank_ids, tags)
            run_plain(banks, db=db or ctx.obj.get("db"), tags=tags, cram=cram, settings=user_settings(limits))
        return
    interrupts.resume()
    banks = _select(load_banks_or_exit(ctx, paths), bank_ids, tags)
    db = db or ctx.obj.get("db")
    try:
        from ..tui.app import run_study
    except ImportError as exc:
        click.echo(f"the terminal UI is not available ({exc}); using line mode", err=True)
    else:
        run_study(ctx, banks, tags=tags, cram=cram, limits=limits, db=db)
        return
    run_plain(banks, db=db, tags=tags, cram=cram, settings=user_settings(limits))


@contextmanager
def plain_interrupts(summary_line: bool):
    """Ctrl+C before a line-mode session has its own summary: the empty summary, then exit status 130."""
    try:
        yield
    except KeyboardInterrupt:
        if summary_line:
            from ..line.study import summary_line as line
            click.echo()
            click.echo(line(0, 0))
        sys.exit(130)


study.callback.resumes_interrupts = True


def run_plain(banks, *, db, tags=(), cram=False, settings=None) -> None:
    """The line-mode session; store problems become a message and exit status 1, Ctrl+C exit status 130."""
    from ..srs import Engine, StoreError
    from ..line.study import LineStudy
    from ..srs.store import Store
    # Bytes that are not UTF-8 in piped input are a wrong answer, not a crash.
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    try:
        with Store.open(db) as store:
            engine = Engine(store, banks, settings)
            session = engine.session(utc_now(), tags=tags or None, cram=cram)
            line_study = LineStudy(session, utc_now, sys.stdin, sys.stdout)
            line_study.run()
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # The reader went away (`| head`); every answer so far is saved. Silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if line_study.interrupted:
        sys.exit(130)
