"""Turns pydantic validation errors into located, teacher-readable problems: a small formatter per error kind."""
from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .models import QUESTION_TYPES, Bank, Source
from .problems import ProblemCollector
from .yamlsource import INVALID, YamlPath

_KIND = {str: "text", int: "a number", float: "a number", bool: "a boolean", list: "a list",
         dict: "a mapping", type(None): "nothing (null)"}
_EXPECT = {"string_type": "text", "bool_type": "a boolean (true or false)", "int_type": "a number",
           "float_type": "a number", "dict_type": "a mapping", "tuple_type": "a list", "list_type": "a list",
           "model_type": "a mapping", "model_attributes_type": "a mapping", "date_type": "a date (YYYY-MM-DD)",
           "date_from_datetime_parsing": "a date (YYYY-MM-DD)", "date_parsing": "a date (YYYY-MM-DD)",
           "date_from_datetime_inexact": "a date (YYYY-MM-DD) without a time of day", "finite_number": "a finite number"}


# Keys of another type a teacher reaches for, and what this type calls them (a flashcard has no `answer`).
_MEANT = {"answer": "back", "prompt": "front", "question": "front"}

_SELF_LOCATED = {"duplicate", "duplicate_match", "answer_not_in_choices", "no_cloze", "empty_cloze",
                  "cloze_zero", "cloze_range", "empty_answer", "reject_accepted"}

# pydantic's number bounds, said as a teacher would: "tolerance must be 0 or more, got -1".
_BOUNDS = {"greater_than_equal": ("ge", "{} or more"), "greater_than": ("gt", "more than {}"),
           "less_than_equal": ("le", "{} or less"), "less_than": ("lt", "less than {}")}

# The entries a list may hold, by its key: at least, and at most (None: no upper bound).
_FEWEST = {"choices": 2, "items": 2, "pairs": 2, "questions": 1}
_MOST = {"choices": 8, "items": 10, "pairs": 10}


def _kind(value: object) -> str:
    return _KIND.get(type(value), type(value).__name__)


def _data_path(data: Any, loc: YamlPath) -> YamlPath:
    """Drop the union tags pydantic inserts (questions.3.multiple_choice.answer)."""
    out: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and part in QUESTION_TYPES and node.get("type") == part:
            continue
        elif not isinstance(node, (dict, list)) and isinstance(part, str):
            continue  # a union branch name (`int`, `float`...) below a scalar
        elif isinstance(node, list) and isinstance(part, str):
            continue  # `tuple[str, ...]` branch of `answer: str | list[str]`
        else:
            node = None
        out.append(part)
    return tuple(out)


def _model_at(data: Any, path: YamlPath) -> Any:
    if not path:
        return Bank
    if path[0] == "source" and len(path) == 1:
        return Source
    if path[0] == "questions" and len(path) == 2 and isinstance(data, dict):
        qs = data.get("questions")
        if isinstance(qs, list) and isinstance(path[1], int) and path[1] < len(qs) and isinstance(qs[path[1]], dict):
            return QUESTION_TYPES.get(qs[path[1]].get("type"))
    return None


def _where(path: YamlPath) -> str:
    if len(path) >= 2 and path[0] == "questions":
        return f" in question {path[1] + 1}"
    return ""


def _name(path: YamlPath) -> str:
    """What a teacher calls the value at path: `question 2`, `choice 3 of choices`, or the key's name."""
    if not path:
        return "bank"
    last = path[-1]
    if not isinstance(last, int):
        return str(last)
    if path[:1] == ("questions",) and len(path) == 2:
        return f"question {last + 1}"
    return f"entry {last + 1} of {path[-2]}" if len(path) >= 2 else f"entry {last + 1}"


def _entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


# A formatter turns one pydantic error, at its path in the data, into where to place it and what to say:
# (path, message, placed on the key rather than the value).
Placed = tuple[YamlPath, str, bool]
Formatter = Callable[[ErrorDetails, YamlPath, Any], Placed]


