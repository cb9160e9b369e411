"""Typed, immutable models of bank format v1; the JSON Schema is generated from them."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StrictBool,
                      StrictFloat, StrictInt, StringConstraints, field_validator, model_validator)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LINT_CODE = re.compile(r"^QZ[0-9]{3}$")
# ASCII digits only: Anki reads `{{c١::...}}` (an Arabic-Indic one) as plain text, not a deletion.
CLOZE_RE = re.compile(r"\{\{c([0-9]+)::(.*?)(?:::(.*?))?\}\}", re.S)
# Bounds on every number a teacher writes, so whatever validates can be stored, scheduled and exported.
MAX_CLOZE = 500  # {{c1::...}} to {{c500::...}}: a card ordinal, stored as an SQLite integer and Anki's card ord
MAX_NUMBER = 10**15  # numeric answers and tolerances: below 2**53, so every integer is exact as a float


def _to_text(value: Any) -> Any:
    # YAML turns `1999` or `2018-04-06` into numbers and dates; as text they are meant
    # literally.  Booleans are refused instead: `yes`/`no` becoming True is a YAML trap.
    if isinstance(value, bool):
        raise PydanticCustomError("text_bool", "expected text, got boolean {value}; put it in quotes",
                                  {"value": str(value).lower()})
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        # Stripped here, before the length check: StringConstraints checks min_length on the unstripped
        # text, so "  " passed as an empty prompt.
        return value.strip()
    return value


Text = Annotated[str, BeforeValidator(_to_text), StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def _bounded(value: int | float) -> int | float:
    if not -MAX_NUMBER <= value <= MAX_NUMBER:  # also false for nan; inf is out of range
        raise PydanticCustomError("number_range", "{value} is out of range: a number in a bank is finite and "
                                  "between -10^15 and 10^15", {"value": str(value)})
    return value


Number = Annotated[Union[StrictInt, StrictFloat], AfterValidator(_bounded),
                   Field(json_schema_extra={"minimum": -MAX_NUMBER, "maximum": MAX_NUMBER})]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(values, what: str):
    seen = set()
    for i, v in enumerate(values):
        if v in seen:
            raise PydanticCustomError("duplicate", "duplicate {what} {value}", {"what": what, "value": repr(v), "at": (i,)})
        seen.add(v)
    return values


class Source(Frozen):
    """Where the bank's questions come from."""

    title: Text | None = None
    author: Text | None = None
    publisher: Text | None = None
    date: dt.date | None = Field(None, description="Publication date, ISO YYYY-MM-DD")
    url: Text | None = None
    file: Text | None = Field(None, description="Name of the source text file that the quotes come from")


class LintSettings(Frozen):
    """Per-question settings of `quizapp lint`."""

    ignore: tuple[Annotated[str, Field(json_schema_extra={"pattern": LINT_CODE.pattern})], ...] = Field(
        (), description="Lint rule codes (QZ101...) not reported for this question")

    @field_validator("ignore")
    @classmethod
    def _codes(cls, v):
        for i, code in enumerate(v):
            if not LINT_CODE.match(code):
                raise PydanticCustomError("lint_code", "{value} is not a lint rule code (QZ101, QZ102...)",
                                          {"value": repr(code), "at": (i,)})
        return v


class QuestionBase(Frozen):
    id: Slug = Field(description="Stable id, unique within the bank: progress and Anki notes hang on it")
    explanation: Text | None = Field(None, description="Markdown shown after answering")
    quote: Text | None = Field(None, description="Verbatim supporting passage from the source")
    tags: tuple[Slug, ...] = ()
    lint: LintSettings | None = Field(None, description="quizapp lint: rules to skip for this question")

    @property
    def card_numbers(self) -> tuple[int, ...]:
        """Card ordinals: (0,) for one card per question; cloze overrides."""
        return (0,)


class MultipleChoice(QuestionBase):
    type: Literal["multiple_choice"]
    prompt: Text
    choices: tuple[Text, ...] = Field(min_length=2, max_length=8)
    answer: Union[Text, tuple[Text, ...]] = Field(description="One of the choices, or a list for select-all-that-apply")
    shuffle: StrictBool = True

    @field_validator("choices")
    @classmethod
    def _unique_choices(cls, v):
        return _unique(v, "choice")

    @field_validator("answer")
    @classmethod
    def _answer_in_choices(cls, v, info):
        choices = info.data.get("choices")
        answers = (v,) if isinstance(v, str) else v
        if not answers:
            raise PydanticCustomError("empty_answer", "answer list is empty")
        _unique(answers, "answer")
        if choices is not None:
            for i, a in enumerate(answers):
                if a not in choices:
                    at = () if isinstance(v, str) else (i,)
                    raise PydanticCustomError("answer_not_in_choices", "answer {value} is not among the choices",
                                              {"value": repr(a), "at": at})
        return v

    @property
    def answers(self) -> tuple[str, ...]:
        return (self.answer,) if isinstance(self.answer, str) else self.answer

    @property
    def multiple(self) -> bool:
        return not isinstance(self.answer, str)


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    prompt: Text
    answer: StrictBool


