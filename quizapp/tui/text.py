"""Text for Textual: bank text as literal content (never markup), moments and durations in words."""
from __future__ import annotations

from datetime import datetime, timedelta

from textual.content import Content

from ..termtext import clean

__all__ = ["clean", "literal", "when", "duration"]


def literal(text: str) -> Content:
    """Plain text as Textual content: `[bold]` stays `[bold]`."""
    return Content(clean(text))


def when(moment: datetime | None, now: datetime) -> str:
    """A moment relative to now in words: 'in 3h', 'tomorrow', '2 days ago'."""
    if moment is None:
        return "never"
    delta = moment - now
    if abs(delta) < timedelta(minutes=1):
        return "now"
    from ..srs.scheduler import format_interval  # here: the library screen must not wait for the engine
    span = format_interval(abs(delta))
    if delta > timedelta(0):
        return "tomorrow" if span == "1d" else f"in {span}"
    return "yesterday" if span == "1d" else f"{span} ago"


def duration(seconds: float) -> str:
    """Elapsed time as m:ss or h:mm:ss."""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
