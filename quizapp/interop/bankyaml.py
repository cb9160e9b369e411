"""Imported banks written as a teacher writes YAML: plain scalars where safe, short lists inline, checked first."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from ..bank.problems import Problem
from .result import SKIPPED, ImportedBank, ImportResult, InputError

FLOW_WIDTH = 90  # a list of short scalars this long or shorter stays on one line: [a, b, c]


class _TeacherDumper(yaml.SafeDumper):
    """Indented block lists, `|` for multi-line text, short scalar lists in flow style."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value.strip("\n") + "\n" if value.endswith("\n")
                                       else value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _list(dumper: yaml.SafeDumper, value: list):
    scalars = all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)
    short = scalars and sum(len(str(v)) + 2 for v in value) <= FLOW_WIDTH and not any("\n" in str(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_TeacherDumper.add_representer(str, _str)
_TeacherDumper.add_representer(list, _list)


def dump_bank(data: dict) -> str:
    """YAML text of a bank dict, keys in the given order."""
    return yaml.dump(data, Dumper=_TeacherDumper, sort_keys=False, allow_unicode=True, width=4096,
                     default_flow_style=False)


def drop_invalid(bank: ImportedBank, result: ImportResult) -> None:
    """Questions the bank format refuses (too long a choice list, a bad cloze...) are skipped with a located note."""
    from pydantic import TypeAdapter, ValidationError

    from ..bank.models import Question
    adapter = TypeAdapter(Question)
    keep, origins = [], []
    for question, (file, at) in zip(bank.questions, bank.origins):
        try:
            adapter.validate_python(question)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"][1:]) or "question"
            result.note(file, at, SKIPPED, f"{question['id']}: not a valid {question.get('type')} question "
                                           f"({where}: {err['msg']})")
            continue
        keep.append(question)
        origins.append((file, at))
    bank.questions, bank.origins = keep, origins


def render_banks(banks: list[ImportedBank], names: list[str]) -> list[str]:
    """Each bank's YAML, validated as `quizapp validate` would; a failure is an InputError naming the output."""
    from ..bank.loader import parse_bytes
    texts = []
    for bank, name in zip(banks, names):
        text = dump_bank(bank.as_dict())
        checked = parse_bytes(text.encode("utf-8"), name)
        if checked.problems:
            raise InputError([Problem(name, p.line, p.column, f"the converted bank would not be valid: {p.message}")
                              for p in checked.problems])
        texts.append(text)
    return texts


def write_files(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary name in its folder, so a failure leaves no half-written file."""
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
