"""Anki notes into bank questions: quizapp's own note types back into their question, Basic shapes into
flashcards, Cloze into cloze; fields' HTML into Markdown, media kept for copying beside the bank.

In messages a package's LINE is the note's number in the collection (notes in creation order).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..bank.problems import Problem
from ..export import notetypes as ours
from ..export.identity import seeded_shuffle
from ..export.notetypes import NEVER_ACCEPTED
from .anki_read import Note, PackageError
from .anki_read import read_package as read_anki
from .markup import html_to_markdown
from .result import CONVERTED, SKIPPED, ImportResult, InputError, Item, MAX_SLUG_WORDS, slugify

_LI = re.compile(r"<li(?: class=\"([^\"]*)\")?>(.*?)</li>", re.S)
_ROW = re.compile(r"<tr><td>(.*?)</td><td class=\"arrow\">→</td><td>(.*?)</td></tr>", re.S)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_OURS = {ours.MULTIPLE_CHOICE_ID: "multiple_choice", ours.TRUE_FALSE_ID: "true_false",
         ours.TYPED_ANSWER_ID: "typed", ours.CLOZE_ID: "cloze", ours.ORDERING_ID: "ordering",
         ours.MATCHING_ID: "matching", ours.BASIC_ID: "flashcard", ours.BASIC_REVERSED_ID: "flashcard"}


class _Skip(Exception):
    pass


class _Fields:
    """A note's fields as Markdown, remembering the media they use and sounds they drop."""

    def __init__(self, note: Note):
        self.note = note
        self.media: list[str] = []
        self.sounds = 0

    def md(self, name: str) -> str:
        raw = self.note.fields.get(name, "")
        self.sounds += len(_SOUND.findall(raw))
        return html_to_markdown(_SOUND.sub("", raw), self.media)

    def plain(self, name: str) -> str:
        """A field quizapp wrote with plain(): HTML-escaped text."""
        return html.unescape(self.note.fields.get(name, "")).strip()


def _items(html_list: str) -> list[tuple[str, str]]:
    return [(cls or "", html_to_markdown(inner, inline=True)) for cls, inner in _LI.findall(html_list)]


def _ours(kind: str, f: _Fields) -> dict:
    note = f.note
    if kind == "multiple_choice":
        shown = _items(note.fields.get("Choices", ""))
        marked = _items(note.fields.get("Marked", ""))
        fixed = 'data-order="as-written"' in note.fields.get("Choices", "")
        choices = [c for _, c in shown]
        if not fixed:  # undo the export's seeded shuffle: shown[k] is the choice at position order[k]
            order = seeded_shuffle(range(len(shown)), note.guid)
            choices = [c for _, c in sorted(zip(order, choices))]
        answers = [c for c in choices if (dict((c2, cls) for cls, c2 in marked)).get(c) == "correct"]
        q = {"type": kind, "prompt": f.md("Prompt"), "choices": choices,
             "answer": answers[0] if len(answers) == 1 and not f.plain("Instruction") and "all that apply" not in
             f.md("Prompt").lower() else answers}
        if fixed:
            q["shuffle"] = False
        return q
    if kind == "true_false":
        return {"type": kind, "prompt": f.md("Prompt"), "answer": f.plain("Answer") == "True"}
    if kind == "typed":
        return _typed(f)
    if kind == "cloze":
        return {"type": kind, "text": f.md("Text")}
    if kind == "flashcard":
        q = {"type": kind, "front": f.md("Front"), "back": f.md("Back")}
        if note.notetype.id == ours.BASIC_REVERSED_ID:
            q["reverse"] = True
        if f.md("Hint"):
            q["hint"] = f.md("Hint")
        return q
    if kind == "ordering":
        return {"type": kind, "prompt": f.md("Prompt"), "items": [c for _, c in _items(note.fields.get("Order", ""))]}
    pairs = {html_to_markdown(a, inline=True): html_to_markdown(b, inline=True) for a, b in _ROW.findall(note.fields.get("Pairs", ""))}
    return {"type": "matching", "prompt": f.md("Prompt"), "pairs": pairs}