class ShortAnswer(QuestionBase):
    type: Literal["short_answer"]
    prompt: Text
    answer: Text
    accept: tuple[Text, ...] = Field((), description="More accepted answers")
    reject: tuple[Text, ...] = Field((), description="Known wrong near-misses, never accepted (not even as a typo)")
    case_sensitive: StrictBool = False
    fuzzy: StrictBool = Field(True, description="Accept small typos")

    @field_validator("reject")
    @classmethod
    def _reject_is_not_accepted(cls, v, info):
        accepted = {" ".join(a.casefold().split()) for a in (info.data.get("answer") or "", *info.data.get("accept", ()))}
        for i, entry in enumerate(v):
            if " ".join(entry.casefold().split()) in accepted:
                raise PydanticCustomError("reject_accepted", "reject entry {value} is also an accepted answer",
                                          {"value": repr(entry), "at": (i,)})
        return v


class Numeric(QuestionBase):
    type: Literal["numeric"]
    prompt: Text
    answer: Number
    tolerance: Number = Field(0, ge=0, json_schema_extra={"minimum": 0}, description="Absolute tolerance")
    unit: Text | None = None


class Cloze(QuestionBase):
    type: Literal["cloze"]
    text: Text = Field(description="Text with Anki cloze deletions {{c1::answer}} or {{c1::answer::hint}}")

    @field_validator("text")
    @classmethod
    def _has_deletion(cls, v):
        if not CLOZE_RE.search(v):
            raise PydanticCustomError("no_cloze", "cloze text has no {{c1::...}} deletion")
        for m in CLOZE_RE.finditer(v):
            if not m.group(2).strip():
                raise PydanticCustomError("empty_cloze", "cloze deletion c{n} is empty", {"n": m.group(1)})
            if int(m.group(1)) == 0:
                raise PydanticCustomError("cloze_zero", "cloze numbers start at c1, found c0")
            if int(m.group(1)) > MAX_CLOZE:
                raise PydanticCustomError("cloze_range", "cloze number c{n} is too large: cloze numbers go from "
                                          "c1 to c{max}", {"n": m.group(1), "max": MAX_CLOZE})
        return v

    @property
    def card_numbers(self) -> tuple[int, ...]:
        return tuple(sorted({int(m.group(1)) for m in CLOZE_RE.finditer(self.text)}))


class Ordering(QuestionBase):
    type: Literal["ordering"]
    prompt: Text
    items: tuple[Text, ...] = Field(min_length=2, max_length=10, description="In the correct order")

    @field_validator("items")
    @classmethod
    def _unique_items(cls, v):
        return _unique(v, "item")


class Matching(QuestionBase):
    type: Literal["matching"]
    prompt: Text
    pairs: dict[Text, Text] = Field(min_length=2, max_length=10, description="Left-hand item: its match")

    @field_validator("pairs")
    @classmethod
    def _unique_right(cls, v):
        seen: dict[str, str] = {}
        for left, right in v.items():
            if right in seen:
                raise PydanticCustomError("duplicate_match", "{right} is the match of both {a} and {b}",
                                          {"right": repr(right), "a": repr(seen[right]), "b": repr(left), "at": (left,)})
            seen[right] = left
        return v


class Flashcard(QuestionBase):
    """A front and a back; the learner reveals the back and grades themselves (nothing is checked)."""

    type: Literal["flashcard"]
    front: Text = Field(description="Markdown shown first")
    back: Text = Field(description="Markdown revealed on demand")
    reverse: StrictBool = Field(False, description="Also a second card, back to front (buried as a sibling)")
    hint: Text | None = Field(None, description="Markdown the learner may show before revealing the back")

    @property
    def card_numbers(self) -> tuple[int, ...]:
        """Card 0 asks front to back; card 1, with reverse, asks back to front."""
        return (0, 1) if self.reverse else (0,)


Question = Annotated[Union[MultipleChoice, TrueFalse, ShortAnswer, Numeric, Cloze, Ordering, Matching, Flashcard],
                     Field(discriminator="type")]
QUESTION_TYPES = {m.model_fields["type"].annotation.__args__[0]: m
                  for m in (MultipleChoice, TrueFalse, ShortAnswer, Numeric, Cloze, Ordering, Matching, Flashcard)}


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
    def source_path(self):
        """The bank file this bank was loaded from, or None for a bank built in code."""
        return self._source_path

    def __eq__(self, other: object) -> bool:
        # The same bank is the same data wherever it was loaded from: pydantic would compare _source_path too.
        if not isinstance(other, Bank):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = Frozen.__hash__

    @model_validator(mode="after")
    def _unique_question_ids(self):
        first: dict[str, int] = {}
        for i, q in enumerate(self.questions):
            if q.id in first:
                raise PydanticCustomError(
                    "duplicate_id", "duplicate question id {id} (first used by question {n})",
                    {"id": repr(q.id), "n": first[q.id] + 1, "at": ("questions", i, "id")})
            first[q.id] = i
        return self

    @property
    def deck_path(self) -> str:
        return self.deck or self.title

    def question(self, question_id: str):
        return next((q for q in self.questions if q.id == question_id), None)
