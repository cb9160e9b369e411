"""Problems found in bank files, as data: file, line, column, message."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, TypedDict, cast

if TYPE_CHECKING:  # typing.NotRequired is Python 3.11+; annotations are not evaluated at run time
    from typing_extensions import NotRequired

    from .positions import Locator


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


class ProblemCollector:
    """The problems of one bank file, each placed by where it is in the file: `problems.at(path, message)`.

    Bound to its file and that file's Locator, so the code that finds a problem says only what is wrong and
    where in the data; the same problem (place and message) found twice is kept once.
    """

    def __init__(self, file: str, locator: Locator) -> None:
        self.file = file
        self.locator = locator
        self.found: list[Problem] = []
        self._seen: set[tuple[int, int, str, str]] = set()

    def at(self, path: tuple[Any, ...], message: str, *, key: bool = False, severity: str = "error") -> None:
        """Add a problem at the value at path in the file (its key with key=True; the nearest parent found).

        Args:
            path: mapping keys and list indexes from the top of the file, e.g. ("questions", 2, "answer").
            message: what is wrong, in a teacher's words.
            key: place the problem on the key rather than its value (an unknown key).
            severity: "error", or "warning" for a bank that stays valid.
        """
        self.at_position(*self.locator.at(path, key=key), message, severity=severity)

    def at_position(self, line: int, column: int, message: str, *, severity: str = "error") -> None:
        """Add a problem at a line and column found by the YAML layer (1-based)."""
        seen = (line, column, message, severity)
        if seen not in self._seen:
            self._seen.add(seen)
            self.found.append(Problem(self.file, line, column, message, severity))
