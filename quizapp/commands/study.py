"""`quizapp study`: a spaced-repetition session in the terminal UI, or line by line with --plain."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from .. import interrupts
from ..config import ENGINE_DEFAULTS, load_engine_settings
from ..srs.clock import utc_now
from ..srs.settings import RANGES
from .loading import load_banks_or_exit

# The terminal UI (Textual, about 1 s of imports), line mode and the engine (pydantic, fsrs: 0.5 s) are
# imported inside the function that runs them: `quizapp --help` imports every command module (0.23 s in all),
# and a session needs only one of the two interfaces.


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


F = TypeVar("F", bound=Callable[..., Any])


def limit_option(flag: str, name: str, words: str) -> Callable[[F], F]:
    """A daily-limit flag: its range and default are the engine's (RANGES, Settings), named in its help."""
    highest = int(RANGES[name].highest)
    return click.option(flag, name, type=click.IntRange(0, highest), metavar="N",
                        help=f"{words} (default {getattr(ENGINE_DEFAULTS, name)}).")


def _load(ctx: click.Context, paths: tuple[str, ...]) -> list:
    """The banks to study: those named must all be valid; over the whole library, as on the library screen,
    the invalid ones are reported and skipped."""
    results = load_banks_or_exit(ctx, paths, consequence="fix them (see `quizapp validate`) and retry",
                                 library_skips_invalid=True)
    return [r.bank for r in results]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--plain", is_flag=True, help="Line mode on stdin/stdout (screen readers, scripts, pipes).")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH", help="Review store file (overrides the group's --db).")
@limit_option("--new", "new_per_day", "New cards per day in each bank")
@limit_option("--new-total", "new_per_day_total", "New cards per day in all banks together")
@limit_option("--reviews", "reviews_per_day", "Reviews per day in each bank")
@limit_option("--reviews-total", "reviews_per_day_total", "Reviews per day in all banks together")
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
            banks = _select(_load(ctx, paths), bank_ids, tags)
            run_plain(banks, db=db or ctx.obj.get("db"), tags=tags, cram=cram, settings=load_engine_settings(limits))
        return
    interrupts.resume()
    banks = _select(_load(ctx, paths), bank_ids, tags)
    db = db or ctx.obj.get("db")
    from ..tui.app import run_study
    run_study(ctx, banks, tags=tags, cram=cram, limits=limits, db=db)


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
