"""Benchmark: `quizapp validate` on a 10,000-question bank against a bare CSafeLoader load, whole processes.

Run on both shapes of gen_bank: plain scalars (as teachers write; every scalar meets YAML's implicit
resolver) and double-quoted prose. Usage: bench_load.py [COUNT [RUNS [SHAPE]]].
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_bank import SHAPES, write_bank  # noqa: E402


def timed(cmd, env, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(f"{cmd} failed: {proc.stdout[-500:]} {proc.stderr[-500:]}")
    return statistics.median(times)


def bench_shape(tmp: str, count: int, runs: int, shape: str) -> None:
    """Time bare loads and `quizapp validate` (cold and warm cache) on one bank shape, and print the ratios."""
    bank = os.path.join(tmp, f"big-{shape}.yaml")
    write_bank(bank, count, shape=shape)
    env = dict(os.environ, QUIZAPP_CACHE_DIR=os.path.join(tmp, f"cache-{shape}"))
    size = os.path.getsize(bank) / 1e6
    bare = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
            "Loader=yaml.CSafeLoader)", bank]
    pure = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
            "Loader=yaml.SafeLoader)", bank]
    cold = [sys.executable, "-m", "quizapp", "validate", "--no-cache", bank]
    warm = [sys.executable, "-m", "quizapp", "validate", bank]
    subprocess.run(warm, env=env, capture_output=True)  # fill the cache
    t_bare = timed(bare, env, runs)
    t_cold = timed(cold, env, runs)
    t_warm = timed(warm, env, runs)
    t_pure = timed(pure, env, 1)
    print(f"{shape} scalars: {count} questions, {size:.1f} MB; median of {runs} whole-process runs")
    print(f"  bare yaml.load CSafeLoader   {t_bare:6.3f} s   1.00x")
    print(f"  bare yaml.load SafeLoader    {t_pure:6.3f} s   {t_pure / t_bare:.2f}x (1 run)")
    print(f"  quizapp validate, cold cache {t_cold:6.3f} s   {t_cold / t_bare:.2f}x   (target <= 1.3x)")
    print(f"  quizapp validate, warm cache {t_warm:6.3f} s   {t_bare / t_warm:.1f}x faster (target >= 10x)")


def main(count: int = 10_000, runs: int = 5, *shapes: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes or SHAPES:
            bench_shape(tmp, count, runs, shape)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(*(int(a) for a in args[:2]), *args[2:])