def _missing(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    return path[:-1], f"missing required key {path[-1]!r}{_where(path[:-1])}", False


def _unknown_key(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    name = str(path[-1])
    model = _model_at(data, path[:-1])
    known = list(model.model_fields) if model else []
    close = [_MEANT[name]] if name in _MEANT and _MEANT[name] in known else \
        difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    if model is not None and "type" in model.model_fields:
        owner = f"in a {model.model_fields['type'].annotation.__args__[0]} question"
    else:
        owner = {Bank: "at the top of a bank", Source: "in source"}.get(model, "here")
    return path, f"unknown key {name!r}{hint}; not allowed {owner}", True


def _unknown_type(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    given = (err.get("ctx") or {}).get("tag")
    close = difflib.get_close_matches(str(given), list(QUESTION_TYPES), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return path + ("type",), f"unknown question type {given!r}{hint}; expected one of: {', '.join(QUESTION_TYPES)}", \
        False


def _no_type(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    return path, f"missing required key 'type'{_where(path)}; expected one of: {', '.join(QUESTION_TYPES)}", False


def _wrong_kind(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    got = _kind(err.get("input"))
    if path == ():
        return path, f"the file must be a mapping of keys (id, title, questions...), got {got}", False
    return path, f"{_name(path)}: expected {_EXPECT[err['type']]}, got {got}", False


def _bad_id(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    return path, (f"{err.get('input')!r} is not a valid id: use lowercase letters, digits and hyphens, "
                  "starting with a letter or digit"), False


def _empty_text(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    return path, f"{_name(path) if path else 'value'} must not be empty", False


def _entry_count(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    last = path[-1] if path else ""
    got = len(err.get("input") or ())
    if last == "questions" and not got:
        return path, "questions must not be empty: a bank needs at least one question", False
    most = _MOST.get(last)
    fewest = _FEWEST.get(last, 1)
    wanted = f"{fewest} to {most} entries" if most else f"at least {_entries(fewest)}"
    return path, f"{_name(path)} must have {wanted}, got {got}", False


def _too_short(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    if isinstance(err.get("input"), str):
        return _empty_text(err, path, data)
    return _entry_count(err, path, data)


def _string_too_short(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    if isinstance(err.get("input"), str):
        return _empty_text(err, path, data)
    return _in_pydantics_words(err, path, data)


def _bound(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    bound, wording = _BOUNDS[err["type"]]
    limit = (err.get("ctx") or {}).get(bound)
    return path, f"{_name(path)} must be {wording.format(limit)}, got {err.get('input')!r}", False


def _text_or_texts(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:  # multiple_choice answer
    return path, f"{_name(path)}: expected text or a list of texts, got {_kind(err.get('input'))}", False


def _in_pydantics_words(err: ErrorDetails, path: YamlPath, data: Any) -> Placed:
    """Any error not worded above, including the models' own checks (their message is already a teacher's)."""
    msg = err["msg"].removeprefix("Value error, ")
    if msg.startswith("Input should be "):  # pydantic's voice
        msg = "expected " + msg.removeprefix("Input should be ")
    if path and not isinstance(path[-1], int) and err["type"] not in _SELF_LOCATED:
        msg = f"{path[-1]}: {msg}"
    return path, msg, False


_FORMATTERS: dict[str, Formatter] = {
    "missing": _missing, "extra_forbidden": _unknown_key,
    "union_tag_invalid": _unknown_type, "union_tag_not_found": _no_type,
    **{kind: _wrong_kind for kind in _EXPECT},
    "string_pattern_mismatch": _bad_id,
    "too_short": _too_short, "string_too_short": _string_too_short, "too_long": _entry_count,
    **{kind: _bound for kind in _BOUNDS},
    "union_type": _text_or_texts,
}


def _reported_elsewhere(err: ErrorDetails) -> bool:
    if err.get("input") is INVALID:
        return True  # already reported by the YAML layer
    if err["type"] == "duplicate_id":
        return True  # reported, for every duplicate, by check_duplicate_ids
    ctx = err.get("ctx") or {}
    # pydantic's echo of failed items, not a real shortage (blank text is one: "  " strips to "")
    return (err["type"] == "too_short" and not isinstance(err.get("input"), str)
            and len(err.get("input") or ()) >= ctx.get("min_length", 0))


def translate(exc: ValidationError, data: Any, problems: ProblemCollector) -> None:
    """Add each of pydantic's errors to problems, worded for a teacher and placed where it is in the file.

    Args:
        exc: what Bank.model_validate raised.
        data: the data it validated (the file as built by the YAML layer).
        problems: the file's problems, which places each one.
    """
    for err in exc.errors():
        if _reported_elsewhere(err):
            continue
        path = _data_path(data, tuple(err["loc"]))
        at = (err.get("ctx") or {}).get("at")
        if isinstance(at, tuple):  # a model's own check names the place it means
            path = at if at[:1] == ("questions",) else path + at
        formatter = _FORMATTERS.get(err["type"], _in_pydantics_words)
        where, message, on_key = formatter(err, path, data)
        problems.at(where, message, key=on_key)


def check_duplicate_ids(data: Any, problems: ProblemCollector) -> None:
    """Add a problem at every repeated question id, each located at its own `id`.

    Args:
        data: the file as built by the YAML layer.
        problems: the file's problems.
    """
    first: dict[str, int] = {}
    qs = data.get("questions") if isinstance(data, dict) else None
    for i, q in enumerate(qs if isinstance(qs, list) else ()):
        qid = q.get("id") if isinstance(q, dict) else None
        if not isinstance(qid, str):
            continue
        if qid in first:
            first_line = problems.locator.at(("questions", first[qid], "id"))[0]
            problems.at(("questions", i, "id"), f"duplicate question id {qid!r} (first used on line {first_line})")
        else:
            first[qid] = i  # located only when repeated: a walk per question would cost a large bank 3%
