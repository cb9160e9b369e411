"""Benchmark: the card browser over a library of 100,000 cards (ten YAML banks written as teachers write them,
200,000 reviews in the store).

    python benchmarks/bench_browse.py [--cards 100000] [--reviews 200000] [--keep DIR] [--runs 3] [--no-tmux]

Measures, against the targets of the learner-control issue:
  filter + sort of every card, in process (median over typical queries)            < 100 ms
  the browser's first screen: library loaded, `c` pressed -> card rows on screen     < 0.5 s
The first screen is timed twice: in a Textual pilot (rows in the table and a frame painted since) and in a real
terminal (tmux: `quizapp --library DIR`, capture-pane polled until a card's row is on screen). Both are the whole
app over the real library folder and store, as a learner starts it.
--keep DIR keeps the library, bank cache and store there (writing and filling them takes a minute), so that two
checkouts can be timed side by side on the same data: run this script from each in turn.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))  # the checkout this script lives in, not whichever quizapp is installed
from bench_srs import NOW, fill  # noqa: E402  (the same schedules and review log as the engine benchmark)
from gen_bank import write_bank  # noqa: E402

QUERIES = [("", "due"), ("is:due", "due"), ("bank:BANK", "question"), ("tag:bench prop:lapses>2", "lapses"),
           ("korea drama", "prompt"), ("-is:new OR is:suspended", "interval"), ("is:review prop:due<7", "stability")]
BANKS = 10
CARD_ROW = re.compile(r"^\s+bench-\d+\s", re.MULTILINE)


def prepare(folder: Path, cards: int, reviews: int) -> Path:
    """The library folder (written once) with its bank cache warm, and a store holding its cards; the store's path.

    One question in seven is a cloze of two gaps (two cards), so 7/8 of `cards` questions make `cards` cards.
    """
    library, db, ready = folder / "library", folder / "store.sqlite3", folder / "ready"
    os.environ.update(QUIZAPP_CACHE_DIR=str(folder / "cache"), QUIZAPP_CONFIG_DIR=str(folder / "config"),
                      QUIZAPP_DB=str(db))
    if ready.exists() and ready.read_text() == f"{cards} {reviews}":
        return db
    from quizapp.bank import load_paths
    from quizapp.srs import Engine, Settings, Store
    library.mkdir(parents=True, exist_ok=True)
    for old in library.glob("*.yaml"):
        old.unlink()
    db.unlink(missing_ok=True)
    per_bank = cards * 7 // 8 // BANKS
    for i in range(BANKS):
        count = per_bank - BANKS + 2 * i  # distinct sizes: the bank id is bench-<size>
        write_bank(str(library / f"bench-{count}.yaml"), count, seed=count)
    results, _ = load_paths([library])  # also warms the bank cache, as any earlier run of quizapp would have
    engine = Engine(Store.open(db), [r.bank for r in results], Settings())
    fill(engine.store, reviews, random.Random(1))
    engine.store.close()
    ready.write_text(f"{cards} {reviews}")
    return db


def in_process(library: Path, db: Path) -> None:
    from quizapp.bank import load_paths
    from quizapp.srs import Engine, Settings, Store
    from quizapp.srs.browse import load_rows, select_rows
    results, _ = load_paths([library])
    engine = Engine(Store.open(db), [r.bank for r in results], Settings())
    start = time.perf_counter()
    rows = load_rows(engine, NOW)
    loaded = time.perf_counter() - start
    print(f"{len(rows):,} cards; load_rows (one SELECT + texts): {loaded * 1000:.0f} ms")
    for query, sort in QUERIES:
        query = query.replace("BANK", results[0].bank.id)  # a bank of this library, whatever its size
        times = []
        for _ in range(5):
            start = time.perf_counter()
            found = select_rows(rows, query, NOW, sort)
            times.append(time.perf_counter() - start)
        print(f"  filter + sort {query or '(all)':<28} by {sort:<10} {len(found):>7,} rows  "
              f"median {statistics.median(times) * 1000:6.1f} ms  ({statistics.median(times) / 0.1:.2f}x of 100 ms)")
    engine.store.close()


async def pilot_first_screen(library: Path, db: Path) -> tuple[float, float]:
    """Seconds from pressing `c` in the loaded library to card rows painted, and to every card searchable."""
    from textual.widgets import DataTable
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.browser import BrowserScreen
    from quizapp.tui.screens.library import LibraryScreen

    app = QuizApp(db=str(db), clock=lambda: NOW, only_paths=[library])
    async with app.run_test(size=(120, 40)) as pilot:
        # Loaded = the bank rows and the progress counts shown (the library's own worker is done).
        while not (isinstance(app.screen, LibraryScreen) and app.screen.counts):
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        start = time.perf_counter()
        # Not awaited: the pilot's press waits until the app is idle, which a loading worker puts off.
        press = asyncio.create_task(pilot.press("c"))
        while not (isinstance(app.screen, BrowserScreen) and any(t.row_count for t in app.screen.query(DataTable))):
            await asyncio.sleep(0.002)
        painted = asyncio.Event()
        app.screen.query_one(DataTable).call_after_refresh(painted.set)  # the next frame holds the rows
        await painted.wait()
        first = time.perf_counter() - start
        while app.screen.partial or not app.screen.rows:
            await asyncio.sleep(0.01)
        every = time.perf_counter() - start
        await press
        return first, every


class Tmux:
    """A terminal on a private tmux server (its own socket), started in this checkout: `python -m` puts the
    current folder first on the path, so the quizapp timed is this script's, whatever tmux's folder would be."""

    def __init__(self, command: str, env: dict) -> None:
        self.socket = f"bench-browse-{os.getpid()}"
        exports = " ".join(f"{k}='{v}'" for k, v in env.items())
        self.run("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", "-c", str(ROOT), f"env {exports} {command}")

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True).stdout

    def wait(self, test, timeout: float) -> tuple[float, str]:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            text = self.run("capture-pane", "-p", "-t", "app")
            if test(text):
                return time.perf_counter(), text
            time.sleep(0.002)
        raise SystemExit("timed out; the terminal shows:\n" + self.run("capture-pane", "-p", "-t", "app"))

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def tmux_first_screen(library: Path) -> tuple[float, float]:
    """The same in a real terminal; the app reads the real clock here, so every card is overdue."""
    env = {k: os.environ[k] for k in ("QUIZAPP_DB", "QUIZAPP_CONFIG_DIR", "QUIZAPP_CACHE_DIR", "PATH")}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT))
    term = Tmux(f"{sys.executable} -m quizapp --library {library}", env)
    try:
        term.wait(lambda s: "due today" in s, timeout=120)
        time.sleep(0.5)
        start = time.perf_counter()
        term.run("send-keys", "-t", "app", "c")
        # A card row: a line starting with a bench bank's id in the bank column (the library shows titles).
        first, _ = term.wait(lambda s: "Search: words, bank:ID" in s and CARD_ROW.search(s) is not None, timeout=60)
        every, _ = term.wait(lambda s: "sorted by" in s, timeout=60)
        return first - start, every - start
    finally:
        term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="a folder for the library and store, reused when present")
    parser.add_argument("--runs", type=int, default=3, help="first-screen runs (pilot and tmux alternate)")
    parser.add_argument("--no-tmux", action="store_true")
    parser.add_argument("--no-pilot", action="store_true")
    parser.add_argument("--no-filter", action="store_true", help="the first screen only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        db = prepare(folder, args.cards, args.reviews)
        library = folder / "library"
        if not args.no_filter:
            in_process(library, db)
        figures: dict[str, list[tuple[float, float]]] = {"pilot": [], "tmux": []}
        for _ in range(args.runs):
            if not args.no_pilot:
                figures["pilot"].append(asyncio.run(pilot_first_screen(library, db)))
            if not args.no_tmux:
                figures["tmux"].append(tmux_first_screen(library))
        for where, runs in figures.items():
            if runs:
                first = statistics.median(f for f, _ in runs)
                every = statistics.median(e for _, e in runs)
                print(f"{where:<5} browser first screen (c -> card rows on screen), median of {len(runs)}: "
                      f"{first * 1000:5.0f} ms ({first / 0.5:.2f}x of 500 ms); every card searchable after "
                      f"{every * 1000:.0f} ms   [runs: {', '.join(f'{f * 1000:.0f}' for f, _ in runs)}]")


if __name__ == "__main__":
    main()
