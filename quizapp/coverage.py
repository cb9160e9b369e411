"""`quizapp coverage`'s core: which paragraphs and sentences of each source text the banks' quotes cover.

A sentence is covered when a quote fragment overlaps at least half of it (or COVER_CHARS characters of
it); a paragraph when one of its sentences is. The covered share is the covered sentences' share of the
text's characters, headings left out.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .bank import derived
from .bank.grounding import quote_spans
from .bank.sourcetext import SourceText, read_source

COVER_CHARS = 40
FIRST_WORDS = 8
_NUMBER = re.compile(r"(?:[$\u20ac\u00a3]\s?)?\b\d[\d,.]*\d?\b(?:\s?(?:%|percent|million|billion|years?|won))?")
_NAME = re.compile(r"\b[A-Z][\w'\u2019.\-]*(?:\s+(?:(?:of|the|for|de)\s+)?[A-Z][\w'\u2019.\-]*)*")


@dataclass
class ParagraphCoverage:
    """One body paragraph: where it is, how much of it is quoted and by how many questions."""

    line: int
    section: str
    first_words: str
    sentences: int
    covered_sentences: int
    questions: list[str] = field(default_factory=list)  # "bank-id/question-id"
    numbers: list[str] = field(default_factory=list)  # likely question material, for uncovered paragraphs
    names: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return self.covered_sentences > 0


@dataclass
class SourceCoverage:
    """Coverage of one source text by the banks that quote it."""

    file: str
    banks: list[str]
    questions: int
    paragraphs: list[ParagraphCoverage]
    sections: list[dict]  # {"title", "line", "share", "paragraphs"}
    covered_chars: int
    total_chars: int
    unquoted: list[str] = field(default_factory=list)  # questions whose quote is not found here

    @property
    def share(self) -> float:
        return self.covered_chars / self.total_chars if self.total_chars else 1.0


def _name_words(source: SourceText) -> set[str]:
    """Words the text capitalises inside sentences: names, unlike a sentence's capitalised first word."""
    out: set[str] = set()
    for p in source.body():
        for start, end in p.sentences:
            out.update(w for w in source.text[start:end].split()[1:] if w[:1].isupper())
    return {w.strip(",.;:!?\"'()\u201c\u201d\u2019") for w in out}


def _material(text: str, sentence_starts: set[int], name_words: set[str]) -> tuple[list[str], list[str]]:
    numbers = list(dict.fromkeys(m.group(0).strip() for m in _NUMBER.finditer(text)))
    names = []
    for m in _NAME.finditer(text):
        start = m.start()
        for name in m.group(0).split(". "):  # "You. Photo": two sentences, not one name
            first, _, rest = name.rstrip(".").partition(" ")
            if start in sentence_starts and first not in name_words:
                first, _, rest = rest.partition(" ")  # "Today Hangul": only "Hangul" is a name
            name = f"{first} {rest}".strip()
            if name and name != "I" and not name.startswith("I'"):
                names.append(name)
            start += len(name) + 2
    return numbers, list(dict.fromkeys(names))


