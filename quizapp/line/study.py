"""The line-mode study loop: one card at a time on plain stdin/stdout, for screen readers and scripts."""
from __future__ import annotations

import random
from datetime import datetime
from typing import TextIO

from fsrs import Rating

from ..editing import EditSession, NoEditor
from ..srs import control
from ..srs.checking import check_answer
from ..srs.clock import Clock
from .layout import layout_card
from .console import Command, LineIO, run_interruptible
from ..srs.queue import limits_line
from ..srs.scheduler import format_interval
from ..srs.session import can_override
from ..srs.wording import feedback_lines

QUIT = "q"
UNDO = "undo"
HINT = "h"  # a flashcard's hint, where it has one
OVERRIDE = "right"  # at the rating prompt after a typed answer graded wrong: "I was right"
RATING_WORDS = {r.name.lower(): r for r in Rating}
RETYPE = "retype"  # _rating's answer to `undo`: take back the answer just given, before it is saved
# At the rating prompt, as Anki's reviewer offers them: the card leaves the session (no review is saved) or is
# opened in $VISUAL/$EDITOR and asked again.
SUSPEND, BURY, EDIT = "suspend", "bury", "edit"


def summary_line(done: int, right: int) -> str:
    """The line that ends every line-mode session, also one stopped by Ctrl+C before its first card."""
    return f"Session over: {done} answer{'s' * (done != 1)} saved, {right} right."


