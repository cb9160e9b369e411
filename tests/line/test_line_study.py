"""`quizapp study --plain`: the line mode, driven through real pipes and a real store."""
from __future__ import annotations

import random
import sqlite3
import subprocess
import sys

from line_support import QUESTIONS, saved_reviews, study
from tests_support import subprocess_env
from quizapp.line.layout import layout_card, parse_line
from srs_support import bank_data, make_bank, tf, write_bank


def test_a_session_through_a_pipe(tmp_path):
    lines = ["t", "",                      # right, the suggested rating (good)
             "sejong teh great", "4",      # accepted with a typo, rated easy
             "1,000 people", "",           # thousands separator and unit
             "usb sticks; DVDs", "",       # one of two gaps wrong: suggested again
             "2", "hard"]                  # Seoul, rating by word
    proc = study(tmp_path, lines)
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert out.count("saved (review") == 5
    assert "right, accepted with a typo.\naccepted with a typo: you wrote 'sejong teh great'\n" in out
    assert "right.\nright: 1,000 people = 1,000 people" not in out  # the keyed form needs no note
    assert "explanation: Because it is." in out
    assert "[...] carried [...] north" in out and "fill the 2 gaps" in out
    assert "  1. Busan\n  2. Seoul" in out
    assert "  wrong  DVDs" in out and "answer: USB sticks; dramas" in out
    assert "rate 1 again (1m), 2 hard (6m), 3 good (10m), 4 easy (8d); enter = 3 good>" in out
    assert out.rstrip().endswith("Session over: 5 answers saved, 4 right.")
    assert saved_reviews(tmp_path) == [("t1", 3, 1, "true"), ("s1", 4, 1, '"sejong teh great"'),
                                 ("n1", 3, 1, '"1,000 people"'), ("c1", 1, 0, '["usb sticks", "DVDs"]'),
                                 ("m1", 2, 1, '["Seoul"]')]


def test_q_quits_and_an_unread_answer_is_asked_again(tmp_path):
    proc = study(tmp_path, ["maybe", "t", "", "q"])
    assert proc.returncode == 0
    assert "could not read that: type t (True) or f (False)" in proc.stdout
    assert len(saved_reviews(tmp_path)) == 1


def test_end_of_input_in_the_middle_stops_cleanly(tmp_path):
    proc = study(tmp_path, ["t"])  # answered, then stdin ends at the rating prompt
    assert proc.returncode == 0 and proc.stderr == ""
    assert "Session over: 0 answers saved" in proc.stdout
    assert saved_reviews(tmp_path) == []


def test_undo_takes_back_the_last_answer(tmp_path):
    proc = study(tmp_path, ["f", "", "undo", "t", ""])
    assert "undone" in proc.stdout
    assert [r[:3] for r in saved_reviews(tmp_path)] == [("t1", 3, 1)]  # the wrong answer is gone


def test_cram_changes_no_schedule(tmp_path):
    study(tmp_path, ["t", "4"])
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    before = conn.execute("SELECT * FROM cards ORDER BY id").fetchall()
    conn.close()
    proc = study(tmp_path, ["f", "", "sejong", ""], "--cram")
    assert "cram" in proc.stdout and proc.stdout.count("saved (review") == 2
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    assert conn.execute("SELECT * FROM cards ORDER BY id").fetchall() == before
    assert conn.execute("SELECT count(*) FROM reviews WHERE cram = 1").fetchone()[0] == 2


def test_limits_and_filters(tmp_path):
    bank = bank_data("f", [tf("a", tags=["x"]), tf("b"), tf("c", tags=["x"])])
    proc = study(tmp_path, ["t", "4"] * 5, "--tag", "x", "--new", "1", bank=bank)
    assert proc.stdout.count("saved (review") == 1
    assert [r[0] for r in saved_reviews(tmp_path)] == ["a"]
    proc = study(tmp_path, [], "--bank", "nope", bank=bank)
    assert proc.returncode == 1 and "no bank with id 'nope'" in proc.stderr


def test_invalid_bank_gives_located_problems_and_exit_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nquestions:\n  - id: x\n    type: true_false\n    prompt: p\n")
    proc = subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", str(bad)], capture_output=True,
                          text=True, timeout=60, env=subprocess_env(), input="")
    assert proc.returncode == 1
    assert f"{bad}:4:" in proc.stderr and "error:" in proc.stderr and "Traceback" not in proc.stderr


def test_foreign_store_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "s.sqlite3").write_text("a letter, not a database")
    proc = study(tmp_path, ["t", ""])
    assert proc.returncode == 1 and "not a quizapp review store" in proc.stderr
    assert (tmp_path / "s.sqlite3").read_text() == "a letter, not a database"


