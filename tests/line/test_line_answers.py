"""Line mode as a new learner meets it (issue 12): real pipes into `quizapp study --plain`, a real store."""
from __future__ import annotations

import sqlite3

from line_support import SOURCE, plain_study, run_quizapp, saved_reviews
from srs_support import tf

SODA = {"id": "soda", "type": "multiple_choice", "prompt": "What makes a cake rise?",
        "choices": ["Lemon juice", "Baking soda"], "answer": "Baking soda", "shuffle": False,
        "quote": "Baking soda makes the cake rise.", "explanation": "It releases gas."}
# Two items or pairs: a shuffle never shows the answer's order, so the display is always reversed.
ORDER = {"id": "order", "type": "ordering", "prompt": "Order them", "items": ["First", "Second"]}
MATCH = {"id": "match", "type": "matching", "prompt": "Match them", "pairs": {"x": "one", "y": "two"}}
CLOZE = {"id": "cloze", "type": "cloze", "text": "{{c1::USB sticks}} carried {{c1::dramas}} north"}


def test_an_empty_line_asks_again_and_a_second_one_gives_up(tmp_path):
    # A stray double Enter after rating used to fail the next card (rated Again).
    lines = ["t", "", "",      # right, suggested rating, then a stray Enter: asked again
             "t", "",          # the second card, answered
             "", "", ""]       # the third: two empty lines give up (wrong), Enter takes "again"
    proc = plain_study(tmp_path, [tf("a"), tf("b"), tf("c")], lines)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("press Enter on an empty line again to give up") == 2
    assert [r[:3] for r in saved_reviews(tmp_path)] == [("a", 3, 1), ("b", 3, 1), ("c", 1, 0)]


def test_incomplete_ordering_and_matching_are_asked_again(tmp_path):
    lines = ["a", "a a", "b a", "",             # ordering: one letter, a letter twice, then right
             "1b", "1b 1a", "1b 2b", "1b 2a", ""]  # matching: one pair, a number twice, a letter twice, right
    proc = plain_study(tmp_path, [ORDER, MATCH], lines)
    out = proc.stdout
    assert "could not read that: put all 2 letters (a to b) in order" in out
    assert "could not read that: each letter once" in out
    assert "could not read that: pair every number; still unpaired: 2" in out
    assert "number 1 is paired twice" in out and "letter b is paired twice" in out
    assert [r[:3] for r in saved_reviews(tmp_path)] == [("order", 3, 1), ("match", 3, 1)]


def test_a_wrong_single_pick_never_calls_the_right_choice_wrong(tmp_path):
    proc = plain_study(tmp_path, [SODA], ["1", ""], source=SOURCE)
    out = proc.stdout
    assert "wrong.\n  you chose: Lemon juice\nanswer: Baking soda\n" in out
    assert "wrong  Baking soda" not in out and "wrong Baking soda" not in out


def test_the_quote_and_its_source_follow_the_answer(tmp_path):
    proc = plain_study(tmp_path, [SODA], ["2", ""], source=SOURCE)
    assert ("right.\nanswer: Baking soda\nexplanation: It releases gas.\n"
            "quote: \u201cBaking soda makes the cake rise.\u201d\n"
            "  \u2014 Kitchen chemistry, A. Cook, 2024-05-01\n") in proc.stdout


def test_undo_at_the_rating_prompt_takes_this_answer_back(tmp_path):
    proc = plain_study(tmp_path, [tf("a"), tf("b")], ["f", "undo", "t", "", "q"])
    assert "answer taken back (nothing was saved)" in proc.stdout
    assert "type 1 (again)" not in proc.stdout  # `undo` was not refused
    assert [r[:3] for r in saved_reviews(tmp_path)] == [("a", 3, 1)]


def test_true_false_answers_in_the_words_of_its_choices(tmp_path):
    proc = plain_study(tmp_path, [tf("a", answer=False)], ["t", ""])
    assert "(True or False: type t or f)" in proc.stdout
    assert "answer: False\n" in proc.stdout and "answer: false" not in proc.stdout


def test_cloze_feedback_shows_the_completed_sentence(tmp_path):
    proc = plain_study(tmp_path, [CLOZE], ["usb sticks; films", ""])
    assert "  wrong  films" in proc.stdout
    assert "in full: USB sticks carried dramas north\n" in proc.stdout


def test_a_cloze_with_two_gaps_wants_two_answers(tmp_path):
    proc = plain_study(tmp_path, [CLOZE], ["usb sticks", "usb sticks; dramas", ""])
    assert "could not read that: type 2 answers separated by ;" in proc.stdout
    assert [r[:3] for r in saved_reviews(tmp_path)] == [("cloze", 3, 1)]


def test_ordering_yours_and_right_are_joined_alike(tmp_path):
    proc = plain_study(tmp_path, [ORDER], ["a b", ""])  # shown reversed: a b is Second, First
    assert "yours:  Second → First\nanswer: First → Second\n" in proc.stdout


def test_cram_shows_no_intervals_when_rating(tmp_path):
    proc = plain_study(tmp_path, [tf("a")], ["t", ""], "--cram")
    prompt = next(line for line in proc.stdout.splitlines() if "rate" in line)
    assert "cram: no schedule changes" in prompt and "(1m)" not in prompt and "d)" not in prompt
    plain = plain_study(tmp_path, [tf("a")], ["t", ""])
    assert "(10m)" in plain.stdout  # the same card outside cram does show them


def test_terminal_escapes_in_bank_text_are_not_printed(tmp_path):
    question = {**SODA, "prompt": "\x1b]0;pwned\x07What \x1b[2Jmakes\x07 a cake rise?",
                "explanation": "It \x1b[31mreleases\x1b[0m gas.\x9b2J"}
    proc = plain_study(tmp_path, [question], ["1", ""], source={**SOURCE, "author": "A.\x1b[5m Cook"},
                       title="Kitchen \x1b]0;owned\x07chemistry")
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\x9b" not in proc.stdout
    assert "What makes a cake rise?" in proc.stdout and "It releases gas." in proc.stdout
    assert "A. Cook" in proc.stdout and "--- Kitchen chemistry (new)" in proc.stdout
    with sqlite3.connect(tmp_path / "s.sqlite3") as conn:  # forgotten twice: stats list it among the hardest
        conn.execute("UPDATE cards SET lapses = 2")
    stats = run_quizapp(tmp_path, ["stats", str(tmp_path / "b.yaml")], [])
    assert "What makes a cake rise?" in stats.stdout
    assert "\x1b" not in stats.stdout and "\x07" not in stats.stdout and "\x9b" not in stats.stdout
