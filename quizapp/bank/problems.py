"""Problems found in bank files, as data: file, line, column, message."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TypedDict, cast


class ProblemDict(TypedDict):
    """A problem as JSON (`validate --json`): the fields of Problem."""

    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: error: {self.message}"

    def as_dict(self) -> ProblemDict:
        return cast(ProblemDict, asdict(self))


class BankError(Exception):
    """Raised by the library API when a bank does not load; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))
