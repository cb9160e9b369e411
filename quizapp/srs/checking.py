"""Answer checking for every question type, pure functions with per-item feedback."""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace

from fsrs import Rating
from rapidfuzz.distance import OSA

from .cards import cloze_answers, flashcard_sides


@dataclass(frozen=True)
class CheckResult:
    """Whether an answer is right, and what to show the learner about it."""

    correct: bool | None  # None: a self-graded card (flashcard) the learner has not graded yet
    typo: bool = False  # right only thanks to typo tolerance: "accepted with a typo"
    expected: str = ""  # the correct answer, human-readable (a flashcard's hidden side, as Markdown)
    details: tuple[tuple[str, bool], ...] = ()  # per item / pair / deletion: (label, ok)
    self_graded: bool = False  # nothing was checked: the learner's own rating is the grade

    @property
    def suggested(self) -> Rating | None:
        """Good when right, Again when wrong; None for a self-graded card (no rating is suggested)."""
        if self.correct is None:
            return None
        return Rating.Good if self.correct else Rating.Again


def self_marked(result: CheckResult, right: bool) -> CheckResult:
    """A self-graded result once the learner said whether they knew it (quiz mode)."""
    return replace(result, correct=right)


_EDGE_PUNCTUATION = " \t.,;:!?\"'()[]"


def normalize(text: str, case_sensitive: bool = False) -> str:
    """Compare answers the way a teacher would: ignore spacing, edge punctuation and (usually) case."""
    text = " ".join(unicodedata.normalize("NFKC", str(text)).split())
    text = text.strip(_EDGE_PUNCTUATION) or text  # an answer that is all punctuation ("?!") keeps it
    return text if case_sensitive else text.casefold()


def allowed_typos(length: int) -> int:
    """Edits forgiven for an answer of this length: none for short words, where one edit is another word."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    if length <= 15:
        return 2
    return 3


_DIGITS = re.compile(r"\d+")


def match_text(given: str, answers, *, case_sensitive: bool = False, fuzzy: bool = True) -> tuple[bool, bool]:
    """(correct, typo) for free text against accepted answers."""
    said = normalize(given, case_sensitive)
    if not said:
        return False, False
    wanted = [normalize(a, case_sensitive) for a in answers]
    if said in wanted:
        return True, False
    if not fuzzy:
        return False, False
    for w in wanted:
        # A wrong number is a wrong answer, never a typo (1998 is not 1999).
        if _DIGITS.findall(said) != _DIGITS.findall(w):
            continue
        # With case rules on, a difference in case alone is the mistake being tested.
        if case_sensitive and said.casefold() == w.casefold():
            continue
        limit = allowed_typos(len(w))
        if limit and OSA.distance(said, w, score_cutoff=limit) <= limit:
            return True, True
    return False, False


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}([, _\u00a0\u202f]\d{3})+(\.\d+)?$")


def parse_number(text: str, unit: str | None = None) -> float | None:
    """A typed number: "1,000", "1 000", "81 %", "25 million", "1,5" (decimal comma); None if not a number."""
    s = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-")
    for suffix in filter(None, (unit, "%")):
        if s.casefold().endswith(suffix.casefold()):
            s = s[: len(s) - len(suffix)].rstrip()
    if _THOUSANDS.match(s):
        s = re.sub(r"[, _\u00a0\u202f]", "", s)
    elif s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")  # decimal comma: "1,5"
    if not _NUMBER.match(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None


def _format_number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}" if abs(value) >= 1000 else f"{value:g}"


def _check_numeric(q, given) -> CheckResult:
    unit = f" {q.unit}" if q.unit else ""
    expected = _format_number(q.answer) + unit + (f" (± {_format_number(q.tolerance)})" if q.tolerance else "")
    value = parse_number(given, q.unit)
    if value is None:
        return CheckResult(False, expected=expected, details=((f"{given!r} is not a number", False),))
    # Float noise must not push an answer at the tolerance edge outside it.
    limit = q.tolerance + 1e-9 * max(1.0, abs(q.answer))
    return CheckResult(abs(value - q.answer) <= limit, expected=expected)


def _check_choices(q, given) -> CheckResult:
    chosen = {given} if isinstance(given, str) else set(given or ())
    answers = set(q.answers)
    details = tuple((c, (c in chosen) == (c in answers)) for c in q.choices if c in chosen or c in answers)
    return CheckResult(chosen == answers, expected=", ".join(q.answers), details=details)


def _check_true_false(q, given) -> CheckResult:
    if isinstance(given, str):
        given = {"true": True, "t": True, "yes": True, "y": True,
                 "false": False, "f": False, "no": False, "n": False}.get(normalize(given))
    return CheckResult(given is q.answer, expected="true" if q.answer else "false")


def _check_short(q, given) -> CheckResult:
    correct, typo = match_text(given or "", (q.answer, *q.accept), case_sensitive=q.case_sensitive, fuzzy=q.fuzzy)
    return CheckResult(correct, typo, expected=q.answer)


def _check_cloze(q, ord, given) -> CheckResult:
    answers = cloze_answers(q.text, ord)
    given = [given] if isinstance(given, str) else list(given or ())
    given += [""] * (len(answers) - len(given))
    results = [match_text(g, (a,)) for g, a in zip(given, answers)]
    details = tuple((g.strip() or "(blank)", ok) for g, (ok, _) in zip(given, results))
    return CheckResult(all(ok for ok, _ in results), any(t for _, t in results), "; ".join(answers), details)


def _check_ordering(q, given) -> CheckResult:
    given = list(given or ())
    details = tuple((f"{i + 1}. {g}", i < len(q.items) and g == q.items[i]) for i, g in enumerate(given))
    return CheckResult(tuple(given) == q.items, expected=" → ".join(q.items), details=details)


def _check_matching(q, given) -> CheckResult:
    given = dict(given or {})
    details = tuple((f"{left} → {given.get(left) or '?'}", given.get(left) == right) for left, right in q.pairs.items())
    expected = "; ".join(f"{left} → {right}" for left, right in q.pairs.items())
    return CheckResult(all(ok for _, ok in details), expected=expected, details=details)


def check_answer(question, ord: int, given) -> CheckResult:
    """Check a learner's answer; see the API notes for the shape of `given` per question type."""
    t = question.type
    if t == "multiple_choice":
        return _check_choices(question, given)
    if t == "true_false":
        return _check_true_false(question, given)
    if t == "short_answer":
        return _check_short(question, given)
    if t == "numeric":
        return _check_numeric(question, given)
    if t == "cloze":
        return _check_cloze(question, ord, given)
    if t == "ordering":
        return _check_ordering(question, given)
    if t == "matching":
        return _check_matching(question, given)
    if t == "flashcard":
        # `given` is the learner's note, never graded; the back is revealed and the learner rates.
        return CheckResult(None, expected=flashcard_sides(question, ord)[1], self_graded=True)
    raise ValueError(f"unknown question type {t!r}")
