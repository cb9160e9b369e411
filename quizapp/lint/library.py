"""Rules across the whole library: near-duplicate questions (QZ108), and the texts QZ105 tries as wrong answers."""
from __future__ import annotations

from collections.abc import Iterator

from ..bank.models import CLOZE_RE
from .quotes import answer_texts

# rapidfuzz token_sort_ratio (0-100) of "prompt | answer"; measured on the bundled course and hand-made
# rewordings: rephrased copies of one question score 85-100, distinct questions on one topic stay under 80.
DUPLICATE_SCORE = 85


def question_signature(q) -> str:
    """What a learner meets and answers: the prompt (a cloze's text, filled in) and the answer."""
    asked = (getattr(q, "prompt", None) or getattr(q, "front", None)
             or CLOZE_RE.sub(lambda m: m.group(2), getattr(q, "text", "")))
    answer = answer_texts(q)
    if q.type == "true_false":
        answer = ["true" if q.answer else "false"]
    elif q.type == "ordering":
        answer = list(q.items)
    elif q.type == "matching":
        answer = [f"{k} {v}" for k, v in q.pairs.items()]
    return f"{asked} | {' '.join(answer)}"


def bank_texts(bank) -> Iterator[str]:
    """Every text of a bank a learner reads: prompts, options, answers, items, pairs, quotes, explanations."""
    for q in bank.questions:
        yield from filter(None, (getattr(q, "prompt", None), getattr(q, "front", None), q.quote, q.explanation))
        if q.type == "cloze":
            yield CLOZE_RE.sub(lambda m: m.group(2), q.text)
        yield from answer_texts(q)
        yield from getattr(q, "choices", ())
        yield from getattr(q, "items", ())
        for left, right in getattr(q, "pairs", {}).items():
            yield left
            yield right


def near_duplicates(questions: list[tuple[int, int, object]]) -> Iterator[tuple[int, int, int, int, float]]:
    """Pairs of near-duplicate questions, each once, the later one first.

    Args:
        questions: (bank number, question index, question) over the whole library, in library order.

    Returns:
        (bank, index, other bank, other index, score) for each pair scoring DUPLICATE_SCORE or more.
    """
    if len(questions) < 2:
        return
    from rapidfuzz import fuzz, process
    # token_sort_ratio, with each signature's words sorted once instead of once per pair
    signatures = [" ".join(sorted(question_signature(q).casefold().split())) for _, _, q in questions]
    for a in range(1, len(questions)):
        for _, score, b in process.extract(signatures[a], signatures[:a], scorer=fuzz.ratio,
                                           score_cutoff=DUPLICATE_SCORE, limit=None):
            yield (*questions[a][:2], *questions[b][:2], float(score))
