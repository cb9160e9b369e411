"""Benchmark: `quizapp lint` of the whole library and `quizapp coverage` of the five articles, warm, as
whole processes, side by side with `quizapp validate` of the same library (the floor: start-up and loading).

Usage: python benchmarks/bench_lint.py [SEEDS_DIR] [RUNS]   (SEEDS_DIR defaults to ../shared/seeds)
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict, runs: int, ok=(0, 1)) -> float:
    """Median wall time of runs whole-process runs of cmd (exit codes in ok count as success)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if proc.returncode not in ok:
            raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return statistics.median(times)


def main(seeds: str = str(ROOT.parent / "shared" / "seeds"), runs: int = 7) -> None:
    decks = str(ROOT / "decks")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QUIZAPP_CACHE_DIR=os.path.join(tmp, "cache"), PYTHONPATH=str(ROOT))
        quizapp = [sys.executable, "-m", "quizapp"]
        commands = {
            "validate (floor)": [*quizapp, "validate", decks],
            "lint": [*quizapp, "lint", decks],
            "lint --sources": [*quizapp, "lint", decks, "--sources", seeds],
            "coverage --sources": [*quizapp, "coverage", decks, "--sources", seeds],
        }
        for cmd in commands.values():
            subprocess.run(cmd, env=env, capture_output=True)  # warm: bank cache and word list
        # Alternated rounds, so a drift in the machine's speed touches every command alike.
        results: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                results[name].append(timed(cmd, env, 1))
        floor = statistics.median(results["validate (floor)"])
        print(f"library: {decks} (5 banks, 232 questions); sources: {seeds}; median of {runs} warm runs")
        for name, times in results.items():
            median = statistics.median(times)
            print(f"quizapp {name:<20} {median:6.3f} s   {median / floor:5.2f}x validate   "
                  f"(+{median - floor:.3f} s; target: whole process well under 1 s)")


if __name__ == "__main__":
    main(*sys.argv[1:2], *(int(a) for a in sys.argv[2:3]))
