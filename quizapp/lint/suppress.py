"""Suppressing lint findings: a question's `lint: {ignore: [...]}` key, or a YAML comment.

Comment convention: `# lint: ignore[QZ101, QZ104]` on any line of a question (from its `- id:` line
to the line before the next question) skips those rules for that question; `# lint: ignore-file[QZ112]`
anywhere skips them for the whole file.
"""
from __future__ import annotations

import bisect
import re

from .findings import parse_codes

_COMMENT = re.compile(r"#\s*lint:\s*ignore(-file)?\[([^\]]*)\]")


class Suppressions:
    """Which codes are suppressed where in one bank file."""

    def __init__(self, bank, text: str, question_lines: list[int]):
        self.file: set[str] = set()
        self.by_question: dict[int, set[str]] = {i: set(q.lint.ignore) if q.lint else set()
                                                  for i, q in enumerate(bank.questions)}
        if "lint:" not in text:
            return
        for number, line in enumerate(text.splitlines(), 1):
            for m in _COMMENT.finditer(line):
                codes = _codes(m.group(2))
                if m.group(1):
                    self.file |= codes
                    continue
                at = bisect.bisect_right(question_lines, number) - 1
                if at >= 0:
                    self.by_question[at] |= codes

    def suppressed(self, code: str, question: int | None) -> bool:
        """Whether a finding of code on question (None: the bank itself) is suppressed."""
        return code in self.file or (question is not None and code in self.by_question.get(question, ()))


def _codes(text: str) -> set[str]:
    try:
        return parse_codes(text)
    except ValueError:
        return set()  # an unknown code in a comment suppresses nothing; the key form is validated
