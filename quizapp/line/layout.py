"""Cards as plain text lines, and typed lines back into answers: the line mode's screen-reader-friendly form.

Every line a person or a pipe can send is read in linear time into an answer or an UnreadableAnswer
(odd digits such as `²` or `①`, thousands of digits, any Unicode): never another exception."""
from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..bank.shuffle import shuffled
from ..srs.checking import Given
from ..srs.quantities import Unit, read_quantity
from ..srs.wording import shorten

LETTERS = string.ascii_lowercase
ECHO_LIMIT = 40  # characters of the learner's own text repeated back in a message


class UnreadableAnswer(ValueError):
    """The typed line cannot be read as an answer of this kind; the message says what is expected."""


@dataclass
class Layout:
    """How a card was shown: the (shuffled) order the learner's numbers and letters refer to."""

    lines: list[str]
    options: list[str] = field(default_factory=list)  # choices, or ordering items, or matching right-hand side
    lefts: list[str] = field(default_factory=list)  # matching left-hand side
    gaps: int = 1
    hint: str | None = None  # what the `h` command shows (a flashcard's hint)


def echo(text: str) -> str:
    """The learner's text quoted for a message, sanitised and cut (see wording.shorten)."""
    return repr(shorten(text, ECHO_LIMIT))


def cloze_display(question, ord: int) -> str:
    """The cloze text with card `ord`'s deletions as [...] (or [hint...]) and the others shown."""
    return question.asked(ord, gap=lambda d: f"[{d.hint.strip()}...]" if d.hint else "[...]")


def _multiple_choice(q, ord: int, rng) -> Layout:
    options = shuffled(q.choices, rng) if q.shuffle else list(q.choices)
    how = "select all that apply: type their numbers, e.g. 1 3" if q.multiple else "type its number"
    return Layout([q.prompt, *(f"  {i}. {c}" for i, c in enumerate(options, 1)), f"({how})"], options)


def _cloze(q, ord: int, rng) -> Layout:
    gaps = len(q.gaps(ord))
    how = "fill the gap" if gaps == 1 else f"fill the {gaps} gaps, separating the answers with ;"
    return Layout([cloze_display(q, ord), f"({how})"], gaps=gaps)


def _ordering(q, ord: int, rng) -> Layout:
    options = shuffled(q.items, rng)
    return Layout([q.prompt, *(f"  {LETTERS[i]}. {item}" for i, item in enumerate(options)),
                   "(type all the letters in the right order, e.g. c a b)"], options)


def _matching(q, ord: int, rng) -> Layout:
    lefts = list(q.pairs)
    options = shuffled(q.pairs.values(), rng)
    lines = [q.prompt, *(f"  {i}. {left}" for i, left in enumerate(lefts, 1)),
             *(f"  {LETTERS[i]}. {right}" for i, right in enumerate(options)),
             "(pair every number with a letter, e.g. 1b 2a 3c)"]
    return Layout(lines, options, lefts)


def _flashcard(q, ord: int, rng) -> Layout:
    how = "think of the answer, then press Enter to see it (a note typed first is kept, not graded)"
    hint = q.hint_for(ord)
    return Layout([q.asked(ord), f"({how}{'; h shows the hint' if hint else ''})"], hint=hint)


def _ascii(text: str) -> str:
    # Full-width digits and letters (an IME's １ or ａ) and circled numbers (①) mean what they show.
    return unicodedata.normalize("NFKC", text)


def _number(token: str, count: int) -> int:
    # Only ASCII digits, at most three: `²`.isdigit() is true but int("²") raises, and int() of a
    # 5,000-digit token is refused by Python (and slow): both are just not one of the numbers.
    if not re.fullmatch(r"[0-9]{1,3}", token) or not 1 <= int(token) <= count:
        raise UnreadableAnswer(f"{echo(token)} is not one of the numbers 1 to {count}")
    return int(token) - 1


def _letter(token: str, count: int) -> int:
    index = LETTERS.find(token.lower()) if len(token) == 1 and token.isascii() else -1
    if not 0 <= index < count:
        raise UnreadableAnswer(f"{echo(token)} is not one of the letters a to {LETTERS[count - 1]}")
    return index


_SEPARATORS = re.compile(r"[\s,;]+")
# One token per match, each alternative anchored at the current position: linear in the line's length
# (a pattern like (\d+)\s*([a-z]) rescans a long run of digits from every position: quadratic).
_PAIR_TOKENS = re.compile(r"(?P<num>[0-9]+)|(?P<letter>[A-Za-z])|(?P<sep>[\s,;]+)|(?P<other>.)", re.S)


def _words(text: str) -> list[str]:
    return [tok for tok in _SEPARATORS.split(text) if tok]


def _read_choices(q, layout: Layout, text: str) -> list[str]:
    by_text = {c.casefold(): c for c in layout.options}
    if text.casefold() in by_text:
        return [by_text[text.casefold()]]
    picked = [layout.options[_number(tok, len(layout.options))] for tok in _words(_ascii(text))]
    picked = list(dict.fromkeys(picked))
    if not q.multiple and len(picked) > 1:
        raise UnreadableAnswer("type one number")
    return picked


