"""A Footer that redraws only when its keys change (focus moves between widgets on every card)."""
from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, recomposed only when the shown keys differ (focus moves often while studying)."""

    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def __init__(self, **kwargs: Any) -> None:
        # Compact: every key of the library (Settings and Help included) fits in 80 columns.
        super().__init__(compact=True, **kwargs)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = tuple((binding.key, binding.description, enabled)
                      for (_node, binding, enabled, _tip) in screen.active_bindings.values() if binding.show)
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
