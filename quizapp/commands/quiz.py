"""`quizapp quiz PATH`: an exam over banks in the terminal UI (or line by line with --plain), scored at the end."""
from __future__ import annotations

import random
import sys

import click

from .. import interrupts
from ..config import load_engine_settings
from ..srs.clock import utc_now
from .loading import load_banks_or_exit

# The terminal UI (Textual, about 1 s of imports), line mode and the engine (pydantic, fsrs: 0.5 s) are
# imported inside the function that runs them: `quizapp --help` imports every command module (0.23 s in all),
# and a quiz needs only one of the two interfaces.


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-n", "--count", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many questions (fewer if the banks hold fewer).")
@click.option("--seed", type=int, help="Seed of the random order, to give the same quiz again.")
@click.option("--feedback", is_flag=True, help="Show right or wrong after each question, not only at the end.")
@click.option("--plain", is_flag=True, help="Line mode on stdin/stdout (screen readers, scripts, pipes).")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH",
              help="Review store, used only if you record the quiz in your schedule.")
@click.pass_context
def quiz(ctx, paths, count, seed, feedback, plain, db):
    """Quiz yourself on the banks at PATHS: COUNT questions in random order, scored at the end.

    The spaced-repetition schedule is untouched unless you choose to record the
    quiz on the score screen (r).

    \b
    Line mode (--plain): answers are typed as in `quizapp study --plain`; q ends
    the quiz early; the score report lists every mistake with the right answer.

    \b
    Examples:
      quizapp quiz decks/link-kpop-regime.yaml
      quizapp quiz decks --count 10 --seed 7
      quizapp quiz decks --plain --count 5
    """
    try:
        interrupts.resume()
        results = load_banks_or_exit(ctx, paths, consequence="fix them or leave them out")
        banks = [r.bank for r in results]
    except KeyboardInterrupt:
        sys.exit(130)
    if plain:
        run_plain_quiz(banks, count=count, seed=seed, feedback=feedback, db=db or ctx.obj.get("db"))
        return
    from ..tui.app import run_quiz
    run_quiz(ctx, banks, count=count, seed=seed, feedback=feedback, db=db)


quiz.callback.resumes_interrupts = True


def run_plain_quiz(banks, *, count, seed, feedback, db) -> None:
    """The line-mode quiz: questions, the score report, and recording on request; Ctrl+C exits 130."""
    from ..line.quiz import LineQuiz
    from ..srs.quizset import pick_items
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # bytes that are not UTF-8 are an unreadable answer, not a crash
    rng = random.Random(seed)
    line_quiz = LineQuiz(pick_items(banks, count, rng), sys.stdin, sys.stdout, feedback=feedback, rng=rng)
    line_quiz.run()
    if line_quiz.interrupted:
        sys.exit(130)
    try:
        if line_quiz.wants_record():
            _record(banks, line_quiz.answered, db)
    except KeyboardInterrupt:
        sys.exit(130)


def _record(banks, items, db) -> None:
    from ..srs import Engine, StoreError
    from ..srs.quizset import record_items
    from ..srs.store import Store
    try:
        with Store.open(db) as store:
            recorded, skipped = record_items(Engine(store, banks, load_engine_settings()), items, utc_now())
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    note = f" ({skipped} not due yet, left as they were)" if skipped else ""
    click.echo(f"Recorded {recorded} answers in your schedule{note}.")
