"""Safe YAML loading that keeps the node tree, so any error can be located later."""
from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .limits import MAX_DEPTH, MAX_NODES, TooDeep, check_depth

try:  # libyaml's C parser; the pure-Python one is four times slower.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_T = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _T + "str", _T + "map", _T + "seq"
_SAFE = SafeConstructor()
# Only plain data tags are ever constructed; anything else (!!python/object,
# !!binary, custom !tags) is reported and replaced by INVALID.
_SCALARS = {
    _T + "int": _SAFE.construct_yaml_int,
    _T + "float": _SAFE.construct_yaml_float,
    _T + "bool": _SAFE.construct_yaml_bool,
    _T + "null": _SAFE.construct_yaml_null,
    _T + "timestamp": _SAFE.construct_yaml_timestamp,
}


class _Invalid:
    """Stands in for a value that was already reported, so it is not reported twice."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


class YamlIssue(Exception):
    """A YAML problem with a 1-based position."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _pos(node: Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def compose(text: str) -> Node | None:
    """Parse one YAML document into nodes; raise YamlIssue on a syntax error or too deep a nesting."""
    try:
        check_depth(text)  # before the C composer, which would crash the process on deep nesting
        return yaml.compose(text, Loader=_Loader)
    except TooDeep as exc:
        raise YamlIssue(exc.line, exc.column, _too_deep()) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context and "single document" in exc.context:
            what = "a bank file holds one YAML document, found a second one"
        raise YamlIssue(line, col, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:
        raise YamlIssue(1, 1, f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlIssue(1, 1, _too_deep()) from None


def _too_deep() -> str:
    return f"YAML nesting is deeper than {MAX_DEPTH} levels (a bank needs about 5); flatten the lists and mappings"


_SCALAR_KINDS = {"int": "whole number", "float": "number", "bool": "true/false value", "null": "null",
                 "timestamp": "date (YYYY-MM-DD)"}


def invalid_scalar(value: str, tag: str) -> str:
    """A value that YAML reads as a number, date or boolean but cannot be one, said for a teacher."""
    kind = _SCALAR_KINDS.get(tag.removeprefix(_T), tag.replace(_T, "!!"))
    return f"{value!r} looks like a {kind} but is not a valid one; put it in quotes if it is meant as text"


class Builder:
    """Turns nodes into plain Python data, collecting problems instead of raising."""

    def __init__(self) -> None:
        self.issues: list[YamlIssue] = []
        self._count = 0
        self._active: set[int] = set()
        self._depth = 0

    def build(self, node: Node):
        self._count += 1
        if self._count > MAX_NODES:
            raise YamlIssue(*_pos(node), "document too large (too many nodes or alias expansions)")
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value
            make = _SCALARS.get(tag)
            if make is None:
                return self._bad_tag(node)
            try:
                return make(node)
            except (ValueError, TypeError, OverflowError, AttributeError, KeyError, yaml.YAMLError):
                # `!!timestamp hello` fails inside PyYAML with AttributeError, `!!bool maybe` with KeyError.
                self.issues.append(YamlIssue(*_pos(node), invalid_scalar(node.value, tag)))
                return INVALID
        if id(node) in self._active:
            raise YamlIssue(*_pos(node), "recursive YAML alias")
        if self._depth >= MAX_DEPTH:
            raise YamlIssue(*_pos(node), _too_deep())
        self._active.add(id(node))
        self._depth += 1
        try:
            if isinstance(node, SequenceNode):
                if tag != _SEQ:
                    return self._bad_tag(node)
                return [self.build(item) for item in node.value]
            if isinstance(node, MappingNode):
                if tag != _MAP:
                    return self._bad_tag(node)
                return self._mapping(node)
        finally:
            self._active.discard(id(node))
            self._depth -= 1
        return self._bad_tag(node)  # pragma: no cover - no other node kinds exist

    def _mapping(self, node: MappingNode) -> dict:
        result: dict = {}
        first: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.issues.append(YamlIssue(*_pos(key_node), "a key must be a plain value, not a list or mapping"))
                continue
            if key_node.tag == _T + "merge":
                self.issues.append(YamlIssue(*_pos(key_node), "merge keys (<<) are not supported"))
                continue
            key = self.build(key_node)
            if key is INVALID:
                continue
            if key in first:
                line = first[key][0]
                self.issues.append(YamlIssue(*_pos(key_node), f"duplicate key {key_node.value!r} (first defined on line {line})"))
                continue
            first[key] = _pos(key_node)
            result[key] = self.build(value_node)
        return result

    def _bad_tag(self, node: Node):
        tag = node.tag.replace(_T, "!!")
        self.issues.append(YamlIssue(*_pos(node), f"unsupported YAML tag {tag}: bank files hold plain data only"))
        return INVALID


def locate(root: Node | None, loc: tuple, *, key: bool = False) -> tuple[int, int]:
    """Position of the value (or of its key) at loc; falls back to the nearest parent found."""
    if root is None:
        return 1, 1
    node, key_node = root, None
    for part in loc:
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == str(part):
                    node, key_node = v, k
                    break
            else:
                continue  # a union tag or a missing key: stay on the parent
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node, key_node = node.value[part], None
        # else: stay where we are
    if key and key_node is not None:
        return _pos(key_node)
    return _pos(node)
