"""`quizapp import-progress`: reviews made in Anki merged into the review store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import load_engine_settings
from .loading import load_banks_or_exit, plural

# The Anki reader and the engine (zstandard, pydantic, fsrs: about 0.5 s of imports) are imported inside the
# command: `quizapp --help` imports every command module and takes 0.23 s in all.


@click.command("import-progress")
@click.argument("collection", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.pass_context
def import_progress(ctx, collection, paths):
    """Merge the reviews made in Anki into your quizapp schedule.

    COLLECTION is a package exported from Anki with "Include scheduling information"
    (.apkg or .colpkg), or Anki's collection.anki2 itself (read only, never changed; close
    Anki first). Reviews of notes that came from quizapp are added to the review store and
    each card's schedule is replayed from the union of both histories in time order.
    Reviews that went out with `export anki --with-progress` and came back, or that were
    imported before, are recognised by card and time: importing twice changes nothing.
    PATHS are the banks (default: the library).

    \b
    Examples:
      quizapp import-progress ~/Desktop/collection.apkg
      quizapp import-progress ~/.local/share/Anki2/"User 1"/collection.anki2
    """
    from ..export.anki_collection import CollectionError, match_cards, read_history
    from ..srs import Engine, Store, StoreError
    from ..srs.progress import OutsideReview, merge_reviews

    try:
        history = read_history(Path(collection))
    except CollectionError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    if not history.reviews and not history.not_reviews:
        click.echo(f"{collection}: warning: no review history in it; in Anki, export with \"Include scheduling "
                   "information\" ticked", err=True)
    results = load_banks_or_exit(ctx, paths, consequence="fix them (see `quizapp validate`) and retry",
                                 library_skips_invalid=True)
    banks = [r.bank for r in results]
    try:
        with Store.open(ctx.obj.get("db")) as store:
            engine = Engine(store, banks, load_engine_settings())  # every bank's cards are in the store
            cards = store.query("SELECT bank_id, question_id, ord, qtype FROM cards")
            matched = match_cards(history, cards)
            incoming = [OutsideReview(key, ms * 1000, rating, time_ms or None)
                        for key, ms, rating, time_ms in matched.reviews]
            report = merge_reviews(store, engine.settings, incoming)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"added {plural(report.added, 'review')} from Anki to {plural(len(report.cards), 'card')}; "
               f"{plural(report.known, 'review')} {'was' if report.known == 1 else 'were'} already in the store")
    if matched.unknown_reviews:
        click.echo(f"skipped {plural(matched.unknown_reviews, 'review')} of "
                   f"{plural(matched.unknown_notes, 'note')} that did not come from these banks")
    if history.not_reviews:
        click.echo(f"skipped {plural(history.not_reviews, 'due-date change')} (not reviews)")
