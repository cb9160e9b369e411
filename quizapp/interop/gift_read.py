"""GIFT (Moodle's text format for questions) read into located pieces; no conversion to banks here.

The grammar follows Moodle's documentation and its importer (qformat_gift): questions are separated
by blank lines; a line starting with `//` is a comment; `$CATEGORY:` sets the category of the questions
after it; a question is `::title::`, an optional `[format]`, text, and one answer block in braces, which
may sit in the middle of the text (the missing-word form).  `\\~ \\= \\# \\{ \\} \\: \\\\` escape the
special characters and `\\n` is a newline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..bank.problems import Problem
from .result import InputError

SPECIAL = "~=#{}:\\"
FORMATS = ("html", "moodle", "plain", "markdown")
_FORMAT_RE = re.compile(r"\[(html|moodle|plain|markdown)\]\s*", re.I)
_WEIGHT_RE = re.compile(r"%(-?\d+(?:\.\d+)?)%")


@dataclass
class Answer:
    """One `=` or `~` entry of an answer block (a choice, an accepted answer, a pair or a number)."""

    mark: str  # "=" or "~"
    text: str
    at: tuple[int, int]
    weight: float | None = None  # the %n% percentage, when given
    feedback: str | None = None  # text and feedback are still escaped: unescape() them once, when used


@dataclass
class GiftQuestion:
    """A question as written: where it starts, its title, text format, text and answer block."""

    at: tuple[int, int]
    title: str | None
    format: str  # one of FORMATS
    before: str  # text before the answer block (all of it when there is no block)
    after: str  # text after the block: non-empty means a missing-word question
    answer: str | None  # raw (still escaped) text inside the braces, None without braces
    answer_at: tuple[int, int] = (0, 0)
    general_feedback: str | None = None  # still escaped
    category: str | None = None
    comments: tuple[str, ...] = ()


@dataclass
class Category:
    """A `$CATEGORY: path` line."""

    path: str
    at: tuple[int, int]


def unescape(text: str) -> str:
    """GIFT escapes to plain characters: `\\X` for X in ~=#{}:\\ and `\\n` as a newline."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in SPECIAL:
                out.append(nxt)
                i += 2
                continue
            if nxt == "n":
                out.append("\n")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out).strip()


def escape(text: str) -> str:
    """Plain text to GIFT: the special characters escaped, newlines as `\\n`."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def find_unescaped(text: str, chars: str, start: int = 0) -> int:
    """Index of the first of chars at or after start that no backslash escapes, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            return i
        i += 1
    return -1


def split_unescaped(text: str, sep: str) -> list[str]:
    """text split at each unescaped occurrence of the (multi-character) separator."""
    parts, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


class _Block:
    """The lines of one question with their file positions, to turn an offset back into LINE:COL."""

    def __init__(self, lines: list[tuple[int, str]], comments: list[str]):
        self.lines = lines
        self.comments = comments  # the comment lines in or just before it (tags, quizapp's extras)
        self.text = "\n".join(t for _, t in lines)

    def at(self, offset: int) -> tuple[int, int]:
        for line_no, line in self.lines:
            if offset <= len(line):
                return line_no, offset + 1
            offset -= len(line) + 1
        last_no, last = self.lines[-1]
        return last_no, len(last) + 1


