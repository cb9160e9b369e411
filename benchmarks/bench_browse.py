"""Benchmark: the card browser over 100,000 cards (100 banks of 1,000 questions, 200,000 reviews).

    python benchmarks/bench_browse.py [--cards 100000] [--reviews 200000]

Measures, against the targets of the learner-control issue:
  filter + sort of every card, in process (median over typical queries)    < 100 ms
  the browser's first screen: library loaded, `c` pressed -> rows shown      < 0.5 s
Both sides are timed in one run; the machine is noisy, so compare ratios between runs, not absolutes.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_srs import NOW, fill, make_banks  # noqa: E402  (the same store as the engine benchmark)

from quizapp.srs import Engine, Settings, Store  # noqa: E402
from quizapp.srs.browse import load_rows, select_rows  # noqa: E402

QUERIES = [("", "due"), ("is:due", "due"), ("bank:bank-042", "question"), ("tag:even prop:lapses>2", "lapses"),
           ("thing 99", "prompt"), ("-is:new OR is:suspended", "interval"), ("is:review prop:due<7", "stability")]


async def first_screen(db: Path, banks) -> tuple[float, float]:
    """Seconds from pressing `c` in a loaded library to the browser showing rows, and to every card loaded
    (a Textual pilot, headless)."""
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.browser import BrowserScreen
    from quizapp.tui.screens.library import LibraryScreen

    app = QuizApp(db=str(db), clock=lambda: NOW, only_paths=[])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)

        class Result:  # the library screen as if it had loaded these banks from files
            def __init__(self, bank):
                self.bank, self.ok, self.bank_id, self.path, self.display = bank, True, bank.id, Path("x"), bank.id
        screen.results, screen.loaded = [Result(b) for b in banks], True
        app.library_engine = await asyncio.to_thread(lambda: Engine(Store.open(db), banks, Settings()))
        app.store = app.library_engine.store
        start = time.perf_counter()
        await pilot.press("c")
        while not (isinstance(app.screen, BrowserScreen) and app.screen.query_one("DataTable").row_count):
            await pilot.pause(0.005)
        first = time.perf_counter() - start
        while app.screen.partial or not app.screen.rows:
            await pilot.pause(0.01)
        return first, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    args = parser.parse_args()
    banks = make_banks(args.cards)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        engine = Engine(Store.open(db), banks, Settings())
        fill(engine.store, args.reviews, random.Random(1))
        start = time.perf_counter()
        rows = load_rows(engine, NOW)
        loaded = time.perf_counter() - start
        print(f"{len(rows):,} cards; load_rows (one SELECT + texts): {loaded * 1000:.0f} ms")
        for query, sort in QUERIES:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                found = select_rows(rows, query, NOW, sort)
                times.append(time.perf_counter() - start)
            print(f"  filter + sort {query or '(all)':<28} by {sort:<10} {len(found):>7,} rows  "
                  f"median {statistics.median(times) * 1000:6.1f} ms  ({statistics.median(times) / 0.1:.2f}x of 100 ms)")
        engine.store.close()
        seconds, whole = asyncio.run(first_screen(db, banks))
        print(f"browser first screen (c -> the soonest due cards shown, pilot): {seconds * 1000:.0f} ms "
              f"({seconds / 0.5:.2f}x of 500 ms); every card searchable after {whole * 1000:.0f} ms")


if __name__ == "__main__":
    main()
