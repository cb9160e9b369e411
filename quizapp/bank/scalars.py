"""The building blocks of bank models: text, slugs, bounded numbers, the frozen base model, lint settings."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat, StrictInt,
                      StringConstraints, field_validator)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LINT_CODE = re.compile(r"^QZ[0-9]{3}$")
# Bounds on every number a teacher writes, so whatever validates can be stored, scheduled and exported.
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


_Seq = TypeVar("_Seq", bound=Sequence[Any])


def unique(values: _Seq, what: str) -> _Seq:
    """values, checked to hold no value twice (a located `duplicate` error names the second one)."""
    seen: set[Any] = set()
    for i, v in enumerate(values):
        if v in seen:
            raise PydanticCustomError("duplicate", "duplicate {what} {value}", {"what": what, "value": repr(v), "at": (i,)})
        seen.add(v)
    return values


class LintSettings(Frozen):
    """Per-question settings of `quizapp lint`."""

    ignore: tuple[Annotated[str, Field(json_schema_extra={"pattern": LINT_CODE.pattern})], ...] = Field(
        (), description="Lint rule codes (QZ101...) not reported for this question")

    @field_validator("ignore")
    @classmethod
    def _codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for i, code in enumerate(v):
            if not LINT_CODE.match(code):
                raise PydanticCustomError("lint_code", "{value} is not a lint rule code (QZ101, QZ102...)",
                                          {"value": repr(code), "at": (i,)})
        return v
