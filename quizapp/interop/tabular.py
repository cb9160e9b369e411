"""CSV and TSV: front/back rows (Quizlet, spreadsheets) as flashcards, or typed columns under a header row.

Without a header, each row is `front, back` (a third column is an error).  A first row whose cells are
all column names maps the columns instead; several names mean the same column (front = prompt =
question = term, back = answer = definition).  Lists (choices, accept) are separated by `|`, tags by
spaces or commas.  A row with choices is multiple choice; `type` picks any other type.
"""
from __future__ import annotations

import csv
import io

from ..bank.problems import Problem
from .result import SKIPPED, ImportResult, InputError, Item, MAX_SLUG_WORDS, slugify

COLUMNS = {
    "front": "prompt", "prompt": "prompt", "question": "prompt", "term": "prompt", "text": "prompt",
    "back": "answer", "answer": "answer", "definition": "answer",
    "accept": "accept", "explanation": "explanation", "tags": "tags", "type": "type", "choices": "choices",
    "id": "id", "hint": "hint", "quote": "quote", "reverse": "reverse",
}
TYPES = ("flashcard", "short_answer", "multiple_choice", "true_false", "numeric", "cloze")
_TRUE, _FALSE = {"true", "t", "yes", "1"}, {"false", "f", "no", "0"}


def _header(row: list[str]) -> list[str] | None:
    names = [c.strip().lower() for c in row]
    if names and all(n in COLUMNS for n in names) and len(set(map(COLUMNS.get, names))) == len(names):
        return [COLUMNS[n] for n in names]
    return None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _number(text: str, where: tuple[str, int, int]) -> int | float:
    try:
        value = float(text)
    except ValueError:
        raise InputError([Problem(*where, f"answer {text!r} is not a number (type numeric)")]) from None
    return int(value) if value.is_integer() else value


def _question(cells: dict[str, str], kind: str, where: tuple[str, int, int]) -> dict:
    prompt, answer = cells.get("prompt", ""), cells.get("answer", "")
    if "choices" in cells and cells["choices"] and kind in ("flashcard", "short_answer") and not cells.get("type"):
        kind = "multiple_choice"
    if kind == "flashcard":
        q = {"type": kind, "front": prompt, "back": answer}
        if cells.get("hint"):
            q["hint"] = cells["hint"]
        if cells.get("reverse", "").strip().lower() in _TRUE:
            q["reverse"] = True
    elif kind == "short_answer":
        q = {"type": kind, "prompt": prompt, "answer": answer}
        if _split(cells.get("accept", "")):
            q["accept"] = _split(cells["accept"])
    elif kind == "multiple_choice":
        choices, answers = _split(cells.get("choices", "")), _split(answer)
        q = {"type": kind, "prompt": prompt, "choices": choices, "answer": answers[0] if len(answers) == 1 else answers}
    elif kind == "true_false":
        word = answer.strip().lower()
        if word not in _TRUE | _FALSE:
            raise InputError([Problem(*where, f"answer {answer!r} is not true or false (type true_false)")])
        q = {"type": kind, "prompt": prompt, "answer": word in _TRUE}
    elif kind == "numeric":
        q = {"type": kind, "prompt": prompt, "answer": _number(answer.strip(), where)}
    else:
        q = {"type": "cloze", "text": prompt}
    for key in ("explanation", "quote"):
        if cells.get(key, "").strip():
            q[key] = cells[key].strip()
    tags = [slugify(t) for t in cells.get("tags", "").replace(",", " ").split() if t.strip()]
    if tags:
        q["tags"] = list(dict.fromkeys(tags))
    return q


def read_table(text: str, file: str, result: ImportResult, delimiter: str, as_type: str) -> list[Item]:
    """Every row of a CSV/TSV file as an Item.

    Args:
        text: the file's text.
        file: its display name.
        result: collects notes (rows with an empty cell are skipped).
        delimiter: "," or a tab.
        as_type: the type of rows without a type column (flashcard or short_answer).
    Returns:
        Items in row order.
    Raises:
        InputError: a row with the wrong number of columns, an unknown type, a bad number, located.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    items: list[Item] = []
    problems: list[Problem] = []
    columns: list[str] | None = None
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in row):
                continue
            if columns is None:
                columns = _header(row)
                if columns is not None:
                    continue
                columns = ["prompt", "answer"]
                if len(row) != 2:
                    problems.append(Problem(file, line, 1, f"row has {len(row)} columns; without a header row "
                                            "each row is front and back (2 columns), or name the columns in a first row"))
                    continue
            if len(row) != len(columns):
                problems.append(Problem(file, line, 1, f"row has {len(row)} columns; the header has {len(columns)}"))
                continue
            cells = {name: value.strip() for name, value in zip(columns, row)}
            kind = cells.get("type", "").strip().lower() or as_type
            if kind not in TYPES:
                problems.append(Problem(file, line, 1, f"unknown type {kind!r}; one of {', '.join(TYPES)}"))
                continue
            if not cells.get("prompt") or (kind != "cloze" and not cells.get("answer")):
                result.note(file, (line, 1), SKIPPED, "row with an empty front or back")
                continue
            try:
                question = _question(cells, kind, (file, line, 1))
            except InputError as exc:
                problems += exc.problems
                continue
            source = cells.get("id") or cells["prompt"]
            items.append(Item(question, file, (line, 1), source, None if cells.get("id") else MAX_SLUG_WORDS))
    except csv.Error as exc:
        problems.append(Problem(file, reader.line_num or 1, 1, f"not valid {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}"))
    if problems:
        raise InputError(problems)
    return items
