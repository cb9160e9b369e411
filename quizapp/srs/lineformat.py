"""Cards as plain text lines, and typed lines back into answers: the line mode's screen-reader-friendly form."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from ..bank.models import CLOZE_RE
from .cards import flashcard_hint, flashcard_sides

LETTERS = string.ascii_lowercase


class UnreadableAnswer(ValueError):
    """The typed line cannot be read as an answer of this kind; the message says what is expected."""


@dataclass
class Layout:
    """How a card was shown: the (shuffled) order the learner's numbers and letters refer to."""

    lines: list[str]
    options: list[str] = field(default_factory=list)  # choices, or ordering items, or matching right-hand side
    lefts: list[str] = field(default_factory=list)  # matching left-hand side
    gaps: int = 1


def _shuffled(items, rng, shuffle: bool = True) -> list[str]:
    items = list(items)
    if not shuffle or len(items) < 2:
        return items
    original = list(items)
    while items == original:  # a "shuffle" that gives the answer away teaches nothing
        rng.shuffle(items)
    return items


def cloze_display(text: str, ord: int) -> str:
    """The cloze text with deletion `ord` as [...] (or [hint...]) and the others shown."""
    def show(m: re.Match) -> str:
        if int(m.group(1)) != ord:
            return m.group(2)
        return f"[{m.group(3).strip()}...]" if m.group(3) else "[...]"
    return CLOZE_RE.sub(show, text)


def layout_card(card, rng) -> Layout:
    """The lines that show a card, with what its numbers/letters stand for."""
    q = card.question
    t = q.type
    if t == "multiple_choice":
        options = _shuffled(q.choices, rng, q.shuffle)
        how = "select all that apply: type their numbers, e.g. 1 3" if q.multiple else "type its number"
        return Layout([q.prompt, *(f"  {i}. {c}" for i, c in enumerate(options, 1)), f"({how})"], options)
    if t == "true_false":
        return Layout([q.prompt, "(true or false: t or f)"])
    if t == "short_answer":
        return Layout([q.prompt, "(type the answer)"])
    if t == "numeric":
        return Layout([q.prompt, f"(a number{f', in {q.unit}' if q.unit else ''})"])
    if t == "cloze":
        gaps = sum(1 for m in CLOZE_RE.finditer(q.text) if int(m.group(1)) == card.ord)
        how = "fill the gap" if gaps == 1 else f"fill the {gaps} gaps, separating the answers with ;"
        return Layout([cloze_display(q.text, card.ord), f"({how})"], gaps=gaps)
    if t == "ordering":
        options = _shuffled(q.items, rng)
        return Layout([q.prompt, *(f"  {LETTERS[i]}. {item}" for i, item in enumerate(options)),
                       "(type the letters in the right order, e.g. c a b)"], options)
    if t == "matching":
        lefts = list(q.pairs)
        options = _shuffled(q.pairs.values(), rng)
        lines = [q.prompt, *(f"  {i}. {left}" for i, left in enumerate(lefts, 1)),
                 *(f"  {LETTERS[i]}. {right}" for i, right in enumerate(options)),
                 "(type each number with its letter, e.g. 1b 2a 3c)"]
        return Layout(lines, options, lefts)
    if t == "flashcard":
        how = "think of the answer, then press Enter to see it (a note typed first is kept, not graded)"
        if flashcard_hint(q, card.ord):
            how += "; h shows the hint"
        return Layout([flashcard_sides(q, card.ord)[0], f"({how})"])
    raise ValueError(f"unknown question type {t!r}")


def _number(token: str, count: int) -> int:
    if not token.isdigit() or not 1 <= int(token) <= count:
        raise UnreadableAnswer(f"{token!r} is not one of the numbers 1 to {count}")
    return int(token) - 1


def _letter(token: str, count: int) -> int:
    index = LETTERS.find(token.lower()) if len(token) == 1 else -1
    if not 0 <= index < count:
        raise UnreadableAnswer(f"{token!r} is not one of the letters a to {LETTERS[count - 1]}")
    return index


def parse_line(card, layout: Layout, line: str):
    """The typed line as `given` for check_answer, or UnreadableAnswer."""
    q = card.question
    t = q.type
    text = line.strip()
    if t == "multiple_choice":
        by_text = {c.casefold(): c for c in layout.options}
        if text.casefold() in by_text:
            return [by_text[text.casefold()]]
        tokens = re.split(r"[\s,;]+", text) if text else []
        picked = [layout.options[_number(tok, len(layout.options))] for tok in tokens]
        if not q.multiple and len(picked) > 1:
            raise UnreadableAnswer("type one number")
        return list(dict.fromkeys(picked))
    if t == "true_false":
        value = {"t": True, "true": True, "y": True, "yes": True,
                 "f": False, "false": False, "n": False, "no": False}.get(text.casefold())
        if value is None and text:
            raise UnreadableAnswer("type t (true) or f (false)")
        return value
    if t in ("short_answer", "numeric"):
        return text
    if t == "flashcard":
        return text or None  # the learner's note, if any
    if t == "cloze":
        return [part.strip() for part in text.split(";")] if layout.gaps > 1 else [text]
    if t == "ordering":
        tokens = re.split(r"[\s,;]+", text) if re.search(r"[\s,;]", text) else list(text)
        order = [_letter(tok, len(layout.options)) for tok in tokens if tok]
        if len(set(order)) != len(order):
            raise UnreadableAnswer("each letter once, please")
        return [layout.options[i] for i in order]
    if t == "matching":
        pairs = re.findall(r"(\d+)\s*([A-Za-z])", text)
        if re.sub(r"(\d+)\s*([A-Za-z])|[\s,;]", "", text):
            raise UnreadableAnswer("type pairs like 1b 2a 3c")
        return {layout.lefts[_number(n, len(layout.lefts))]: layout.options[_letter(letter, len(layout.options))]
                for n, letter in pairs}
    raise ValueError(f"unknown question type {t!r}")
