"""Smoke test: the real `quizapp` command in a real terminal (tmux), studying a few cards, then quitting."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from .conftest import ALL_TYPES, reviews

TMUX = shutil.which("tmux")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(TMUX is None, reason="tmux is not installed")]


class Terminal:
    """A detached tmux session of 80x24 running one command."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"quizapp-smoke-{uuid.uuid4().hex[:8]}"
        self.socket = self.name  # a tmux server of its own: other tmux users on the machine cannot disturb it
        exports = " ".join(f"{k}={shlex_quote(v)}" for k, v in env.items())
        shell = f"env {exports} {' '.join(map(shlex_quote, command))}"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", shell)
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=True,
                              timeout=30).stdout

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 45.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.screen()}")

    def exited(self, timeout: float = 15.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.tmux("list-panes", "-t", self.name, "-F", "#{pane_dead}").strip() == "1":
                return True
            time.sleep(0.1)
        return False

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def shlex_quote(text: str) -> str:
    import shlex
    return shlex.quote(text)


def test_study_a_few_cards_in_a_real_terminal(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(ALL_TYPES, library / ALL_TYPES.name)
    env = {k: os.environ[k] for k in ("QUIZAPP_DB", "QUIZAPP_CONFIG_DIR", "QUIZAPP_CACHE_DIR", "PATH")}
    env["TERM"] = "xterm-256color"
    terminal = Terminal([sys.executable, "-m", "quizapp", "--library", str(library)], env)
    try:
        terminal.wait_for("due today")  # banks and progress loaded
        terminal.send("/")
        terminal.send("-l", "every question")
        terminal.send("Enter")  # one bank found: Enter in the search studies it
        terminal.wait_for("What is the capital of South Korea?")
        terminal.send("1")  # pick option 1, whatever it is
        terminal.wait_for("Again 1m")
        terminal.send("3")
        terminal.wait_for("Which of these border North Korea?")
        terminal.send("1", "Enter")
        terminal.wait_for("Again 1m")
        terminal.send("1")
        shown = terminal.wait_for("A demilitarized zone separates")
        assert "2 done" in shown
        terminal.send("t")
        shown = terminal.wait_for("Right")
        terminal.send("Enter")  # the suggested rating, Good
        terminal.wait_for("Which king promulgated")
        terminal.send("Escape")  # ends the session: its summary
        terminal.wait_for("Session ended")
        terminal.send("Enter")  # back to the library
        terminal.wait_for("Learned")
        terminal.send("q")
        assert terminal.exited(), terminal.screen()
    finally:
        terminal.close()
    logged = reviews()
    assert [r[0] for r in logged] == ["capital", "koreas-border", "dmz-exists"]
    assert [r[2] for r in logged] == [3, 1, 3]
    assert logged[2][3] == 1  # true, and right


def test_edit_a_card_from_the_browser_in_a_real_editor(tmp_path):
    """The terminal is handed to $EDITOR (here a script that edits the file) and taken back after."""
    from .test_browser import _editor
    library = tmp_path / "library"
    library.mkdir()
    bank = library / ALL_TYPES.name
    shutil.copy(ALL_TYPES, bank)
    env = {k: os.environ[k] for k in ("QUIZAPP_DB", "QUIZAPP_CONFIG_DIR", "QUIZAPP_CACHE_DIR", "PATH")}
    env.update(TERM="xterm-256color",
               EDITOR=_editor(tmp_path, "A demilitarized zone separates the two Koreas.", "The DMZ splits Korea."))
    terminal = Terminal([sys.executable, "-m", "quizapp", "--library", str(library)], env)
    try:
        terminal.wait_for("due today")
        terminal.send("c")
        terminal.wait_for("cards · sorted by")
        terminal.wait_for("Answer: ")  # the highlighted card's details: the table is filled and has a cursor
        # No pause: `/` is a priority key, so the keys typed right after it go to the search box even while the
        # table is still being filled.
        terminal.send("/")
        terminal.send("-l", "id:dmz-exists")
        terminal.wait_for("id:dmz-exists")
        terminal.send("Enter")
        terminal.wait_for(" 1 of ")  # the status line: the search left one card
        terminal.send("e")
        shown = terminal.wait_for("The DMZ splits Korea.")
        assert " 1 of " in shown
        terminal.send("Escape")
        terminal.wait_for("due today")
        terminal.send("q")
        assert terminal.exited(), terminal.screen()
    finally:
        terminal.close()
    assert "The DMZ splits Korea." in bank.read_text(encoding="utf-8")
