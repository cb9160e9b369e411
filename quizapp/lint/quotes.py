"""Rules on quotes and explanations (QZ109-QZ111), and on the bank's source metadata (QZ112).

Question rules take (i, q) and yield Hits, as in choices.py; far_fragments also takes the normalised
source text (None: skipped), source_metadata takes the bank.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..bank.grounding import normalise, quote_spans
from ..bank.sourcetext import sentence_spans
from .findings import Hit
from .words import content_words

# Measured on the bundled course: fragments of one passage lie under 300 characters apart; the quotes
# the review found stitched from different passages jump 700 to 23,000 characters.
FAR_CHARS = 600
LONG_QUOTE_SENTENCES = 3  # a quote of this many sentences or more...
ANSWER_SENTENCES = 1  # ...when the answer's words stand in at most this many of them
EXPLANATION_NEW_WORDS = 1  # an explanation adding at most this many content words restates its quote
EXPLANATION_MIN_WORDS = 4  # shorter explanations are left alone (a one-line pointer is fine)


def far_fragments(i: int, q, source: str | None) -> Iterator[Hit]:
    """QZ109: consecutive '...' fragments of a quote more than FAR_CHARS apart in the normalised source."""
    if not q.quote or source is None:
        return
    spans, missing = quote_spans(q.quote, source)
    if missing is not None or len(spans) < 2:
        return  # a quote not found is `validate --sources`' business
    gap = max(b[0] - a[1] for a, b in zip(spans, spans[1:]))
    if gap > FAR_CHARS:
        yield Hit("QZ109", i, ("questions", i, "quote"),
                  f"'...' joins fragments {gap:,} characters apart in the source: quote one passage")


def quote_too_long(i: int, q) -> Iterator[Hit]:
    """QZ110: a quote of several sentences when the answer stands in one of them."""
    answers = q.answer_texts()
    if not q.quote or not answers or getattr(q, "multiple", False):
        return
    quote = normalise(q.quote)
    sentences = [quote[a:b] for a, b in sentence_spans(quote)]
    if len(sentences) < LONG_QUOTE_SENTENCES:
        return
    wanted = set().union(*(content_words(a) for a in answers))
    holding = [s for s in sentences if wanted & content_words(s)]
    if wanted and 0 < len(holding) <= ANSWER_SENTENCES:
        yield Hit("QZ110", i, ("questions", i, "quote"),
                  f"the quote has {len(sentences)} sentences and the answer is in one: quote that one")


def explanation_restates(i: int, q) -> Iterator[Hit]:
    """QZ111: an explanation whose content words are all in the quote, prompt or options."""
    if not q.explanation or not q.quote:
        return
    said = content_words(q.explanation)
    if len(said) < EXPLANATION_MIN_WORDS:
        return
    known = " ".join(filter(None, [q.quote, getattr(q, "prompt", None), getattr(q, "text", None),
                                   getattr(q, "front", None),
                                   *map(str, getattr(q, "choices", ())), *q.answer_texts()]))
    new = said - content_words(known)
    if len(new) <= EXPLANATION_NEW_WORDS:
        added = f" (only {', '.join(map(repr, sorted(new)))})" if new else ""
        yield Hit("QZ111", i, ("questions", i, "explanation"),
                  f"the explanation adds nothing to the quote{added}: say why the answer is right or "
                  f"what follows from it")


def source_metadata(bank) -> Iterator[Hit]:
    """QZ112: a source with a file but no title, publisher or date."""
    src = bank.source
    if src is None or not src.file:
        return
    missing = [k for k in ("title", "publisher", "date") if getattr(src, k) is None]
    if missing:
        yield Hit("QZ112", None, ("source",),
                  f"the source has a file but no {', '.join(missing)}: learners see where a quote comes from")
