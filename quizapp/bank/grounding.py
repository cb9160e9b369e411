"""Checks that every question's quote is verbatim in the bank's source text."""
from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

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
    pos, spans = 0, []
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


def check_result(result, sources_dir: Path) -> list[Problem]:
    """Located problems for the quotes of one loaded, valid bank."""
    bank = result.bank
    if bank is None:
        return []
    quoted = [(i, q) for i, q in enumerate(bank.questions) if q.quote]
    if not quoted:
        return []
    root = None

    def where(loc):
        nonlocal root
        if root is None:  # parse again only on the rare error path (banks come from the cache)
            from .yamlsource import compose
            root = compose(result.path.read_text(encoding="utf-8"))
        from .yamlsource import locate
        return locate(root, loc)

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
    for i, q in quoted:
        missing = find_quote(q.quote, source)
        if missing is not None:
            hint = closest_passage(missing, source)
            problems.append(Problem(result.display, *where(("questions", i, "quote")),
                                    f"quote not found in {name}: {_short(missing)!r}; closest passage: {hint!r}"))
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."