def _typed(f: _Fields) -> dict:
    answer, unit, accepted = f.plain("Answer"), f.plain("Unit"), f.plain("Accepted")
    tolerance = re.match(r"Right if within ±([-\d.e+]+):", accepted)
    if unit or tolerance or (not accepted and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", answer)):
        value = float(answer)
        q = {"type": "numeric", "prompt": f.md("Prompt"), "answer": int(value) if value.is_integer() else value}
        if tolerance:
            tol = float(tolerance.group(1))
            q["tolerance"] = int(tol) if tol.is_integer() else tol
        if unit:
            q["unit"] = unit
        return q
    q = {"type": "short_answer", "prompt": f.md("Prompt"), "answer": answer}
    # The Accepted field's lines, as export/fields.py writes them: "<prefix>form · form".
    for key, prefix in (("accept", "Also accepted: "), ("reject", NEVER_ACCEPTED)):
        line = next((ln for ln in accepted.split("<br>") if ln.startswith(prefix)), None)
        if line:
            q[key] = line.removeprefix(prefix).split(" · ")
    if "Capital letters matter." in accepted:
        q["case_sensitive"] = True
    if "Spelling must be exact." in accepted:
        q["fuzzy"] = False
    return q


def _foreign(f: _Fields, result: ImportResult, file: str) -> dict:
    note = f.note
    names = {n.lower(): n for n in note.fields}
    if note.notetype.cloze:
        if "text" not in names:
            raise _Skip(f"cloze note type {note.notetype.name!r} has no Text field")
        q = {"type": "cloze", "text": f.md(names["text"])}
        extra = names.get("back extra") or names.get("extra")
        if extra and f.md(extra):
            q["explanation"] = f.md(extra)
        return q
    if "front" in names and "back" in names:
        if "{{type:" in "".join(note.fields) or "type in" in note.notetype.name.lower():
            return {"type": "short_answer", "prompt": f.md(names["front"]), "answer": html.unescape(
                re.sub(r"<[^>]+>", "", note.fields[names["back"]])).strip()}
        q = {"type": "flashcard", "front": f.md(names["front"]), "back": f.md(names["back"])}
        optional = names.get("add reverse")
        if note.notetype.templates >= 2 and (optional is None or note.fields[optional].strip()):
            q["reverse"] = True
        return q
    raise _Skip(f"note type {note.notetype.name!r} (fields {', '.join(note.fields)}) has no counterpart in a bank")


def read_package(path: Path, file: str, result: ImportResult) -> list[Item]:
    """Every note of an Anki package that has a counterpart, as Items; media they use go into result.media.

    Args:
        path: the .apkg/.colpkg file.
        file: its display name.
        result: collects notes and media.
    Returns:
        Items in note order, each grouped by its deck.
    Raises:
        InputError: the package has no collection or an unreadable one.
        zipfile.BadZipFile: not a zip archive.
    """
    try:
        package = read_anki(path)
    except PackageError as exc:
        raise InputError([Problem(file, 1, 1, str(exc))]) from None
    items = []
    for note in package.notes:
        at = (note.index, 1)
        f = _Fields(note)
        kind = _OURS.get(note.notetype.id)
        try:
            question = _ours(kind, f) if kind else _foreign(f, result, file)
        except _Skip as skip:
            result.note(file, at, SKIPPED, f"note {note.id}: {skip}")
            continue
        except (ValueError, KeyError) as exc:
            result.note(file, at, SKIPPED, f"note {note.id}: its {note.notetype.name!r} fields cannot be read ({exc})")
            continue
        if kind:
            explanation, quote = f.md("Explanation"), f.plain("Quote")
            question.update({k: v for k, v in (("explanation", explanation), ("quote", quote)) if v})
        if f.sounds:
            result.note(file, at, CONVERTED, f"note {note.id}: {f.sounds} sound(s) dropped; a bank has no audio")
        tags = [slugify(t) for t in note.tags if not t.lower().startswith("quizapp::")]
        if tags:
            question["tags"] = list(dict.fromkeys(tags))
        for name in f.media:
            if name.startswith(".") or Path(name).name != name or "\\" in name:
                result.note(file, at, CONVERTED, f"note {note.id}: image name {name!r} is not a plain file name; not copied")
            elif name in package.media:
                result.media[name] = package.media[name]
            elif "/" not in name and ":" not in name:
                result.note(file, at, CONVERTED, f"note {note.id}: image {name!r} is not in the package")
        qid = f.plain("ID").partition("/")[2] if kind else ""
        source = qid or question.get("front") or question.get("prompt") or question.get("text", "")
        items.append(Item(question, file, at, source, None if qid else MAX_SLUG_WORDS, note.deck))
    return items
