"""The field values of each kind of question's Anki note, as HTML."""
from __future__ import annotations

from collections.abc import Iterable

from ..bank.models import (Cloze, Flashcard, Matching, MultipleChoice, Numeric, Ordering, Question, ShortAnswer,
                           Source, TrueFalse)
from ..bank.yamlsource import YamlPath
from .identity import seeded_shuffle
from .notetypes import NEVER_ACCEPTED, NoteType, note_type_of
from .render import TextRenderer, plain


def _number(value: float) -> str:
    return str(value) if isinstance(value, int) else format(value, ".15g")


def _ol(css_class: str, items: Iterable[str], *, letters: bool = False, fixed: bool = False) -> str:
    kind = ' type="A"' if letters else ""
    # data-order tells `quizapp import anki` that the choices are in the bank's order (shuffle: false)
    order = ' data-order="as-written"' if fixed else ""
    return f'<ol class="{css_class}"{kind}{order}>' + "".join(items) + "</ol>"


def source_html(source: Source | None) -> str:
    """A bank's citation: title, author, publisher, date and a link, all escaped."""
    if source is None:
        return ""
    text = ", ".join(f"<cite>{plain(part)}</cite>" if what == "title" else plain(part)
                     for what, part in source.citation_parts())
    if source.url:
        url = plain(source.url)
        link = f'<a href="{url}">{url}</a>' if source.url.startswith(("https://", "http://")) else url
        text = f"{text}. {link}" if text else link
    return text


def _multiple_choice(q: MultipleChoice, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    order = list(range(len(q.choices)))
    if q.shuffle:
        order = seeded_shuffle(order, guid)
    shown = [(q.choices[i], r.inline(q.choices[i], (*at, "choices", i))) for i in order]
    right = set(q.answers)
    return [
        r.block(q.prompt, (*at, "prompt")),
        _ol("choices", (f"<li>{h}</li>" for _, h in shown), letters=True, fixed=not q.shuffle),
        _ol("choices marked", (f'<li class="{"correct" if c in right else "other"}">{h}</li>' for c, h in shown),
            letters=True),
        # Banks usually say so in the prompt already; the hint is for those that do not.
        "Select all that apply." if q.multiple and "all that apply" not in q.prompt.lower() else "",
    ]


def _true_false(q: TrueFalse, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    return [r.block(q.prompt, (*at, "prompt")), q.word(q.answer)]


def _short_answer(q: ShortAnswer, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    notes = []
    if q.accept:
        notes.append("Also accepted: " + " · ".join(plain(a) for a in q.accept))
    if q.reject:
        notes.append(NEVER_ACCEPTED + " · ".join(plain(a) for a in q.reject))
    if q.case_sensitive:
        notes.append("Capital letters matter.")
    if not q.fuzzy:
        notes.append("Spelling must be exact.")
    return [r.block(q.prompt, (*at, "prompt")), plain(q.answer), "", "<br>".join(notes)]


def _numeric(q: Numeric, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    accepted = ""
    if q.tolerance:
        unit = f" {plain(q.unit)}" if q.unit else ""
        low, high = _number(q.answer - q.tolerance), _number(q.answer + q.tolerance)
        accepted = f"Right if within ±{_number(q.tolerance)}: {low} to {high}{unit}."
    return [r.block(q.prompt, (*at, "prompt")), _number(q.answer), plain(q.unit), accepted]


def _cloze(q: Cloze, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    return [r.block(q.text, (*at, "text"))]


def _letters(shuffled: list[int]) -> dict[int, str]:
    """Item index -> the letter it is shown under on the front (A for the first shown, ...)."""
    return {item: chr(ord("A") + shown) for shown, item in enumerate(shuffled)}


def _ordering(q: Ordering, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    html = [r.inline(item, (*at, "items", i)) for i, item in enumerate(q.items)]
    shuffled = seeded_shuffle(range(len(html)), guid)
    letter = _letters(shuffled)
    # Each item keeps the letter the learner said it by: as its class (the CSS shows it before the item) and
    # in one line to compare with what was said.
    return [
        r.block(q.prompt, (*at, "prompt")),
        _ol("items", (f"<li>{html[i]}</li>" for i in shuffled), letters=True),
        f'<div class="letters">Answer: {" ".join(letter[i] for i in range(len(html)))}</div>'
        + _ol("order", (f'<li class="{letter[i]}">{h}</li>' for i, h in enumerate(html))),
    ]


def _matching(q: Matching, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    left = [r.inline(k, (*at, "pairs", k)) for k in q.pairs]
    right = [r.inline(v, (*at, "pairs", k)) for k, v in q.pairs.items()]
    shuffled = seeded_shuffle(range(len(right)), guid)
    letter = _letters(shuffled)
    rows = (f'<tr><td>{a}</td><td class="arrow">→</td><td>{b}</td></tr>' for a, b in zip(left, right))
    return [
        r.block(q.prompt, (*at, "prompt")),
        _ol("left", (f"<li>{h}</li>" for h in left)),
        _ol("right", (f"<li>{right[i]}</li>" for i in shuffled), letters=True),
        f'<div class="letters">Answer: {" ".join(f"{n + 1}{letter[n]}" for n in range(len(left)))}</div>'
        '<table class="pairs">' + "".join(rows) + "</table>",
    ]


def _flashcard(q: Flashcard, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    return [r.block(q.front, (*at, "front")), r.block(q.back, (*at, "back")), r.block(q.hint, (*at, "hint"))]


def _type_fields(q: Question, r: TextRenderer, at: YamlPath, guid: str) -> list[str]:
    """The fields a question's type has before the shared tail (a new question type adds its case here)."""
    match q:
        case MultipleChoice():
            return _multiple_choice(q, r, at, guid)
        case TrueFalse():
            return _true_false(q, r, at, guid)
        case ShortAnswer():
            return _short_answer(q, r, at, guid)
        case Numeric():
            return _numeric(q, r, at, guid)
        case Cloze():
            return _cloze(q, r, at, guid)
        case Ordering():
            return _ordering(q, r, at, guid)
        case Matching():
            return _matching(q, r, at, guid)
        case Flashcard():
            return _flashcard(q, r, at, guid)


def note_fields(question: Question, index: int, renderer: TextRenderer, guid: str, bank_id: str,
                source: str) -> tuple[NoteType, list[str]]:
    """A question's Anki note: its note type and field values.

    Args:
        question: the question.
        index: its position in the bank, for locating problems.
        renderer: renders the bank's text (and collects its images).
        guid: the note's GUID (it seeds the shuffles).
        bank_id: the bank's id.
        source: the bank's citation, as source_html gives it.
    Returns:
        (note type, field values).
    """
    at = ("questions", index)
    fields = _type_fields(question, renderer, at, guid)
    fields += [renderer.block(question.explanation, (*at, "explanation")), plain(question.quote), source,
               plain(f"{bank_id}/{question.id}")]
    return note_type_of(question), fields
