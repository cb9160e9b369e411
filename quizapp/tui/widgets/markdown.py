"""Markdown from bank files in one cheap widget."""
from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Static

from ..text import clean

# CommonMark with HTML off: `<b>` in a prompt is text to show (line mode and Anki show it too), not a tag to drop.
_PARSER = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").enable("table")


class TextMarkdown(RichMarkdown):
    """Rich's Markdown renderer with inline and block HTML kept as literal text."""

    def __init__(self, markup: str, **kwargs: Any) -> None:
        super().__init__("", **kwargs)  # Rich's own parse of nothing: cheap; ours below
        self.markup = markup
        self.parsed = _PARSER.parse(markup)


class MarkdownText(Static):
    """Rendered Markdown (Rich's renderer on markdown-it): one widget per text, so a new card mounts fast.

    Rich/Textual markup in the text stays literal: the Markdown renderer builds styled text itself and
    never parses `[bold]`-style markup. HTML stays literal too (TextMarkdown).
    """

    DEFAULT_CSS = "MarkdownText { height: auto; }"

    def __init__(self, markdown: str, **kwargs: Any) -> None:
        super().__init__(TextMarkdown(clean(markdown), hyperlinks=False), **kwargs)

    def show(self, markdown: str) -> None:
        """Render other Markdown in this widget."""
        self.update(TextMarkdown(clean(markdown), hyperlinks=False))
