"""Makes text from bank files safe to show: escape sequences stripped, markup never interpreted."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from textual.content import Content

# ESC-introduced sequences (CSI, OSC, DCS, two-byte escapes) and the C0/C1 controls other
# than newline and tab: a bank must not move the cursor, retitle the terminal or ring bells.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"  # OSC / DCS / SOS / PM / APC ... terminator
    r"|\x1b[@-Z\\-_]?"                   # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"            # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]",
    re.S,
)


def clean(text: str) -> str:
    """The text without terminal escape sequences or control characters."""
    return _ESCAPES.sub("", text.replace("\r\n", "\n"))


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
