"""Turns pydantic validation errors into located, teacher-readable problems."""
from __future__ import annotations

import difflib

from pydantic import ValidationError

from .models import QUESTION_TYPES, Bank, Source
from .yamlsource import INVALID, locate

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


def _kind(value) -> str:
    return _KIND.get(type(value), type(value).__name__)


def _data_path(data, loc: tuple) -> tuple:
    """Drop the union tags pydantic inserts (questions.3.multiple_choice.answer)."""
    out, node = [], data
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


def _model_at(data, path: tuple):
    if not path:
        return Bank
    if path[0] == "source" and len(path) == 1:
        return Source
    if path[0] == "questions" and len(path) == 2 and isinstance(data, dict):
        qs = data.get("questions")
        if isinstance(qs, list) and isinstance(path[1], int) and path[1] < len(qs) and isinstance(qs[path[1]], dict):
            return QUESTION_TYPES.get(qs[path[1]].get("type"))
    return None


def _where(path: tuple) -> str:
    if len(path) >= 2 and path[0] == "questions":
        return f" in question {path[1] + 1}"
    return ""


def _name(path: tuple) -> str:
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


# pydantic's number bounds, said as a teacher would: "tolerance must be 0 or more, got -1".
_BOUNDS = {"greater_than_equal": ("ge", "{} or more"), "greater_than": ("gt", "more than {}"),
           "less_than_equal": ("le", "{} or less"), "less_than": ("lt", "less than {}")}


def translate(exc: ValidationError, data, root, file: str, Problem) -> list:
    problems, seen = [], set()
    for err in exc.errors():
        if err.get("input") is INVALID:
            continue  # already reported by the YAML layer
        kind, ctx = err["type"], err.get("ctx") or {}
        if kind == "duplicate_id":
            continue  # reported, for every duplicate, by check_duplicate_ids
        if (kind == "too_short" and not isinstance(err.get("input"), str)
                and len(err.get("input") or ()) >= ctx.get("min_length", 0)):
            continue  # pydantic's echo of failed items, not a real shortage (blank text is one: "  " strips to "")
        path = _data_path(data, tuple(err["loc"]))
        if isinstance(ctx.get("at"), tuple):
            path = ctx["at"] if ctx["at"][:1] == ("questions",) else path + ctx["at"]
        on_key = False
        if kind == "missing":
            name = path[-1]
            path = path[:-1]
            msg = f"missing required key {name!r}{_where(path)}"
        elif kind == "extra_forbidden":
            on_key = True
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
            msg = f"unknown key {name!r}{hint}; not allowed {owner}"
        elif kind == "union_tag_invalid":
            path = path + ("type",)
            given = ctx.get("tag")
            close = difflib.get_close_matches(str(given), list(QUESTION_TYPES), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            msg = f"unknown question type {given!r}{hint}; expected one of: {', '.join(QUESTION_TYPES)}"
        elif kind == "union_tag_not_found":
            msg = f"missing required key 'type'{_where(path)}; expected one of: {', '.join(QUESTION_TYPES)}"
        elif kind in _EXPECT:
            msg = f"{_name(path)}: expected {_EXPECT[kind]}, got {_kind(err.get('input'))}"
            if path == ():
                msg = f"the file must be a mapping of keys (id, title, questions...), got {_kind(err.get('input'))}"
        elif kind == "string_pattern_mismatch":
            msg = (f"{err.get('input')!r} is not a valid id: use lowercase letters, digits and hyphens, "
                   "starting with a letter or digit")
        elif kind in ("too_short", "string_too_short") and isinstance(err.get("input"), str):
            msg = f"{_name(path) if path else 'value'} must not be empty"
        elif kind in ("too_short", "too_long"):
            lo = {"choices": 2, "items": 2, "pairs": 2, "questions": 1}.get(path[-1] if path else "", 1)
            hi = {"choices": 8, "items": 10, "pairs": 10}.get(path[-1] if path else "")
            got = len(err.get("input") or ())
            if path and path[-1] == "questions" and not got:
                msg = "questions must not be empty: a bank needs at least one question"
            else:
                rng = f"{lo} to {hi} entries" if hi else f"at least {_entries(lo)}"
                msg = f"{_name(path)} must have {rng}, got {got}"
        elif kind in _BOUNDS:
            bound, wording = _BOUNDS[kind]
            msg = f"{_name(path)} must be {wording.format(ctx.get(bound))}, got {err.get('input')!r}"
        elif kind == "union_type":  # multiple_choice answer
            msg = f"{_name(path)}: expected text or a list of texts, got {_kind(err.get('input'))}"
        else:
            msg = err["msg"].removeprefix("Value error, ")
            if msg.startswith("Input should be "):  # pydantic's voice; any case not worded above
                msg = "expected " + msg.removeprefix("Input should be ")
            if path and not isinstance(path[-1], int) and kind not in _SELF_LOCATED:
                msg = f"{path[-1]}: {msg}"
        line, col = locate(root, path, key=on_key)
        key = (line, col, msg)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(file, line, col, msg))
    return problems


def check_duplicate_ids(data, root, file: str, Problem) -> list:
    """Every repeated question id, each located at its own `id`."""
    out, first = [], {}
    qs = data.get("questions") if isinstance(data, dict) else None
    for i, q in enumerate(qs if isinstance(qs, list) else ()):
        qid = q.get("id") if isinstance(q, dict) else None
        if not isinstance(qid, str):
            continue
        if qid in first:
            line, col = locate(root, ("questions", i, "id"))
            out.append(Problem(file, line, col, f"duplicate question id {qid!r} (first used on line {first[qid]})"))
        else:
            first[qid] = locate(root, ("questions", i, "id"))[0]
    return out
