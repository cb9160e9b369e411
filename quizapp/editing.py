"""Editing a question in the learner's own editor ($VISUAL or $EDITOR), then checking the bank again.

Shared by the interfaces (the TUI's browser and study screens); the running of the editor is theirs, since the
TUI must hand the terminal over first.
"""
from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .bank.loader import load_paths
from .bank.positions import question_line


class NoEditor(Exception):
    """No editor could be started; the message says what to set."""


@dataclass
class EditSession:
    """One question being edited: the file as it was, so that a broken edit can be discarded."""

    path: Path
    question_id: str
    original: bytes = b""
    problems: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.original = self.path.read_bytes()

    def command(self) -> list[str]:
        """The editor's command line, opening the file at the question's line (`+LINE` as vi, nano, emacs take)."""
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            words = shlex.split(editor)
        except ValueError as exc:
            raise NoEditor(f"cannot read $EDITOR ({editor!r}): {exc}") from None
        return [*words, f"+{question_line(self.path, self.question_id)}", str(self.path)]

    def run_editor(self) -> None:
        """Run the editor and wait for it; NoEditor when it cannot be started."""
        command = self.command()
        try:
            subprocess.run(command, check=False)
        except OSError as exc:
            raise NoEditor(f"cannot start the editor {command[0]!r} ({exc.strerror or exc}); "
                           "set $EDITOR (or $VISUAL) to your editor") from None

    def check(self):
        """Validate the edited file from scratch: the bank, or None with self.problems set."""
        results, problems = load_paths([self.path], use_cache=False)
        self.problems = problems
        return results[0].bank if results and not problems else None

    def discard(self) -> None:
        """Put the file back exactly as it was before the edit."""
        self.path.write_bytes(self.original)

    @property
    def changed(self) -> bool:
        return self.path.read_bytes() != self.original
