"""Where things stand in a bank file: the line an editor opens at, and the locator a load hands consumers."""
from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsource import YamlIssue, compose, locate


def _value(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v  # type: ignore[no-any-return]  # PyYAML's stubs type node values as Any
    return None


def question_line(path: Path, question_id: str) -> int:
    """The line where the question with this id starts in the bank file, or 1 when it cannot be found.

    Args:
        path: the bank file.
        question_id: the question's id.

    Returns:
        A 1-based line number.
    """
    try:
        root = compose(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlIssue):
        return 1
    questions = _value(root, "questions")
    for item in questions.value if isinstance(questions, SequenceNode) else ():
        qid = _value(item, "id")
        if isinstance(qid, ScalarNode) and qid.value == question_id:
            line: int = item.start_mark.line + 1
            return line
    return 1


# A node's positions without the node: (line, column) for a scalar, (line, column, children) for a
# collection, children being a list (sequence) or {key: ((key line, key column), child)} (mapping).
Compact = tuple[Any, ...]


def _compact(node: Node) -> Compact:
    """The positions of node and everything under it (scalars inlined: this runs once per cached bank)."""
    mark = node.start_mark
    if isinstance(node, SequenceNode):
        return (mark.line + 1, mark.column + 1, [
            (m.line + 1, m.column + 1) if item.__class__ is ScalarNode and (m := item.start_mark) else _compact(item)
            for item in node.value])
    if isinstance(node, MappingNode):
        children: dict[str, tuple[tuple[int, int], Compact]] = {}
        for k, v in node.value:
            if k.__class__ is ScalarNode and k.value not in children:  # the first of duplicate keys, as locate()
                km, vm = k.start_mark, v.start_mark
                children[k.value] = ((km.line + 1, km.column + 1),
                                     (vm.line + 1, vm.column + 1) if v.__class__ is ScalarNode else _compact(v))
        return (mark.line + 1, mark.column + 1, children)
    return (mark.line + 1, mark.column + 1)


def _compact_at(root: Compact, loc: tuple[Any, ...], key: bool) -> tuple[int, int]:
    node, key_pos = root, None
    for part in loc:
        children = node[2] if len(node) > 2 else None
        if isinstance(children, dict) and str(part) in children:
            key_pos, node = children[str(part)]
        elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
            key_pos, node = None, children[part]
        # else: stay on the nearest parent found, as locate() does
    if key and key_pos is not None:
        return key_pos  # type: ignore[no-any-return]  # a Compact holds ints where it holds positions
    return node[0], node[1]


class Locator:
    """Where each part of one bank file stands, found once at load: `at(("questions", 3, "quote"))`.

    A fresh load keeps the composed node tree (no extra work on the load path); a cached bank carries the
    same positions in a compact form, made when the entry is pickled, so no consumer re-reads the file.
    """

    def __init__(self, root: Node | None) -> None:
        self._root = root
        self._table: Compact | None = None

    def at(self, loc: tuple[Any, ...], *, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of the value at loc (or of its key); the nearest parent when absent.

        Args:
            loc: a path of mapping keys and list indexes, e.g. ("questions", 0, "answer").
            key: place the key rather than its value.

        Returns:
            (line, column), (1, 1) when nothing of the file is known.
        """
        if self._table is not None:
            return _compact_at(self._table, loc, key)
        return locate(self._root, loc, key=key)

    def __getstate__(self) -> dict[str, Any]:
        table = self._table
        if table is None and self._root is not None:
            table = _compact(self._root)
        # marshal: plain tuples, lists, dicts and ints only, three times faster than pickling them
        # (the cache stamp names the Python version, whose marshal format this is)
        return {"table": marshal.dumps(table)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._root, self._table = None, marshal.loads(state["table"])
