"""The loader's lean implicit resolver gives every scalar the tag PyYAML's SafeLoader gives it."""
from __future__ import annotations

import pytest
import yaml

from quizapp.bank.loader import parse_bytes
from quizapp.bank.yamlsource import Builder, compose

SCALARS = ["", "~", "null", "Null", "NULL", "true", "True", "yes", "Yes", "no", "off", "On", "y", "n",
           "12", "-3", "+7", "0x1F", "0o17", "017", "1_000", "0b101", "1:20", "190:20:30", "1.5", "-.5", ".inf",
           "-.Inf", ".nan", "1e3", "6.8523015e+5", "2024-01-02", "2024-01-02 10:00:00", "2001-12-14t21:59:43.10-05:00",
           "Korea", "Young people", "Nope", "Truelove", "t", "+", ".", "-1",
           "c1::word", "3 apples", "1.2.3"]


@pytest.mark.parametrize("style", ["", "'", '"'])
def test_every_scalar_gets_safeloaders_value(style):
    text = "\n".join(f"k{i}: {style}{s}{style}" for i, s in enumerate(SCALARS))
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    builder = Builder()
    assert builder.build(compose(text)) == expected
    assert builder.issues == []


def test_collections_and_plain_scalars_in_a_bank_load_as_before():
    text = ("id: plain\ntitle: Plain scalars\nquestions:\n"
            "  - id: q1\n    type: true_false\n    prompt: Yes is a word here?\n    answer: yes\n"
            "  - id: q2\n    type: numeric\n    prompt: How many?\n    answer: 0x10\n")
    result = parse_bytes(text.encode(), "plain.yaml")
    assert result.ok, result.problems
    first, second = result.bank.questions
    assert first.prompt == "Yes is a word here?" and first.answer is True
    assert second.answer == 16
