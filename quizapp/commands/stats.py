"""`quizapp stats`: card counts, due forecast, reviews per day, true retention and the hardest questions."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..config import load_engine_settings
from ..termtext import clean
from ..srs.clock import utc_now

# The engine (srs: pydantic, fsrs, sqlite; 0.3 to 0.6 s of imports) is imported inside the command that
# uses it: `quizapp --help` imports every command module and takes 0.23 s in all.


def _pct(value) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _table(rows: list[tuple], right_from: int = 1) -> list[str]:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(str(c).rjust(w) if i >= right_from else str(c).ljust(w)
                      for i, (c, w) in enumerate(zip(row, widths))).rstrip() for row in rows]


def format_stats(s: dict) -> str:
    """The stats dict as a few readable tables."""
    head = ("bank", "cards", "new", "learning", "review", "due today", "reviews 30d", "retention 30d")
    rows = [head]
    for bank_id, b in s["banks"].items():
        rows.append((bank_id, b["cards_total"], b["cards_new"], b["cards_learning"], b["cards_review"],
                     b["due_today"], b["reviews_30d"], _pct(b["retention_30d"])))
    rows.append(("all", s["cards_total"], s["cards_new"], s["cards_learning"], s["cards_review"], s["due_today"],
                 sum(d["count"] for d in s["reviews_per_day"]), _pct(s["retention_30d"])))
    out = _table(rows)
    if s.get("cards_retired"):
        out += ["", f"Retired: {s['cards_retired']} cards whose question or bank left the library (history kept)."]
    out += ["", f"Reviews: {s['reviews_total']} in all, {s['reviews_today']} today. "
                f"True retention over 30 days: {_pct(s['retention_30d'])}."]
    out += ["", "Due in the next 30 days:"]
    out += _table([(d["date"], d["due"]) for d in s["forecast"] if d["due"]] or [("nothing due", "")])
    out += ["", "Reviews per day, last 30 days:"]
    out += _table([(d["date"], d["count"]) for d in s["reviews_per_day"] if d["count"]] or [("no reviews", "")])
    if s["hardest"]:
        out += ["", "Hardest questions (most lapses):"]
        out += _table([(h["lapses"], f"{h['bank']}/{h['question']}" + (f" c{h['ord']}" if h["ord"] else ""),
                        (h["prompt"] or "")[:60]) for h in s["hardest"]], right_from=99)
    return "\n".join(out)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object (cards_total, due_today, forecast, banks, ...).")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH", help="Review store file (overrides the group's --db).")
@click.pass_context
def stats(ctx, paths, as_json, db):
    """Show study statistics: cards by state, due today and the next 30 days,
    reviews per day, true retention over 30 days, and the hardest questions.

    With PATHS (bank files or folders), only those banks; without, every bank
    in the store, with the library's unstudied cards counted as new.

    \b
    Examples:
      quizapp stats
      quizapp stats --json --db progress.sqlite3
    """
    from ..srs import Engine, StoreError, compute_stats
    from ..srs.store import Store
    from ..srs.storefile import StoreMissing

    results, problems = load_paths(list(paths) or library_paths(ctx.obj["library"]))
    for p in problems:  # stats still make sense without a broken bank: warn, carry on
        click.echo(f"{p} (bank skipped)", err=True)
    banks = [r.bank for r in results if r.bank is not None]
    try:
        try:  # a read-only command: a missing store (or a typo in --db) is reported, never created
            store = Store.open(db or ctx.obj.get("db"), create=False)
        except StoreMissing as missing:
            click.echo(f"note: {missing}; every card counts as new", err=True)
            store = Store.blank()
        with store:
            engine = Engine(store, banks, load_engine_settings())  # unstudied cards count as new
            if not paths and store.path != Path(":memory:"):
                # The whole library: a bank id no longer in it (renamed, removed) has its cards retired.
                retired = engine.retire_other_banks(keep={r.bank_id for r in results if r.bank_id})
                if retired:
                    click.echo(f"retired {retired} card{'s' * (retired != 1)} of banks no longer in the library "
                               "(renamed or removed); their history is kept", err=True)
            figures = compute_stats(store, banks, utc_now(), engine.settings, all_banks=not paths)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    # Prompts and titles come from bank files: the text tables go through the terminal sanitiser.
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False) if as_json else clean(format_stats(figures)))
