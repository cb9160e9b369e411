"""Crash safety: `quizapp study --plain` killed with SIGKILL at random moments never loses a saved answer."""
from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from tests_support import subprocess_env
from srs_support import bank_data, tf, write_bank

RUNS = 24
SAVED = re.compile(r"saved \(review (\d+)\)\.")


def run_and_kill(bank, db, delay: float, in_session: bool) -> set[int]:
    """Start a session answering as fast as it can and SIGKILL it `delay` seconds after start (or, when
    in_session, after its first saved answer); the review ids it reported saved."""
    proc = subprocess.Popen([sys.executable, "-m", "quizapp", "study", "--plain", "--new", "100000", "--new-total", "100000",
                             "--db", str(db), str(bank)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=subprocess_env())
    reported: set[int] = set()
    first_saved = threading.Event()

    def read():
        for line in proc.stdout:
            m = SAVED.search(line.decode())
            if m:
                reported.add(int(m.group(1)))
                first_saved.set()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        proc.stdin.write(b"t\n\n" * 3000)  # answer right, take the suggested rating, over and over
        proc.stdin.flush()
    except BrokenPipeError:
        pass
    deadline = time.monotonic() + 20
    while in_session and not first_saved.wait(0.02) and reader.is_alive() and time.monotonic() < deadline:
        pass
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=30)
    proc.stdin.close()
    proc.stderr.close()
    return reported


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path):
    bank = write_bank(tmp_path / "many.yaml", bank_data("many", [tf(f"q{i}") for i in range(1, 2001)]))
    rng = random.Random(20250301)
    all_reported: set[int] = set()
    kills_mid_session = 0
    for run in range(RUNS):
        # A few kills per store, then a fresh one: each run studies a few hundred of the 2,000 new cards.
        db = tmp_path / f"s{run // 6}.sqlite3"
        # Early kills land in start-up, migration and bank sync; later ones in the middle of answering.
        in_session = run % 4 != 0
        reported = run_and_kill(bank, db, rng.uniform(0.0, 0.3), in_session)
        kills_mid_session += bool(reported)
        if not db.exists():  # killed before the store was created
            assert not reported
            continue
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'reviews'").fetchone()[0] == 0:
                assert not reported  # killed before the schema was committed: nothing was said to be saved
                continue
            logged = {row[0] for row in conn.execute("SELECT id FROM reviews")}
            reps = conn.execute("SELECT coalesce(sum(reps), 0) FROM cards").fetchone()[0]
        finally:
            conn.close()
        assert reported <= logged, f"run {run}: reported saved but missing: {sorted(reported - logged)[:5]}"
        assert reps == len(logged)  # each logged review moved its card exactly once
        all_reported |= reported
    assert kills_mid_session >= RUNS * 3 // 4  # the test really interrupted sessions in flight
    assert len(all_reported) > 100
