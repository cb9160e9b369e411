"""The limits a bank file must keep, and the nesting check run before libyaml sees a file.

libyaml's C composer recurses once per nesting level and crashes the process (a segfault, no exception)
somewhere past 30,000 levels, fewer on a thread with a small stack. So no text reaches it unless its
nesting is known to be shallow: a cheap upper bound usually proves that, and when it cannot, the event
stream of libyaml's parser (an iterative state machine, safe at any depth) is walked to find the real depth.
"""
from __future__ import annotations

import re

import yaml

MAX_FILE_BYTES = 8 * 1024 * 1024  # a 10,000-question bank is about 5.4 MB
MAX_DEPTH = 64  # nesting levels of YAML collections; a bank needs about 5
MAX_NODES = 2_000_000  # nodes after alias expansion: guards against alias bombs ("billion laughs")
# The quick bound proves at most 2 * 201 + 500 levels: the C composer is safe there even on a 512 KB
# thread stack (it needs about 300 bytes a level).

_LEAD_MAX = 200  # longest indentation plus compact indicators (`- - x`) a line may start with, for the quick bound
_FLOW_MAX = 500
_FLOW_QUICK = 32  # deeper brackets are counted exactly (a bank's flow lists nest one or two deep)
_LONG_LEAD = re.compile(r"\n[ \-?:]{%d}" % _LEAD_MAX)
_KEEP = b"[]{}\"'#"
_DROP = bytes(sorted(set(range(256)) - set(_KEEP)))
_MARKS_MAX = 200_000  # brackets, quotes and `#` in a file the quick look goes through
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # libyaml breaks lines on these too; the scan below does not


class TooDeep(Exception):
    """The text nests deeper than MAX_DEPTH; line and column (1-based) of the first node too deep."""

    def __init__(self, line: int, column: int):
        super().__init__(f"YAML nesting deeper than {MAX_DEPTH} levels")
        self.line, self.column = line, column


def _depth_bound(text: str) -> int | None:
    """An upper bound of the nesting depth, or None when this quick look cannot give a sound one.

    A block collection sits at a column no smaller than its parent's (at most two levels a column: a
    mapping and its indentless sequence), and a line's first node at most at the end of its run of
    indentation and compact `- `/`? ` indicators; so lines that all start with fewer than _LEAD_MAX such
    characters nest blocks at most 2 * _LEAD_MAX deep. Flow collections nest by brackets (_flow_depth).
    Every step runs at C speed: a few percent of the composer's time on a 5 MB bank."""
    if any(ch in text for ch in _OTHER_BREAKS):
        return None
    if _LONG_LEAD.search("\n" + text):
        return None
    openers = text.count("[") + text.count("{")
    flow = openers if openers <= _FLOW_MAX else _flow_depth(text.encode("utf-8", "surrogatepass"))
    if flow is None or flow > _FLOW_MAX:
        return None
    return 2 * (_LEAD_MAX + 1) + flow


def _flow_depth(raw: bytes) -> int | None:
    """The bracket nesting depth, when brackets alone prove it; None when a quote or comment is involved.

    Inside a flow collection a plain scalar cannot hold a bracket, so a collection with no quote or `#`
    in it shows only its structural brackets: with every other byte dropped it reads `[]`, `[{}]`...
    Each round below removes such innermost pairs, at most two levels a round (a quote or `#` between
    two brackets keeps them apart for good). A `[` or `{` still left is a collection holding a quote or
    comment, or a literal bracket in block text: no sound bound then."""
    marks = raw.translate(None, _DROP)
    if len(marks) > _MARKS_MAX:
        return None
    depth = 0
    while True:
        shorter = marks.replace(b"[]", b"").replace(b"{}", b"")
        if shorter == marks:
            break
        marks, depth = shorter, depth + 2
        if depth > _FLOW_QUICK:
            return None
    if b"[" in marks or b"{" in marks:
        return None
    return depth


def check_depth(text: str) -> None:
    """Raise TooDeep when the YAML text nests deeper than MAX_DEPTH, without the C composer's recursion.

    Args:
        text: a whole bank file, decoded.

    Raises:
        TooDeep: located at the first collection that is too deep. Syntax errors are left to the composer,
            which stops at them before any deeper nesting.
    """
    if _depth_bound(text) is not None:
        return  # the composer is safe; the builder enforces MAX_DEPTH on the nodes exactly
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise TooDeep(mark.line + 1, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return
