"""Typed numbers read the way people write them: "2 million", "$4 a day", "70 percent", "1.000.000", "fifteen".

A reading is either a set of candidate values in the question's base terms, or a reason it is not a number
(then the learner is told to enter a number: nothing is silently wrong).  Words that are not a number, a
scale, a currency, a percent sign, a hedge ("about") or the question's unit (singular, plural or
abbreviated) make the text unreadable.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
          "mio": 1e6, "mil": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
          "trillions": 1e12, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
_SCALE_WORDS = {"thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions",
                "lakh", "crore"}  # spelled out: may sit in a unit ("million people"); k, m, bn may not
CURRENCIES = {"$": "usd", "us": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "€": "eur", "eur": "eur",
              "euro": "eur", "euros": "eur", "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
              "₩": "krw", "krw": "krw", "won": "krw", "¥": "yen", "yen": "yen", "jpy": "yen", "yuan": "cny",
              "cny": "cny", "rmb": "cny", "renminbi": "cny"}
PERCENT = {"%", "percent", "pct", "percentage"}
HEDGES = {"about", "around", "approximately", "approx", "roughly", "circa", "ca", "some", "~", "nearly",
          "almost", "exactly", "just"}  # not "over"/"under": those say the number is not the value
CONNECTORS = {"per", "a", "an", "/", "of", "in", "each", "every", "cent"}  # "cent" of "per cent"
# Unit words a learner may write for the question's unit word (after plural endings are taken off).
_UNIT_NAMES = {"kilometre": "km", "kilometer": "km", "metre": "m", "meter": "m", "centimetre": "cm",
               "centimeter": "cm", "kilogram": "kg", "kilo": "kg", "gram": "g", "tonne": "t", "ton": "t",
               "hour": "h", "hr": "h", "minute": "min", "second": "s", "sec": "s", "year": "y", "yr": "y",
               "annual": "y", "annually": "y", "yearly": "y", "day": "d", "daily": "d", "month": "mo",
               "monthly": "mo", "week": "wk", "weekly": "wk", "person": "people", "persons": "people",
               "percent": "%", "pct": "%", "percentage": "%", "mile": "mi", "litre": "l", "liter": "l"}
_ONES = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                   "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_NUMBER = re.compile(r"\d{1,3}(?:(?P<sep>[,.' _\u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?!\d)"
                     r"|\d+(?:[.,]\d+)?(?:e[+-]?\d+)?|[.,]\d+")
_TOKEN = re.compile(r"(?P<num>[+-]?(?:" + _NUMBER.pattern + r"))|(?P<sym>[$€£₩¥%~/])|(?P<word>[^\W\d_]+)")


def canonical_unit(word: str) -> str:
    """One name per unit word: 'kilometres' and 'km' are 'km', 'persons' is 'people'."""
    w = word.casefold()
    if w in _UNIT_NAMES:
        return _UNIT_NAMES[w]
    for ending in ("es", "s"):
        if len(w) > len(ending) + 1 and w.endswith(ending) and w[: -len(ending)] in _UNIT_NAMES:
            return _UNIT_NAMES[w[: -len(ending)]]
    if len(w) > 3 and w.endswith("s"):
        return w[:-1]
    return w


@dataclass(frozen=True)
class Unit:
    """A question's unit, taken apart: its scale (million...), currency and the other words."""

    scale: float = 1.0
    currency: str | None = None
    percent: bool = False
    words: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, unit: str | None) -> "Unit":
        scale, currency, percent, names = 1.0, None, False, set()
        for kind, text in _tokens(unit or ""):
            t = text.casefold()
            if kind == "word" and t in _SCALE_WORDS:
                scale *= SCALES[t]
            elif t in CURRENCIES:
                currency = CURRENCIES[t]
            elif t in PERCENT:
                percent = True
            elif t not in CONNECTORS:
                names.add(canonical_unit(t))
        return cls(scale, currency, percent, frozenset(names))


@dataclass(frozen=True)
class Reading:
    """What a typed quantity says: candidate values in base terms (unit scale applied), or why not a number."""

    values: tuple[float, ...] = ()
    problem: str = ""  # "" when read
    scaled: bool = False  # a scale word or number words were used (the feedback spells out the value)
    wrong_unit: str = ""  # a currency or percent that is not the question's


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each token: kind is num, sym or word (_TOKEN's groups; one of them always matches)."""
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(text)]


