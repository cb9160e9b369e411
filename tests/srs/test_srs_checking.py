"""Answer checking per question type, including the near misses."""
from __future__ import annotations

import pytest

from quizapp.bank.models import Bank
from quizapp.srs import Rating, check_answer
from quizapp.srs.checking import parse_number
from quizapp.srs.textmatch import slip_budget

BANK = Bank.model_validate({"id": "k", "title": "Checks", "questions": [
    {"id": "mc", "type": "multiple_choice", "prompt": "?", "choices": ["Seoul", "Busan", "Incheon"], "answer": "Seoul"},
    {"id": "multi", "type": "multiple_choice", "prompt": "?", "choices": ["China", "Russia", "Japan", "Mongolia"],
     "answer": ["China", "Russia"]},
    {"id": "tf", "type": "true_false", "prompt": "?", "answer": False},
    {"id": "king", "type": "short_answer", "prompt": "?", "answer": "Sejong the Great", "accept": ["King Sejong"]},
    {"id": "strict", "type": "short_answer", "prompt": "?", "answer": "Pyongyang", "fuzzy": False},
    {"id": "symbol", "type": "short_answer", "prompt": "?", "answer": "mRNA", "case_sensitive": True},
    {"id": "cobalt", "type": "short_answer", "prompt": "?", "answer": "Co", "case_sensitive": True},
    {"id": "punct", "type": "short_answer", "prompt": "?", "answer": "?!"},
    {"id": "year", "type": "short_answer", "prompt": "?", "answer": "June 1999"},
    {"id": "pop", "type": "numeric", "prompt": "?", "answer": 25, "tolerance": 1, "unit": "million"},
    {"id": "big", "type": "numeric", "prompt": "?", "answer": 1000},
    {"id": "share", "type": "numeric", "prompt": "?", "answer": 81, "unit": "%"},
    {"id": "pi", "type": "numeric", "prompt": "?", "answer": 3.14, "tolerance": 0.01},
    {"id": "cz", "type": "cloze", "text": "{{c1::USB sticks}} and {{c2::SD cards::small}} and {{c1::DVDs}}"},
    {"id": "order", "type": "ordering", "prompt": "?", "items": ["VHS", "DVD", "USB", "SD"]},
    {"id": "match", "type": "matching", "prompt": "?", "pairs": {"Fin.K.L.": "1999", "Shinhwa": "2003",
                                                                   "Red Velvet": "2018"}},
]})
Q = {q.id: q for q in BANK.questions}

# (question id, ord, given, correct, typo)
CASES = [
    ("mc", 0, ["Seoul"], True, False),
    ("mc", 0, ["Busan"], False, False),
    ("mc", 0, "Seoul", True, False),
    ("multi", 0, ["Russia", "China"], True, False),
    ("multi", 0, ["China"], False, False),  # a missing one is wrong
    ("multi", 0, ["China", "Russia", "Japan"], False, False),  # an extra one is wrong
    ("tf", 0, False, True, False),
    ("tf", 0, True, False, False),
    ("tf", 0, "f", True, False),
    ("tf", 0, None, False, False),
    ("king", 0, "Sejong the Great", True, False),
    ("king", 0, "  sejong   THE great. ", True, False),  # spacing, case, end punctuation
    ("king", 0, "king sejong", True, False),  # an accepted alternative
    ("king", 0, "Sejong the Graet", True, True),  # a transposition: a typo
    ("king", 0, "Sejong teh Grat", True, True),  # two edits in 16 letters
    ("king", 0, "Taejo the Great", False, False),
    ("king", 0, "", False, False),
    ("punct", 0, "?!", True, False),  # an answer of punctuation only is still checkable
    ("punct", 0, "!", False, False),
    ("strict", 0, "Pyongyang", True, False),
    ("strict", 0, "Pyongang", False, False),  # fuzzy: false rejects the typo
    ("symbol", 0, "mRNA", True, False),
    ("symbol", 0, "mrna", False, False),  # case rules: case alone is the mistake
    ("symbol", 0, "MRNA", False, False),
    ("cobalt", 0, "CO", False, False),
    ("year", 0, "june 1999", True, False),
    ("year", 0, "June 1998", False, False),  # a wrong number is never a typo
    ("year", 0, "Jnue 1999", True, True),
    ("pop", 0, "25", True, False),
    ("pop", 0, "24", True, False),  # tolerance edges are inside
    ("pop", 0, "26", True, False),
    ("pop", 0, "26.01", False, False),
    ("pop", 0, "23.99", False, False),
    ("pop", 0, "25 million", True, False),  # a trailing unit
    ("pop", 0, "25,5", True, False),  # decimal comma
    ("pop", 0, "twenty-five", True, False),  # number words parse
    ("big", 0, "1,000", True, False),  # thousands separator
    ("big", 0, "1 000", True, False),
    ("big", 0, "1000.0", True, False),
    ("big", 0, "1,001", False, False),
    ("share", 0, "81 %", True, False),
    ("share", 0, "81%", True, False),
    ("share", 0, "80 %", False, False),
    ("pi", 0, "3.15", True, False),  # 3.14 + 0.01: float noise must not push it out
    ("pi", 0, "3.13", True, False),
    ("pi", 0, "3.16", False, False),
    ("cz", 1, ["USB sticks", "DVDs"], True, False),
    ("cz", 1, ["usb stiks", "dvds"], True, True),
    ("cz", 1, ["USB sticks", "CDs"], False, False),
    ("cz", 1, ["USB sticks"], False, False),  # a blank gap is wrong
    ("cz", 2, ["SD cards"], True, False),
    ("cz", 2, "sd cards", True, False),
    ("order", 0, ["VHS", "DVD", "USB", "SD"], True, False),
    ("order", 0, ["DVD", "VHS", "USB", "SD"], False, False),
    ("order", 0, ["VHS", "DVD", "USB"], False, False),
    ("match", 0, {"Fin.K.L.": "1999", "Shinhwa": "2003", "Red Velvet": "2018"}, True, False),
    ("match", 0, {"Fin.K.L.": "2003", "Shinhwa": "1999", "Red Velvet": "2018"}, False, False),
    ("match", 0, {"Fin.K.L.": "1999"}, False, False),
]


