"""Rules on multiple-choice options (QZ101-QZ104) and give-aways in prompts and cloze texts.

Every rule takes (i, q), the question's index in its bank and the question, and yields Hits
located by YAML path; the engine turns them into findings.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..bank.cloze import deletions, fill
from .findings import Hit
from .words import article_fits, content_words, words

# Measured on the bundled course (see README, "Lint"): the review's longest-option cues have ratios
# 1.34-2.4, while 90% of the course's single-answer items stay under 1.3.
LONGEST_RATIO = 1.3
LONGEST_MIN_EXTRA = 10  # characters: "Yes" against "No" is no cue
_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them|those)\b", re.I)
ABSOLUTES = frozenset({"always", "never", "only", "none", "nobody", "nothing", "every", "everyone",
                       "everything", "all", "completely", "entirely", "totally", "absolutely"})
_TRAILING_ARTICLE = re.compile(r"\b(an?)\s*(?:_+|\.\.\.|\u2026|:)?\s*$", re.I)
_NUMBER = re.compile(r"[~≈$€£]?\s*[+-]?\d[\d,.\s]*(%|\s*(percent|per cent|million|billion|thousand|years?|"
                     r"months?|days?|won|usd|dollars?|gigabytes?|megabytes?|gb|mb))?", re.I)
_YEAR = re.compile(r"(1[5-9]|20)\d\d(s|\s*[-\u2013]\s*(1[5-9]|20)?\d\d)?")
_ACRONYM = re.compile(r"[A-Z0-9.\-]{2,}s?")
_NOT_ABSOLUTE = re.compile(r"\b(every (day|week|month|year|time)|all but|only (one|once|twice|a few|some))\b", re.I)
_KIND_NAMES = {"year": "a year", "number": "a number", "name": "a name", "phrase": "a phrase", "text": "a word"}
NAME_WORDS = 8  # "The South Korean Ministry of Unification" is one name
WORD_RATIO = 3  # a distractor three times as long (in words) as the key, or a third as long...
WORD_MIN_EXTRA = 4  # ...and at least four words apart, is of another kind


def _mc(i, q) -> Iterator[tuple[int, object]]:
    if q.type == "multiple_choice":
        yield i, q


def longest_answer(i: int, q) -> Iterator[Hit]:
    """QZ101: the key (every key, for select-all) clearly longer than every distractor."""
    if q.type != "multiple_choice" or len(q.answers) == len(q.choices):
        return
    longest = max(len(c) for c in q.choices if c not in q.answers)
    key = min(len(k) for k in q.answers)
    if key >= LONGEST_RATIO * longest and key - longest >= LONGEST_MIN_EXTRA:
        which = "the answer is" if len(q.answers) == 1 else "every answer is"
        yield Hit("QZ101", i, ("questions", i, "answer"),
                  f"{which} {key / longest:.2f}x as long as the longest distractor ({key} vs {longest} "
                  f"characters): learners pick the longest option")


def _contains(text: str, phrase: str) -> bool:
    hay, needle = words(text), words(phrase)
    n = len(needle)
    return n > 0 and any(hay[k:k + n] == needle for k in range(len(hay) - n + 1))


def answer_in_prompt(i: int, q) -> Iterator[Hit]:
    """QZ102: the answer, or a content word of it that no distractor shares, given away."""
    if q.type == "multiple_choice":
        keys = q.answers
        distractors = [c for c in q.choices if c not in keys]
        shared = set().union(*(content_words(d) for d in distractors)) if distractors else set()
        prompt_words = content_words(q.prompt)
        for key in keys:
            k = q.choices.index(key)
            if _contains(q.prompt, key):
                yield Hit("QZ102", i, ("questions", i, "choices", k), f"the answer {key!r} is in the prompt")
                continue
            cue = sorted((content_words(key) & prompt_words) - shared)
            if cue:
                yield Hit("QZ102", i, ("questions", i, "choices", k),
                          f"the answer shares {', '.join(map(repr, cue))} with the prompt and no distractor does")
            inside = [c for c in q.choices if c != key and _contains(c, key)]
            if inside:
                yield Hit("QZ102", i, ("questions", i, "choices", k),
                          f"the answer {key!r} is part of the option {inside[0]!r}")
    elif q.type == "short_answer":
        for answer in (q.answer, *q.accept):
            if _contains(q.prompt, answer):
                yield Hit("QZ102", i, ("questions", i, "prompt"), f"the answer {answer!r} is in the prompt")
                return
    elif q.type == "cloze":
        rest = fill(q.text, lambda d: " ")
        for d in deletions(q.text):
            if _contains(rest, d.answer):
                yield Hit("QZ102", i, ("questions", i, "text"),
                          f"deletion c{d.digits} {d.answer!r} also stands in the text around it")


def cue_words(i: int, q) -> Iterator[Hit]:
    """QZ103: 'all/none of the above', absolutes only in distractors, an article that fits one option."""
    for _, q in _mc(i, q):
        for k, c in enumerate(q.choices):
            if _ABOVE.search(c):
                yield Hit("QZ103", i, ("questions", i, "choices", k),
                          f"{c!r}: 'of the above' options can be answered by elimination")
        keys = set(q.answers)
        key_abs = set().union(*(set(words(_NOT_ABSOLUTE.sub(" ", k))) & ABSOLUTES for k in keys))
        if not key_abs:
            for k, c in enumerate(q.choices):
                found = sorted(set(words(_NOT_ABSOLUTE.sub(" ", c))) & ABSOLUTES)
                if c not in keys and found and not _ABOVE.search(c):
                    yield Hit("QZ103", i, ("questions", i, "choices", k),
                              f"the distractor says {found[0]!r} and the answer has no such absolute: "
                              f"absolutes mark wrong options")
        m = _TRAILING_ARTICLE.search(q.prompt)
        if m:
            article = m.group(1).lower()
            fits = [article_fits(article, c) for c in q.choices]
            wrong_keys = [c for c, ok in zip(q.choices, fits) if c in keys and not ok]
            if wrong_keys:
                yield Hit("QZ103", i, ("questions", i, "prompt"),
                          f"the prompt's {article!r} does not fit the answer {wrong_keys[0]!r}")
            elif sum(fits) == len(keys) < len(q.choices):
                yield Hit("QZ103", i, ("questions", i, "prompt"),
                          f"the prompt's {article!r} fits only the answer")


def option_kind(text: str) -> str:
    """The kind of an option, by its form.

    Args:
        text: an option or answer.

    Returns:
        year, number, name (every word capitalised), phrase, or text (one word or an acronym: either).
    """
    t = text.strip()
    if _YEAR.fullmatch(t):
        return "year"
    if _NUMBER.fullmatch(t):
        return "number"
    tokens = [w for w in re.findall(r"[^\W\d_][\w'.\-]*", t) if not _ACRONYM.fullmatch(w)]
    if len(tokens) < 2:
        return "text"  # an acronym, or one capitalised word: a name or just sentence case
    small = {"of", "the", "and", "de", "for", "in", "on", "a", "an", "to", "with"}
    if len(tokens) <= NAME_WORDS and all(w[0].isupper() or w in small for w in tokens):
        return "name"
    return "phrase"


def mixed_kinds(i: int, q) -> Iterator[Hit]:
    """QZ104: a distractor of another kind than the key(s): number, year, name, phrase, or length in words."""
    for _, q in _mc(i, q):
        keys = q.answers
        key_kinds = {option_kind(k) for k in keys}
        key_lengths = [len(words(k)) or 1 for k in keys]
        for k, c in enumerate(q.choices):
            if c in keys:
                continue
            kind = option_kind(c)
            if kind not in key_kinds and not ({kind, *key_kinds} <= {"text", "name", "phrase"}
                                              and "text" in {kind, *key_kinds}):
                yield Hit("QZ104", i, ("questions", i, "choices", k),
                          f"the distractor {c!r} is {_KIND_NAMES[kind]}, the answer "
                          f"{' or '.join(sorted(_KIND_NAMES[k] for k in key_kinds))}")
                continue
            n = len(words(c)) or 1
            if all(max(n, m) >= WORD_RATIO * min(n, m) and abs(n - m) >= WORD_MIN_EXTRA for m in key_lengths):
                yield Hit("QZ104", i, ("questions", i, "choices", k),
                          f"the distractor has {n} words, the answer {key_lengths[0]}: options of one kind "
                          f"have similar lengths")
