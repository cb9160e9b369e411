"""Helpers for the import/export tests: loading a written bank, the hand-made bank of every type."""
from __future__ import annotations

from pathlib import Path

from quizapp.bank.loader import parse_bytes

CORPUS = Path(__file__).resolve().parent / "corpus"


def load(path: Path):
    """The bank at path, validated as `quizapp validate` does (an assertion error lists any problem)."""
    result = parse_bytes(path.read_bytes(), str(path))
    assert not result.problems, "\n".join(map(str, result.problems))
    return result.bank


def with_bank_tags(bank) -> list:
    """The bank's questions with its bank-level tags on each: what a format without banks carries back."""
    return [q.model_copy(update={"tags": tuple(dict.fromkeys((*bank.tags, *q.tags)))}) for q in bank.questions]
