"""What GIFT comment lines carry: Moodle's `// [tag:name]` and quizapp's own `// quizapp: {json}` extras.

`export gift` writes the extras for what GIFT cannot say (see gift_export); they are applied on import
only where the visible question still agrees with them, so a hand-edited question is taken as edited.
"""
from __future__ import annotations

import json
import re

from ..bank.cloze import deletions as cloze_deletions
from .gift_export import EXTRA_PREFIX
from .result import slugify

_TAG = re.compile(r"\[tag:([^\]]+)\]")
# Keys an extra may set, by the question type it applies to.
_KEYS = {"multiple_choice": ("shuffle",), "short_answer": ("case_sensitive", "fuzzy", "reject"), "numeric": ("unit",)}


def comment_tags(comments: tuple[str, ...]) -> list[str]:
    """Tags from `[tag:name]` comments, as slugs."""
    return [slugify(m.group(1)) for c in comments for m in _TAG.finditer(c)]


def comment_extras(comments: tuple[str, ...]) -> dict:
    """The `quizapp: {...}` comment's keys (empty when absent or not a JSON object)."""
    for c in comments:
        if c.startswith(EXTRA_PREFIX):
            try:
                data = json.loads(c[len(EXTRA_PREFIX):])
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def apply_extras(question: dict, extras: dict) -> dict | None:
    """The question with the extras put back; None when it is a later part of a cloze already taken whole.

    Args:
        question: the question as read from the visible GIFT.
        extras: from comment_extras.
    Returns:
        The question (possibly now a cloze or flashcard), or None to leave it out.
    """
    if isinstance(extras.get("quote"), str):
        question["quote"] = extras["quote"]
    for key in _KEYS.get(question["type"], ()):
        value = extras.get(key)
        if isinstance(value, (bool, str)) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            question[key] = value
    cloze, card = extras.get("cloze"), extras.get("card")
    if isinstance(cloze, str) and isinstance(card, int) and question["type"] in ("cloze", "short_answer"):
        typed = question.get("answer") or next((d.answer for d in cloze_deletions(question.get("text", ""))), None)
        deletions = {d.number: d.answer for d in cloze_deletions(cloze)}
        if deletions.get(card) == typed:
            if card != min(deletions):
                return None
            keep = {k: question[k] for k in ("explanation", "quote", "tags") if k in question}
            return {"type": "cloze", "text": cloze, **keep}
    if extras.get("type") == "flashcard" and question["type"] == "short_answer" and not question.get("accept"):
        card = {"type": "flashcard", "front": question["prompt"], "back": question["answer"]}
        for key in ("reverse", "hint"):
            if extras.get(key):
                card[key] = extras[key]
        return {**card, **{k: question[k] for k in ("explanation", "quote", "tags") if k in question}}
    return question
