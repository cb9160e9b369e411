"""Cloze text, read once: its deletions `{{cN::answer}}` / `{{cN::answer::hint}}`, and the text with them
filled in or turned into gaps.

The one home of cloze parsing: the model's validator, the checker, line mode, the TUI, worksheets, GIFT
and lint all read deletions through here; each interface only says how a gap looks (`fill`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# ASCII digits only: Anki reads `{{c١::...}}` (an Arabic-Indic one) as plain text, not a deletion.
CLOZE_RE = re.compile(r"\{\{c([0-9]+)::(.*?)(?:::(.*?))?\}\}", re.S)
MAX_CLOZE = 500  # {{c1::...}} to {{c500::...}}: a card ordinal, stored as an SQLite integer and Anki's card ord


@dataclass(frozen=True)
class Deletion:
    """One `{{cN::answer::hint}}` of a cloze text, as written (answer and hint not stripped)."""

    number: int  # N: the card the deletion belongs to
    digits: str  # N as written ("01" stays "01" in messages)
    answer: str
    hint: str | None  # None when the deletion has no `::hint`
    start: int  # where it stands in the text (a slice: text[start:end] is the whole `{{...}}`)
    end: int


def deletions(text: str) -> list[Deletion]:
    """Every deletion of a cloze text, in text order.

    Args:
        text: the cloze text.

    Returns:
        One Deletion per `{{cN::...}}`.
    """
    return [Deletion(int(m.group(1)), m.group(1), m.group(2), m.group(3), m.start(), m.end())
            for m in CLOZE_RE.finditer(text)]


def card_numbers(text: str) -> tuple[int, ...]:
    """The cards of a cloze text: its deletion numbers, each once, ascending."""
    return tuple(sorted({d.number for d in deletions(text)}))


def answers(text: str, ord: int) -> list[str]:
    """The answers of card `ord` (its deletions numbered ord), stripped, in text order."""
    return [d.answer.strip() for d in deletions(text) if d.number == ord]


def fill(text: str, show: Callable[[Deletion], str], between: Callable[[str], str] = str) -> str:
    """The text with each deletion replaced by what `show` makes of it (a gap, the answer in bold...).

    Args:
        text: the cloze text.
        show: called once per deletion, in text order.
        between: what becomes of the text around the deletions (escaped for GIFT, say); kept as it is by default.

    Returns:
        The text around deletions through `between`, each deletion as `show` gives it.
    """
    parts: list[str] = []
    last = 0
    for d in deletions(text):
        parts += [between(text[last:d.start]), show(d)]
        last = d.end
    parts.append(between(text[last:]))
    return "".join(parts)


def completed(text: str) -> str:
    """The text with every deletion filled in by its answer: the sentence as the learner should remember it."""
    return fill(text, lambda d: d.answer)
