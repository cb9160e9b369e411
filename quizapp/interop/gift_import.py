"""GIFT questions into bank questions: which GIFT construct becomes which question type, and what is reported.

Multiple choice keeps its full-credit answers as the key (several: select all that apply); partial
credit cannot be expressed and is reported.  Without a full-credit answer, the choices with positive
weight are the answers (Moodle's multiple-answer form).  `{=a =b}` is a short answer with `accept`;
numbers, ranges and several numeric answers become `numeric` with a tolerance; `{=a -> b}` is matching
(left sides 1..n are an ordering, as `export gift` writes it); an answer block inside the text is a
missing word, which becomes a cloze.  Feedback becomes the explanation.  Essays and descriptions have no
counterpart and are reported as skipped.
"""
from __future__ import annotations

import re

from .gift_read import Answer, Category, GiftQuestion, find_unescaped, leading_text, read_gift, unescape
from .gift_read import answers as read_answers
from .gift_comments import apply_extras, comment_extras, comment_tags
from .markup import to_markdown
from .result import CONVERTED, SKIPPED, ImportResult, InputError, Item, MAX_SLUG_WORDS
from ..bank.problems import Problem

_TF = {"t": True, "true": True, "f": False, "false": False}
_NUMBER = r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*\.\.\s*({_NUMBER})\s*$")
_TOLERANCE = re.compile(rf"^\s*({_NUMBER})\s*(?::\s*({_NUMBER}))?\s*$")
BLANK = "_____"
MAX_CHOICES, MAX_PAIRS = 8, 10


class _Skip(Exception):
    """A question with no counterpart in the bank format: reported, not imported."""


class _Converter:
    def __init__(self, q: GiftQuestion, file: str, result: ImportResult):
        self.q, self.file, self.result = q, file, result

    def md(self, raw: str) -> str:
        images: list[str] = []
        text = to_markdown(unescape(raw), self.q.format, images)
        for src in images:
            if src.startswith("@@PLUGINFILE@@"):
                # Moodle exports name its own file store; the file itself is not in the GIFT file.
                self.converted(f"image {src!r} stays in Moodle's file store; put the file beside the bank and "
                               "change the path")
        return text

    def converted(self, message: str, at: tuple[int, int] | None = None) -> None:
        self.result.note(self.file, at or self.q.at, CONVERTED, message)

    def explanation(self, notes: list[str]) -> str | None:
        parts = [self.md(self.q.general_feedback)] if self.q.general_feedback else []
        parts += [n for n in notes if n]
        return "\n\n".join(parts) or None


def _credit(a: Answer) -> float:
    if a.weight is not None:
        return a.weight
    return 100.0 if a.mark == "=" else 0.0


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _feedback_lines(c: _Converter, entries: list[Answer], key: set[int]) -> list[str]:
    """Per-answer feedback as explanation text: the key's feedback first, then each other answer's, labelled."""
    own = [c.md(e.feedback) for i, e in enumerate(entries) if i in key and e.feedback]
    others = [f"- *{c.md(e.text)}*: {c.md(e.feedback)}" for i, e in enumerate(entries)
              if i not in key and e.feedback]
    return own + (["\n".join(others)] if others else [])


def _multiple_choice(c: _Converter, entries: list[Answer]) -> dict:
    choices = [c.md(e.text) for e in entries]
    if len(choices) != len(set(choices)):
        raise _Skip("two choices have the same text")
    if not 2 <= len(choices) <= MAX_CHOICES:
        raise _Skip(f"{len(choices)} choices; a bank allows 2 to {MAX_CHOICES}")
    credits = [_credit(e) for e in entries]
    full = [i for i, v in enumerate(credits) if v >= 100]
    if full:
        key = full
        partial = [choices[i] for i, v in enumerate(credits) if 0 < v < 100]
        if partial:
            c.converted("partial credit for " + ", ".join(map(repr, partial)) + " cannot be expressed; "
                        "counted as wrong")
        if len(full) > 1:
            c.converted("several full-credit answers: all of them are now required (select all that apply)")
    else:
        key = [i for i, v in enumerate(credits) if v > 0]
        if not key:
            raise _Skip("no answer gets credit")
        positive = [credits[i] for i in key]
        if abs(sum(positive) - 100) > 1 or len(set(positive)) > 1:
            c.converted("weights " + ", ".join(f"{v:g}%" for v in positive) + " become all-or-nothing: "
                        "every answer with positive weight must be chosen")
    answer = choices[key[0]] if len(key) == 1 else [choices[i] for i in key]
    return {"type": "multiple_choice", "prompt": None, "choices": choices, "answer": answer,
            "explanation": c.explanation(_feedback_lines(c, entries, set(key)))}


