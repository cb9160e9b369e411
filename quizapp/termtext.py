"""Text from bank files made safe for a terminal: the one sanitiser every plain-text output goes through."""
from __future__ import annotations

import re

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
    """The text without terminal escape sequences or control characters (newline and tab kept).

    Args:
        text: any text that came from a bank, a store or a learner.

    Returns:
        The same text with every escape sequence and control character removed.
    """
    return _ESCAPES.sub("", text.replace("\r\n", "\n"))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def first_control(text: str) -> str | None:
    """The first control character in text (newline and tab allowed), as `U+001B`, or None.

    Args:
        text: a text field of a bank.

    Returns:
        The code point of the first control character, or None when there is none.
    """
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