class LineStudy:
    """Runs a Session on text streams. clock() gives the current UTC time (the command layer's clock)."""

    def __init__(self, session, clock: Clock, inp: TextIO, out: TextIO,
                 rng: random.Random | None = None):
        self.session, self.clock = session, clock
        self.io = LineIO(inp, out)
        self.say, self.ask = self.io.say, self.io.ask
        self.rng = rng or random.Random()
        self.interrupted = False  # Ctrl+C ended the session (the command exits with 130)
        self.may_override = self.overridden = False  # "I was right" for the card being rated

    def run(self) -> int:
        """Study until the queue is empty, `q`, end of input or Ctrl+C; returns the number of answers saved."""
        def study() -> None:
            while self._one_card():
                pass
        self.interrupted = run_interruptible(self.io, study, self.summary)
        return self.session.progress.done

    def summary(self) -> None:
        """The session's last line: what was saved."""
        p = self.session.progress
        self.say(summary_line(p.done, p.right))

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
        show = True
        while True:
            if show:  # first, and again after `undo` at the rating prompt; not after a hint
                for line in layout.lines:
                    self.say(line)
            show = True
            hint = layout.hint
            commands = (QUIT, UNDO, HINT) if hint else (QUIT, UNDO)
            try:
                given = self.io.ask_answer(card, layout, commands, "q quits, undo takes back the last answer")
            except Command as command:
                if command.word == HINT:
                    self.say(f"hint: {hint}")
                    show = False
                    continue
                if command.word == UNDO:
                    self._undo()
                    return True
                return False
            result = check_answer(card.question, card.ord, given)
            for line in feedback_lines(card.bank, card.question, given, result):
                self.say(line)
            self.may_override, self.overridden = can_override(card.question, result), False
            if self.may_override:
                self.say("(if your answer was right after all, type right at the rating prompt)")
            rating = self._rating(card, result.suggested)
            if rating in (SUSPEND, BURY, EDIT):
                return self._control(card, rating)
            if rating != RETYPE:
                break
            self.say("answer taken back (nothing was saved); answer the card again:")
        if rating is None:
            self.say("not saved.")
            return False
        with self.io.held():  # Ctrl+C now would leave a saved answer unreported: it waits
            done_at = self.clock()
            answered = self.session.answer(card, rating, done_at, given=given, result=result,
                                           duration=(done_at - now).total_seconds(), overridden=self.overridden)
            # Scripts and the crash-safety test count these lines: print only after the commit.
            self.say(f"saved (review {answered.review_id}).")
        if answered.leech:
            action = "suspended" if self.session.engine.settings.leech_action == "suspend" else "tagged"
            self.say(f"leech: this card has lapsed {answered.after.lapses} times and was {action}; rewrite it "
                     "(edit at the rating prompt next time, or quizapp cards is:leech).")
        return True

    def _control(self, card, word: str) -> bool:
        """suspend / bury / edit typed at the rating prompt; the session goes on."""
        if word == EDIT:
            self._edit(card)
            return True
        with self.io.held():
            if word == SUSPEND:
                control.suspend(self.session.store, [card.card_id])
            else:
                control.bury(self.session.store, [card.card_id], self.clock(), self.session.engine.settings)
            self.session.drop(card)
        self.say("suspended: not asked until you unsuspend it (quizapp cards is:suspended --unsuspend)."
                 if word == SUSPEND else "buried until tomorrow.")
        return True

    def _rating(self, card, suggested: Rating | None) -> Rating | str | None:
        """The rating typed, None for q, RETYPE for undo (this answer is taken back before it is saved).

        Enter takes the suggested rating; a self-graded card (flashcard) has none: the learner rates it."""
        default = f"; enter = {suggested.value} {suggested.name.lower()}" if suggested else ": how well did you know it?"
        if self.session.cram:
            labels = ", ".join(f"{r.value} {r.name.lower()}" for r in Rating)
            prompt = f"rate (cram: no schedule changes) {labels}{default}> "
        else:
            intervals = self.session.intervals(card, self.clock())
            labels = ", ".join(f"{r.value} {r.name.lower()} ({format_interval(intervals[r])})" for r in Rating)
            prompt = f"rate {labels}{default}> "
        while True:
            line = self.ask(prompt)
            if line is None:
                continue
            text = line.strip().casefold()
            if not text and suggested is not None:
                return suggested
            if text == QUIT:
                return None
            if text == UNDO:
                return RETYPE
            if text in (SUSPEND, BURY, EDIT):
                return text
            if text.startswith("flag"):
                self._flag(card, text[4:].strip())
                continue
            if text == OVERRIDE and self.may_override:
                self.overridden, self.may_override, suggested = True, False, Rating.Good
                self.say("counted as right (you said so). rate it: enter = 3 good.")
                continue
            if text in ("1", "2", "3", "4"):
                return Rating(int(text))
            matches = [r for word, r in RATING_WORDS.items() if word.startswith(text)]
            if len(matches) == 1:
                return matches[0]
            how = "enter takes the suggested one" if suggested else "rate how well you knew it"
            self.say(f"type 1 (again), 2 (hard), 3 (good) or 4 (easy); {how}; undo takes this answer back; "
                     "suspend, bury, flag [0-4] or edit act on the card; q quits")

    def _edit(self, card) -> None:
        """Open the question in $VISUAL/$EDITOR; a valid edit is asked again, a broken one edited again or dropped."""
        path = card.bank.source_path
        if path is None:
            self.say("this bank was not loaded from a file: nothing to edit.")
            return
        edit = EditSession(path, card.question.id)
        while True:
            try:
                edit.run_editor()
            except NoEditor as exc:
                self.say(str(exc))
                return
            if not edit.changed:
                self.say("no change made; here is the card again.")
                return
            bank = edit.check()
            if bank is not None:
                break
            for problem in edit.problems:
                self.say(str(problem))
            choice = (self.ask("the bank has problems: e edits again, d discards your changes> ") or "").strip()
            if not choice.casefold().startswith("e"):
                edit.discard()
                self.say("your changes were discarded; the bank is as it was. here is the card again.")
                return
        bank._source_path = path
        with self.io.held():
            self.session.engine.replace_bank(bank)
        self.session.refresh_bank(bank)
        self.say("saved and checked; here is the card again.")

    def _flag(self, card, which: str) -> None:
        if which and not (which.isdigit() and int(which) < len(control.FLAGS)):
            self.say(f"flag takes 0 to {len(control.FLAGS) - 1} ({', '.join(control.FLAGS)}), or nothing for red")
            return
        flag = int(which) if which else 1
        control.set_flag(self.session.store, [card.card_id], flag)
        self.say(f"flag: {control.FLAGS[flag]}. now rate it.")

    def _undo(self) -> None:
        with self.io.held():
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