def _short_answer(c: _Converter, entries: list[Answer]) -> dict:
    full = [e for e in entries if _credit(e) >= 100]
    if not full:
        raise _Skip("no accepted answer gets full credit")
    dropped = [c.md(e.text) for e in entries if e not in full]
    if dropped:
        c.converted("partially accepted answers " + ", ".join(map(repr, dropped)) + " cannot be expressed; dropped")
    texts = [unescape(e.text) for e in full]
    q = {"type": "short_answer", "prompt": None, "answer": texts[0]}
    if len(texts) > 1:
        q["accept"] = list(dict.fromkeys(texts[1:]))
    keyset = {i for i, e in enumerate(entries) if e in full}
    q["explanation"] = c.explanation(_feedback_lines(c, entries, keyset))
    return q


def _numeric(c: _Converter) -> dict:
    raw = (c.q.answer or "").strip()[1:]
    if find_unescaped(raw, "=") != -1:
        entries = [e for e in read_answers(GiftQuestion(c.q.at, None, c.q.format, "", "", raw, c.q.answer_at))]
    else:
        text, *fb = raw.split("#", 1)
        entries = [Answer("=", text, c.q.answer_at, None, fb[0] if fb and fb[0].strip() else None)]
    full = [e for e in entries if _credit(e) >= 100]
    if not full:
        raise _Skip("no numeric answer gets full credit")
    values = [_value(e) for e in full]
    if len(set(values)) > 1:
        c.converted(f"{len(values)} full-credit numeric answers; only the first, {values[0][0]:g}"
                    f"±{values[0][1]:g}, is kept")
    partial = [e.text.strip() for e in entries if e not in full]
    if partial:
        c.converted("partial-credit answers " + ", ".join(map(repr, partial)) + " cannot be expressed; dropped")
    value, tolerance = values[0]
    q = {"type": "numeric", "prompt": None, "answer": _number(repr(value))}
    if tolerance:
        q["tolerance"] = _number(repr(tolerance))
    q["explanation"] = c.explanation(_feedback_lines(c, entries, {entries.index(full[0])}))
    return q


def _value(e: Answer) -> tuple[float, float]:
    text = unescape(e.text)
    m = _RANGE.match(text)
    if m:
        low, high = sorted((float(m.group(1)), float(m.group(2))))
        return (low + high) / 2, (high - low) / 2
    m = _TOLERANCE.match(text)
    if not m:
        raise InputError([Problem("", *e.at, f"{text!r} is not a number, NUMBER:TOLERANCE or LOW..HIGH")])
    return float(m.group(1)), abs(float(m.group(2) or 0))


def _matching(c: _Converter, entries: list[Answer]) -> dict:
    pairs: dict[str, str] = {}
    for e in entries:
        left, _, right = unescape(e.text).partition("->")
        left, right = to_markdown(left, c.q.format), to_markdown(right, c.q.format)
        if not left:
            c.converted(f"extra right-hand answer {right!r} (a distractor) cannot be expressed; dropped", e.at)
            continue
        if left in pairs:
            raise _Skip(f"left-hand item {left!r} appears twice")
        pairs[left] = right
    if len(set(pairs.values())) != len(pairs):
        raise _Skip("two items share one match; a bank needs a different match for each")
    if not 2 <= len(pairs) <= MAX_PAIRS:
        raise _Skip(f"{len(pairs)} pairs; a bank allows 2 to {MAX_PAIRS}")
    if list(pairs) == [str(n) for n in range(1, len(pairs) + 1)]:
        return {"type": "ordering", "prompt": None, "items": list(pairs.values()), "explanation": c.explanation([])}
    return {"type": "matching", "prompt": None, "pairs": pairs, "explanation": c.explanation([])}


def _true_false(c: _Converter, head: str) -> dict:
    value, *feedback = head.split("#")
    answer = _TF[value.strip().lower()]
    # Moodle: the first feedback is shown for a wrong answer, the second for the right one.
    wrong, right = (feedback + [None, None])[:2]
    notes = [c.md(right)] if right and right.strip() else []
    if wrong and wrong.strip():
        notes.append(f"- *{'False' if answer else 'True'}*: {c.md(wrong)}")
    return {"type": "true_false", "prompt": None, "answer": answer, "explanation": c.explanation(notes)}