def test_ordering_and_matching_lines():
    bank = make_bank("o", [{"id": "o", "type": "ordering", "prompt": "Order", "items": ["A1", "B2", "C3"]},
                           {"id": "m", "type": "matching", "prompt": "Match", "pairs": {"x": "1", "y": "2", "z": "3"}}])
    from quizapp.srs.cards import StudyCard
    cards = [StudyCard(bank, q, 0, ("o", q.id, 0), "new", i) for i, q in enumerate(bank.questions)]
    layout = layout_card(cards[0], random.Random(3))
    assert layout.options != ["A1", "B2", "C3"]  # never shown in the answer's order
    letters = " ".join("abc"[layout.options.index(item)] for item in ["A1", "B2", "C3"])
    assert parse_line(cards[0], layout, letters) == ["A1", "B2", "C3"]
    assert parse_line(cards[0], layout, letters.replace(" ", "")) == ["A1", "B2", "C3"]
    layout = layout_card(cards[1], random.Random(3))
    assert [line for line in layout.lines if line.startswith("  1.")] == ["  1. x"]
    typed = " ".join(f"{i}{'abc'[layout.options.index(r)]}" for i, r in enumerate(["1", "2", "3"], 1))
    assert parse_line(cards[1], layout, typed) == {"x": "1", "y": "2", "z": "3"}
    for bad in ("1z", "9a", "1a 2"):
        try:
            parse_line(cards[1], layout, bad)
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"{bad!r} should not be readable")


def test_bytes_that_are_not_utf8_are_just_a_wrong_answer(tmp_path):
    path = write_bank(tmp_path / "plain.yaml", bank_data("plain", QUESTIONS))
    proc = subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", "--db", str(tmp_path / "s.sqlite3"),
                           str(path)], input=b"\xff\xfe\n\n", capture_output=True, timeout=60, env=subprocess_env())
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert b"could not read that" in proc.stdout


def test_two_line_sessions_at_once_lose_no_review(tmp_path):
    path = write_bank(tmp_path / "many.yaml", bank_data("many", [tf(f"q{i}") for i in range(1, 61)]))
    db = tmp_path / "s.sqlite3"
    cmd = [sys.executable, "-m", "quizapp", "study", "--plain", "--new", "60", "--db", str(db), str(path)]
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=subprocess_env()) for _ in range(2)]
    outs = [p.communicate(b"t\n\n" * 40, timeout=120) for p in procs]  # both start on the same new cards
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    saved = sum(o[0].count(b"saved (review") for o in outs)
    assert saved == 80
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == saved
        assert conn.execute("SELECT sum(reps) FROM cards").fetchone()[0] == saved
    finally:
        conn.close()


FLASHCARDS = [
    {"id": "f1", "type": "flashcard", "front": "Hallyu", "back": "the Korean Wave", "hint": "a wave",
     "explanation": "Coined in the 1990s."},
    {"id": "f2", "type": "flashcard", "front": "Pyongyang", "back": "capital of the North", "reverse": True,
     "hint": "leads to the back, so only on the front-to-back card"},
]


def test_flashcards_in_line_mode_are_revealed_and_rated_by_the_learner(tmp_path):
    lines = ["h",                # the hint, then the same card again
             "", "", "2",        # Enter reveals; no suggested rating, so Enter asks again; 2 hard
             "my guess: a city", "1"]   # a note is kept (not graded); rated again = not known
    proc = study(tmp_path, lines, bank=bank_data("cards", FLASHCARDS))
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert "Hallyu\n(think of the answer, then press Enter to see it" in out and "; h shows the hint)" in out
    assert "hint: a wave" in out
    assert "back: the Korean Wave\nexplanation: Coined in the 1990s." in out
    assert "rate 1 again (1m), 2 hard (6m), 3 good (10m), 4 easy (8d): how well did you know it?>" in out
    assert "rate how well you knew it; undo takes this answer back; suspend, bury" in out
    assert "\nright." not in out and "\nwrong." not in out  # nothing is checked
    assert "Pyongyang\n" in out and "back: capital of the North" in out
    # the reverse card (capital of the North -> Pyongyang) is buried as a sibling today
    assert "capital of the North\n(think" not in out
    assert out.rstrip().endswith("Session over: 2 answers saved, 1 right.")
    assert saved_reviews(tmp_path) == [("f1", 2, 1, None), ("f2", 1, 0, '"my guess: a city"')]


def test_the_reverse_flashcard_shows_the_back_first():
    bank = make_bank("cards", FLASHCARDS)
    from quizapp.srs.cards import StudyCard
    card = StudyCard(bank, bank.questions[1], 1, ("cards", "f2", 1), "new", 1)
    layout = layout_card(card, random.Random(0))
    assert layout.lines[0] == "capital of the North"
    assert parse_line(card, layout, "  ") is None and parse_line(card, layout, "Seoul?") == "Seoul?"
    hinted = StudyCard(bank, bank.questions[0], 0, ("cards", "f1", 0), "new", 2)
    assert "h shows the hint" in layout_card(hinted, random.Random(0)).lines[-1]
    assert "hint" not in layout.lines[-1]
