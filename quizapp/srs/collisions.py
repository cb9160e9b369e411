"""Typo collisions in a bank: an accepted typo of one answer that is another real answer.

If "Kim Jong Un" were within typo reach of "Kim Jong Il", a learner who confused the two would be told
they were right.  The checking rules keep most of these apart; what is left is found here, for the
validator to warn about: a typo of an answer that is a choice of a multiple-choice question, an accepted
answer of another question, or a `reject` entry of another question.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..bank.models import Bank, Question
from .textmatch import words, words_typo


@dataclass(frozen=True)
class Collision:
    """An answer at `where` (a path into the bank's data) whose accepted typos include `other`."""

    where: tuple[str | int, ...]
    answer: str
    other: str
    what: str  # "a choice of question 'x'", "an accepted answer of question 'y'", ...
    cloze: bool = False  # the answer is a cloze gap, which has no `reject`

    @property
    def message(self) -> str:
        fix = ("cloze gaps always forgive typos: ask it as a short_answer with `reject` if the two must be told "
               "apart" if self.cloze else f"add {self.other!r} to `reject` (or set `fuzzy: false`)")
        return f"a typo of {self.answer!r} would accept {self.other!r}, {self.what}; {fix}"


_Typed = tuple[tuple[str | int, ...], Question, str, tuple[str, ...], bool]


def _typed_answers(bank: Bank) -> Iterator[_Typed]:
    """(path, question, answer, reject, case sensitive) for every answer a learner types and typos are forgiven on."""
    for i, q in enumerate(bank.questions):
        if q.type == "short_answer" and q.fuzzy:
            yield ("questions", i, "answer"), q, q.answer, q.reject, q.case_sensitive
            for k, a in enumerate(q.accept):
                yield ("questions", i, "accept", k), q, a, q.reject, q.case_sensitive
        elif q.type == "cloze":
            for ord in q.card_numbers:
                for a in q.answer_key(ord):
                    yield ("questions", i, "text"), q, a, (), False


def _known_answers(bank: Bank) -> Iterator[tuple[Question, str, str]]:
    """(question, text, what) for every other real answer in the bank a typo must not reach."""
    for q in bank.questions:
        if q.type == "multiple_choice":
            for c in q.choices:
                yield q, c, f"a choice of question {q.id!r}"
        elif q.type == "short_answer":
            for a in (q.answer, *q.accept):
                yield q, a, f"an accepted answer of question {q.id!r}"
            for r in q.reject:
                yield q, r, f"a reject entry of question {q.id!r}"
        elif q.type == "cloze":
            for ord in q.card_numbers:
                for a in q.answer_key(ord):
                    yield q, a, f"an accepted answer of question {q.id!r}"


def typo_collisions(bank: Bank) -> list[Collision]:
    """Every answer whose accepted typos reach another real answer of the bank, in bank order.

    Args:
        bank: a validated Bank.
    Returns:
        The collisions, at most one per answer and other text (as folded).
    """
    # Texts that fold alike are one candidate (a bank repeats its answers and choices), compared once; a typo
    # keeps the number of words and each word's first letter, so only texts alike in those are compared.
    # first letters -> folded words -> (question, text, what) of the texts that fold to them
    known: dict[tuple[str, ...], dict[tuple[str, ...], list[tuple[Question, str, str]]]] = defaultdict(dict)
    for q, text, what in _known_answers(bank):
        folded_words = words(text)
        known[tuple(w[:1] for w in folded_words)].setdefault(folded_words, []).append((q, text, what))
    out = []
    # folded answer -> the known texts within typo reach (answers repeat too)
    reach: dict[tuple[str, ...], list[tuple[tuple[str, ...], list[tuple[Question, str, str]]]]] = {}
    for where, q, answer, reject, _case in _typed_answers(bank):
        answer_words = words(answer)
        if answer_words not in reach:
            bucket = known.get(tuple(w[:1] for w in answer_words), {})
            reach[answer_words] = [(o, texts) for o, texts in bucket.items() if words_typo(answer_words, o)]
        if not reach[answer_words]:
            continue
        accepted = (q.answer, *q.accept) if q.type == "short_answer" else (answer,)
        ruled = {"".join(words(t)) for t in (*accepted, *reject)}  # same answers, and ones `reject` rules out
        for other_words, same_text in reach[answer_words]:
            if "".join(other_words) in ruled:
                continue
            # its own answers, gaps and reject entries are no collision
            other = next(((text, what) for other_q, text, what in same_text if other_q is not q), None)
            if other is not None:
                out.append(Collision(where, answer, *other, cloze=q.type == "cloze"))
    return out
