"""Answers and feedback in plain words: what line mode prints after an answer, and the quiz score's
"Yours" and "Right" in both interfaces.

Plain text only (no markup); the caller sanitises on output (quizapp.termtext.clean)."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import cast

from ..bank.models import Bank, Question
from ..bank.questions import ORDER_JOIN, TrueFalse
from ..termtext import clean
from .checking import CheckResult, Given

GIVEN_LIMIT = 200  # characters of a typed answer repeated in feedback and the score report


def shorten(text: str, limit: int) -> str:
    """The learner's text as it may be repeated back: sanitised, and cut to `limit` characters.

    Args:
        text: what the learner typed (or a part of it).
        limit: the most characters to keep.

    Returns:
        The text, ending in "…" when it was cut.
    """
    text = clean(text)
    return text if len(text) <= limit else text[:limit] + "…"


def expected_words(question: Question, result: CheckResult) -> str:
    """The right answer in the words the card showed: True/False as its choices read, ordering joined by arrows.

    Args:
        question: the bank question.
        result: its CheckResult.

    Returns:
        One line of text.
    """
    return question.answer_words() or result.expected


def given_words(question: Question, given: Given) -> str:
    """The learner's answer in words, joined as the right answer is; "(no answer)" for a blank one.

    Args:
        question: the bank question.
        given: the answer as check_answer took it.

    Returns:
        One line of text; long typed text is cut (see line.layout.echo).
    """
    if given is None or given == "" or given == [] or given == {} or given == [""]:
        return "(no answer)"
    if question.type == "true_false":
        return TrueFalse.word(bool(given))
    # `given` has the shape checking.Given names for the question's type.
    if question.type == "ordering":
        return ORDER_JOIN.join(cast("Sequence[str]", given))
    if question.type == "matching":
        return "; ".join(f"{left} → {right}" for left, right in cast("Mapping[str, str]", given).items())
    if question.type == "multiple_choice":
        return ", ".join(cast("Collection[str]", given))
    parts = given if isinstance(given, list) else [given]
    return "; ".join(shorten(str(p), GIVEN_LIMIT) if str(p).strip() else "(blank)" for p in parts)


def yours_words(question: Question, given: Given, result: CheckResult) -> str:
    """The quiz score's "Yours": the answer in words, or for a self-marked flashcard that it was not known.

    Args:
        question: the bank question.
        given: the answer as check_answer took it (a flashcard's optional note).
        result: its CheckResult.

    Returns:
        One line of text.
    """
    if result.self_graded:
        note = given_words(question, given) if given else ""
        return "not known (self-marked)" + (f"; your note: {note}" if note else "")
    return given_words(question, given)


def _detail_lines(question: Question, given: Given, result: CheckResult) -> list[str]:
    if question.type == "multiple_choice":
        if not question.multiple:
            return [] if result.correct else [f"  you chose: {given_words(question, given)}"]
        chosen = set(cast("Collection[str] | None", given) or ())
        return [f"  {'ok    ' if ok else 'wrong ' if choice in chosen else 'missed'}  {choice}"
                for choice, ok in result.details]
    if question.type in ("ordering", "matching") or (question.type == "cloze" and len(result.details) > 1):
        return [f"  {'ok   ' if ok else 'wrong'}  {label}" for label, ok in result.details]
    return []


def feedback_lines(bank: Bank, question: Question, given: Given, result: CheckResult) -> list[str]:
    """Right or wrong, what was wrong, the right answer, the completed cloze sentence, explanation, quote, source.

    Args:
        bank: the question's Bank (for the quote's source).
        question: the bank question.
        given: the learner's answer as check_answer took it.
        result: its CheckResult.

    Returns:
        The lines to print, in order.
    """
    if result.self_graded:  # a flashcard: nothing was checked; the learner compares and rates
        lines = [f"back: {result.expected}"]
        if question.explanation:
            lines.append(f"explanation: {question.explanation}")
        return lines + quote_lines(bank, question)
    if result.correct:
        lines = ["right, accepted with a typo." if result.typo else "right."]
    else:
        lines = ["wrong."]
    if result.note:  # how the answer was read: "accepted with a typo: you wrote ...", "2,000,000 = 2 million"
        lines.append(result.note)
    lines += _detail_lines(question, given, result)
    if question.type == "ordering" and not result.correct:
        lines.append(f"yours:  {given_words(question, given)}")
    lines.append(f"answer: {expected_words(question, result)}")
    full = question.completed()
    if full is not None:  # a text with gaps: the sentence as the learner should remember it
        lines.append(f"in full: {full}")
    if question.explanation:
        lines.append(f"explanation: {question.explanation}")
    lines += quote_lines(bank, question)
    return lines


def quote_lines(bank: Bank, question: Question) -> list[str]:
    """The supporting quote and its source, as the TUI shows them after an answer (none without a quote)."""
    if not question.quote:
        return []
    return [f"quote: \u201c{question.quote}\u201d", f"  \u2014 {bank.citation()}"]
