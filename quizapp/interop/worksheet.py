"""A printable test from banks: which questions, in which order, and what each shows and its key says.

This module decides the content; worksheet_typst (PDF) and worksheet_html (HTML) lay it out.
Choices, ordering items and matching right-hand sides are shuffled with the seed, so one seed gives
one worksheet and its key, again and again.
"""
from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..bank.cloze import deletions, fill
from ..bank.shuffle import shuffled

LETTERS = string.ascii_uppercase
ANSWER_MODES = ("separate", "inline", "none")
PAPERS = {"a4": "a4", "letter": "us-letter"}
MAX_HEADING = 60  # longer joined bank titles give way to the first title and a count


@dataclass
class Entry:
    """One numbered question as printed, and its line in the answer key."""

    number: int
    kind: str  # the question type
    prompt: str  # Markdown; for a cloze, the text with each deletion as a BLANK mark
    choices: list[str] = field(default_factory=list)  # lettered A, B, C... (multiple choice, ordering, right side)
    left: list[str] = field(default_factory=list)  # matching: numbered left-hand items
    hints: list[str] = field(default_factory=list)  # cloze: the hint of each blank, "" for none
    instruction: str = ""  # "Select all that apply." and the like
    unit: str = ""
    key: str = ""  # the answer, Markdown
    explanation: str = ""
    quote: str = ""
    source: str = ""
    folder: str = ""  # the bank file's folder: images in the text are relative to it


@dataclass
class Worksheet:
    title: str
    entries: list[Entry]
    answers: str  # one of ANSWER_MODES
    paper: str  # a key of PAPERS
    seed: int


BLANK = "\ue000"  # stands for a cloze blank inside prompt text until the layout draws it


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")


def resolve_image(folder: str, src: str) -> Path | None:
    """The image file that a bank's `![alt](src)` names, or None (a web address, missing, outside the bank's folder).

    Args:
        folder: the bank file's folder.
        src: the image path as written, relative to that folder.
    Returns:
        The file, or None when it cannot be printed (the alt text is printed instead).
    """
    parts = urlsplit(src)
    if not folder or parts.scheme or parts.netloc or not parts.path:
        return None
    base = Path(folder).resolve()
    file = (base / unquote(parts.path)).resolve()
    if file.is_relative_to(base) and file.is_file() and file.suffix.lower() in IMAGE_SUFFIXES:
        return file
    return None


def _letters(indices) -> str:
    return ", ".join(LETTERS[i] for i in indices)


def _heading(banks) -> str:
    titles = list(dict.fromkeys(b.title for b in banks))
    joined = " · ".join(titles)
    if len(titles) == 1 or len(joined) <= MAX_HEADING:
        return joined
    return f"{titles[0]} (and {len(titles) - 1} more {'bank' if len(titles) == 2 else 'banks'})"


def _entry(number: int, q, rng: random.Random, bank) -> Entry:
    e = Entry(number, q.type, getattr(q, "prompt", "") or "", explanation=q.explanation or "",
              quote=q.quote or "", source=bank.citation(title_always=True) if q.quote else "")
    kind = q.type
    if kind == "multiple_choice":
        e.choices = shuffled(q.choices, rng) if q.shuffle else list(q.choices)
        right = [i for i, c in enumerate(e.choices) if c in q.answers]
        if q.multiple and "all that apply" not in q.prompt.lower():
            e.instruction = "Select all that apply."
        e.key = f"{_letters(right)}: " + "; ".join(e.choices[i] for i in right)
    elif kind == "true_false":
        e.key = q.word(q.answer)
    elif kind == "short_answer":
        e.key = q.answer + (f" (also accepted: {', '.join(q.accept)})" if q.accept else "")
    elif kind == "numeric":
        e.unit = q.unit or ""
        tol = f" ± {q.tolerance:g}" if q.tolerance else ""
        e.key = f"{q.answer:g}{tol}" + (f" {q.unit}" if q.unit else "")
    elif kind == "cloze":
        answers = [d.answer for d in deletions(q.text)]
        e.hints = [d.hint or "" for d in deletions(q.text)]
        e.prompt = fill(q.text, lambda d: BLANK)
        e.key = "; ".join(f"({string.ascii_lowercase[i]}) {a}" for i, a in enumerate(answers))
    elif kind == "ordering":
        order = shuffled(range(len(q.items)), rng)
        e.choices = [q.items[i] for i in order]
        e.instruction = "Write the letters in the right order."
        e.key = _letters(order.index(i) for i in range(len(q.items)))
    elif kind == "matching":
        e.left = list(q.pairs)
        rights = shuffled(q.pairs.values(), rng)
        e.choices = rights
        e.instruction = "Write the letter of the match beside each number."
        e.key = ", ".join(f"{n} {LETTERS[rights.index(r)]}" for n, r in enumerate(q.pairs.values(), 1))
    elif kind == "flashcard":
        e.prompt = q.front
        e.key = q.back
    return e


def build_worksheet(banks, *, count: int | None = None, seed: int = 0, answers: str = "separate",
                    paper: str = "a4", title: str | None = None, folders: dict[str, str] | None = None) -> Worksheet:
    """The worksheet's content: every question of the banks, or count of them picked with the seed.

    Args:
        banks: Bank models, in order.
        count: how many questions (None: all); picked at random with the seed, then kept in bank order.
        seed: fixes the pick and every shuffle.
        answers: "separate" (a key on its own page), "inline" (after each question) or "none".
        paper: "a4" or "letter".
        title: the heading (default: the banks' titles).
        folders: bank id -> the folder of its file, where its images are found.
    Returns:
        The Worksheet.
    """
    rng = random.Random(seed)
    pool = [(bank, q) for bank in banks for q in bank.questions]
    if count is not None and count < len(pool):
        picked = set(rng.sample(range(len(pool)), count))
        pool = [p for i, p in enumerate(pool) if i in picked]
    entries = [_entry(n, q, rng, bank) for n, (bank, q) in enumerate(pool, 1)]
    for entry, (bank, _) in zip(entries, pool):
        entry.folder = (folders or {}).get(bank.id, "")
    heading = title or _heading(banks)
    return Worksheet(heading, entries, answers, paper, seed)
