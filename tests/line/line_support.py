"""Helpers for line-mode tests: a bank file, and the real command run on piped input with a real store."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests_support import subprocess_env
from srs_support import bank_data, tf, write_bank

SOURCE = {"title": "Kitchen chemistry", "author": "A. Cook", "date": "2024-05-01"}
QUESTIONS = [
    tf("t1", explanation="Because it is."),
    {"id": "s1", "type": "short_answer", "prompt": "Who promulgated Hangul?", "answer": "Sejong the Great"},
    {"id": "n1", "type": "numeric", "prompt": "How many?", "answer": 1000, "unit": "people"},
    {"id": "c1", "type": "cloze", "text": "{{c1::USB sticks}} carried {{c1::dramas}} north"},
    {"id": "m1", "type": "multiple_choice", "prompt": "Capital?", "choices": ["Busan", "Seoul"], "answer": "Seoul",
     "shuffle": False},
]


def run_quizapp(tmp_path: Path, args: list[str], lines: list[str] | str, timeout: float = 60):
    """`python -m quizapp ARGS` with these input lines; never a traceback."""
    text = lines if isinstance(lines, str) else "".join(f"{line}\n" for line in lines)
    proc = subprocess.run([sys.executable, "-m", "quizapp", *args], input=text, capture_output=True, text=True,
                          timeout=timeout, env=subprocess_env(QUIZAPP_DB=str(tmp_path / "s.sqlite3")))
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def plain_study(tmp_path: Path, questions: list[dict], lines, *args, **bank_extra):
    """A line-mode study session over one bank of these questions (shown in bank order, unshuffled choices)."""
    path = write_bank(tmp_path / "b.yaml", bank_data("b", questions, **bank_extra))
    return run_quizapp(tmp_path, ["study", "--plain", *args, str(path)], lines)


def saved_reviews(tmp_path: Path) -> list[tuple]:
    """(question id, rating, correct, given) of every review in the store, in order."""
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    try:
        return conn.execute("SELECT c.question_id, r.rating, r.correct, r.given FROM reviews r "
                            "JOIN cards c ON c.id = r.card_id ORDER BY r.id").fetchall()
    finally:
        conn.close()


def study(tmp_path: Path, lines: list[str], *args: str, bank: dict | None = None):
    """A line-mode study session over the QUESTIONS bank (or bank), with its own store in tmp_path."""
    path = write_bank(tmp_path / "plain.yaml", bank or bank_data("plain", QUESTIONS))
    return run_quizapp(tmp_path, ["study", "--plain", "--db", str(tmp_path / "s.sqlite3"), *args, str(path)], lines)
