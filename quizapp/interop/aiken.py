"""Aiken (Moodle's simplest format): a question line, lettered choices `A.` or `A)`, then `ANSWER: X`."""
from __future__ import annotations

import re

from ..bank.problems import Problem
from .result import ImportResult, InputError, Item, MAX_SLUG_WORDS

_CHOICE = re.compile(r"^([A-Z])[.)]\s+(.*\S)\s*$")
_ANSWER = re.compile(r"^ANSWER:\s*(.*?)\s*$", re.I)


def read_aiken(text: str, file: str, result: ImportResult) -> list[Item]:
    """Every question of an Aiken file, as multiple choice Items.

    Args:
        text: the file's text.
        file: its display name.
        result: collects notes (Aiken has nothing to convert; kept for one signature).
    Returns:
        Items in file order.
    Raises:
        InputError: a question without choices or ANSWER line, an answer letter with no choice, located.
    """
    items: list[Item] = []
    problems: list[Problem] = []
    prompt: list[str] = []
    choices: list[tuple[str, str]] = []
    start = (1, 1)
    skipping = False  # after an error, up to the next blank line: one mistake, one message
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or skipping:
            skipping = skipping and bool(stripped)
            continue
        answer = _ANSWER.match(stripped)
        choice = _CHOICE.match(stripped)
        if answer:
            if not prompt or len(choices) < 2:
                problems.append(Problem(file, number, 1, "ANSWER: line before a question with at least two "
                                                         "lettered choices (A. ..., B. ...)"))
            else:
                letters = [x.strip().upper() for x in re.split(r"[,\s]+", answer.group(1)) if x.strip()]
                known = dict(choices)
                wrong = [x for x in letters if x not in known]
                if not letters or wrong:
                    col = line.index(answer.group(1)) + 1 if answer.group(1) else len(line) + 1
                    problems.append(Problem(file, number, col, f"ANSWER: {answer.group(1) or '(nothing)'} is not one "
                                                               f"of the choices {', '.join(known)}"))
                else:
                    texts = [t for _, t in choices]
                    key = [known[x] for x in letters]
                    items.append(Item({"type": "multiple_choice", "prompt": "\n".join(prompt), "choices": texts,
                                       "answer": key[0] if len(key) == 1 else key}, file, start,
                                      " ".join(prompt), MAX_SLUG_WORDS))
            prompt, choices = [], []
        elif choice and prompt:
            choices.append((choice.group(1), choice.group(2)))
        elif choices:
            problems.append(Problem(file, number, 1, "expected another lettered choice or the ANSWER: line "
                                                     f"of the question at line {start[0]}"))
            prompt, choices, skipping = [], [], True
        else:
            if not prompt:
                start = (number, 1)
            prompt.append(stripped)
    if prompt:
        problems.append(Problem(file, *start, "question has no ANSWER: line"))
    if problems:
        raise InputError(problems)
    return items
