"""A source text's structure: paragraphs with their line numbers, section headings and sentences.

Offsets are into the normalised text (grounding.normalise of the whole file), so the spans that
grounding.quote_spans gives for a quote fall into these paragraphs and sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .grounding import normalise

HEADING_MAX_WORDS = 12
_BULLET = re.compile(r"^\s*([\u2022\u25cf\u25aa*\-\u2013]|\d+[.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"\u201d\u2019)\]]\s*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|Gen|Lt|Col|Sgt|Prof)\.$")


@dataclass
class Paragraph:
    """A paragraph of a source text: where it is and which sentences it has."""

    index: int
    line: int  # 1-based line of its first line in the file
    start: int  # offsets into SourceText.text
    end: int
    heading: bool
    section: int  # index into SourceText.sections
    sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SourceText:
    """A normalised source text cut into paragraphs and sections."""

    name: str
    text: str
    paragraphs: list[Paragraph]
    sections: list[tuple[str, int]]  # (heading, line); the first is the text's start

    def body(self) -> list[Paragraph]:
        """The paragraphs that are not headings."""
        return [p for p in self.paragraphs if not p.heading]


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentences of text as (start, end) offsets; initials and titles ("U.S.", "Dr.") do not end one.

    Args:
        text: one paragraph (or a quote), normalised.
        offset: added to every offset.

    Returns:
        The spans, covering the text's non-blank characters in order.
    """
    spans, start = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        if _ABBREVIATION.search(text[start:m.start()]):
            continue
        spans.append((offset + start, offset + m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


def _is_heading(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= HEADING_MAX_WORDS and not _ENDS_SENTENCE.search(line)
            and not _BULLET.match(line) and any(c.isalpha() for c in line))


def _raw_paragraphs(raw: str) -> list[tuple[int, str]]:
    """(first line, text) per paragraph: a line, joined with the next when it breaks mid-sentence."""
    out: list[tuple[int, list[str]]] = []
    joinable = False
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            joinable = False
            continue
        if joinable and line.strip()[0].islower() and not _BULLET.match(line):
            out[-1][1].append(line)
        else:
            out.append((number, [line]))
        joinable = not _ENDS_SENTENCE.search(line)
    return [(n, " ".join(lines)) for n, lines in out]


def parse_source(name: str, raw: str) -> SourceText:
    """Cut a source text into paragraphs, headings, sections and sentences.

    Args:
        name: the file name, for reports.
        raw: the file's text.

    Returns:
        The SourceText; its text is the normalised whole, paragraphs joined by one space.
    """
    parts, paragraphs, sections = [], [], [("(start)", 1)]
    pos = 0
    for index, (line, text) in enumerate(_raw_paragraphs(raw)):
        norm = normalise(text)
        heading = _is_heading(norm)
        if heading:
            if any(not p.heading and p.section == len(sections) - 1 for p in paragraphs):
                sections.append((norm, line))
            elif sections[-1][0] == "(start)":
                sections[-1] = (norm, line)
            # else: a heading right under a heading (a byline, a caption) joins its section
        p = Paragraph(index, line, pos, pos + len(norm), heading, len(sections) - 1)
        if not heading:
            p.sentences = sentence_spans(norm, pos)
        paragraphs.append(p)
        parts.append(norm)
        pos += len(norm) + 1
    return SourceText(name, " ".join(parts), paragraphs, sections)


def read_source(path: Path) -> SourceText:
    """parse_source of a UTF-8 file; OSError and UnicodeDecodeError pass to the caller."""
    return parse_source(path.name, path.read_text(encoding="utf-8"))
