"""Answer checking for every question type, pure functions with per-item feedback."""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Union, cast

from fsrs import Rating

from .quantities import Unit, read_quantity
from .textmatch import TextMatch, folded, match_text

if TYPE_CHECKING:
    from ..bank.models import (Cloze, Flashcard, Matching, MultipleChoice, Numeric, Ordering, Question, ShortAnswer,
                               TrueFalse)

# What a learner gave, `given`, by question type (None, or an empty value: no answer, which is wrong):
#   multiple_choice  the chosen choice's text; for select-all, a collection of the chosen texts
#   true_false       True or False, or a word for them: true/t/yes/y, false/f/no/n (any case)
#   short_answer     the typed text
#   numeric          the typed text ("1,000", "81 %", "25 million"); a number is read through str()
#   cloze            the text for each deletion of the card, in order (a lone str for a single deletion)
#   ordering         the items, as texts, in the learner's order
#   matching         {left item: the right item chosen for it}
#   flashcard        the learner's note, never graded
Given = Union[str, bool, int, float, Collection[str], Mapping[str, str], None]


@dataclass(frozen=True)
class CheckResult:
    """Whether an answer is right, and what to show the learner about it."""

    correct: bool | None  # None: a self-graded card (flashcard) the learner has not graded yet
    typo: bool = False  # right only thanks to typo tolerance: "accepted with a typo"
    expected: str = ""  # the correct answer, human-readable (a flashcard's hidden side, as Markdown)
    details: tuple[tuple[str, bool], ...] = ()  # per item / pair / deletion: (label, ok)
    self_graded: bool = False  # nothing was checked: the learner's own rating is the grade
    note: str = ""  # how the answer was read: "accepted with a typo: you wrote 'Sejong teh Great'"

    @property
    def suggested(self) -> Rating | None:
        """Good when right, Again when wrong; None for a self-graded card (no rating is suggested)."""
        if self.correct is None:
            return None
        return Rating.Good if self.correct else Rating.Again


def self_marked(result: CheckResult, right: bool) -> CheckResult:
    """A self-graded result once the learner said whether they knew it (quiz mode)."""
    return replace(result, correct=right)


def parse_number(text: str, unit: str | None = None) -> float | None:
    """A typed number in the unit's own terms ("1,000", "81 %", "25 million" for unit million), or None."""
    reading = read_quantity(text, Unit.parse(unit))
    if reading.problem or not reading.values:
        return None
    return reading.values[0] / Unit.parse(unit).scale


# A calendar year is written without a thousands separator ("2014 year", never "2,014 year").
_YEAR_UNITS = {"year", "years", "yr", "yrs"}


def _format_number(value: float, grouped: bool = True) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if not grouped:
        return str(value) if isinstance(value, int) else f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}" if abs(value) >= 1000 else f"{value:g}"


def _check_numeric(q: Numeric, given: Given) -> CheckResult:
    unit = f" {q.unit}" if q.unit else ""
    keyed = _format_number(q.answer, grouped=(q.unit or "").strip().casefold() not in _YEAR_UNITS) + unit
    expected = keyed + (f" (± {_format_number(q.tolerance)})" if q.tolerance else "")
    text = str(given or "").strip()
    parsed = Unit.parse(q.unit)
    reading = read_quantity(text, parsed)
    if reading.problem:
        how = f"{reading.problem}{f' (in {q.unit})' if q.unit else ''}"
        return CheckResult(False, expected=expected, details=((f"{text!r}: {how}", False),),
                           note=f"could not read {text!r}: {how}")
    if reading.wrong_unit:
        return CheckResult(False, expected=expected, note=f"{reading.wrong_unit} is not {q.unit}")
    # Float noise must not push an answer at the tolerance edge outside it.
    target = q.answer * parsed.scale
    limit = (q.tolerance + 1e-9 * max(1.0, abs(q.answer))) * parsed.scale
    hit = next((v for v in reading.values if abs(v - target) <= limit), None)
    if hit is None:
        written = _format_number(reading.values[0])
        note = f"you wrote {text} = {written}" if reading.scaled else ""
        return CheckResult(False, expected=expected, note=note)
    # Honest feedback when the learner's form is not the keyed one: "right: 2,000,000 = 2 million people".
    scale_match = re.match(r"(?:\s*(?:thousand|million|billion|trillion)\b)*", q.unit or "")
    assert scale_match is not None  # zero or more words: it always matches
    scale_words = scale_match.group()
    forms = {_squash(f) for f in (keyed, str(q.answer), _format_number(q.answer),
                                  _format_number(q.answer).replace(",", ""), f"{q.answer}{scale_words}")}
    return CheckResult(True, expected=expected, note="" if _squash(text) in forms else f"right: {text} = {keyed}")


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text).casefold()


