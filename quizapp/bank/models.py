"""Typed, immutable models of bank format v1; the JSON Schema is generated from them.

The question types live in `questions` (each with what belongs to its type), scalars in `scalars`, cloze
parsing in `cloze`; this module is the bank and its source, and the one place to import any of them from.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .cloze import CLOZE_RE, MAX_CLOZE
from .questions import (QUESTION_TYPES, Cloze, Flashcard, Matching, MultipleChoice, Numeric, Ordering, Question,
                        QuestionBase, ShortAnswer, TrueFalse)
from .scalars import LINT_CODE, MAX_NUMBER, SLUG_PATTERN, Frozen, LintSettings, Slug, Text

__all__ = ["CLOZE_RE", "LINT_CODE", "MAX_CLOZE", "MAX_NUMBER", "QUESTION_TYPES", "SLUG_PATTERN", "Bank", "Cloze",
           "Flashcard", "LintSettings", "Matching", "MultipleChoice", "Numeric", "Ordering", "Question",
           "QuestionBase", "ShortAnswer", "Source", "TrueFalse"]


class Source(Frozen):
    """Where the bank's questions come from."""

    title: Text | None = None
    author: Text | None = None
    publisher: Text | None = None
    date: dt.date | None = Field(None, description="Publication date, ISO YYYY-MM-DD")
    url: Text | None = None
    file: Text | None = Field(None, description="Name of the source text file that the quotes come from")

    def citation_parts(self, default_title: str | None = None) -> list[tuple[str, str]]:
        """The parts of a citation that are set, in order, each as (what, text): title, author, publisher, date.

        The one builder of a citation: `Bank.citation` (plain text) and the Anki export's HTML only render these.

        Args:
            default_title: the title to give when the source has none.

        Returns:
            (what, text) pairs, what being "title", "author", "publisher" or "date" (ISO).
        """
        parts = (("title", self.title or default_title), ("author", self.author), ("publisher", self.publisher),
                 ("date", self.date.isoformat() if self.date else None))
        return [(what, text) for what, text in parts if text]


class Bank(Frozen):
    """One YAML file: a bank of questions."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="quizapp question bank (format v1)")

    id: Slug = Field(description="Stable id of the bank: learner progress and Anki GUIDs hang on it")
    title: Text
    description: Text | None = Field(None, description="Markdown")
    deck: Text | None = Field(None, description="Anki deck path, '::' separates sub-decks; default: the title")
    tags: tuple[Slug, ...] = Field((), description="Applied to every question")
    source: Source | None = None
    questions: tuple[Question, ...] = Field(min_length=1)
    # The file the bank was loaded from (set by the loader, not part of the format): what an edit opens.
    _source_path: Any = PrivateAttr(default=None)

    @property
    def source_path(self) -> Path | None:
        """The bank file this bank was loaded from, or None for a bank built in code."""
        path: Path | None = self._source_path
        return path

    def __eq__(self, other: object) -> bool:
        # The same bank is the same data wherever it was loaded from: pydantic would compare _source_path too.
        if not isinstance(other, Bank):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = Frozen.__hash__

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Bank:
        first: dict[str, int] = {}
        for i, q in enumerate(self.questions):
            if q.id in first:
                raise PydanticCustomError(
                    "duplicate_id", "duplicate question id {id} (first used by question {n})",
                    {"id": repr(q.id), "n": first[q.id] + 1, "at": ("questions", i, "id")})
            first[q.id] = i
        return self

    def citation(self, *, title_always: bool = False) -> str:
        """The quote's source as one line of plain text (not sanitised: callers clean it on output).

        Args:
            title_always: put the bank's title where the source has none (worksheets print it so).

        Returns:
            The source's parts joined by ", " (Source.citation_parts); the bank's title without a source.
        """
        if self.source is None:
            return self.title
        parts = self.source.citation_parts(self.title if title_always else None)
        return ", ".join(text for _, text in parts) or self.title

    @property
    def deck_path(self) -> str:
        return self.deck or self.title

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
