"""Workarounds for three Textual leaks that make long study sessions stall: removed widgets kept alive."""
from __future__ import annotations

import gc

from textual._styles_cache import StylesCache  # private: the cache this works around (see below)
from textual.app import App
from textual.dom import DOMNode
from textual.signal import Signal


def release_render_caches() -> None:
    """Textual's StylesCache.get_inner_outer is an lru_cache on a method, so it keeps the render caches of the
    last 1,024 widgets alive after they are removed (Textual issue #6665)."""
    cache_clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if cache_clear is not None:  # gone once Textual fixes it
        cache_clear()


def drop_stale_watchers(app: App[object]) -> None:
    """Forget watchers that removed widgets left on the app and the nodes of its current screen.

    A widget that watches another (Footer's keys bind its `compact`) is stored on the watched node, and Textual
    only prunes the list when that reactive changes (Textual issue #6666): every recomposed footer keeps its old
    keys. Textual's own pruning rule is used: a watcher whose widget is closing is dropped."""
    for node in app.walk_children(with_self=True):  # the app, its current screen and every widget on it
        watchers = getattr(node, "__watchers", None)  # where Textual keeps them (reactive.py)
        if isinstance(watchers, dict):
            for entries in watchers.values():
                entries[:] = [(owner, callback) for owner, callback in entries if not getattr(owner, "_closing", False)]


def drop_stale_subscriptions(*nodes: DOMNode) -> None:
    """Unsubscribe removed widgets from these nodes' signals.

    Signal subscribers are weak keys whose callbacks close over the subscriber, so they never go on their own;
    Textual drops them when the signal is published. An Input subscribes to its screen's text-selection signal,
    published only when the mouse selects text: every typed-answer card would stay alive."""
    for node in nodes:
        for signal in [value for value in vars(node).values() if isinstance(value, Signal)]:
            subscribers = getattr(signal, "_subscriptions", None)  # where Textual keeps them (signal.py)
            for subscriber in list(subscribers.keys()) if subscribers is not None else ():
                if getattr(subscriber, "_closing", False):
                    signal.unsubscribe(subscriber)


def release_removed_widgets(app: App[object]) -> None:
    """All of the above, then a full collection; call at a quiet moment after removing widgets.

    Without the workarounds a session piles up ~1,000 objects a card that every full collection walks. And a
    removed card is cyclic garbage old enough that only a full collection frees it: done here, while the
    learner reads, rather than whenever Python decides, which may be between a key and the next card."""
    release_render_caches()
    drop_stale_watchers(app)
    drop_stale_subscriptions(app, app.screen)
    gc.collect()