def _classify(c: _Converter) -> dict:
    raw = (c.q.answer or "").strip()
    if not raw:
        raise _Skip("an essay question (empty answer block) has no counterpart in a bank")
    if raw.startswith("#"):
        return _numeric(c)
    head = leading_text(c.q).strip()
    if head.split("#")[0].strip().lower() in _TF and not read_answers(c.q):
        return _true_false(c, head)
    if head:
        raise InputError([Problem(c.file, *c.q.answer_at, f"answer block starts with {head[:30]!r}: expected "
                                  "=right, ~wrong, T, F or #number (write \\= \\~ \\# for literal characters)")])
    entries = read_answers(c.q)
    if any(e.mark == "~" for e in entries):
        return _multiple_choice(c, entries)
    if all(find_unescaped(e.text, "-") != -1 and "->" in e.text for e in entries):
        return _matching(c, entries)
    return _short_answer(c, entries)


def _missing_word(c: _Converter, q: dict) -> dict:
    """An answer block inside the text: a cloze when it has one answer to type, otherwise the same type of
    question with a blank in its prompt, as Moodle shows it (choices, several accepted answers, numbers)."""
    before, after = c.md(c.q.before), c.md(c.q.after)
    answer = q.get("answer")
    if q["type"] == "short_answer" and not q.get("accept") and "::" not in answer and "}}" not in answer \
            and "{{" not in answer and not answer.endswith(":"):
        joint = "" if after[:1] in ".,;:!?)" else " "
        text = f"{before} {{{{c1::{answer}}}}}{joint}{after}".strip()
        return {"type": "cloze", "text": text, "explanation": q.get("explanation")}
    q["prompt"] = f"{before} {BLANK} {after}".strip()
    return q


def convert_question(q: GiftQuestion, file: str, result: ImportResult) -> Item | None:
    """One GIFT question as an Item, or None when it is skipped (and a note says why).

    Args:
        q: the question as read.
        file: the input's display name, for notes.
        result: collects the notes.
    Returns:
        The Item, or None.
    """
    c = _Converter(q, file, result)
    try:
        if q.answer is None:
            raise _Skip("a description (text without an answer block) has no counterpart in a bank")
        question = _classify(c)
        if q.after.strip():
            question = _missing_word(c, question)
        elif "prompt" in question:
            question["prompt"] = c.md(q.before)
            if not question["prompt"]:
                raise _Skip("the question has no text")
    except _Skip as skip:
        result.note(file, q.at, SKIPPED, f"{_name(q)}: {skip}")
        return None
    question = {k: v for k, v in question.items() if v not in (None, "")}
    tags = comment_tags(q.comments)
    if tags:
        question["tags"] = tags
    extras = comment_extras(q.comments)
    question = apply_extras(question, extras)
    if question is None:
        return None  # a later deletion of a cloze that an earlier question brought back whole
    title = extras["id"] if question["type"] == "cloze" and isinstance(extras.get("id"), str) else q.title
    source = title or question.get("prompt") or f"{c.md(q.before)} {c.md(q.after)}"
    return Item(question, file, q.at, source, None if title else MAX_SLUG_WORDS, q.category)


def _name(q: GiftQuestion) -> str:
    return f"question {q.title!r}" if q.title else "question"


def read_gift_file(raw: bytes, file: str, result: ImportResult) -> list[Item]:
    """Every importable question of a GIFT file, as Items; skipped and converted ones noted in result.

    Args:
        raw: the file's bytes (UTF-8).
        file: its display name.
        result: collects the notes.
    Returns:
        The Items in file order.
    Raises:
        InputError: the file is not UTF-8 or its GIFT syntax is broken.
    """
    from .sources import decode
    items: list[Item] = []
    problems: list[Problem] = []
    for entry in read_gift(decode(raw, file), file):
        if isinstance(entry, Category):
            continue
        try:
            converted = convert_question(entry, file, result)
        except InputError as exc:
            problems += [Problem(file, p.line, p.column, p.message) for p in exc.problems]
            continue
        if converted:
            items.append(converted)
    if problems:
        raise InputError(problems)
    return items