def _blocks(text: str) -> list[_Block]:
    blocks, current, comments = [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("//"):
            comments.append(line.lstrip()[2:].strip())
            continue  # a comment line does not end a question
        if not line.strip():
            if current:
                blocks.append(_Block(current, comments))
                current, comments = [], []
            continue
        current.append((number, line.rstrip()))
    if current:
        blocks.append(_Block(current, comments))
    return blocks


def read_gift(text: str, file: str) -> list[GiftQuestion | Category]:
    """Every question and category of a GIFT file, in order.

    Args:
        text: the file's text.
        file: its name, for located errors.
    Returns:
        GiftQuestion and Category items.
    Raises:
        InputError: broken syntax (an unclosed title or answer block, a second answer block), located.
    """
    items: list[GiftQuestion | Category] = []
    problems: list[Problem] = []
    category = None
    for block in _blocks(text.removeprefix("\ufeff")):
        body = block.text
        lead = len(body) - len(body.lstrip())
        if body.lstrip().startswith("$CATEGORY:"):
            first = body.lstrip().split("\n", 1)
            category = first[0][len("$CATEGORY:"):].strip()
            items.append(Category(category, block.at(lead)))
            if len(first) == 1 or not first[1].strip():
                continue
            lead = body.index(first[1])
        try:
            question = _question(block, lead)
        except _Broken as exc:
            problems.append(Problem(file, *block.at(exc.offset), exc.message))
            continue
        question.category = category
        question.comments = tuple(block.comments)
        items.append(question)
    if problems:
        raise InputError(problems)
    return items


class _Broken(Exception):
    def __init__(self, offset: int, message: str):
        self.offset, self.message = offset, message


def _question(block: _Block, pos: int) -> GiftQuestion:
    body = block.text
    start = pos
    while pos < len(body) and body[pos].isspace():
        pos += 1
    title = None
    if body.startswith("::", pos):
        end = body.find("::", pos + 2)
        while end != -1 and body[end - 1] == "\\":
            end = body.find("::", end + 1)
        if end == -1:
            raise _Broken(pos, "title started with '::' is not closed by '::'")
        title = unescape(body[pos + 2:end])
        pos = end + 2
    while pos < len(body) and body[pos].isspace():
        pos += 1
    fmt = "moodle"
    m = _FORMAT_RE.match(body, pos)
    if m:
        fmt, pos = m.group(1).lower(), m.end()
    open_at = find_unescaped(body, "{", pos)
    stray = find_unescaped(body, "}", pos)
    if open_at == -1:
        if stray != -1:
            raise _Broken(stray, "'}' without an opening '{' (write \\} for a literal brace)")
        return GiftQuestion(block.at(start), title, fmt, body[pos:], "", None)
    close_at = find_unescaped(body, "}", open_at + 1)
    if close_at == -1:
        raise _Broken(open_at, "answer block opened with '{' is not closed by '}'")
    inner_open = find_unescaped(body[:close_at], "{", open_at + 1)
    if inner_open != -1:
        raise _Broken(inner_open, "'{' inside an answer block (write \\{ for a literal brace)")
    if stray != -1 and stray < open_at:
        raise _Broken(stray, "'}' without an opening '{' (write \\} for a literal brace)")
    after = body[close_at + 1:]
    again = find_unescaped(after, "{}")
    if again != -1:
        raise _Broken(close_at + 1 + again, "a question has one answer block; a second '{' or '}' follows "
                                            "(write \\{ or \\} for literal braces, and leave a blank line between questions)")
    answer = body[open_at + 1:close_at]
    parts = split_unescaped(answer, "####")
    general = "####".join(parts[1:]) if len(parts) > 1 else None  # still escaped, like all raw text here
    return GiftQuestion(block.at(start), title, fmt, body[pos:open_at], after, parts[0],
                        block.at(open_at + 1), general if general and general.strip() else None)


def answers(question: GiftQuestion) -> list[Answer]:
    """The `=`/`~` entries of a question's answer block, with weights and feedback split off.

    Args:
        question: a question with an answer block.
    Returns:
        The entries in order; text and feedback unescaped.
    """
    raw = question.answer or ""
    line, col = question.answer_at
    out: list[Answer] = []
    starts, i = [], find_unescaped(raw, "=~")
    while i != -1:
        starts.append(i)
        i = find_unescaped(raw, "=~", i + 1)
    for n, s in enumerate(starts):
        chunk = raw[s + 1:starts[n + 1] if n + 1 < len(starts) else len(raw)]
        weight = None
        m = _WEIGHT_RE.match(chunk.lstrip())
        if m:
            weight = float(m.group(1))
            chunk = chunk.lstrip()[m.end():]
        pieces = split_unescaped(chunk, "#")
        feedback = "#".join(pieces[1:]) if len(pieces) > 1 else None
        before = raw[:s]
        at = (line + before.count("\n"), (s - before.rfind("\n")) if "\n" in before else col + s)
        out.append(Answer(raw[s], pieces[0], at, weight, feedback if feedback and feedback.strip() else None))
    return out



def leading_text(question: GiftQuestion) -> str:
    """Text in the answer block before its first `=`/`~` entry (a numeric answer, T/F, or a mistake)."""
    raw = question.answer or ""
    first = find_unescaped(raw, "=~")
    return raw if first == -1 else raw[:first]
