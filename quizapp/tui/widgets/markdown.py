"""Markdown from bank files in one cheap widget, and a Footer that redraws only when its keys change."""
from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Footer, Static

from ..text import clean


class MarkdownText(Static):
    """Rendered Markdown (Rich's renderer on markdown-it): one widget per text, so a new card mounts fast.

    Rich/Textual markup in the text stays literal: the Markdown renderer builds styled text itself and
    never parses `[bold]`-style markup.
    """

    DEFAULT_CSS = "MarkdownText { height: auto; }"

    def __init__(self, markdown: str, **kwargs) -> None:
        super().__init__(RichMarkdown(clean(markdown), hyperlinks=False), **kwargs)


class KeyFooter(Footer):
    """Textual's Footer, recomposed only when the shown keys differ (focus moves often while studying)."""

    _shown: tuple | None = None

    def bindings_changed(self, screen) -> None:
        shown = tuple((binding.key, binding.description, enabled)
                      for (_node, binding, enabled, _tip) in screen.active_bindings.values() if binding.show)
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
