"""Generates a large valid bank (every question type, realistic text) for the benchmarks.

Two shapes: `plain` writes prompts, explanations, quotes and cloze texts as plain (unquoted) scalars, as
teachers write them, so every scalar goes through YAML's implicit resolver; `quoted` double-quotes them,
which skips the resolver for those scalars.
"""
from __future__ import annotations

import random
import sys

WORDS = ("korea media drama smuggled usb card border market police radio survey defector concert music "
         "film broadcast censorship state china trader village city law prison young people phone").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


SHAPES = ("plain", "quoted")


def write_bank(path: str, count: int, seed: int = 1, shape: str = "plain") -> None:
    """Write a bank of count questions, cycling through the seven types.

    Args:
        path: the file to write.
        count: how many questions.
        seed: the random seed of the text.
        shape: "plain" (unquoted scalars, as teachers write) or "quoted" (double-quoted prose).
    """
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}, not {shape!r}")
    q = '"' if shape == "quoted" else ""
    rng = random.Random(seed)
    out = [f"id: bench-{count}", f"title: Benchmark bank of {count} questions", "deck: Bench::Big",
           "tags: [bench]", "source:", "  title: Generated", "  file: generated.txt", "questions:"]
    kinds = ["multiple_choice", "true_false", "short_answer", "numeric", "cloze", "ordering", "matching"]
    for i in range(count):
        kind = kinds[i % 7]
        out += [f"  - id: q{i}", f"    type: {kind}"]
        if kind != "cloze":
            out.append(f"    prompt: {q}{sentence(rng, 14)}?{q}")
        if kind == "multiple_choice":
            choices = [f"{sentence(rng, 3)} {i}-{j}" for j in range(4)]
            out.append("    choices:")
            out += [f"      - {c}" for c in choices]
            out.append(f"    answer: {choices[1]}")
        elif kind == "true_false":
            out.append(f"    answer: {'true' if i % 2 else 'false'}")
        elif kind == "short_answer":
            out += [f"    answer: {sentence(rng, 2)}", f"    accept: [{sentence(rng, 1)}, {sentence(rng, 2)}]"]
        elif kind == "numeric":
            out += [f"    answer: {rng.randint(1, 1000)}", "    tolerance: 2", "    unit: \"%\""]
        elif kind == "cloze":
            out.append(f"    text: {q}{sentence(rng, 6)} {{{{c1::{sentence(rng, 2)}}}}} {sentence(rng, 5)} "
                       f"{{{{c2::{sentence(rng, 1)}::hint}}}}.{q}")
        elif kind == "ordering":
            out.append("    items:")
            out += [f"      - {sentence(rng, 3)} {j}" for j in range(4)]
        elif kind == "matching":
            out.append("    pairs:")
            out += [f"      {sentence(rng, 2)} {j}: {sentence(rng, 2)} {j}" for j in range(4)]
        out.append(f"    explanation: {q}{sentence(rng, 16)}.{q}")
        out.append(f"    quote: {q}{sentence(rng, 22)}.{q}")
        out.append(f"    tags: [t{i % 13}]")
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    write_bank(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000,
               shape=sys.argv[3] if len(sys.argv) > 3 else "plain")
