"""Text from other formats into bank Markdown: HTML (Moodle, Anki fields) and plain text."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# A backslash is Markdown's escape only before ASCII punctuation; elsewhere it is a plain character.
_MD_SPECIAL = re.compile(r"([`*_\[\]<>|]|\\(?=[!-/:-@\[-`{-~]))")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(\s)", re.M)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr"}
# Inline tags whose Markdown marker is the same on both sides.
_MARKERS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}
_SPACES = re.compile(r"[ \t]+")


def plain_to_markdown(text: str, *, inline: bool = False) -> str:
    """Text meant literally, escaped so that Markdown shows it as it is (`a*b*c` stays three letters and stars).

    Args:
        text: the literal text.
        inline: the text is one line inside others (a choice): no list or heading marker can start it.
    Returns:
        Markdown.
    """
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text if inline else _LINE_START.sub(r"\1\\\2\3", text)


def looks_like_html(text: str) -> bool:
    """True when text holds HTML tags or entities (Moodle's default format allows both)."""
    return bool(_TAG.search(text)) or bool(re.search(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I))


class _ToMarkdown(HTMLParser):
    def __init__(self, media: list[str], inline: bool):
        super().__init__(convert_charrefs=True)
        self.inline = inline
        self.code = 0  # inside <code>: text is literal, nothing to escape
        self.out: list[str] = []
        self.lists: list[list] = []  # per open list: [ordered, counter]
        self.href: list[str | None] = []
        self.media = media
        self.skip = 0  # inside <script>/<style>

    def _text(self, s: str) -> None:
        self.out.append(s)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self._text("\n")
        elif tag in _BLOCKS or tag == "hr":
            self._text("\n\n")
        elif tag in _MARKERS:
            self.code += tag == "code"
            self._text(_MARKERS[tag])
        elif tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
            self._text("\n")
        elif tag == "li":
            indent = "   " * max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self._text(f"\n{indent}{self.lists[-1][1]}. ")
            else:
                self._text(f"\n{indent}- ")
        elif tag == "a":
            self.href.append(a.get("href"))
            self._text("[" if a.get("href") else "")
        elif tag == "img" and a.get("src"):
            self.media.append(a["src"])
            src = a["src"] if not re.search(r"[\s()<>]", a["src"]) else f"<{a['src']}>"
            self._text(f"![{plain_to_markdown(a.get('alt') or '')}]({src})")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(self.skip - 1, 0)
        elif tag in _BLOCKS:
            self._text("\n\n")
        elif tag in _MARKERS:
            self.code = max(self.code - (tag == "code"), 0)
            self._text(_MARKERS[tag])
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._text("\n\n")
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href:
                self._text(f"]({href})")
        elif tag in ("td", "th"):
            self._text(" ")

    def handle_data(self, data):
        if self.skip:
            return
        if self.code:
            self._text(data)
        else:
            self._text(plain_to_markdown(_SPACES.sub(" ", data.replace("\n", " ")), inline=self.inline))


def html_to_markdown(text: str, media: list[str] | None = None, *, inline: bool = False) -> str:
    """HTML (a Moodle question, an Anki field) as bank Markdown: emphasis, lists, links and images kept.

    Args:
        text: the HTML.
        media: when given, the src of every image is appended to it (files to copy beside the bank).
        inline: the HTML is one item of a list (a choice, a pair): see plain_to_markdown.
    Returns:
        Markdown text, stripped; other tags are dropped, their text kept.
    """
    parser = _ToMarkdown(media if media is not None else [], inline)
    parser.feed(text)
    parser.close()
    md = "".join(parser.out)
    md = re.sub(r"[ \t]+\n", "\n", md)
    md = re.sub(r"\n[ \t]+(?![-\d])", "\n", md)
    md = re.sub(r"\n{3,}", "\n\n", md)
    md = re.sub(r"\*\*\*\*|(?<!\*)\*\*(?!\*)(?=\s*\*\*)", "", md)  # empty emphasis from <b></b>
    return md.strip()


def to_markdown(text: str, fmt: str, media: list[str] | None = None) -> str:
    """Text in one of GIFT's formats (html, moodle, plain, markdown) as bank Markdown."""
    if fmt == "html" or (fmt == "moodle" and looks_like_html(text)):
        return html_to_markdown(text, media)
    if fmt == "plain":
        return plain_to_markdown(text)
    return text.strip()


def unescape_entities(text: str) -> str:
    """HTML entities decoded (a field with no tags may still hold &amp; and friends)."""
    return html.unescape(text)