def cover_source(source: SourceText, quotes: list[tuple[str, str]], banks: list[str]) -> SourceCoverage:
    """Coverage of one parsed source by (question label, quote) pairs.

    Args:
        source: the parsed source text.
        quotes: ("bank/question", quote) for every question whose bank names this source.
        banks: the ids of those banks.

    Returns:
        The SourceCoverage, paragraphs in text order.
    """
    spans: list[tuple[int, int, str]] = []
    unquoted = []
    for label, quote in quotes:
        found, missing = quote_spans(quote, source.text)
        if missing is not None:
            unquoted.append(label)
        spans.extend((a, b, label) for a, b in found)
    spans.sort()
    starts = [a for a, _, _ in spans]
    longest = max((b - a for a, b, _ in spans), default=0)
    rows, covered_chars, total_chars = [], 0, 0
    quoted: set[tuple[int, int]] = set()  # the covered sentences, by span
    name_words = _name_words(source)
    body = source.body()
    for p in body:
        covered_sentences, askers = 0, []
        for s_start, s_end in p.sentences:
            size = s_end - s_start
            # Only spans starting before the sentence ends, and at most the longest span's length before it
            # starts, can overlap it: a slice of the sorted spans (a scan of all spans per sentence was
            # quadratic: seconds for a 2,000-question library).
            near = spans[bisect.bisect_left(starts, s_start - longest):bisect.bisect_left(starts, s_end)]
            hit = [label for a, b, label in near if min(b, s_end) - max(a, s_start) >= min(COVER_CHARS, size / 2)]
            total_chars += size
            if hit:
                quoted.add((s_start, s_end))
                covered_sentences += 1
                covered_chars += size
                askers.extend(hit)
        text = source.text[p.start:p.end]
        row = ParagraphCoverage(p.line, source.sections[p.section][0], " ".join(text.split()[:FIRST_WORDS]),
                                len(p.sentences), covered_sentences, sorted(set(askers)))
        if not row.covered:
            row.numbers, row.names = _material(text, {a - p.start for a, _ in p.sentences}, name_words)
        rows.append(row)
    sections = []
    for number, (title, line) in enumerate(source.sections):
        members = [p for p in body if p.section == number]
        if not members:
            continue
        size = sum(e - s for p in members for s, e in p.sentences)
        covered = sum(e - s for p in members for s, e in p.sentences if (s, e) in quoted)
        sections.append({"title": title, "line": line, "paragraphs": len(members),
                         "share": covered / size if size else 1.0})
    return SourceCoverage(source.name, banks, len(quotes), rows, sections, covered_chars, total_chars, unquoted)


def cover_banks(banks, sources_dir: Path) -> tuple[list[SourceCoverage], list[str]]:
    """Coverage of every source text the banks name in their source.file.

    Args:
        banks: valid Bank models.
        sources_dir: the folder holding the source texts.

    Returns:
        The coverages, one per source file in name order, and messages for banks without a
        source.file or whose file cannot be read.
    """
    by_file: dict[str, list] = {}
    notes = []
    for bank in banks:
        name = bank.source.file if bank.source else None
        if not name:
            notes.append(f"{bank.id}: no source.file, nothing to cover")
            continue
        by_file.setdefault(name, []).append(bank)
    out = []
    for name, members in sorted(by_file.items()):
        try:
            source = read_source(Path(sources_dir) / name)
        except (OSError, UnicodeDecodeError) as exc:
            notes.append(f"{', '.join(b.id for b in members)}: cannot read source {name!r}: "
                         f"{getattr(exc, 'strerror', None) or exc}")
            continue
        quotes = [(f"{b.id}/{q.id}", q.quote) for b in members for q in b.questions if q.quote]
        out.append(cover_source(source, quotes, [b.id for b in members]))
    return out, notes


def cover_results(results: Iterable, sources_dir: Path) -> tuple[list[SourceCoverage], list[str]]:
    """cover_banks of the valid banks among loader results, from the derived-results cache when no bank,
    source text or quizapp module changed (a warm run then never unpickles a bank, nor imports pydantic).

    Args:
        results: LoadResults (from bank.loader.load_paths); invalid ones are skipped.
        sources_dir: the folder holding the source texts.

    Returns:
        What cover_banks returns for those banks.
    """
    results = [r for r in results if r.ok]
    folder = str(Path(sources_dir).resolve())
    banks = derived.banks_key(results)
    cached = derived.get("coverage", (folder,), banks)
    if cached is not None:
        plain, notes = cached
        return [SourceCoverage(**{**c, "paragraphs": [ParagraphCoverage(**p) for p in c["paragraphs"]]})
                for c in plain], notes
    loaded = [r.bank for r in results]
    named = sorted({b.source.file for b in loaded if b.source and b.source.file})
    files = derived.file_digests(Path(sources_dir) / name for name in named)
    covs, notes = cover_banks(loaded, sources_dir)
    derived.put("coverage", (folder,), banks, files, ([asdict(c) for c in covs], notes))
    return covs, notes
