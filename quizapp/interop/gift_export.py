"""Banks as GIFT for Moodle: every question type GIFT can express, with its escaping.

Each question is titled with its id (`::id::`) and written in `[markdown]`, the bank's own text
format; the explanation is the general feedback (`####`).  Tags are Moodle's `// [tag:name]` comment
lines.  What GIFT has no place for (the supporting quote, `shuffle: false`, a unit, a cloze with several
deletions or a hint, a flashcard's `reverse`) goes into one `// quizapp: {json}` comment line: Moodle
ignores comments, and `quizapp import gift` reads it back, so bank → GIFT → bank gives the same questions.
"""
from __future__ import annotations

import json

from ..bank.cloze import fill
from .gift_read import escape

EXTRA_PREFIX = "quizapp:"


def _weight(n: int) -> str:
    value = 100 / n
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _number(value) -> str:
    return str(value) if isinstance(value, int) else format(value, ".15g")


def _answer_block(q, extra: dict, notes: list[str]) -> str | None:
    kind = q.type
    if kind == "multiple_choice":
        if not q.shuffle:
            extra["shuffle"] = False
        if q.multiple:
            share = _weight(len(q.answers))
            return " ".join(f"~%{share}%{escape(c)}" if c in q.answers else f"~%-100%{escape(c)}" for c in q.choices)
        return " ".join(("=" if c == q.answer else "~") + escape(c) for c in q.choices)
    if kind == "true_false":
        return "TRUE" if q.answer else "FALSE"
    if kind == "short_answer":
        for key in ("case_sensitive", "fuzzy"):
            default = type(q).model_fields[key].default
            if getattr(q, key) != default:
                extra[key] = getattr(q, key)
        if q.reject:
            extra["reject"] = list(q.reject)
        return " ".join("=" + escape(a) for a in (q.answer, *q.accept))
    if kind == "numeric":
        if q.unit:
            extra["unit"] = q.unit
        return f"#{_number(q.answer)}" + (f":{_number(q.tolerance)}" if q.tolerance else "")
    if kind == "ordering":
        return " ".join(f"={n} -> {escape(item)}" for n, item in enumerate(q.items, 1))
    if kind == "matching":
        return " ".join(f"={escape(left)} -> {escape(right)}" for left, right in q.pairs.items())
    if kind == "flashcard":
        extra["type"] = "flashcard"
        for key in ("reverse", "hint"):
            if getattr(q, key, None):
                extra[key] = getattr(q, key)
        return "=" + escape(q.back)
    notes.append(f"{q.id}: type {kind} has no GIFT form; not exported")
    return None


def _head(q, extra: dict, bank_tags: tuple[str, ...]) -> list[str]:
    # GIFT has no bank: the bank's tags go on each question, as `quizapp validate` would apply them.
    lines = [f"// [tag:{t}]" for t in dict.fromkeys((*bank_tags, *q.tags))]
    if q.quote:
        extra["quote"] = q.quote
    if extra:
        lines.append(_extras_line(extra))
    return lines


def _extras_line(extra: dict) -> str:
    return f"// {EXTRA_PREFIX} " + json.dumps(extra, ensure_ascii=False, sort_keys=True)


def _feedback(q) -> str:
    return f" ####{escape(q.explanation)}" if q.explanation else ""


def _cloze(q, notes: list[str], bank_tags: tuple[str, ...]) -> list[str]:
    """One missing-word question per deletion: that deletion is the blank, the others are filled in."""
    out = []
    numbers = q.card_numbers
    for n in numbers:
        found = q.gaps(n)
        if len(found) > 1:
            notes.append(f"{q.id}: deletion c{n} appears {len(found)} times; GIFT has one blank a question, "
                         "not exported")
            return []
        text = fill(q.text, lambda d: f"{{={escape(d.answer)}{_feedback(q)}}}" if d.number == n else escape(d.answer),
                    between=escape)
        # The whole cloze rides along, so that import gives it back as one question (Moodle ignores it).
        extra: dict = {"card": n, "cloze": q.text}
        title = q.id if len(numbers) == 1 else f"{q.id}-c{n}"
        if title != q.id:
            extra["id"] = q.id
        lines = _head(q, extra, bank_tags) if n == numbers[0] else [_extras_line(extra)]
        out.append("\n".join([*lines, f"::{title}::[markdown]{text}"]))
    return out


def export_gift(banks) -> tuple[str, list[str]]:
    """GIFT text for banks, and notes on what could not be written.

    Args:
        banks: Bank models; with more than one, each starts with `$CATEGORY: <its deck path>`.
    Returns:
        (the GIFT text, one note per question left out).
    """
    chunks: list[str] = []
    notes: list[str] = []
    for bank in banks:
        if len(banks) > 1:
            chunks.append("$CATEGORY: " + "/".join(p.strip() for p in bank.deck_path.split("::")))
        for q in bank.questions:
            if q.type == "cloze":
                chunks += _cloze(q, notes, bank.tags)
                continue
            extra: dict = {}
            block = _answer_block(q, extra, notes)
            if block is None:
                continue
            arrows = q.type in ("ordering", "matching")
            if not arrows and "->" in block:
                notes.append(f"{q.id}: an answer contains '->', which GIFT reads as matching; not exported")
                continue
            head = _head(q, extra, bank.tags)
            text = f"::{q.id}::[markdown]{escape(q.asked())} {{{block}{_feedback(q)}}}"
            chunks.append("\n".join([*head, text]))
    return "\n\n".join(chunks) + "\n", notes
