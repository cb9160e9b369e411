"""The card browser's loading: the soonest due cards on screen before every card is read, then the whole set,
whose sorting and filtering agree with quizapp.srs.browse over the same store."""
from __future__ import annotations

import os
import sqlite3
import threading
from datetime import timedelta

from textual.widgets import DataTable

import quizapp.tui.screens.browser as browser
from quizapp.srs.browse import load_rows, select_rows
from quizapp.srs.clock import to_us
from quizapp.tui.screens.browser import BrowserScreen

from .conftest import NOW, screen_text
from .driving import wait_for
from .test_browser import _library


def _table_ids(app) -> list[int]:
    return [int(key.value) for key in app.screen.query_one(DataTable).rows]


def _schedule(count: int) -> list[int]:
    """Schedules for the first `count` cards, due sooner the later the card (the due order is not the store's
    order), in turn learning, review and relearning (the first page merges one index walk per state).
    Returns those card ids, soonest due first."""
    day = 86_400_000_000
    with sqlite3.connect(os.environ["QUIZAPP_DB"]) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cards WHERE active = 1 ORDER BY id LIMIT ?", (count,))]
        for n, cid in enumerate(ids):
            due = to_us(NOW) + (count - n) * day
            conn.execute("UPDATE cards SET state = ?, due = ?, last_review = ?, stability = ?, difficulty = 5, "
                         "reps = 1 WHERE id = ?", (1 + n % 3, due, due - (n + 1) * day, float(n + 1), cid))
    return ids[::-1]


async def test_first_rows_show_before_the_whole_load_and_sort_and_filter_after_it(make_app, tmp_path, monkeypatch):
    gate = threading.Event()  # holds the whole load back until the first page has been seen
    real_iter_rows = browser.iter_rows

    def held_iter_rows(engine, now, *args):
        gate.wait(30)
        yield from real_iter_rows(engine, now, *args)

    monkeypatch.setattr(browser, "iter_rows", held_iter_rows)
    monkeypatch.setattr(browser, "FIRST_PAGE", 3)  # also the table's fill step: the filling in steps is exercised
    app = make_app(only_paths=[_library(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: getattr(app.screen, "loaded", False) and app.screen.counts)
        soonest = _schedule(5)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowserScreen) and "loading" in screen_text(app)
                       and app.screen.total is not None)
        # The partial state: three rows, the soonest due, and the count still being read.
        total = app.screen.total
        assert app.screen.partial and _table_ids(app) == soonest[:3]
        assert f"loading {total} cards…" in screen_text(app)
        gate.set()
        await wait_for(pilot, lambda: not app.screen.partial and len(_table_ids(app)) == total)
        assert f"{total} of {total} cards" in screen_text(app) and "loading" not in screen_text(app)
        engine = app.library_engine
        every = load_rows(engine, NOW)
        assert len(every) == total
        assert _table_ids(app) == [r.card_id for r in select_rows(every, "", NOW, "due")]
        assert _table_ids(app)[:5] == soonest
        await pilot.press("o")  # the next column: interval, empty ones last
        await wait_for(pilot, lambda: app.screen.sort == "interval" and len(_table_ids(app)) == total)
        assert _table_ids(app) == [r.card_id for r in select_rows(every, "", NOW, "interval")]
        assert [r.interval for r in app.screen.shown[:5]] == sorted(r.interval for r in app.screen.shown[:5])
        await pilot.press("o")  # stability: a column only wide terminals show, sorted all the same
        await wait_for(pilot, lambda: app.screen.sort == "stability" and len(_table_ids(app)) == total)
        assert _table_ids(app) == [r.card_id for r in select_rows(every, "", NOW, "stability")]
        assert _table_ids(app)[:5] == soonest[::-1]  # stability n + 1 for the n-th card scheduled
        await pilot.press("o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o")  # round the columns to interval
        await wait_for(pilot, lambda: app.screen.sort == "interval" and len(_table_ids(app)) == total)
        await pilot.press("slash", *"-is:new", "enter")
        await wait_for(pilot, lambda: len(app.screen.shown) == 5)
        assert _table_ids(app) == [r.card_id for r in select_rows(every, "-is:new", NOW, "interval")]
        assert sorted(_table_ids(app)) == sorted(soonest)


def test_the_first_page_is_the_start_of_the_whole_sorted_set(tmp_path):
    """first_rows reads a page from the due index; it is the same as sorting every card by due."""
    from quizapp.bank import load_paths
    from quizapp.srs import Engine, Settings, Store
    from quizapp.srs.browse import count_cards, first_rows, iter_rows

    results, _ = load_paths([_library(tmp_path)])
    engine = Engine(Store.open(os.environ["QUIZAPP_DB"]), [r.bank for r in results], Settings())
    soonest = _schedule(5)
    every = load_rows(engine, NOW)
    ordered = select_rows(every, "", NOW, "due")
    assert count_cards(engine) == len(every) > 5
    for count in (1, 3, 5, 7, len(every), len(every) + 4):
        assert first_rows(engine, NOW, count) == ordered[:count]
    assert [r.card_id for r in first_rows(engine, NOW, 5)] == soonest
    assert [row for chunk in iter_rows(engine, NOW, chunk=2) for row in chunk] == every
    engine.store.close()
