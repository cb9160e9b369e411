"""Benchmark: `quizapp export anki` as a whole process vs a bare CSafeLoader + genanki script.

    python benchmarks/bench_export.py [--sizes 10000,50000] [--repeat 3]

Generates banks of every question type, then times, interleaved and each as its own process: the bare
script (CSafeLoader load, genanki notes with the same fields, guid_for, html.escape; genanki's own
write_to_file), `quizapp export anki` with the validated-bank cache off (the same YAML parsed and validated),
and `quizapp export anki` with the cache warm (a repeat export).  Reports the best of --repeat runs and the
ratios; the target is export <= 1.2x bare at 10,000 questions.
"""
from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("multiple_choice", "true_false", "short_answer", "numeric", "cloze", "ordering", "matching")


def question(i: int) -> dict:
    kind = KINDS[i % len(KINDS)]
    q = {"id": f"q{i}", "type": kind, "explanation": f"Because fact number {i} says so, as the article explains.",
         "quote": f"The article says that fact {i} is true & <verified>.", "tags": ["generated"]}
    if kind == "multiple_choice":
        q.update(prompt=f"Which option is right for question {i}?", choices=[f"Option {j} of {i}" for j in range(4)],
                 answer=f"Option 0 of {i}")
    elif kind == "true_false":
        q.update(prompt=f"Statement {i} is *true*.", answer=True)
    elif kind == "short_answer":
        q.update(prompt=f"Name the thing number {i}.", answer=f"Thing {i}", accept=[f"thing-{i}"])
    elif kind == "numeric":
        q.update(prompt=f"How many items are in set {i}?", answer=i, tolerance=1, unit="items")
    elif kind == "cloze":
        q.update(text=f"In year {i} the {{{{c1::first event}}}} came before the {{{{c2::second event::a hint}}}}.")
    elif kind == "ordering":
        q.update(prompt=f"Order these events of {i}.", items=[f"Event {j}" for j in range(4)])
    else:
        q.update(prompt=f"Match the pairs of {i}.", pairs={f"Left {j}": f"Right {j} of {i}" for j in range(3)})
    return q


def write_bank(path: Path, count: int) -> None:
    import yaml
    bank = {"id": f"bench-{count}", "title": f"Benchmark bank of {count}", "deck": "Bench::Big", "tags": ["bench"],
            "source": {"title": "Generated", "author": "A. Bot", "date": "2024-01-01"},
            "questions": [question(i) for i in range(count)]}
    path.write_text(yaml.safe_dump(bank, sort_keys=False, allow_unicode=True), encoding="utf-8")


def bare_export(src: str, out: str) -> None:
    """The baseline: what a short script using the same libraries directly would do."""
    import genanki
    import yaml
    with open(src, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.CSafeLoader)
    tail = ["Explanation", "Quote", "Source", "ID"]

    def model(mid, fields, cloze=False):
        first = "{{cloze:%s}}" % fields[0] if cloze else "{{%s}}" % fields[0]
        return genanki.Model(mid, f"bare {mid}", fields=[{"name": n} for n in fields + tail],
                             templates=[{"name": "c", "qfmt": first, "afmt": first + "{{Explanation}}"}],
                             model_type=genanki.Model.CLOZE if cloze else genanki.Model.FRONT_BACK)
    typed = model(3, ["Prompt", "Answer", "Unit", "Accepted"])
    models = {"multiple_choice": model(1, ["Prompt", "Choices", "Marked", "Instruction"]),
              "true_false": model(2, ["Prompt", "Answer"]), "short_answer": typed, "numeric": typed,
              "cloze": model(4, ["Text"], cloze=True), "ordering": model(5, ["Prompt", "Items", "Order"]),
              "matching": model(6, ["Prompt", "Left", "Right", "Pairs"])}
    esc = html.escape

    def ol(items):
        return "<ol>" + "".join(f"<li>{esc(str(x))}</li>" for x in items) + "</ol>"
    deck = genanki.Deck(2, data.get("deck") or data["title"])
    for q in data["questions"]:
        kind = q["type"]
        if kind == "multiple_choice":
            fields = [esc(q["prompt"]), ol(q["choices"]), ol(q["choices"]), ""]
        elif kind == "true_false":
            fields = [esc(q["prompt"]), str(q["answer"])]
        elif kind in ("short_answer", "numeric"):
            fields = [esc(q["prompt"]), esc(str(q["answer"])), esc(q.get("unit", "")), esc(" ".join(q.get("accept", [])))]
        elif kind == "cloze":
            fields = [esc(q["text"])]
        elif kind == "ordering":
            fields = [esc(q["prompt"]), ol(q["items"]), ol(q["items"])]
        else:
            fields = [esc(q["prompt"]), ol(q["pairs"]), ol(q["pairs"].values()), ol(q["pairs"].items())]
        fields += [esc(q.get("explanation", "")), esc(q.get("quote", "")), "source", esc(q["id"])]
        deck.add_note(genanki.Note(model=models[kind], fields=fields, guid=genanki.guid_for(data["id"], q["id"]),
                                   tags=list(data.get("tags", [])) + list(q.get("tags", []))))
    genanki.Package(deck).write_to_file(out, timestamp=1_700_000_000)


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return elapsed


def bench(size: int, repeat: int, work: Path) -> None:
    bank = work / f"bank-{size}.yaml"
    write_bank(bank, size)
    base = dict(os.environ, QUIZAPP_CACHE_DIR=str(work / "cache"), QUIZAPP_EXPORT_STATE=str(work / f"state-{size}.json"))
    cold = dict(base, QUIZAPP_NO_CACHE="1")
    ours = [sys.executable, "-m", "quizapp", "export", "anki", str(bank), "-o", str(work / "ours.apkg")]
    bare = [sys.executable, __file__, "--bare", str(bank), str(work / "bare.apkg")]
    timed(ours, base)  # warms the cache and the export state, like a user's second export
    runs: dict[str, list[float]] = {"bare": [], "cold": [], "warm": []}
    for _ in range(repeat):
        runs["bare"].append(timed(bare, base))
        runs["cold"].append(timed(ours, cold))
        runs["warm"].append(timed(ours, base))
    best = {k: min(v) for k, v in runs.items()}
    print(f"{size:>7,} questions  bare {best['bare']:6.2f} s   export (no cache) {best['cold']:6.2f} s "
          f"= {best['cold'] / best['bare']:.2f}x   export (warm cache) {best['warm']:6.2f} s "
          f"= {best['warm'] / best['bare']:.2f}x", flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--bare":
        bare_export(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"best of {args.repeat}, each a whole process; target: export <= 1.2x bare at 10,000")
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