def _typo_note(given: str, match: TextMatch) -> str:
    return f"accepted with a typo: you wrote {given.strip()!r}" if match.typo else ""


def _check_choices(q: MultipleChoice, given: str | Collection[str] | None) -> CheckResult:
    chosen = {given} if isinstance(given, str) else set(given or ())
    answers = set(q.answers)
    details = tuple((c, (c in chosen) == (c in answers)) for c in q.choices if c in chosen or c in answers)
    return CheckResult(chosen == answers, expected=", ".join(q.answers), details=details)


def _check_true_false(q: TrueFalse, given: Given) -> CheckResult:
    if isinstance(given, str):
        given = q.read(folded(given))
    return CheckResult(given is q.answer, expected=q.word(q.answer).lower())


def _check_short(q: ShortAnswer, given: str | None) -> CheckResult:
    given = given or ""
    match = match_text(given, (q.answer, *q.accept), case_sensitive=q.case_sensitive, fuzzy=q.fuzzy,
                       reject=q.reject)
    note = _typo_note(given, match) or (f"{given.strip()!r} is a different answer" if match.rejected else "")
    return CheckResult(match.correct, match.typo, expected=q.answer, note=note)


def _check_cloze(q: Cloze, ord: int, given: str | Sequence[str] | None) -> CheckResult:
    answers = q.answer_key(ord)
    texts = [given] if isinstance(given, str) else list(given or ())
    texts += [""] * (len(answers) - len(texts))
    results = [match_text(g, (a,)) for g, a in zip(texts, answers)]
    details = tuple((g.strip() or "(blank)", m.correct) for g, m in zip(texts, results))
    notes = "; ".join(filter(None, (_typo_note(g, m) for g, m in zip(texts, results) if m.correct)))
    return CheckResult(all(m.correct for m in results), any(m.typo for m in results), "; ".join(answers), details,
                       note=notes)


def _check_ordering(q: Ordering, given: Sequence[str] | None) -> CheckResult:
    order = list(given or ())
    details = tuple((f"{i + 1}. {g}", i < len(q.items) and g == q.items[i]) for i, g in enumerate(order))
    return CheckResult(tuple(order) == q.items, expected=" → ".join(q.items), details=details)


def _check_matching(q: Matching, given: Mapping[str, str] | None) -> CheckResult:
    chosen = dict(given or {})
    details = tuple((f"{left} → {chosen.get(left) or '?'}", chosen.get(left) == right) for left, right in q.pairs.items())
    expected = "; ".join(f"{left} → {right}" for left, right in q.pairs.items())
    return CheckResult(all(ok for _, ok in details), expected=expected, details=details)


def check_answer(question: Question, ord: int, given: Given) -> CheckResult:
    """Check a learner's answer.

    Args:
        question: the bank question.
        ord: the card of the question (a cloze deletion number, a flashcard's side).
        given: what the learner gave, shaped by question type as `Given` above says.

    Returns:
        The CheckResult: right or wrong (None for a self-graded flashcard), with feedback.
    """
    t = question.type
    if t == "multiple_choice":
        return _check_choices(cast("MultipleChoice", question), cast("str | Collection[str] | None", given))
    if t == "true_false":
        return _check_true_false(cast("TrueFalse", question), given)
    if t == "short_answer":
        return _check_short(cast("ShortAnswer", question), cast("str | None", given))
    if t == "numeric":
        return _check_numeric(cast("Numeric", question), given)
    if t == "cloze":
        return _check_cloze(cast("Cloze", question), ord, cast("str | Sequence[str] | None", given))
    if t == "ordering":
        return _check_ordering(cast("Ordering", question), cast("Sequence[str] | None", given))
    if t == "matching":
        return _check_matching(cast("Matching", question), cast("Mapping[str, str] | None", given))
    if t == "flashcard":
        # `given` is the learner's note, never graded; the back is revealed and the learner rates.
        return CheckResult(None, expected=cast("Flashcard", question).sides(ord)[1], self_graded=True)
    raise ValueError(f"unknown question type {t!r}")
