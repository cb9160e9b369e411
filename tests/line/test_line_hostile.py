"""Hostile line-mode input (issue 11, class 4): odd digits, huge numbers and lines, any Unicode, Ctrl+C."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from line_support import plain_study, saved_reviews
from quizapp.bank.models import Bank
from quizapp.srs.cards import StudyCard
from quizapp.srs.checking import check_answer
from quizapp.line.layout import ECHO_LIMIT, UnreadableAnswer, layout_card, parse_line
from quizapp.line.console import MAX_LINE
from srs_support import bank_data, tf, write_bank
from tests_support import subprocess_env

CHOICE = {"id": "mc", "type": "multiple_choice", "prompt": "Pick", "choices": ["A1", "B2", "C3"], "answer": "B2",
          "shuffle": False}
MANY = {"id": "many", "type": "multiple_choice", "prompt": "Pick all", "choices": ["A1", "B2", "C3"],
        "answer": ["A1", "C3"], "shuffle": False}
MATCH = {"id": "match", "type": "matching", "prompt": "Match", "pairs": {"x": "1", "y": "2", "z": "3"}}
ORDER = {"id": "order", "type": "ordering", "prompt": "Order", "items": ["A1", "B2", "C3"]}
EVERY_TYPE = [CHOICE, MANY, MATCH, ORDER, tf("tf"),
              {"id": "short", "type": "short_answer", "prompt": "Who?", "answer": "Sejong"},
              {"id": "num", "type": "numeric", "prompt": "How many?", "answer": 25, "unit": "million"},
              {"id": "cloze", "type": "cloze", "text": "{{c1::USB}} and {{c1::SD}} cards"}]
BANK = Bank.model_validate(bank_data("h", EVERY_TYPE))
CARDS = [StudyCard(BANK, q, 1 if q.type == "cloze" else 0, ("h", q.id, 0), "new", i)
         for i, q in enumerate(BANK.questions)]

# What a person or a pipe sends that once ended the session with a ValueError (int("²"), int() of a
# number over 4,300 digits) or took quadratic time (a long run of digits at a matching prompt).
ODD_LINES = ["²", "①", "1²", "²a", "1 ²b", "٣", "１", "7" * 5000, "1" + "7" * 5000 + "a", "𝟙", "ⅷ", "1ａ",
             "\u0661b", "1\u200bb", "\x00", "\ufeff1", "1a 2b 3c" * 50, "é" * 300]


def _read(card, line: str, seed: int = 0):
    layout = layout_card(card, random.Random(seed))
    try:
        given = parse_line(card, layout, line)
    except UnreadableAnswer as exc:
        return str(exc)
    check_answer(card.question, card.ord, given)  # whatever is read must also check
    return given


@pytest.mark.parametrize("line", ODD_LINES, ids=lambda line: ascii(line)[:24])
def test_odd_lines_are_read_or_refused_at_every_prompt(line):
    for card in CARDS:
        out = _read(card, line)
        if isinstance(out, str) and card.question.type not in ("short_answer", "numeric", "cloze"):
            assert len(out) < 120  # the message repeats at most ECHO_LIMIT characters of the line


def test_circled_and_full_width_digits_mean_what_they_show():
    mc = CARDS[0]
    assert _read(mc, "②") == ["B2"] and _read(mc, "２") == ["B2"]
    assert _read(mc, "²") == ["B2"]  # a superscript two is a two, not a crash
    assert _read(mc, "7" * 5000).startswith(repr("7" * ECHO_LIMIT + "…"))
    numeric = next(c for c in CARDS if c.question.type == "numeric")
    for huge in ("7" * 400, "1e400", "１" * 400, "-1e99999"):  # infinity once read: asked again, not checked
        assert "number is too large (in million)" in _read(numeric, huge)
    assert _read(numeric, "banana") == "enter a number (in million)"


def test_a_long_run_of_digits_at_a_matching_prompt_is_read_in_linear_time():
    # 200,000 digits: the old pattern (\d+)\s*([A-Za-z]) rescanned the run from every position (40,000
    # digits took 29 s; this would take minutes). A fresh interpreter, so a hang fails the test.
    code = ("import random; from quizapp.line.layout import layout_card, parse_line, UnreadableAnswer\n"
            "from test_line_hostile import CARDS\n"
            "card = CARDS[2]; layout = layout_card(card, random.Random(0))\n"
            "for line in ('7' * 200_000, '1' * 200_000 + 'a', '1a' + ' 2' * 100_000):\n"
            "    try: parse_line(card, layout, line)\n"
            "    except UnreadableAnswer as exc: print(str(exc)[:60])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                          env=subprocess_env(PYTHONPATH=":".join(sys.path)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card=st.sampled_from(CARDS), seed=st.integers(0, 50),
       line=st.one_of(st.text(max_size=80),
                      st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), max_size=40),
                      st.lists(st.tuples(st.text("0123456789²①٣１", min_size=1, max_size=6),
                                         st.text(" ,;", max_size=2), st.text("abcxyzＡ", max_size=2)),
                               max_size=8).map(lambda parts: " ".join("".join(p) for p in parts))))
def test_fuzz_any_line_is_an_answer_or_could_not_read_that(card, seed, line):
    """Every line gives an answer that checks, or UnreadableAnswer with a message: nothing else escapes."""
    _read(card, line, seed)


def test_pipe_of_hostile_lines_keeps_the_session_alive(tmp_path):
    # Multiple choice: 5,000 digits, 40,000 digits, then ² (a two: right) and Enter. Matching: a
    # 40,000-digit line, 1²a (12a: no such number), escapes, then q.
    proc = plain_study(tmp_path, [CHOICE, MATCH], ["7" * 5000, "1" * 40_000, "²", "",
                                                   "1" * 40_000 + "a", "1²a", "\x1b[2J\x07", "q"])
    out = proc.stdout
    assert proc.returncode == 0
    assert out.count("that line is too long: answers are at most 1,000 characters.") == 3
    assert "could not read that: '12' is not one of the numbers 1 to 3" in out
    assert "saved (review 1)" in out and out.rstrip().endswith("Session over: 1 answer saved, 1 right.")
    assert "\x1b" not in out and "\x07" not in out
    assert max(map(len, out.splitlines())) < 300  # nothing long is echoed back
    assert MAX_LINE == 1000


def _start(tmp_path, questions, *extra):
    path = write_bank(tmp_path / "b.yaml", bank_data("b", questions))
    return subprocess.Popen([sys.executable, "-m", "quizapp", "study", "--plain", *extra, str(path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=subprocess_env(QUIZAPP_DB=str(tmp_path / "s.sqlite3")))


def _read_until(proc, text: str) -> str:
    seen = ""
    while not seen.endswith(text):
        char = proc.stdout.read(1)
        assert char, f"ended before {text!r}: {seen[-300:]!r}"
        seen += char
    return seen


def test_ctrl_c_mid_session_ends_with_the_summary_and_130(tmp_path):
    proc = _start(tmp_path, [tf("a"), tf("b"), tf("c")])
    _read_until(proc, "answer> ")
    proc.stdin.write("t\n\n")
    proc.stdin.flush()
    _read_until(proc, "saved (review 1).\n")
    _read_until(proc, "answer> ")
    proc.stdin.write("t\n")  # answered, not rated: Ctrl+C at the rating prompt saves nothing more
    proc.stdin.flush()
    _read_until(proc, "> ")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted" not in err
    assert out.rstrip().endswith("Session over: 1 answer saved, 1 right.")
    assert [r[0] for r in saved_reviews(tmp_path)] == ["a"]


@pytest.mark.parametrize("moment", ["loading", "store", "store+0.1", "store+0.3"])
def test_ctrl_c_during_start_up_ends_with_the_summary_and_130(tmp_path, moment):
    # A bank big enough that loading it (uncached) and syncing its cards into the new store take a while:
    # Ctrl+C while the bank loads, or as soon as the store file appears, or a little later (the sync).
    proc = _start(tmp_path, [tf(f"q{i}") for i in range(3000)])
    if moment == "loading":
        time.sleep(0.6)
    else:
        while not (tmp_path / "s.sqlite3").exists() and proc.poll() is None:
            time.sleep(0.005)
        time.sleep(float(moment.partition("+")[2] or 0))
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out[-300:], err[-2000:])
    assert "Traceback" not in err and "Aborted" not in err
    assert out.rstrip().endswith("Session over: 0 answers saved, 0 right.")


def test_ctrl_c_while_starting_is_held_until_a_command_runs():
    code = ("import os, signal, time\nfrom quizapp import interrupts\ninterrupts.hold()\n"
            "os.kill(os.getpid(), signal.SIGINT); time.sleep(0.05); print('held', flush=True)\n"
            "try:\n    interrupts.resume()\nexcept KeyboardInterrupt:\n    print('raised now')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                          env=subprocess_env())
    assert proc.stdout == "held\nraised now\n", proc.stderr
