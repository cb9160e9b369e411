"""Benchmark: the study engine on a store of 100,000 cards and 1,000,000 reviews.

    python benchmarks/bench_srs.py [--cards 100000] [--reviews 1000000] [--keep DIR]

Builds 100 banks of 1,000 questions, syncs them into a fresh store, then fills in schedules and a review
log with executemany in one transaction. Measures, against the targets of issue 4:
  open the store + sync the banks + build today's queue   < 300 ms
  next card (median)                                       < 1 ms
  record an answer, commit included (median)               < 5 ms
  stats --json (compute_stats + JSON, in process; and the whole `quizapp stats --json` process)  < 1 s
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizapp.bank.models import Bank
from quizapp.srs import Engine, Rating, Settings, Store, compute_stats
from quizapp.srs.clock import to_us

NOW = datetime(2025, 6, 1, 14, 0, tzinfo=timezone.utc)
DAY_US = 86_400 * 1_000_000


def make_banks(cards: int, per_bank: int = 1000) -> list[Bank]:
    banks = []
    for b in range(cards // per_bank):
        questions = []
        for i in range(per_bank):
            if i % 3 == 0:
                questions.append({"id": f"q{i}", "type": "short_answer", "prompt": f"Name thing {i} of bank {b}",
                                  "answer": f"thing {i}", "tags": ["even" if i % 2 == 0 else "odd"]})
            else:
                questions.append({"id": f"q{i}", "type": "true_false", "prompt": f"Statement {i} of {b}",
                                  "answer": bool(i % 2)})
        banks.append(Bank.model_validate({"id": f"bank-{b:03d}", "title": f"Bank {b}", "questions": questions}))
    return banks


def fill(store: Store, reviews: int, rng: random.Random) -> None:
    """Schedules for most cards (due from a month overdue to a year ahead) and a time-ordered review log."""
    now_us = to_us(NOW)
    ids = [r[0] for r in store.query("SELECT id FROM cards ORDER BY id")]
    updates, studied = [], []
    for cid in ids:
        roll = rng.random()
        if roll < 0.25:
            continue  # new
        state = 2 if roll < 0.99 else rng.choice((1, 3))
        hour = DAY_US // 24
        due = now_us + rng.randint(-30 * DAY_US, 365 * DAY_US) if state == 2 else now_us + rng.randint(-2 * hour, 2 * hour)
        updates.append((state, 0 if state != 2 else None, rng.uniform(1, 300), rng.uniform(1, 10), due,
                        due - rng.randint(DAY_US, 30 * DAY_US), rng.randint(1, 30), rng.randint(0, 5), cid))
        studied.append(cid)
    # Three years of history ending yesterday, so today's review limit is still free.
    end = now_us - DAY_US
    start = end - 3 * 365 * DAY_US
    step = (end - start) // reviews
    state_json = json.dumps({"state": 2, "step": None, "stability": 12.5, "difficulty": 5.2, "due_us": now_us,
                             "last_review_us": now_us, "reps": 4, "lapses": 0})
    rows = ((rng.choice(studied), 1, start + n * step, rng.choice((1, 3, 3, 3, 3, 2, 4)), '"answer"', 1, 4200,
             2, 2, state_json, state_json) for n in range(reviews))
    with store.transaction() as conn:
        conn.executemany("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                         "last_review = ?, reps = ?, lapses = ? WHERE id = ?", updates)
        conn.executemany("INSERT INTO reviews (card_id, generation, reviewed_at, rating, given, correct, duration_ms, "
                         "state_before, state_after, before_json, after_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("ANALYZE")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the store in DIR and leave it there")
    args = parser.parse_args()
    rng = random.Random(1)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-srs-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = Settings(fuzz=False, tz=timezone.utc, new_per_day=20, reviews_per_day=200)

    t = time.perf_counter()
    banks = make_banks(args.cards)
    print(f"setup: {len(banks)} banks, {sum(len(b.questions) for b in banks):,} questions validated in "
          f"{time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    with Store.open(db) as store:
        Engine(store, banks, settings)
        print(f"setup: first sync of {args.cards:,} cards in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        fill(store, args.reviews, rng)
    print(f"setup: {args.reviews:,} reviews written in {time.perf_counter() - t:.1f} s "
          f"({db.stat().st_size / 1e6:.0f} MB)")

    opens, syncs, queues = [], [], []
    for _ in range(7):
        t0 = time.perf_counter()
        store = Store.open(db)
        t1 = time.perf_counter()
        engine = Engine(store, banks, settings)
        t2 = time.perf_counter()
        session = engine.session(NOW)
        t3 = time.perf_counter()
        opens.append(t1 - t0), syncs.append(t2 - t1), queues.append(t3 - t2)
        if _ < 6:
            store.close()
    total = [a + b + c for a, b, c in zip(opens, syncs, queues)]
    p = session.progress
    print(f"open store {ms(statistics.median(opens))} + sync banks {ms(statistics.median(syncs))} + "
          f"build queue {ms(statistics.median(queues))} = {ms(statistics.median(total))} median "
          f"(target < 300 ms); queue: {p.review_left} reviews, {p.learning_left} learning, {p.new_left} new")

    next_times, answer_times = [], []
    now = NOW
    for i in range(300):
        t0 = time.perf_counter()
        card = session.next_card(now)
        t1 = time.perf_counter()
        if card is None:
            break
        session.answer(card, Rating.Good if i % 5 else Rating.Again, now, given="x", duration=3.2)
        t2 = time.perf_counter()
        next_times.append(t1 - t0), answer_times.append(t2 - t1)
        now += timedelta(seconds=2)
    print(f"next card: median {ms(statistics.median(next_times))}, max {ms(max(next_times))} over "
          f"{len(next_times)} (target < 1 ms)")
    print(f"answer + commit: median {ms(statistics.median(answer_times))}, p95 "
          f"{ms(sorted(answer_times)[int(len(answer_times) * 0.95)])} (target < 5 ms)")

    stat_times = []
    for _ in range(5):
        t0 = time.perf_counter()
        json.dumps(compute_stats(store, banks, now, settings, all_banks=True))
        stat_times.append(time.perf_counter() - t0)
    store.close()
    print(f"compute_stats + JSON: median {ms(statistics.median(stat_times))} (target < 1 s)")
    cli = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "quizapp", "stats", "--json", "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL)
        cli.append(time.perf_counter() - t0)
    print(f"`quizapp stats --json` whole process (with the bundled library synced): median "
          f"{ms(statistics.median(cli))} (target < 1 s)")
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