def _read_order(q, layout: Layout, text: str) -> list[str]:
    text = _ascii(text)
    tokens = _words(text) if _SEPARATORS.search(text) else list(text)
    count = len(layout.options)
    order = [_letter(tok, count) for tok in tokens]
    if len(set(order)) != len(order):
        raise UnreadableAnswer("each letter once, please")
    if len(order) != count:
        raise UnreadableAnswer(f"put all {count} letters (a to {LETTERS[count - 1]}) in order")
    return [layout.options[i] for i in order]


def _read_pairs(q, layout: Layout, text: str) -> dict[str, str]:
    lefts, rights = len(layout.lefts), len(layout.options)
    pairs: dict[int, int] = {}
    number = None
    for m in _PAIR_TOKENS.finditer(_ascii(text)):
        kind, token = m.lastgroup, m.group()
        if kind == "sep":
            continue  # between pairs, or between a number and its letter: "1 b"
        if kind == "num" and number is None:
            number = _number(token, lefts)
            if number in pairs:
                raise UnreadableAnswer(f"number {number + 1} is paired twice; each number once, please")
        elif kind == "letter" and number is not None:
            letter = _letter(token, rights)
            if letter in pairs.values():
                raise UnreadableAnswer(f"letter {LETTERS[letter]} is paired twice; each letter once, please")
            pairs[number], number = letter, None
        else:
            raise UnreadableAnswer("type pairs like 1b 2a 3c")
    if number is not None:
        raise UnreadableAnswer(f"number {number + 1} has no letter; type pairs like 1b 2a 3c")
    if len(pairs) != lefts:
        missing = ", ".join(str(i + 1) for i in range(lefts) if i not in pairs)
        raise UnreadableAnswer(f"pair every number; still unpaired: {missing}")
    return {layout.lefts[n]: layout.options[letter] for n, letter in sorted(pairs.items())}


def _read_number(q, layout: Layout, text: str) -> str:
    # What the checker cannot read as one finite number is asked again ("enter a number"), as the TUI
    # asks again: never graded wrong, and never handed on (1e400 or 400 digits overflow to infinity).
    reading = read_quantity(text, Unit.parse(q.unit))
    unit = f" (in {q.unit})" if q.unit else ""
    if reading.problem:
        raise UnreadableAnswer(f"{reading.problem}{unit}")
    if not reading.values:
        raise UnreadableAnswer(f"{echo(text)} is too large a number to read; enter a number{unit}")
    return text


def _read_true_false(q, layout: Layout, text: str) -> bool:
    value = q.read(_ascii(text).casefold())
    if value is None:
        raise UnreadableAnswer("type t (True) or f (False)")
    return value


def _read_gaps(q, layout: Layout, text: str) -> list[str]:
    if layout.gaps == 1:
        return [text]
    parts = [part.strip() for part in text.split(";")]
    if len(parts) != layout.gaps:
        raise UnreadableAnswer(f"type {layout.gaps} answers separated by ; (one per gap, in order)")
    return parts


@dataclass(frozen=True)
class LineKind:
    """How line mode shows one question type and reads a typed line back (the one table of per-type code)."""

    layout: Callable[[Any, int, Any], Layout]  # (question, card, rng)
    read: Callable[[Any, Layout, str], Any]  # (question, layout, stripped line) -> given
    empty: Callable[[Layout], Any] = lambda layout: ""  # what giving up answers


def _prompted(how: Callable[[Any], str]) -> Callable[[Any, int, Any], Layout]:
    return lambda q, ord, rng: Layout([q.prompt, f"({how(q)})"])


KINDS: dict[str, LineKind] = {
    "multiple_choice": LineKind(_multiple_choice, _read_choices, lambda layout: []),
    "true_false": LineKind(_prompted(lambda q: "True or False: type t or f"), _read_true_false, lambda layout: None),
    "short_answer": LineKind(_prompted(lambda q: "type the answer"), lambda q, layout, text: text),
    "numeric": LineKind(_prompted(lambda q: f"a number{f', in {q.unit}' if q.unit else ''}"), _read_number),
    "cloze": LineKind(_cloze, _read_gaps, lambda layout: [""] * layout.gaps),
    "ordering": LineKind(_ordering, _read_order, lambda layout: []),
    "matching": LineKind(_matching, _read_pairs, lambda layout: {}),
    # the learner's note, if any: a flashcard is never graded
    "flashcard": LineKind(_flashcard, lambda q, layout, text: text or None),
}


def layout_card(card, rng) -> Layout:
    """The lines that show a card, with what its numbers/letters stand for.

    Args:
        card: the StudyCard (or quiz item) to show.
        rng: the random.Random its choices, items or matches are shuffled with (bank.shuffle's policy).

    Returns:
        Its Layout.
    """
    return KINDS[card.question.type].layout(card.question, card.ord, rng)


def empty_answer(card, layout: Layout) -> Given:
    """What giving up on a card answers (an empty line twice): wrong, in the shape check_answer expects."""
    return KINDS[card.question.type].empty(layout)


def parse_line(card, layout: Layout, line: str) -> Given:
    """The typed line as `given` for check_answer, or UnreadableAnswer.

    Args:
        card: the StudyCard (or quiz item) being answered.
        layout: how the card was shown (numbers and letters refer to it).
        line: the learner's line, not empty.

    Returns:
        The answer in the shape check_answer expects for the question's type (see checking.Given).
    """
    return KINDS[card.question.type].read(card.question, layout, line.strip())
