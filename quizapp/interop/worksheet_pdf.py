"""The worksheet as PDF, typeset by Typst (the `typst` wheel) from worksheet.typ and the content as JSON.

Bank text is Markdown; it reaches Typst as runs of plain strings marked bold, italic or code, so no
character in a bank can be taken for Typst markup.
"""
from __future__ import annotations

import json
import shutil
import string
import tempfile
from dataclasses import asdict
from pathlib import Path

from markdown_it import MarkdownIt

from .worksheet import BLANK, PAPERS, Worksheet, resolve_image

TEMPLATE = Path(__file__).with_name("worksheet.typ")
_MD = MarkdownIt("commonmark", {"html": False})


class WorksheetError(Exception):
    """Typst could not typeset the worksheet."""


class Images:
    """Images copied into Typst's root folder under plain names, so the template can place them."""

    def __init__(self, root: Path):
        self.root = root
        self.names: dict[Path, str] = {}

    def add(self, file: Path) -> str:
        if file not in self.names:
            self.names[file] = f"image-{len(self.names)}{file.suffix.lower()}"
            shutil.copyfile(file, self.root / self.names[file])
        return "/" + self.names[file]


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
            file = resolve_image(state["folder"], str(child.attrs.get("src", ""))) if state["images"] else None
            if file is not None:
                paragraph.append({"img": state["images"].add(file)})
            else:
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


def runs(markdown: str, hints: list[str] | None = None, images: Images | None = None,
         folder: str = "") -> list[list[dict]]:
    """Markdown as paragraphs of runs ({t, b, i, c}, {blank, hint} for a cloze blank, {img} for an image).

    Args:
        markdown: the text.
        hints: cloze hints, one per BLANK mark in order.
        images: where images go for Typst (None: print their alt text).
        folder: the bank's folder, which image paths are relative to.
    Returns:
        A list of paragraphs; list items and headings become paragraphs of their own.
    """
    paragraphs: list[list[dict]] = []
    state = {"blank": 0, "images": images, "folder": folder}
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


def worksheet_data(sheet: Worksheet, images: Images | None = None) -> dict:
    """The JSON the template reads: every text as runs (images copied into images' root)."""
    entries = []
    for e in sheet.entries:
        d = asdict(e)
        d["prompt"] = runs(e.prompt, e.hints, images, e.folder)
        d["choices"] = [runs(c, None, images, e.folder) for c in e.choices]
        d["left"] = [runs(c, None, images, e.folder) for c in e.left]
        for key in ("key", "explanation", "quote"):
            d[key] = runs(getattr(e, key), None, images, e.folder)
        d["quoted"] = e.quote[:1] in "\"“'‘"  # a quote that brings its own quotation marks
        entries.append(d)
    return {"title": sheet.title, "paper": PAPERS[sheet.paper], "answers": sheet.answers, "seed": sheet.seed,
            "entries": entries}


def render_pdf(sheet: Worksheet) -> bytes:
    """The worksheet as PDF bytes.

    Raises:
        WorksheetError: Typst failed (a bug in the template, never the bank's text).
    """
    import typst
    with tempfile.TemporaryDirectory() as root:
        data = worksheet_data(sheet, Images(Path(root)))
        try:
            return typst.compile(TEMPLATE.read_bytes(), format="pdf", root=root,
                                 sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
        except Exception as exc:  # typst.TypstError, RuntimeError: both carry Typst's own message
            raise WorksheetError(f"Typst could not typeset the worksheet: {exc}") from None
