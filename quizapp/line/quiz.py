"""`quizapp quiz --plain`: the quiz one line at a time, ending with the same score report as the TUI's."""
from __future__ import annotations

import random
from typing import TextIO

from ..srs.checking import check_answer, self_marked
from .layout import layout_card
from .console import Command, EndOfInput, LineIO, run_interruptible
from ..srs.wording import expected_words, feedback_lines, quote_lines, yours_words

QUIT = "q"
RECORD = "r"


def score_lines(items, asked: int) -> list[str]:
    """The quiz score report, as the TUI's score screen gives it: the score, then every mistake.

    Args:
        items: the answered quiz items (each with bank, question, ord, given, result).
        asked: how many questions the quiz had.

    Returns:
        The lines to print.
    """
    right = sum(1 for item in items if item.result.correct)
    total = len(items)
    pct = round(100 * right / total) if total else 0
    lines = [f"Score: {right} / {total} right · {pct}%"]
    if total < asked:
        lines.append(f"Ended after {total} of {asked} questions.")
    mistakes = [item for item in items if not item.result.correct]
    lines.append("No mistakes." if not mistakes else f"Mistakes ({len(mistakes)}):")
    for n, item in enumerate(mistakes, start=1):
        q = item.question
        prompt = layout_card(item, random.Random(0)).lines[0]  # the cloze with its gaps, a flashcard's side
        lines.append(f"{n}. {prompt.splitlines()[0]}")
        lines.append(f"   Yours: {yours_words(q, item.given, item.result)}")
        lines.append(f"   Right: {expected_words(q, item.result)}")
        lines += ["   " + line for line in quote_lines(item.bank, q)]
    return lines


class LineQuiz:
    """Asks quiz items on text streams; nothing touches the schedule unless the learner records it at the end."""

    def __init__(self, items: list, inp: TextIO, out: TextIO, *, feedback: bool = False,
                 rng: random.Random | None = None):
        self.items, self.feedback = items, feedback
        self.io = LineIO(inp, out)
        self.rng = rng or random.Random()
        self.interrupted = False  # Ctrl+C ended the quiz (the command exits with 130)

    @property
    def answered(self) -> list:
        return [item for item in self.items if item.result is not None]

    def run(self) -> list:
        """Ask every item until done, `q`, end of input or Ctrl+C, then print the score; returns the answered."""
        self.interrupted = run_interruptible(self.io, self._ask_all, self._score)
        return self.answered

    def _ask_all(self) -> None:
        for number, item in enumerate(self.items, start=1):
            layout = layout_card(item, self.rng)
            self.io.say()
            self.io.say(f"--- question {number} of {len(self.items)} · {item.bank.title} ---")
            for line in layout.lines:
                self.io.say(line)
            try:
                given = self.io.ask_answer(item, layout, (QUIT,), "q ends the quiz and shows the score")
            except Command:
                return
            result = check_answer(item.question, item.ord, given)
            if self.feedback or result.self_graded:
                for line in feedback_lines(item.bank, item.question, given, result):
                    self.io.say(line)
            if result.self_graded:  # a flashcard: the learner says whether they knew it
                knew = self._knew_it()
                if knew is None:
                    return
                result = self_marked(result, knew)
            item.given, item.result = given, result

    def _knew_it(self) -> bool | None:
        """y or n for a revealed flashcard; None for q (the quiz ends, this card not counted)."""
        while True:
            line = self.io.ask("did you know it? y or n> ")
            word = (line or "").strip().casefold()
            if word in ("y", "yes", "n", "no"):
                return word.startswith("y")
            if word == QUIT:
                return None
            self.io.say("type y (I knew it) or n (I did not); q ends the quiz")

    def _score(self) -> None:
        self.io.say()
        for line in score_lines(self.answered, len(self.items)):
            self.io.say(line)

    def wants_record(self) -> bool:
        """Ask whether to record the answers in the schedule (r); Enter, anything else or end of input: no."""
        if not self.answered or self.interrupted:
            return False
        self.io.say("r records these answers in your schedule (right = Good, wrong = Again); "
                    "otherwise the schedule is untouched.")
        try:
            line = self.io.ask("record? r or Enter> ")
        except EndOfInput:
            return False
        return line is not None and line.strip().casefold() == RECORD
