"""Typed text against accepted answers, graded as a teacher would.

Forms that are not mistakes at all: case (unless the question says it matters), accents, punctuation,
hyphens and spacing ("Kim Jong-il" is "Kim Jong Il"), a leading "the"/"a"/"an".  A typo is a slip *inside*
a word: two letters swapped, a letter doubled or dropped, and in long words (8 letters or more) a letter
wrong.  Never a typo: a changed first or last letter (hotel/notel, note/notel), a changed word of one to
three letters (Il/Un, initials), a different number or number word, a negation (not, never, no...).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

ARTICLES = frozenset({"the", "a", "an"})
NEGATIONS = frozenset({"not", "no", "never", "non", "none", "nor", "neither", "nothing", "nobody", "nowhere",
                       "without", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
                       "wont", "hasnt", "havent", "hadnt", "shouldnt", "wouldnt", "couldnt"})
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion first second third fourth fifth sixth seventh eighth ninth tenth half dozen".split())
# Apostrophes vanish ("don't" is one word, "dont"); every other punctuation mark separates words.
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`\u00b4]")
_SEPARATORS = re.compile(r"[^\w]+|_+")
_DIGIT = re.compile(r"\d")


# Letters that do not decompose into a base letter and an accent, written as an English keyboard would.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "Þ": "Th", "ı": "i"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def strip_accents(text: str) -> str:
    """'Hallyu' from 'Hallyū', 'Seoul' from 'Séoul', 'Strasse' from 'Straße'."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def spellings(answer: str) -> tuple[str, ...]:
    """An answer and its other accepted spelling: German umlauts also as ae/oe/ue (Müller, Mueller)."""
    composed = unicodedata.normalize("NFC", answer)
    other = composed.translate(_UMLAUTS)
    return (answer, other) if other != composed else (answer,)


@lru_cache(maxsize=1 << 16)  # the validator compares every answer of a bank with many others
def words(text: str, case_sensitive: bool = False) -> tuple[str, ...]:
    """The words of an answer as compared: accents, punctuation, hyphens and spacing folded away."""
    text = str(text)
    if not text.isascii():  # most answers are: no accents to strip, nothing to compose
        text = unicodedata.normalize("NFKC", text)
        if not case_sensitive:
            text = text.casefold()  # first: some capitals fold to letters that then lose their accent
        text = strip_accents(text)
    elif not case_sensitive:
        text = text.lower()
    text = _APOSTROPHES.sub("", text)
    out = tuple(w for w in _SEPARATORS.split(text) if w)
    if len(out) > 1 and out[0].casefold() in ARTICLES:
        out = out[1:]
    return out


def folded(text: str, case_sensitive: bool = False) -> str:
    """One comparable string (words joined by one space); an answer of punctuation only keeps its marks."""
    joined = " ".join(words(text, case_sensitive))
    if joined:
        return joined
    bare = " ".join(unicodedata.normalize("NFKC", str(text)).split())
    return bare if case_sensitive else bare.casefold()


def _protected(word: str) -> bool:
    """A word whose every change is a different answer: numbers, number words, negations."""
    lower = word.casefold()
    return bool(_DIGIT.search(word)) or lower in NUMBER_WORDS or lower in NEGATIONS


def slip_budget(length: int) -> int:
    """Slips forgiven inside one word of this many letters: none up to 2, one up to 7, two up to 15, then 3."""
    if length <= 2:
        return 0
    if length <= 7:
        return 1
    if length <= 15:
        return 2
    return 3


