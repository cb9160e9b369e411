"""The card browser's query language, in the spirit of Anki's search.

    usb kpop                words: every word appears in the prompt or the answer (any case)
    "sd card"               a phrase
    bank:usb-kpop           a bank id (`*` is a wildcard: bank:usb*)
    tag:2020-law            a tag (a question's own or its bank's; wildcard allowed)
    type:cloze  id:notel*   a question type, a question id
    is:due is:new is:learn is:review is:suspended is:buried is:leech is:flagged
    flag:1  flag:red        a flag by number (0 = none) or colour
    prop:lapses>2           lapses, reviews, interval (days), due (days from now; negative = overdue),
                            stability (days), difficulty (1-10); operators < <= > >= = !=
    -is:new                 a leading minus negates any term
    a b OR c                terms side by side must all hold; OR separates alternatives
"""
from __future__ import annotations

import fnmatch
import operator
from functools import reduce
from operator import attrgetter
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from .control import FLAGS
from .clock import require_utc, to_us

_IS = ("due", "new", "learn", "review", "suspended", "buried", "leech", "flagged")
_PROPS = {"lapses": "lapses", "reviews": "reviews", "reps": "reviews", "interval": "interval", "ivl": "interval",
          "due": "due", "stability": "stability", "s": "stability", "difficulty": "difficulty", "d": "difficulty"}
_OPS = {"<=": operator.le, ">=": operator.ge, "!=": operator.ne, "<": operator.lt, ">": operator.gt,
        "=": operator.eq}
_PROP_RE = re.compile(r"([a-z]+)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?)$")
_DAY_US = 86_400_000_000
_TOKEN = re.compile(r'-?(?:\w+:)?"[^"]*"?|[^\s"]+"?[^\s"]*')


class QueryError(ValueError):
    """A query that cannot be read; the message names the term and what is allowed."""


Term = Callable[..., bool]  # (row, now_us) -> bool


@dataclass(frozen=True)
class Query:
    """A parsed query: alternatives (OR) of terms that must all hold (AND)."""

    text: str
    alternatives: tuple[tuple[Term, ...], ...]

    def compile(self, now: datetime) -> Callable[[object], bool]:
        """A predicate on browser rows, with `is:due` and `prop:due` measured from now."""
        now_us = to_us(require_utc(now))
        if not self.alternatives:
            return lambda row: True
        # Folded into nested closures once, rather than all()/any() over generators for every row.
        whole = reduce(_either, (reduce(_both, terms) for terms in self.alternatives))
        return lambda row: whole(row, now_us)


def _both(a: Term, b: Term) -> Term:
    return lambda row, now: a(row, now) and b(row, now)


def _either(a: Term, b: Term) -> Term:
    return lambda row, now: a(row, now) or b(row, now)


def parse_query(text: str) -> Query:
    """Read a query (see the module's docstring); raises QueryError on a term it cannot read."""
    # A word, or a "quoted phrase" (possibly after -, key: or both); an unclosed quote runs to the end.
    words = [w.replace('"', "") for w in _TOKEN.findall(text)]
    alternatives: list[tuple[Term, ...]] = []
    current: list[Term] = []
    for word in words:
        if word.upper() == "OR":
            if current:
                alternatives.append(tuple(current))
            current = []
            continue
        current.append(_term(word))
    if current:
        alternatives.append(tuple(current))
    return Query(text, tuple(alternatives))


def _term(word: str) -> Term:
    if word.startswith("-") and len(word) > 1:
        inner = _term(word[1:])
        return lambda row, now: not inner(row, now)
    key, sep, value = word.partition(":")
    if not sep or not value or key.lower() not in _KEYS:
        needle = word.lower()
        return lambda row, now: needle in row.search
    return _KEYS[key.lower()](value)


def _glob(field: str) -> Callable[[str], Term]:
    def make(value: str) -> Term:
        pattern, get = value.lower(), attrgetter(field)
        if "*" not in pattern:  # ids and types are lower-case slugs
            return lambda row, now: get(row) == pattern
        regex = re.compile(fnmatch.translate(pattern))
        return lambda row, now: regex.match(get(row).lower()) is not None
    return make


def _tag(value: str) -> Term:
    pattern = value.lower()
    if "*" not in pattern:  # tags are lower-case slugs: a set lookup
        return lambda row, now: pattern in row.tags
    regex = re.compile(fnmatch.translate(pattern))
    return lambda row, now: any(regex.match(t) for t in row.tags)


def _is(value: str) -> Term:
    v = value.lower()
    if v not in _IS:
        raise QueryError(f"is:{value}: not a card status; use one of is:{', is:'.join(_IS)}")
    return {
        "due": lambda row, now: row.state != "new" and row.due_us is not None and row.due_us <= now,
        "new": lambda row, now: row.state == "new",
        "learn": lambda row, now: row.state in ("learning", "relearning"),
        "review": lambda row, now: row.state == "review",
        "suspended": lambda row, now: row.suspended,
        "buried": lambda row, now: row.buried,
        "leech": lambda row, now: row.leech,
        "flagged": lambda row, now: row.flag != 0,
    }[v]


def _flag(value: str) -> Term:
    v = value.lower()
    if v.isdigit() and int(v) < len(FLAGS):
        n = int(v)
    elif v in FLAGS:
        n = FLAGS.index(v)
    else:
        raise QueryError(f"flag:{value}: use flag:0 to flag:{len(FLAGS) - 1} or a colour ({', '.join(FLAGS[1:])})")
    return lambda row, now: row.flag == n


def _prop(value: str) -> Term:
    m = _PROP_RE.match(value.lower().replace(" ", ""))
    if not m or m.group(1) not in _PROPS:
        raise QueryError(f"prop:{value}: write prop:FIELD OP NUMBER, FIELD one of "
                         f"{', '.join(sorted(set(_PROPS)))}, OP one of < <= > >= = !=")
    field, op, number = _PROPS[m.group(1)], _OPS[m.group(2)], float(m.group(3))
    if field == "due":
        return lambda row, now: row.due_us is not None and op((row.due_us - now) / _DAY_US, number)
    get = attrgetter(field)
    return lambda row, now: (v := get(row)) is not None and op(v, number)


_KEYS: dict[str, Callable[[str], Term]] = {
    "bank": _glob("bank"), "id": _glob("question"), "type": _glob("type"), "tag": _tag, "is": _is,
    "flag": _flag, "prop": _prop,
}
