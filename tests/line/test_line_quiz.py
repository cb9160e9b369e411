"""`quizapp quiz --plain` (issue 12): the quiz on pipes, the TUI's score report, recording only on request."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

from line_support import SOURCE, run_quizapp, saved_reviews
from srs_support import bank_data, tf, write_bank
from tests_support import subprocess_env

QUESTIONS = [tf("a", quote="A is so."), tf("b", answer=False),
             {"id": "order", "type": "ordering", "prompt": "Order them", "items": ["First", "Second"]}]


def quiz(tmp_path, lines, *args):
    path = write_bank(tmp_path / "q.yaml", bank_data("q", QUESTIONS, source=SOURCE))
    return run_quizapp(tmp_path, ["quiz", "--plain", "--seed", "1", *args, str(path)], lines)


def answers_for(out: str) -> list[str]:
    """Wrong answers in the order asked: t/f flipped by the prompt's statement, ordering as shown (reversed)."""
    lines = []
    for shown in out.split("--- question ")[1:]:
        header = shown.split("answer>")[0]
        lines.append("a b" if "Order them" in header else "f" if "Statement a?" in header else "t")
    return lines


def asked(tmp_path) -> str:
    """A quiz given up question by question (Enter twice each): every question shown, in the seed's order."""
    return quiz(tmp_path, ["", ""] * 3).stdout


def test_the_score_report_lists_every_mistake_and_nothing_is_recorded(tmp_path):
    early = quiz(tmp_path, ["q"])
    assert "Score: 0 / 0 right · 0%\nEnded after 0 of 3 questions.\nNo mistakes.\n" in early.stdout
    assert "(no answer)" in asked(tmp_path)
    proc = quiz(tmp_path, answers_for(asked(tmp_path)) + [""])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Score: 0 / 3 right · 0%\nMistakes (3):\n" in out
    assert "   Yours: Second → First\n   Right: First → Second\n" in out
    assert "   Yours: False\n   Right: True\n   quote: \u201cA is so.\u201d\n     \u2014 Kitchen chemistry, A. Cook" in out
    assert "wrong." not in out  # no feedback unless asked for
    assert not (tmp_path / "s.sqlite3").exists()  # the schedule was never touched


def test_feedback_then_recording_on_request(tmp_path):
    right = [{"t": "f", "f": "t", "a b": "b a"}[line] for line in answers_for(asked(tmp_path))]
    proc = quiz(tmp_path, right + ["r"], "--feedback")
    assert proc.stdout.count("right.\n") == 3 and "Score: 3 / 3 right · 100%\nNo mistakes." in proc.stdout
    assert "Recorded 3 answers in your schedule." in proc.stdout
    assert sorted(r[:3] for r in saved_reviews(tmp_path)) == [("a", 3, 1), ("b", 3, 1), ("order", 3, 1)]


def test_ctrl_c_gives_the_score_so_far_and_130(tmp_path):
    path = write_bank(tmp_path / "q.yaml", bank_data("q", QUESTIONS, source=SOURCE))
    proc = subprocess.Popen([sys.executable, "-m", "quizapp", "quiz", "--plain", str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=subprocess_env(QUIZAPP_DB=str(tmp_path / "s.sqlite3")))
    seen = ""
    while not seen.endswith("answer> "):
        seen += proc.stdout.read(1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err
    assert "Score: 0 / 0 right · 0%\nEnded after 0 of 3 questions." in out
    assert not (tmp_path / "s.sqlite3").exists() or not sqlite3.connect(tmp_path / "s.sqlite3").execute(
        "SELECT name FROM sqlite_master WHERE name = 'reviews'").fetchall()
