"""Helpers for the hostile-input tests: run quizapp as a user would, and what every outcome must keep."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests_support import VALID, subprocess_env

VALID_TEXT = (VALID / "all-types.yaml").read_text(encoding="utf-8")


def quizapp(*args: str, cwd: Path | None = None, input: str | None = "", timeout: float = 60, **env):
    """Run `python -m quizapp ARGS` in a fresh process; a hang fails the test by its timeout."""
    return subprocess.run([sys.executable, "-m", "quizapp", *args], cwd=cwd, input=input, capture_output=True,
                          text=True, timeout=timeout, env=subprocess_env(**env))


def assert_refused(proc, *fragments: str) -> None:
    """A clear message and a non-zero exit: no traceback, no crash by signal, every fragment said."""
    out = proc.stdout + proc.stderr
    assert proc.returncode > 0, (proc.returncode, out[-2000:])
    assert "Traceback" not in out, out[-3000:]
    for fragment in fragments:
        assert fragment in out, (fragment, out[-2000:])


def bank_text(bank_id: str = "hostile") -> str:
    """A valid one-question bank."""
    lines = [f"id: {bank_id}", "title: Hostile", "questions:", "  - id: q1", "    type: true_false",
             "    prompt: Is this a bank?", "    answer: true"]
    return "\n".join(lines) + "\n"
