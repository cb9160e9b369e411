"""Benchmark: `quizapp lint` and `quizapp coverage` against `quizapp validate`, whole processes, side by side.

Each command is timed in three states of the caches, the commands alternated run by run so that a drift in
the machine's speed touches every command alike:

- warm: every cache filled and nothing changed (a second run; CI on an unchanged course);
- edited: one bank changed (a comment added) before each run, a teacher's edit loop: lint and coverage
  compute again over the whole library, the other banks come from the bank cache;
- cold: an empty cache folder for each run (the first run after installing or upgrading).

Figures: median wall and CPU seconds (CPU time is what a loaded, shared machine disturbs least) and the
ratio to `quizapp validate` in the same state. Then the cores in process (banks loaded, no cache).

Libraries: the bundled course (decks/ and its five articles), or with --generated BANKS QUESTIONS a library
made by gen_bank.py (plain scalars, as teachers write), whose source text is made of the banks' quotes.
--compare DIR times another checkout's code beside this one (e.g. `git archive main | tar -x -C DIR`).

Usage: python benchmarks/bench_lint.py [--sources DIR] [--runs N] [--generated BANKS QUESTIONS] [--compare DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
STATES = ("warm", "edited", "cold")


def run_once(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole-process run; exit codes 0 and 1 (findings) count as success.

    Run from the cache folder's parent: `python -m` puts the working directory first on sys.path, which
    would shadow the code that PYTHONPATH names (this checkout's, or the one compared)."""
    where = Path(env["QUIZAPP_CACHE_DIR"]).parent
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=where)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def make_library(tmp: Path, seeds: Path, generated: tuple[int, int] | None) -> tuple[Path, Path, str]:
    """A copy of the course (a benchmark edits its banks), or a generated library; its sources; a label."""
    library, sources = tmp / "library", tmp / "sources"
    if generated is None:
        shutil.copytree(ROOT / "decks", library, ignore=shutil.ignore_patterns("*.json"))
        questions = sum(len(re.findall(r"^  - id:", p.read_text(encoding="utf-8"), re.M))
                        for p in library.glob("*.yaml"))
        return library, seeds, f"the course: {len(list(library.glob('*.yaml')))} banks, {questions} questions"
    from gen_bank import write_bank
    banks, count = generated
    library.mkdir()
    sources.mkdir()
    quotes = []
    for n in range(banks):
        path = library / f"generated-{n}.yaml"
        write_bank(str(path), count + n, seed=n + 1)  # count + n: gen_bank names the bank by its size
        quotes += re.findall(r"^    quote: (.*)$", path.read_text(encoding="utf-8"), re.M)
    (sources / "generated.txt").write_text("\n\n".join(quotes[::2]) + "\n", encoding="utf-8")  # half quoted
    return library, sources, f"generated: {banks} banks, {sum(count + n for n in range(banks))} questions"


def commands(library: Path, sources: Path) -> dict[str, list[str]]:
    return {"validate": ["validate", str(library)],
            "lint": ["lint", str(library)],
            "lint --sources": ["lint", str(library), "--sources", str(sources)],
            "coverage --sources": ["coverage", str(library), "--sources", str(sources)]}


def measure(codes: dict[str, Path], library: Path, sources: Path, tmp: Path, runs: dict[str, int]) -> dict:
    """{(code label, state, command): [(wall, CPU), ...]}, every command alternated within each run."""
    edited = sorted(library.glob("*.yaml"))[0]
    original = edited.read_text(encoding="utf-8")
    out: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for state in STATES:
        envs = {label: dict(os.environ, PYTHONPATH=str(code), QUIZAPP_CACHE_DIR=str(tmp / f"cache-{label}"))
                for label, code in codes.items()}
        for label, env in envs.items():  # fill the caches (bank cache, word list, lint and coverage entries)
            for args in commands(library, sources).values():
                run_once([sys.executable, "-m", "quizapp", *args], env)
        for n in range(runs[state]):
            for label, env in envs.items():
                for name, args in commands(library, sources).items():
                    if state == "edited":
                        edited.write_text(f"{original}# edit {label} {n} {name}\n", encoding="utf-8")
                    if state == "cold":
                        env = dict(env, QUIZAPP_CACHE_DIR=str(tmp / f"cold-{label}-{n}-{name}"))
                    out.setdefault((label, state, name), []).append(
                        run_once([sys.executable, "-m", "quizapp", *args], env))
        edited.write_text(original, encoding="utf-8")
    return out


def in_process(library: Path, sources: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds of the lint and coverage cores, no cache, banks loaded and word list read before."""
    from quizapp.bank.loader import load_paths
    from quizapp.coverage import cover_banks
    from quizapp.lint.engine import compute_findings
    from quizapp.lint.words import content_words
    results, _ = load_paths([library])
    banks = [r.bank for r in results if r.ok]
    compute_findings(results)  # imports, word list
    out: dict[str, list[float]] = {"lint core": [], "lint core --sources": [], "coverage core": []}
    for _ in range(runs):
        for name, work in (("lint core", lambda: compute_findings(results)),
                           ("lint core --sources", lambda: compute_findings(results, sources)),
                           ("coverage core", lambda: cover_banks(banks, sources))):
            content_words.cache_clear()  # each run from scratch, as a fresh process would
            t = time.process_time()
            work()
            out[name].append(time.process_time() - t)
    return {k: statistics.median(v) for k, v in out.items()}


def report(times: dict, codes: dict[str, Path], library: Path, sources: Path, label: str, runs: dict) -> None:
    print(f"library: {label}; sources: {sources}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"whole processes, medians of {runs['warm']} warm, {runs['edited']} edited, {runs['cold']} cold runs; "
          f"ratio to `quizapp validate` in the same state")
    for code in codes:
        for state in STATES:
            floor = times[(code, state, "validate")]
            floor_wall = statistics.median(w for w, _ in floor)
            floor_cpu = statistics.median(c for _, c in floor)
            for name in commands(library, sources):
                found = times[(code, state, name)]
                wall, cpu = statistics.median(w for w, _ in found), statistics.median(c for _, c in found)
                prefix = f"{code}: " if len(codes) > 1 else ""
                print(f"  {prefix}{state:<6} quizapp {name:<19} wall {wall:6.3f} s ({wall / floor_wall:5.2f}x)   "
                      f"CPU {cpu:6.3f} s ({cpu / floor_cpu:5.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=next(
        (p for p in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds") if p.is_dir()),
        ROOT.parent / "shared" / "seeds"), help="the course's articles (default: ../shared/seeds)")
    parser.add_argument("--runs", type=int, default=7, help="warm runs (edited: 5 at most, cold: 3 at most)")
    parser.add_argument("--generated", type=int, nargs=2, metavar=("BANKS", "QUESTIONS"))
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another checkout's code, timed beside this")
    args = parser.parse_args()
    runs = {"warm": args.runs, "edited": min(args.runs, 5), "cold": min(args.runs, 3)}
    codes = {"this": ROOT, **({"compared": args.compare.resolve()} if args.compare else {})}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        library, sources, label = make_library(tmp, args.sources, tuple(args.generated) if args.generated else None)
        times = measure(codes, library, sources, tmp, runs)
        report(times, codes, library, sources, label, runs)
        os.environ["QUIZAPP_CACHE_DIR"] = str(tmp / "in-process")
        for name, cpu in in_process(library, sources, min(args.runs, 3)).items():
            print(f"  in process, no cache: {name:<20} CPU {cpu:6.3f} s")


if __name__ == "__main__":
    main()