def digits_value(text: str) -> list[float]:
    """A written number's possible values: '1,000' 1000; '1.000' 1000 or 1.0 (German or English); '1,5' 1.5."""
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    grouped = re.fullmatch(r"\d{1,3}(?:([,.' _\u00a0\u202f])\d{3})(?:\1\d{3})*(?:([.,])(\d+))?", text)
    out: list[float] = []
    if grouped:
        sep, point = grouped.group(1), grouped.group(2)
        if point is None or point != sep:
            whole = re.sub(r"[,.' _\u00a0\u202f]", "", text[: grouped.start(2)] if point else text)
            out.append(float(whole + ("." + grouped.group(3) if point else "")))
        if sep == "." and point is None and text.count(".") == 1:
            out.append(float(text))  # "1.000": also the English decimal
    else:
        out.append(float(text.replace(",", ".")))  # "1,5": a decimal comma
    return [sign * v for v in out if math.isfinite(v)]


def words_value(words: list[str]) -> float | None:
    """'twenty-five' 25, 'two hundred thousand' 200000, 'a million' 1e6; None if not all number words."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("a", "an") and not seen:
            current, seen = 1.0, True
        elif w == "and" and seen:
            continue
        elif w in _ONES:
            current, seen = current + _ONES[w], True
        elif w in _TENS:
            current, seen = current + _TENS[w], True
        elif w == "hundred" and seen:
            current = (current or 1) * 100
        elif w in SCALES and w in _SCALE_WORDS and seen:
            total, current = total + (current or 1) * SCALES[w], 0.0
        else:
            return None
    return total + current if seen else None


def read_quantity(text: str, unit: Unit) -> Reading:
    """Read typed text as a quantity in the question's unit."""
    text = unicodedata.normalize("NFKC", str(text)).replace("\u2212", "-").strip()
    tokens = _tokens(text)
    leftover = re.sub(r"[\s\-.,;:!?()]", "", re.sub(_TOKEN, "", text))  # "twenty-five": the hyphen joins
    if leftover or not tokens:
        return Reading(problem="enter a number")
    numbers = [t for kind, t in tokens if kind == "num"]
    number_words = [t.casefold() for kind, t in tokens if kind == "word" and (t.casefold() in _ONES
                    or t.casefold() in _TENS or t.casefold() == "hundred")]
    if len(numbers) > 1 or (numbers and number_words):
        return Reading(problem="enter one number")
    scale, wrong, spelled = 1.0, "", []
    for kind, t in tokens:
        w = t.casefold()
        if kind == "num" or w in HEDGES or (w in CONNECTORS and w not in ("a", "an")):
            continue
        if w in ("a", "an"):
            spelled.append(w)  # "a million"; otherwise "4 dollars a day": dropped below
        elif kind == "word" and (w in _ONES or w in _TENS or w in ("hundred", "and")):
            spelled.append(w)
        elif w in SCALES and canonical_unit(w) not in unit.words and (w in _SCALE_WORDS or numbers):
            if numbers:
                scale *= SCALES[w]
            else:
                spelled.append(w)
        elif w in CURRENCIES:
            if unit.currency and CURRENCIES[w] != unit.currency:
                wrong = t
        elif w in PERCENT:
            if unit.words and not unit.percent:
                wrong = t
        elif canonical_unit(w) not in unit.words:
            return Reading(problem="enter a number")
    if numbers:
        values, has_scale = [v * scale for v in digits_value(numbers[0])], scale != 1
        if not values:  # "1e400", 400 digits: no finite reading; "1,000,5": no reading at all
            huge = "e" in numbers[0].casefold() or len(re.sub(r"\D", "", numbers[0])) > 15
            return Reading(problem="that number is too large" if huge else "enter a number")
    else:
        while spelled and spelled[-1] in ("a", "an"):
            spelled.pop()  # "fifteen a day"
        value = words_value(spelled)
        if value is None:
            return Reading(problem="enter a number")
        values, has_scale = [value], any(w in SCALES for w in spelled)
    if has_scale:  # written out in full ("2 million", "two million"): the value as written
        base = values
    else:  # a bare number is in the unit's terms ("2" is 2 million), or a full count ("2,000,000")
        base = [v * unit.scale for v in values] + (values if unit.scale != 1 else [])
    return Reading(tuple(base), scaled=has_scale or not numbers, wrong_unit=wrong)
