"""`quizapp cards`: the card browser for scripts: list, filter and sort cards; suspend, bury, flag, reset them."""
from __future__ import annotations

import json
import sys

import click

from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..config import load_engine_settings
from ..termtext import clean
from ..srs.clock import utc_now

# The engine (srs: pydantic, fsrs, sqlite; 0.3 to 0.6 s of imports) is imported inside the command that
# uses it: `quizapp --help` imports every command module and takes 0.23 s in all.

_SHOWN = ("bank", "question", "type", "state", "due", "interval", "lapses", "reviews", "flag", "prompt")


def _cell(row, column: str, now) -> str:
    from ..srs.control import FLAGS
    from ..srs.clock import from_us
    if column == "due":
        return "-" if row.due_us is None else from_us(row.due_us).astimezone().strftime("%Y-%m-%d %H:%M")
    if column == "interval":
        return "-" if row.interval is None else f"{row.interval:.1f}d"
    if column == "flag":
        marks = [FLAGS[row.flag]] if row.flag else []
        marks += ["suspended"] * row.suspended + ["buried"] * row.buried + ["leech"] * row.leech
        return ",".join(marks) or "-"
    if column == "question":
        return row.label
    if column == "prompt":
        return clean(" ".join(row.prompt.split()))[:60]
    return clean(str(getattr(row, column)))


def format_rows(rows, now) -> str:
    """Rows as an aligned text table, one card a line."""
    table = [_SHOWN] + [tuple(_cell(r, c, now) for c in _SHOWN) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(_SHOWN) - 1)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)) + "  " + line[-1]
                     for line in table).rstrip()


# ignore_unknown_options: a negated term such as -is:new is part of the query, not an option.
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@click.option("--sort", "sort", default="due", show_default=True, metavar="COLUMN",
              help="bank, question, type, prompt, state, due, interval, stability, difficulty, lapses, reviews, flag.")
@click.option("--desc", is_flag=True, help="Sort largest first.")
@click.option("--json", "as_json", is_flag=True, help="One JSON list of card objects.")
@click.option("--suspend", "action", flag_value="suspend", help="Suspend the matching cards.")
@click.option("--unsuspend", "action", flag_value="unsuspend", help="Unsuspend them.")
@click.option("--bury", "action", flag_value="bury", help="Bury them until tomorrow.")
@click.option("--unbury", "action", flag_value="unbury", help="Unbury them.")
@click.option("--reset", "action", flag_value="reset", help="Make them new again (history kept).")
@click.option("--flag", "flag", type=click.IntRange(0, 4), metavar="N",
              help="Flag them: 1 red, 2 orange, 3 green, 4 blue, 0 none.")
@click.option("--db", type=click.Path(dir_okay=False), metavar="PATH", help="Review store file (overrides --db).")
@click.pass_context
def cards(ctx, query, sort, desc, as_json, action, flag, db):
    """List the library's cards that match QUERY, or change them.

    QUERY is Anki-like: words search prompts and answers; bank:ID, tag:TAG,
    type:TYPE, id:QUESTION, is:due/new/learn/review/suspended/buried/leech/flagged,
    flag:N, prop:lapses>2 (also reviews, interval, due, stability, difficulty);
    -TERM negates, OR gives alternatives. With no QUERY, every card.

    \b
    Examples:
      quizapp cards is:due --sort due
      quizapp cards bank:usb-kpop prop:lapses>2 --json
      quizapp cards is:leech --unsuspend
      quizapp cards tag:2020-law --flag 1
    """
    from ..srs import Engine, StoreError, control
    from ..srs.browse import COLUMNS, load_rows, select_rows
    from ..srs.query import QueryError, parse_query
    from ..srs.store import Store

    if sort not in COLUMNS:
        raise click.BadParameter(f"unknown column {sort!r}; columns: {', '.join(COLUMNS)}", param_hint="--sort")
    try:
        parsed = parse_query(" ".join(query))
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="QUERY") from None
    results, problems = load_paths(library_paths(ctx.obj["library"]))
    for p in problems:
        click.echo(f"{p} (bank skipped)", err=True)
    now = utc_now()
    try:
        with Store.open(db or ctx.obj.get("db")) as store:
            engine = Engine(store, [r.bank for r in results if r.bank is not None], load_engine_settings())
            rows = select_rows(load_rows(engine, now), parsed, now, sort, desc)
            ids = [r.card_id for r in rows]
            if action or flag is not None:
                changed = {
                    "suspend": lambda: control.suspend(store, ids), "unsuspend": lambda: control.suspend(store, ids, False),
                    "bury": lambda: control.bury(store, ids, now, engine.settings),
                    "unbury": lambda: control.bury(store, ids, now, engine.settings, on=False),
                    "reset": lambda: control.reset(store, ids),
                }[action]() if action else control.set_flag(store, ids, flag)
                what = action or (f"flagged {control.FLAGS[flag]}" if flag else "unflagged")
                click.echo(f"{what}: {changed} of {len(ids)} matching card{'s' * (len(ids) != 1)} changed")
                return
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], indent=1, ensure_ascii=False))
    elif rows:
        click.echo(format_rows(rows, now))
        click.echo(f"{len(rows)} card{'s' * (len(rows) != 1)}", err=True)
    else:
        click.echo("no card matches", err=True)
