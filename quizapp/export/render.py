"""Bank text to Anki field HTML: Markdown through markdown-it-py, plain values escaped, images packed as media."""
from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..bank.yamlsource import YamlPath

# html disabled: raw HTML in a bank is shown as text in Anki, never interpreted.
_MD = MarkdownIt("commonmark", {"html": False})

# Text that markdown-it would turn into one plain paragraph: a single line with none of the characters that
# start Markdown syntax (emphasis, code, links, images, escapes, entities, HTML) and no list, heading or
# quote marker at its start.  Most bank text is like this, and rendering it without the parser keeps large
# exports fast; tests/export/test_export_render.py checks against markdown-it that both paths give the same HTML.
_PLAIN = re.compile(r"(?![-+= ]|\d+[.)])[^\\`*_\[\]<>&~#|\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029"
                    r"\u202f\u205f\u3000]*(?<! )")  # the class also leaves out every whitespace but the space
_SAFE_MEDIA_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _escape_like_markdown_it(text: str) -> str:
    # The plain pattern excludes & < >, so of markdown-it's escapes only the double quote remains.
    return text.replace('"', "&quot;")


def plain(text: str | None) -> str:
    """A value shown literally: <, >, & and quotes stay text in Anki."""
    return html.escape(text) if text else ""


@lru_cache(maxsize=8192)
def _markdown_block(text: str) -> str:
    rendered: str = _MD.render(text)  # markdown-it types render() through its renderer protocol, as Any
    return rendered.rstrip("\n")


@lru_cache(maxsize=8192)
def _markdown_inline(text: str) -> str:
    rendered: str = _MD.renderInline(text)
    return rendered


class Media:
    """The image files an export packs, under names unique by content (two banks' img/map.png never clash)."""

    def __init__(self) -> None:
        self.files: dict[str, Path] = {}  # media name -> file
        self._names: dict[Path, str] = {}

    def add(self, file: Path) -> str:
        name = self._names.get(file)
        if name is None:
            digest = hashlib.sha1(file.read_bytes()).hexdigest()[:12]
            stem = _SAFE_MEDIA_NAME.sub("-", file.stem).strip("-") or "image"
            name = f"{stem}-{digest}{file.suffix.lower()}"
            self._names[file] = name
            self.files[name] = file
        return name


class TextRenderer:
    """Renders one bank's text; problems with images are collected as (where, message), where a YAML path."""

    def __init__(self, bank_dir: Path, media: Media) -> None:
        self.bank_dir = bank_dir.resolve()
        self.media = media
        self.problems: list[tuple[YamlPath, str]] = []

    def block(self, text: str | None, where: YamlPath) -> str:
        """Markdown with paragraphs, lists and so on (prompts, explanations, cloze text)."""
        if not text:
            return ""
        if _PLAIN.fullmatch(text):
            return f"<p>{_escape_like_markdown_it(text)}</p>"
        if "![" in text:
            return self._with_images(_MD.parse(text), where).rstrip("\n")
        return _markdown_block(text)

    def inline(self, text: str | None, where: YamlPath) -> str:
        """Markdown within one line (choices, items, pairs): emphasis, code and links, no paragraphs."""
        if not text:
            return ""
        if _PLAIN.fullmatch(text):
            return _escape_like_markdown_it(text)
        if "![" in text:
            return self._with_images(_MD.parseInline(text), where)
        return _markdown_inline(text)

    def _with_images(self, tokens: list[Token], where: YamlPath) -> str:
        for token in tokens:
            for child in token.children or ():
                if child.type == "image":
                    child.attrs["src"] = self._image(str(child.attrs.get("src", "")), where)
        rendered: str = _MD.renderer.render(tokens, _MD.options, {})
        return rendered

    def _image(self, src: str, where: YamlPath) -> str:
        """The media name for an image path relative to the bank file; web and data URLs stay as they are."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return src
        relative = unquote(parts.path)
        if not relative:
            self.problems.append((where, "image with an empty path"))
            return src
        file = (self.bank_dir / relative).resolve()
        if not file.is_relative_to(self.bank_dir):
            self.problems.append((where, f"image {relative!r} is outside the bank's folder {self.bank_dir}; "
                                         "keep images beside the bank or below its folder"))
            return src
        if not file.is_file():
            self.problems.append((where, f"image {relative!r} not found (looked for {file})"))
            return src
        try:
            return self.media.add(file)
        except OSError as exc:
            self.problems.append((where, f"image {relative!r} cannot be read: {exc.strerror or exc}"))
            return src
