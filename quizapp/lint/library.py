"""Rules across the whole library: near-duplicate questions (QZ108), and the texts QZ105 tries as wrong answers."""
from __future__ import annotations

from collections.abc import Iterator


# rapidfuzz token_sort_ratio (0-100) of "prompt | answer". Measured on the bundled course (232 questions):
# no pair reaches 75; the two pairs of the review's cross-bank duplicates that keep their answer score 71-72
# (Baby V.O.X. 2003, the 90% survey), while distinct questions with one answer (200 jailed / 200 surveyed)
# score 63. Hand-made rewordings of one question score 85 and more.
DUPLICATE_SCORE = 85
SAME_ANSWER_SCORE = 65  # enough when both ask for the same answer


def question_signature(q) -> str:
    """What a learner meets and answers, as one text to compare.

    Args:
        q: any question model.

    Returns:
        "prompt | answer": a cloze's text filled in, a flashcard's front; items or pairs for ordering and matching.
    """
    asked = q.completed() or q.asked()
    answer = q.answer_texts()
    if q.type == "true_false":
        answer = [q.word(q.answer).lower()]
    elif q.type == "ordering":
        answer = list(q.items)
    elif q.type == "matching":
        answer = [f"{k} {v}" for k, v in q.pairs.items()]
    return f"{asked} | {' '.join(answer)}"


def _answer_key(q) -> frozenset[str]:
    """The content words of q's answer (empty where there is no single answer to compare)."""
    from .words import content_words
    return frozenset().union(*(content_words(a) for a in q.answer_texts())) if q.answer_texts() else frozenset()


def bank_texts(bank) -> Iterator[str]:
    """What a bank asks and offers: prompts, options, answers, items, pairs (quotes and explanations repeat
    the source text, which the caller adds when it has it)."""
    for q in bank.questions:
        yield from filter(None, (getattr(q, "prompt", None), getattr(q, "front", None)))
        full = q.completed()
        if full is not None:
            yield full
        yield from q.answer_texts()
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
    keys = [_answer_key(q) for _, _, q in questions]
    for a in range(1, len(questions)):
        for _, score, b in process.extract(signatures[a], signatures[:a], scorer=fuzz.ratio,
                                           score_cutoff=SAME_ANSWER_SCORE, limit=None):
            if score >= DUPLICATE_SCORE or (keys[a] and keys[a] == keys[b]):
                yield (*questions[a][:2], *questions[b][:2], float(score))
