"""Problems found in bank files, as data: file, line, column, message."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "warning": reported, but the bank is still valid

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        """file, line, column and message; `severity` only for a warning (an error's keys stay as they were)."""
        out = asdict(self)
        if self.severity == "error":
            del out["severity"]
        return out


class BankError(Exception):
    """Raised by the library API when a bank does not load; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))
