"""The line-mode study loop: one card at a time on plain stdin/stdout, for screen readers and scripts."""
from __future__ import annotations

import random
from datetime import datetime
from typing import Callable, TextIO

from fsrs import Rating

from .cards import flashcard_hint
from .checking import check_answer
from .lineformat import UnreadableAnswer, layout_card, parse_line
from .queue import limits_line
from .scheduler import format_interval

QUIT = "q"
UNDO = "undo"
RATING_WORDS = {r.name.lower(): r for r in Rating}


class EndOfInput(Exception):
    """stdin closed: stop like `q`."""


class LineStudy:
    """Runs a Session on text streams. clock() gives the current UTC time (the command layer's clock)."""

    def __init__(self, session, clock: Callable[[], datetime], inp: TextIO, out: TextIO,
                 rng: random.Random | None = None):
        self.session, self.clock, self.inp, self.out = session, clock, inp, out
        self.rng = rng or random.Random()

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()  # piped output must reach a reader line by line

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            self.say()
            raise EndOfInput
        return line.rstrip("\r\n")

    def run(self) -> int:
        """Study until the queue is empty, `q`, or end of input; returns the number of answers saved."""
        try:
            while self._one_card():
                pass
        except EndOfInput:
            pass
        p = self.session.progress
        self.say(f"Session over: {p.done} answer{'s' * (p.done != 1)} saved, {p.right} right.")
        return p.done

    def _header(self, card) -> str:
        p = self.session.progress
        left = f"{p.new_left} new, {p.learning_left} learning, {p.review_left} review left"
        mode = ", cram" if self.session.cram else ""
        return f"--- {card.bank.title} ({card.state}{mode}) · {left} ---"

    def _one_card(self) -> bool:
        now = self.clock()
        card = self.session.next_card(now)
        if card is None:
            self._nothing_left(now)
            return False
        layout = layout_card(card, self.rng)
        self.say()
        self.say(self._header(card))
        for line in layout.lines:
            self.say(line)
        while True:
            line = self.ask("answer> ")
            if line.strip() == QUIT:
                return False
            if line.strip().casefold() == UNDO:
                self._undo()
                return True
            hint = flashcard_hint(card.question, card.ord) if card.question.type == "flashcard" else None
            if hint and line.strip().casefold() == "h":
                self.say(f"hint: {hint}")
                continue
            try:
                given = parse_line(card, layout, line)
                break
            except UnreadableAnswer as exc:
                self.say(f"could not read that: {exc}. (q quits, undo takes back the last answer)")
        result = check_answer(card.question, card.ord, given)
        self._feedback(card, given, result)
        rating = self._rating(card, result.suggested)
        if rating is None:
            self.say("not saved.")
            return False
        done_at = self.clock()
        answered = self.session.answer(card, rating, done_at, given=given, result=result,
                                       duration=(done_at - now).total_seconds())
        # Scripts and the crash-safety test count these lines: print only after the commit.
        self.say(f"saved (review {answered.review_id}).")
        return True

    def _feedback(self, card, given, result) -> None:
        if result.self_graded:
            self.say(f"back: {result.expected}")
            if card.question.explanation:
                self.say(f"explanation: {card.question.explanation}")
            return
        verdict = ("right, accepted with a typo." if result.typo else "right.") if result.correct else "wrong."
        self.say(verdict)
        if result.note:  # how the answer was read: "accepted with a typo: you wrote ...", "2,000,000 = 2 million"
            self.say(result.note)
        q = card.question
        if q.type == "multiple_choice" and q.multiple:
            for choice, ok in result.details:
                mark = "ok    " if ok else "wrong " if choice in given else "missed"
                self.say(f"  {mark}  {choice}")
        elif q.type in ("ordering", "matching") or len(result.details) > 1:
            for label, ok in result.details:
                self.say(f"  {'ok   ' if ok else 'wrong'}  {label}")
        self.say(f"answer: {result.expected}")
        if card.question.explanation:
            self.say(f"explanation: {card.question.explanation}")

    def _rating(self, card, suggested: Rating | None) -> Rating | None:
        """The learner's rating; Enter takes the suggested one (a self-graded card has none: rate it yourself)."""
        default = f"; enter = {suggested.value} {suggested.name.lower()}" if suggested else ": how well did you know it?"
        if self.session.cram:
            labels = ", ".join(f"{r.value} {r.name.lower()}" for r in Rating)
            prompt = f"rate (cram: no schedule changes) {labels}{default}> "
        else:
            intervals = self.session.intervals(card, self.clock())
            labels = ", ".join(f"{r.value} {r.name.lower()} ({format_interval(intervals[r])})" for r in Rating)
            prompt = f"rate {labels}{default}> "
        while True:
            text = self.ask(prompt).strip().casefold()
            if not text and suggested is not None:
                return suggested
            if text == QUIT:
                return None
            if text in ("1", "2", "3", "4"):
                return Rating(int(text))
            matches = [r for word, r in RATING_WORDS.items() if word.startswith(text)]
            if len(matches) == 1:
                return matches[0]
            how = "enter takes the suggested one" if suggested else "rate how well you knew it"
            self.say(f"type 1 (again), 2 (hard), 3 (good) or 4 (easy); {how}; q quits")

    def _undo(self) -> None:
        card = self.session.undo(self.clock())
        if card is None:
            self.say("nothing to undo.")
        else:
            self.say("undone: the last answer was taken back; here it is again.")

    def _nothing_left(self, now: datetime) -> None:
        due = self.session.next_due()
        if due is not None:
            wait = format_interval(due - now)
            self.say(f"Nothing more for now; learning cards come back in {wait}.")
        else:
            self.say("Nothing left to study today.")
        if self.session.limits:
            self.say(limits_line(self.session.limits))
