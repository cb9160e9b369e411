"""Writes small real banks (YAML files) and lints them."""
from __future__ import annotations

import textwrap
from pathlib import Path

from quizapp.bank.loader import load_paths
from quizapp.lint import lint_results

HEAD = """\
id: {bank_id}
title: A hand-made bank
source:
  title: A short text
  publisher: A publisher
  date: 2024-05-01
  file: text.txt
questions:
"""


def write_bank(folder: Path, questions: str, *, bank_id: str = "hand-made", head: str = HEAD) -> Path:
    """A bank file with the given questions (YAML list items, without indentation)."""
    path = folder / f"{bank_id}.yaml"
    path.write_text(head.format(bank_id=bank_id) + textwrap.indent(textwrap.dedent(questions), "  "),
                    encoding="utf-8")
    return path


def lint(*paths: Path, sources: Path | None = None, codes=None):
    results, problems = load_paths(list(paths))
    assert problems == []
    return lint_results(results, sources, codes)