def slips(keyed: str, given: str, budget: int) -> int | None:
    """How many slips turn keyed into given (None: more than budget, or not slips at all).

    A restricted edit distance: the first and last letters stay; an adjacent swap not moving the first
    letter; a dropped letter that is neither first nor last; a doubled letter; one wrong letter (only one)
    inside a word of 8 letters or more (Pyongsong is not Pyongyang).  Three-letter words allow only a swap ("teh") or a doubled letter ("Kimm").
    """
    n, m = len(keyed), len(given)
    if abs(n - m) > budget or not keyed or not given or keyed[0] != given[0]:
        return None
    big = budget + 1
    short = n <= 3
    # d[s][i][j]: slips turning keyed[:i] into given[:j] with s wrong letters used (at most one, in long words)
    layers = 2 if n >= 8 else 1
    d = [[[big] * (m + 1) for _ in range(n + 1)] for _ in range(layers)]
    d[0][0][0] = 0
    for s in range(layers):
        for i in range(n + 1):
            for j in range(m + 1):
                if i == 0 and j == 0:
                    continue
                layer = d[s]
                best = big
                if i and j and keyed[i - 1] == given[j - 1]:
                    best = layer[i - 1][j - 1]
                if s and i and j and 1 < i < n and 1 < j < m:
                    best = min(best, d[0][i - 1][j - 1] + 1)  # the one wrong letter, inside the word
                if i and not short and 1 < i < n:  # dropped letter keyed[i-1], inside the word
                    best = min(best, layer[i - 1][j] + 1)
                if j > 1 and (given[j - 1] == given[j - 2] or (j < m and given[j - 1] == given[j])):
                    best = min(best, layer[i][j - 1] + 1)  # doubled letter given[j-1]
                if (i > 2 and j > 2 and keyed[i - 1] == given[j - 2] and keyed[i - 2] == given[j - 1]
                        and keyed[i - 1] != keyed[i - 2]):
                    best = min(best, layer[i - 2][j - 2] + 1)  # swapped pair, not the first letter
                layer[i][j] = best
    cost = min(d[s][n][m] for s in range(layers))
    return cost if cost <= budget else None


@lru_cache(maxsize=1 << 16)
def word_slips(keyed: str, given: str) -> int | None:
    """Slips between two words (0 when equal), None when given is a different word."""
    if keyed == given:
        return 0
    if _protected(keyed) or _protected(given):
        return None
    return slips(keyed, given, slip_budget(len(keyed)))


@dataclass(frozen=True)
class TextMatch:
    """How typed text matched: right or not, by a typo, and which accepted answer it matched."""

    correct: bool
    typo: bool = False
    matched: str = ""  # the accepted answer (as written in the bank) it matched
    rejected: bool = False  # the teacher listed it under `reject`


def typo_of(keyed: str, given: str, case_sensitive: bool = False) -> bool:
    """True when given is one of keyed with slips inside its words (not an exact match)."""
    kw, gw = words(keyed, case_sensitive), words(given, case_sensitive)
    if case_sensitive and [w.casefold() for w in kw] == [w.casefold() for w in gw]:
        return False  # with case rules on, a difference in case alone is the mistake being tested
    return words_typo(kw, gw)


def words_typo(keyed: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """typo_of on answers already split into words."""
    if not keyed or keyed == given or len(keyed) != len(given) or "".join(keyed) == "".join(given):
        return False
    return all(word_slips(k, g) is not None for k, g in zip(keyed, given))


def same_answer(keyed: str, given: str, case_sensitive: bool = False) -> bool:
    """Equal once case (unless it matters), accents, punctuation, hyphens and spacing are folded away."""
    a, b = folded(keyed, case_sensitive), folded(given, case_sensitive)
    return a == b or (bool(a) and a.replace(" ", "") == b.replace(" ", ""))


def match_text(given: str, answers: Iterable[str], *, case_sensitive: bool = False, fuzzy: bool = True,
               reject: Iterable[str] = ()) -> TextMatch:
    """Typed text against the accepted answers; a `reject` entry is never accepted, not even as a typo."""
    if not folded(given or "", case_sensitive):
        return TextMatch(False)
    forms = [(a, form) for a in answers for form in spellings(a)]
    for a, form in forms:
        if same_answer(form, given, case_sensitive):
            return TextMatch(True, matched=a)
    if any(same_answer(r, given, case_sensitive) for r in reject):
        return TextMatch(False, rejected=True)
    if fuzzy:
        for a, form in forms:
            if typo_of(form, given, case_sensitive):
                return TextMatch(True, typo=True, matched=a)
    return TextMatch(False)
