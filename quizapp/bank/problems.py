"""Problems found in bank files, as data: file, line, column, message."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TypedDict, cast

if TYPE_CHECKING:  # typing.NotRequired is Python 3.11+; annotations are not evaluated at run time
    from typing_extensions import NotRequired


class ProblemDict(TypedDict):
    """A problem as JSON (`validate --json`): the fields of Problem, severity only for a warning."""

    file: str
    line: int
    column: int
    message: str
    severity: NotRequired[str]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "warning": reported, but the bank is still valid

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> ProblemDict:
        """file, line, column and message; `severity` only for a warning (an error's keys stay as they were)."""
        out = cast(ProblemDict, asdict(self))
        if self.severity == "error":
            del out["severity"]
        return out


class BankError(Exception):
    """Raised by the library API when a bank does not load; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))
