"""Benchmark: reading a line typed at a matching prompt, by length: the old pattern (quadratic) vs parse_line.

A long run of digits is what a stuck key or a pasted number sends. Linear reading means 10x the line
costs about 10x the time; the old `(\\d+)\\s*([A-Za-z])` scan cost about 100x."""
from __future__ import annotations

import random
import re
import time

from quizapp.bank.models import Bank
from quizapp.srs.cards import StudyCard
from quizapp.line.layout import UnreadableAnswer, layout_card, parse_line

MATCH = {"id": "m", "type": "matching", "prompt": "Match each group to the year it performed in Pyongyang.",
         "pairs": {"Fin.K.L.": "1999", "Shinhwa": "2003", "Red Velvet": "2018"}}


def old_read(text: str) -> None:
    """What line mode did before: find the pairs, then check nothing else is left."""
    re.findall(r"(\d+)\s*([A-Za-z])", text)
    re.sub(r"(\d+)\s*([A-Za-z])|[\s,;]", "", text)


def new_read(card, layout, text: str) -> None:
    try:
        parse_line(card, layout, text)
    except UnreadableAnswer:
        pass


def timed(fn, *args) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    bank = Bank.model_validate({"id": "b", "title": "Bench", "questions": [MATCH]})
    card = StudyCard(bank, bank.questions[0], 0, ("b", "m", 0), "new", 1)
    layout = layout_card(card, random.Random(1))
    print(f"{'digits':>8}  {'old':>10}  {'new':>10}  old/new")
    for n in (2_000, 4_000, 8_000, 40_000):
        line = "7" * n
        t_old = timed(old_read, line) if n <= 8_000 else float("nan")  # 40,000 digits: about 30 s
        t_new = timed(new_read, card, layout, line)
        print(f"{n:>8}  {t_old * 1000:>8.1f}ms  {t_new * 1000:>8.3f}ms  {t_old / t_new:>7.0f}x")


if __name__ == "__main__":
    main()
