"""`quizapp optimize`: fit FSRS to the learner's own review history, show how much better it predicts, apply it."""
from __future__ import annotations

import sys

import click

from ..config import load_engine_settings
from ..srs.clock import utc_now

# The optimizer and the engine (fsrs, pydantic: about 0.6 s of imports) are imported inside the command:
# `quizapp --help` imports every command module and takes 0.23 s in all.


@click.command()
@click.option("--dry-run", is_flag=True, help="Fit and show the figures; save nothing, reschedule nothing.")
@click.option("--reset", "reset_fit", is_flag=True, help="Forget the fitted parameters: back to FSRS's defaults.")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH", help="Review store file (overrides --db).")
@click.pass_context
def optimize(ctx, dry_run, reset_fit, db):
    """Fit the FSRS parameters to your own reviews, as Anki's Optimize does.

    The fit needs a few hundred reviews spread over several days. It prints the
    log loss and RMSE of the default parameters and of the fitted ones on your
    reviews (lower is better), saves the fitted ones in the review store, and
    reschedules every studied card by replaying its history under them.

    \b
    Examples:
      quizapp optimize --dry-run
      quizapp optimize
      quizapp optimize --reset
    """
    from ..srs import StoreError
    from ..srs.optimize import NotEnoughReviews, fit, optimize_store, reschedule, store_reviews
    from ..srs.store import Store

    path = db or ctx.obj.get("db")
    try:
        with Store.open(path) as store:
            settings = load_engine_settings()
            if reset_fit:
                with store.transaction() as conn:
                    conn.execute("DELETE FROM fsrs_fit")
                count = reschedule(store, settings)
                click.echo(f"back to FSRS's default parameters; {count} card{'s' * (count != 1)} rescheduled")
                return
            try:
                result, count = (fit(store_reviews(store), settings), None) if dry_run else \
                    optimize_store(store, settings, utc_now())
            except NotEnoughReviews as exc:
                click.echo(str(exc), err=True)
                sys.exit(1)
            click.echo(f"fitted to {result.reviews} reviews ({result.items} usable)")
            click.echo(f"  defaults: log loss {result.before.log_loss:.4f}, RMSE {result.before.rmse * 100:.2f}%")
            click.echo(f"  fitted:   log loss {result.after.log_loss:.4f}, RMSE {result.after.rmse * 100:.2f}%")
            click.echo("  parameters: " + ", ".join(f"{p:.4f}" for p in result.parameters))
            if dry_run:
                click.echo("dry run: nothing saved")
            elif count is None:
                click.echo("the fit predicts your reviews worse than the defaults: kept the defaults", err=True)
            else:
                click.echo(f"saved; {count} card{'s' * (count != 1)} rescheduled under the fitted parameters")
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
