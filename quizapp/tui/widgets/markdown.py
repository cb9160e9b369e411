"""Markdown from bank files in one cheap widget."""
from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Static

from ..text import clean


class MarkdownText(Static):
    """Rendered Markdown (Rich's renderer on markdown-it): one widget per text, so a new card mounts fast.

    Rich/Textual markup in the text stays literal: the Markdown renderer builds styled text itself and
    never parses `[bold]`-style markup.
    """

    DEFAULT_CSS = "MarkdownText { height: auto; }"

    def __init__(self, markdown: str, **kwargs) -> None:
        super().__init__(RichMarkdown(clean(markdown), hyperlinks=False), **kwargs)