@pytest.mark.parametrize("qid, ord, given, correct, typo", CASES,
                         ids=[f"{c[0]}-{c[2]!r}"[:60] for c in CASES])
def test_check_answer(qid, ord, given, correct, typo):
    result = check_answer(Q[qid], ord, given)
    assert (result.correct, result.typo) == (correct, typo)
    assert result.suggested == (Rating.Good if correct else Rating.Again)


def test_expected_text_is_human_readable():
    assert check_answer(Q["pop"], 0, "3").expected == "25 million (± 1)"
    assert check_answer(Q["big"], 0, "3").expected == "1,000"
    assert check_answer(Q["multi"], 0, []).expected == "China, Russia"
    assert check_answer(Q["tf"], 0, True).expected == "false"
    assert check_answer(Q["cz"], 1, []).expected == "USB sticks; DVDs"
    assert check_answer(Q["order"], 0, []).expected == "VHS → DVD → USB → SD"


def test_ordering_feedback_marks_each_position():
    result = check_answer(Q["order"], 0, ["DVD", "VHS", "USB", "SD"])
    assert result.details == (("1. DVD", False), ("2. VHS", False), ("3. USB", True), ("4. SD", True))


def test_matching_feedback_marks_each_pair():
    result = check_answer(Q["match"], 0, {"Fin.K.L.": "2003", "Shinhwa": "1999", "Red Velvet": "2018"})
    assert result.details == (("Fin.K.L. → 2003", False), ("Shinhwa → 1999", False), ("Red Velvet → 2018", True))


def test_cloze_and_choice_feedback_per_item():
    assert check_answer(Q["cz"], 1, ["USB sticks", "CDs"]).details == (("USB sticks", True), ("CDs", False))
    details = dict(check_answer(Q["multi"], 0, ["China", "Japan"]).details)
    assert details == {"China": True, "Russia": False, "Japan": False}


@pytest.mark.parametrize("text, value", [("1,000,000", 1e6), ("-3.5", -3.5), ("1e3", 1000.0), ("−2", -2.0),
                                         ("12,5 %", 12.5), (".5", 0.5), ("1,00", 1.0), ("", None), ("1.2.3", None),
                                         ("nan", None), ("inf", None), ("1,0000", 1.0),
                                         ("1,000.5", 1000.5), ("1.000,5", 1000.5)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_typo_allowance_grows_with_length():
    assert [slip_budget(n) for n in (1, 2, 3, 4, 7, 8, 15, 16, 40)] == [0, 0, 1, 1, 1, 2, 2, 3, 3]


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402


@given(st.integers(min_value=-10**12, max_value=10**12))
@hsettings(max_examples=200, deadline=None)
def test_any_integer_with_thousands_separators_parses(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n
    assert parse_number(f"{n} %") == n


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
       .filter(lambda s: s.strip()))
@hsettings(max_examples=200, deadline=None)
def test_the_exact_answer_is_always_right_and_never_a_typo(text):
    q = Bank.model_validate({"id": "h", "title": "H", "questions": [
        {"id": "s", "type": "short_answer", "prompt": "?", "answer": text}]}).questions[0]
    result = check_answer(q, 0, q.answer)
    assert result.correct and not result.typo


@given(st.permutations(["VHS", "DVD", "USB", "SD"]))
def test_only_the_right_order_is_right(order):
    result = check_answer(Q["order"], 0, order)
    assert result.correct == (order == ["VHS", "DVD", "USB", "SD"])
    assert [ok for _, ok in result.details] == [a == b for a, b in zip(order, ["VHS", "DVD", "USB", "SD"])]
