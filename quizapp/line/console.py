"""Line mode's conversation on text streams: sanitised output, capped input lines, answers asked for until
readable, and Ctrl+C that ends a session cleanly but never in the middle of saving an answer."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Callable, TextIO

from ..srs.checking import Given
from ..termtext import clean
from .layout import UnreadableAnswer, empty_answer, parse_line

MAX_LINE = 1000  # characters of one answer line; a longer line is refused (and read to its end in chunks)
_CHUNK = 65536
GIVE_UP_HINT = "type an answer (or press Enter on an empty line again to give up)"


class EndOfInput(Exception):
    """stdin closed: stop like `q`."""


class Command(Exception):
    """A command word typed at the answer prompt (`q`, `undo`), instead of an answer."""

    def __init__(self, word: str):
        super().__init__(word)
        self.word = word


class LineIO:
    """Prints and reads lines; every printed line goes through clean(), every read line is capped."""

    def __init__(self, inp: TextIO, out: TextIO):
        self.inp, self.out = inp, out
        self._held = 0
        self._pending = False

    def say(self, text: str = "") -> None:
        """Print one line (bank text included: it is sanitised here) and flush it to a piped reader."""
        self.out.write(clean(text) + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str | None:
        """Show `prompt` and read one line; None when the line was too long (the learner is told).

        Raises:
            EndOfInput: stdin is closed.
        """
        self.out.write(clean(prompt))
        self.out.flush()
        line = self.inp.readline(MAX_LINE + 1)
        if not line:
            self.say()
            raise EndOfInput
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while (rest := self.inp.readline(_CHUNK)) and not rest.endswith("\n"):
                pass  # the rest of an overlong line, in bounded pieces: memory stays flat
            self.say(f"that line is too long: answers are at most {MAX_LINE:,} characters.")
            return None
        return line.rstrip("\r\n")

    def ask_answer(self, card, layout, commands: tuple[str, ...], reminder: str) -> Given:
        """Ask until the line reads as an answer; an empty line asks again, a second one in a row gives up.

        Args:
            card: the card (or quiz item) being answered.
            layout: how it was shown.
            commands: words that are commands here, not answers (raised as Command).
            reminder: what to add to "could not read that" (the commands available).

        Returns:
            The answer in check_answer's shape (empty_answer when the learner gave up).
        """
        empties = 0
        while True:
            line = self.ask("answer> ")
            if line is None:
                empties = 0
                continue
            word = line.strip().casefold()
            if word in commands:
                raise Command(word)
            if not word and card.question.self_graded:
                return None  # Enter reveals the back: nothing to read
            if not word:
                empties += 1
                if empties >= 2:
                    return empty_answer(card, layout)
                self.say(GIVE_UP_HINT + ".")
                continue
            empties = 0
            try:
                return parse_line(card, layout, line)
            except UnreadableAnswer as exc:
                self.say(f"could not read that: {exc}. ({reminder})")

    # Ctrl+C -------------------------------------------------------------------------------------------

    @contextmanager
    def interrupts_as_keyboard_interrupt(self):
        """Within this block SIGINT raises KeyboardInterrupt, except inside held(), where it waits."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self._on_sigint)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    def _on_sigint(self, signum, frame) -> None:
        if self._held:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def held(self):
        """Ctrl+C waits until this block is done: an answer is saved and reported, or not saved at all."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._pending:
                self._pending = False
                raise KeyboardInterrupt


def run_interruptible(io: LineIO, body: Callable[[], None], summary: Callable[[], None]) -> bool:
    """Run body(); then, however it ends (done, q, end of input, Ctrl+C), print the summary.

    Returns:
        True when Ctrl+C ended it (the caller exits with status 130).
    """
    interrupted = False
    with io.interrupts_as_keyboard_interrupt():
        try:
            body()
        except EndOfInput:
            pass
        except KeyboardInterrupt:
            interrupted = True
        try:
            with io.held():
                if interrupted:
                    io.say()  # the terminal's ^C stays on a line of its own
                summary()
        except KeyboardInterrupt:  # a second Ctrl+C while the summary prints
            interrupted = True
    return interrupted
