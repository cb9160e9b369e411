"""Checks that every question's quote is verbatim in the bank's source text."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from .loadresult import LoadResult

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")


def normalise(text: str) -> str:
    """Fold curly quotes, dashes and white space, as the grounding rule allows."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def fragments(quote: str) -> list[str]:
    """A quote's verbatim parts: `...` joins fragments of one passage."""
    return [f for f in (x.strip() for x in _ELLIPSIS.split(normalise(quote))) if f]


def quote_spans(quote: str, source: str) -> tuple[list[tuple[int, int]], str | None]:
    """Where a quote's fragments stand in the (normalised) source, searched in order.

    Args:
        quote: the question's quote, as written.
        source: the source text, normalised.

    Returns:
        The (start, end) offsets of the fragments found, and the first fragment not found (None when all were).
    """
    pos, spans = 0, list[tuple[int, int]]()
    for frag in fragments(quote):
        at = source.find(frag, pos)
        if at < 0:
            return spans, frag
        pos = at + len(frag)
        spans.append((at, pos))
    return spans, None


def find_quote(quote: str, source: str) -> str | None:
    """None when every fragment is found in order in the (normalised) source, else the missing fragment."""
    return quote_spans(quote, source)[1]


def closest_passage(fragment: str, source: str) -> str:
    """The passage of source that best matches fragment (rapidfuzz alignment)."""
    from rapidfuzz import fuzz
    m = fuzz.partial_ratio_alignment(fragment, source)
    assert m is not None  # None only under a score_cutoff, and none is given
    start, end = m.dest_start, m.dest_end
    # Widen the aligned span to whole words, and to its sentence start when near,
    # so the hint reads as a passage a teacher can find in the text.
    sentence = max(source.rfind(". ", max(0, start - 60), start), source.rfind("? ", max(0, start - 60), start))
    if sentence >= 0:
        start = sentence + 2
    else:  # the text's own start counts as a sentence start
        start = 0 if start <= 60 else source.rfind(" ", 0, start) + 1
    space = source.find(" ", end)
    end = len(source) if space < 0 else space
    passage = source[start:end]
    return passage if len(passage) <= 160 else passage[:157] + "..."


def check_result(result: LoadResult, sources_dir: Path) -> list[Problem]:
    """Located problems for the quotes of one loaded, valid bank.

    Args:
        result: the load of one bank file; its locator places the problems.
        sources_dir: the folder holding the bank's source text.

    Returns:
        One problem per quote not found verbatim (or one for a missing source), empty when all are grounded.
    """
    bank = result.bank
    if bank is None:
        return []
    quoted = [(i, q.quote) for i, q in enumerate(bank.questions) if q.quote]
    if not quoted:
        return []
    def where(loc: tuple[str | int, ...]) -> tuple[int, int]:
        # Positions found at load (kept in the cache), unpacked only on this rare error path.
        return result.locator.at(loc)

    name = bank.source.file if bank.source else None
    if not name:
        return [Problem(result.display, *where(("source",)) if bank.source else where(("id",)),
                        "cannot check quotes: the bank has no source.file")]
    src_path = Path(sources_dir) / name
    try:
        source = normalise(src_path.read_text(encoding="utf-8"))
    except OSError:
        return [Problem(result.display, *where(("source", "file")), f"source file {name!r} not found in {sources_dir}")]
    except UnicodeDecodeError:
        return [Problem(result.display, *where(("source", "file")), f"source file {name!r} is not UTF-8 text")]
    problems = []
    for i, quote in quoted:
        missing = find_quote(quote, source)
        if missing is not None:
            hint = closest_passage(missing, source)
            problems.append(Problem(result.display, *where(("questions", i, "quote")),
                                    f"quote not found in {name}: {_short(missing)!r}; closest passage: {hint!r}"))
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."
