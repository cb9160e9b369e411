"""Property-based fuzzing: the loader returns a bank or located problems, never raises."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank import parse_bytes
from tests_support import VALID

VALID_TEXT = (VALID / "all-types.yaml").read_text()
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(raw: bytes):
    result = parse_bytes(raw, "fuzz.yaml")
    assert (result.bank is None) == bool(result.problems)
    for p in result.problems:
        assert p.file == "fuzz.yaml" and p.line >= 1 and p.column >= 1 and p.message
    return result


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.sampled_from(["id", "title", "questions", "type", "prompt", "answer", "choices", "items", "pairs",
                     "text", "tags", "source", "file", "x"]) | st.text(max_size=8), kids, max_size=5), max_leaves=30)


@FUZZ
@given(documents)
def test_random_yaml_documents(doc):
    _check(yaml.safe_dump(doc, allow_unicode=True).encode())


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(raw):
    _check(raw)


@FUZZ
@given(st.data())
def test_mutations_of_a_valid_bank(data):
    lines = VALID_TEXT.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "truncate", "insert", "indent", "swap"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "truncate":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        elif op == "insert":
            lines[i] = lines[i] + data.draw(st.sampled_from(["{{", "]", ": x", " !!python/object:os.system", "\t",
                                                             "&a", "*a", "'", "- ", "\xe9", "null", "[]"]))
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    _check("".join(lines).encode())


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join(f"*{chr(96 + n)}" for _ in range(10)) + "]\n"
    result = _check(bomb.encode())
    assert result.problems and "too large" in result.problems[0].message


def test_deep_nesting_is_a_problem_not_a_crash():
    result = _check(("[" * 5000 + "]" * 5000).encode())
    assert result.problems
