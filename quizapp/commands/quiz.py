"""`quizapp quiz PATH`: an exam over banks in the terminal UI, scored at the end."""
from __future__ import annotations

import sys

import click


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-n", "--count", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many questions (fewer if the banks hold fewer).")
@click.option("--seed", type=int, help="Seed of the random order, to give the same quiz again.")
@click.option("--feedback", is_flag=True, help="Show right or wrong after each question, not only at the end.")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH",
              help="Review store, used only if you record the quiz in your schedule.")
@click.pass_context
def quiz(ctx, paths, count, seed, feedback, db):
    """Quiz yourself on the banks at PATHS: COUNT questions in random order, scored at the end.

    The spaced-repetition schedule is untouched unless you choose to record the
    quiz on the score screen (r).

    \b
    Examples:
      quizapp quiz decks/link-kpop-regime.yaml
      quizapp quiz decks --count 10 --seed 7
    """
    from ..bank import load_paths
    results, problems = load_paths(paths)
    if problems:
        for p in problems:
            click.echo(str(p), err=True)
        click.echo(f"quiz: {len({p.file for p in problems})} bank file(s) have problems; fix them or leave them out",
                   err=True)
        sys.exit(1)
    banks = [r.bank for r in results]
    if not banks:
        click.echo("quiz: no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    from ..tui.app import run_quiz
    run_quiz(ctx, banks, count=count, seed=seed, feedback=feedback, db=db)
