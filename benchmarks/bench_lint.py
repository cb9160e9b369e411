"""Benchmark: `quizapp lint` of the whole library and `quizapp coverage` of the five articles, warm.

Whole processes, side by side with `quizapp validate` of the same library (start-up and loading: the
floor), alternated so that a drift in the machine's speed touches every command alike; wall and CPU
seconds (CPU time is what a loaded, shared machine disturbs least). Then the cores in process, banks
already loaded: what lint and coverage themselves cost.

Usage: python benchmarks/bench_lint.py [SEEDS_DIR] [RUNS]   (SEEDS_DIR defaults to ../shared/seeds)
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_once(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole-process run; exit codes 0 and 1 (findings) count as success."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(seeds: str, runs: int) -> dict[str, float]:
    """Median CPU seconds of the lint and coverage cores, banks loaded and word list read once before."""
    from quizapp.bank.loader import load_paths
    from quizapp.coverage import cover_banks
    from quizapp.lint import lint_results
    from quizapp.lint.words import content_words
    results, _ = load_paths([ROOT / "decks"])
    banks = [r.bank for r in results]
    lint_results(results)  # imports, word list
    out: dict[str, list[float]] = {"lint core": [], "lint core --sources": [], "coverage core": []}
    for _ in range(runs):
        for name, work in (("lint core", lambda: lint_results(results)),
                           ("lint core --sources", lambda: lint_results(results, seeds)),
                           ("coverage core", lambda: cover_banks(banks, seeds))):
            content_words.cache_clear()  # each run from scratch, as a fresh process would
            t = time.process_time()
            work()
            out[name].append(time.process_time() - t)
    return {k: statistics.median(v) for k, v in out.items()}


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
            run_once(cmd, env)  # warm: bank cache and word list
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                wall, cpu = run_once(cmd, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        os.environ["QUIZAPP_CACHE_DIR"] = env["QUIZAPP_CACHE_DIR"]
        cores = in_process(seeds, runs)
    floor_wall, floor_cpu = statistics.median(walls["validate (floor)"]), statistics.median(cpus["validate (floor)"])
    print(f"library: {decks}; sources: {seeds}; medians of {runs} warm runs; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name in commands:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"quizapp {name:<20} wall {wall:6.3f} s ({wall / floor_wall:4.2f}x)   "
              f"CPU {cpu:6.3f} s ({cpu / floor_cpu:4.2f}x validate)")
    for name, cpu in cores.items():
        print(f"in process: {name:<22} CPU {cpu:6.3f} s   (target: well under 1 s)")


if __name__ == "__main__":
    main(*sys.argv[1:2], *(int(a) for a in sys.argv[2:3]))
