"""The worksheet as PDF, typeset by Typst (the `typst` wheel) from worksheet.typ and the content as JSON.

Bank text is Markdown; it reaches Typst as runs of plain strings marked bold, italic or code, so no
character in a bank can be taken for Typst markup.
"""
from __future__ import annotations

import json
import string
from dataclasses import asdict
from pathlib import Path

from markdown_it import MarkdownIt

from .worksheet import BLANK, PAPERS, Worksheet

TEMPLATE = Path(__file__).with_name("worksheet.typ")
_MD = MarkdownIt("commonmark", {"html": False})


class WorksheetError(Exception):
    """Typst could not typeset the worksheet."""


def _inline(token, paragraph: list[dict], hints: list[str], state: dict) -> None:
    bold = italic = False
    for child in token.children or ():
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "em_open":
            italic = True
        elif child.type == "em_close":
            italic = False
        elif child.type in ("softbreak", "hardbreak"):
            paragraph.append({"t": " ", "b": False, "i": False, "c": False})
        elif child.type == "image":
            paragraph.append({"t": f"[image: {child.content}]", "b": False, "i": True, "c": False})
        elif child.type in ("text", "code_inline"):
            pieces = child.content.split(BLANK)
            for n, piece in enumerate(pieces):
                if n:
                    index = state["blank"]
                    state["blank"] += 1
                    paragraph.append({"blank": string.ascii_lowercase[index % 26],
                                      "hint": hints[index] if index < len(hints) else ""})
                if piece:
                    paragraph.append({"t": piece, "b": bold, "i": italic, "c": child.type == "code_inline"})


def runs(markdown: str, hints: list[str] | None = None) -> list[list[dict]]:
    """Markdown as paragraphs of runs ({t, b, i, c}, or {blank, hint} for a cloze blank).

    Args:
        markdown: the text.
        hints: cloze hints, one per BLANK mark in order.
    Returns:
        A list of paragraphs; list items and headings become paragraphs of their own.
    """
    paragraphs: list[list[dict]] = []
    state = {"blank": 0}
    prefix = ""
    for token in _MD.parse(markdown or ""):
        if token.type == "list_item_open":
            prefix = f"{token.info}. " if token.info else "• "
        elif token.type == "inline":
            paragraph = [{"t": prefix, "b": False, "i": False, "c": False}] if prefix else []
            prefix = ""
            _inline(token, paragraph, hints or [], state)
            paragraphs.append(paragraph)
        elif token.type in ("fence", "code_block"):
            paragraphs.append([{"t": token.content.rstrip("\n"), "b": False, "i": False, "c": True}])
    return paragraphs


def worksheet_data(sheet: Worksheet) -> dict:
    """The JSON the template reads: every text as runs."""
    entries = []
    for e in sheet.entries:
        d = asdict(e)
        d["prompt"] = runs(e.prompt, e.hints)
        d["choices"] = [runs(c) for c in e.choices]
        d["left"] = [runs(c) for c in e.left]
        for key in ("key", "explanation", "quote"):
            d[key] = runs(getattr(e, key))
        entries.append(d)
    return {"title": sheet.title, "paper": PAPERS[sheet.paper], "answers": sheet.answers, "seed": sheet.seed,
            "entries": entries}


def render_pdf(sheet: Worksheet) -> bytes:
    """The worksheet as PDF bytes.

    Raises:
        WorksheetError: Typst failed (a bug in the template, never the bank's text).
    """
    import typst
    try:
        return typst.compile(TEMPLATE.read_bytes(), format="pdf",
                             sys_inputs={"data": json.dumps(worksheet_data(sheet), ensure_ascii=False)})
    except Exception as exc:  # typst.TypstError, RuntimeError: both carry Typst's own message
        raise WorksheetError(f"Typst could not typeset the worksheet: {exc}") from None
