"""What an importer gives back: banks as teacher-ordered dicts, and located notes on what it changed."""
from __future__ import annotations

from ..bank.cloze import completed

import re
import unicodedata
from dataclasses import dataclass, field

from ..bank.problems import Problem

SKIPPED, CONVERTED = "skipped", "converted"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG_WORDS = 6  # ids from text use its first words, so edits further on keep the id


@dataclass(frozen=True, order=True)
class Note:
    """Something an importer did not take over as it was: FILE:LINE:COL: warning: what and why."""

    file: str
    line: int
    column: int
    kind: str  # SKIPPED or CONVERTED
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: warning: {self.kind}: {self.message}"


class InputError(Exception):
    """The input cannot be read at all (broken syntax, a corrupt package): nothing is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


def slugify(text: str, *, words: int | None = None, fallback: str = "q") -> str:
    """A slug `[a-z0-9][a-z0-9-]*` from any text: accents folded, everything else a hyphen.

    Args:
        text: the title or text to derive it from.
        words: keep only this many words (ids of untitled questions).
        fallback: what to use when nothing is left.
    Returns:
        The slug, at most 60 characters.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = [p for p in _NON_SLUG.split(folded) if p]
    if words:
        parts = parts[:words]
    slug = "-".join(parts)[:60].strip("-")
    return slug or fallback


@dataclass
class Item:
    """One question read from an input file, not yet in a bank: its keys but id, and where it came from."""

    question: dict
    file: str
    at: tuple[int, int]
    id_source: str  # the title or text its id derives from
    words: int | None = None  # use only this many words of id_source (untitled questions)
    group: str | None = None  # GIFT category or Anki deck: a tag, or a bank of its own with --split


@dataclass
class ImportedBank:
    """One bank being built: its top-level keys and its questions, each a dict in the order a teacher writes."""

    id: str
    title: str
    questions: list[dict] = field(default_factory=list)
    deck: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    origins: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # (file, (line, column)) of each
    _ids: set[str] = field(default_factory=set)

    def add(self, question: dict, origin: tuple[str, tuple[int, int]], id_source: str, *, words: int | None = None) -> str:
        """Append a question with an id from id_source made unique in this bank (-2, -3... on a clash).

        Args:
            question: the question's keys but id, in writing order.
            origin: (file, (line, column)) of the question in the input, for the summary.
            id_source: title or text the id derives from (same source, same id: re-imports keep progress).
            words: how many words of id_source to use (None: all).
        Returns:
            The id given.
        """
        base = slugify(completed(id_source), words=words)
        qid, n = base, 1
        while qid in self._ids:
            n += 1
            qid = f"{base}-{n}"
        self._ids.add(qid)
        self.questions.append({"id": qid, **question})
        self.origins.append(origin)
        return qid

    def as_dict(self) -> dict:
        """The bank as YAML-ready data, keys in the order of the format reference."""
        data: dict = {"id": self.id, "title": self.title}
        if self.description:
            data["description"] = self.description
        if self.deck:
            data["deck"] = self.deck
        if self.tags:
            data["tags"] = list(self.tags)
        data["questions"] = self.questions
        return data


@dataclass
class ImportResult:
    """Banks read from one or more input files, and the notes on what was converted or skipped."""

    banks: list[ImportedBank] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # file name -> content, written beside the banks
    _seen: set[Note] = field(default_factory=set, repr=False)

    def note(self, file: str, at: tuple[int, int], kind: str, message: str) -> None:
        """Record a located warning (once: a text converted twice gives one note)."""
        note = Note(file, at[0], at[1], kind, message)
        if note not in self._seen:
            self._seen.add(note)
            self.notes.append(note)

    def count(self, kind: str) -> int:
        """How many notes of one kind."""
        return sum(1 for n in self.notes if n.kind == kind)
