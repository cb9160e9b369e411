"""Class 2: every number a teacher can write is bounded, so whatever validates studies, quizzes, counts and exports."""
from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank import parse_bytes
from quizapp.bank.models import MAX_CLOZE, MAX_NUMBER
from quizapp.cli import main
from quizapp.srs import check_answer

HEAD = "id: numbers\ntitle: Numbers\nquestions:\n"


def _cloze(n) -> str:
    return f"  - id: c\n    type: cloze\n    text: \"A {{{{c{n}::gap}}}} here and a {{{{c1::first}}}} one.\"\n"


def _numeric(answer, tolerance="0") -> str:
    return f"  - id: n\n    type: numeric\n    prompt: How many?\n    answer: {answer}\n    tolerance: {tolerance}\n"


def _yaml_number(x) -> str:
    if isinstance(x, float):
        return ".nan" if math.isnan(x) else (".inf" if x > 0 else "-.inf") if math.isinf(x) else repr(x)
    return str(x)


ACCEPTED = {
    "cloze-at-the-limit": _cloze(MAX_CLOZE),
    "cloze-leading-zeros": _cloze("007"),
    "answer-at-the-top": _numeric(MAX_NUMBER, MAX_NUMBER),
    "answer-at-the-bottom": _numeric(-MAX_NUMBER),
    "tiny-float": _numeric("5.0e-324", "5.0e-324"),
    "negative-zero": _numeric("-0.0"),
    "float-limit": _numeric("1.0e+15", "0.5"),
}
REFUSED = {
    "cloze-in-the-issue": (_cloze("99999999999999999999"), "cloze number c99999999999999999999 is too large"),
    "cloze-one-past": (_cloze(MAX_CLOZE + 1), f"cloze numbers go from c1 to c{MAX_CLOZE}"),
    "cloze-sqlite-overflow": (_cloze(2**63), "is too large"),
    "cloze-arabic-digit": (_cloze("\u0663").replace("{{c1::first}}", "first"), "has no {{c1::...}} deletion"),
    "answer-huge-int": (_numeric(10**20), "is out of range"),
    "answer-one-past": (_numeric(MAX_NUMBER + 1), "is out of range"),
    "answer-huge-float": (_numeric("1.0e+300"), "is out of range"),
    "answer-inf": (_numeric(".inf"), "inf is out of range"),
    "answer-minus-inf": (_numeric("-.inf"), "is out of range"),
    "answer-nan": (_numeric(".nan"), "nan is out of range"),
    "tolerance-inf": (_numeric(1, ".inf"), "tolerance: inf is out of range"),
    "tolerance-huge": (_numeric(1, 10**30), "tolerance: 1000000000000000000000000000000 is out of range"),
}


def _run(*args, **kw):
    result = CliRunner().invoke(main, list(args), **kw)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def _every_command(path, tmp_path) -> list:
    """What a learner and a teacher can do with a bank: every result, each checked for a crash.

    `quiz` opens the terminal UI once the banks load; for a valid bank its answer checking runs here."""
    db = str(tmp_path / "store.sqlite3")
    result = parse_bytes(path.read_bytes(), str(path))
    if result.ok:
        for question in result.bank.questions:
            for ord in question.card_numbers:
                for given in ("1", "1e400", "-0", "nan", "99999999999999999999", ["1"], {"a": "b"}, None):
                    check_answer(question, ord, given)
    return [
        _run("validate", str(path)),
        _run("--db", db, "study", "--plain", str(path), input="1\n\n1\n\n7\n\n1\n\nq\n"),
        _run("--db", db, "stats", "--json", str(path)),
        _run("--db", db, "stats", str(path)),
        _run("quiz", str(path), "--seed", "3") if not result.ok else _run("validate", str(path)),
        _run("export", "anki", str(path), "-o", str(tmp_path / "out.apkg"), "--state", str(tmp_path / "st.json"),
             env={"SOURCE_DATE_EPOCH": "1795000000"}),
    ]


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_extreme_but_valid_numbers_work_everywhere(tmp_path, name):
    path = tmp_path / "bank.yaml"
    path.write_text(HEAD + ACCEPTED[name])
    results = _every_command(path, tmp_path)
    assert [r.exit_code for r in results] == [0, 0, 0, 0, 0, 0], [r.output[-500:] for r in results]
    assert json.loads(results[2].output)["cards_total"] >= 1


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_out_of_range_numbers_are_refused_by_validate(tmp_path, name):
    text, fragment = REFUSED[name]
    path = tmp_path / "bank.yaml"
    path.write_text(HEAD + text)
    results = _every_command(path, tmp_path)
    for result in results[:2] + results[4:]:
        assert result.exit_code == 1 and fragment in result.output, result.output[-500:]
    assert f"{path}:" in results[0].output
    assert fragment in results[2].output  # stats: the bank is skipped with its problem, the rest is counted


def test_schema_carries_the_bounds():
    schema = json.loads(_run("schema").output)
    answer = schema["$defs"]["Numeric"]["properties"]["answer"]
    assert (answer["minimum"], answer["maximum"]) == (-MAX_NUMBER, MAX_NUMBER)
    assert schema["$defs"]["Numeric"]["properties"]["tolerance"]["minimum"] == 0


numbers = st.one_of(st.integers(-(10**22), 10**22), st.floats(), st.integers(-MAX_NUMBER, MAX_NUMBER), st.sampled_from([MAX_NUMBER, -MAX_NUMBER, 2**63]))


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(cloze=st.integers(0, 10**22) | st.integers(1, 2 * MAX_CLOZE) | st.sampled_from([2**63, 10**20]), answer=numbers, tolerance=numbers)
def test_fuzzed_numbers_validate_or_work_everywhere(tmp_path, cloze, answer, tolerance):
    text = HEAD + _cloze(cloze) + _numeric(_yaml_number(answer), _yaml_number(tolerance))
    path = tmp_path / "bank.yaml"
    path.write_text(text)
    results = _every_command(path, tmp_path)
    accepted = parse_bytes(text.encode(), "b.yaml").ok
    assert results[0].exit_code == (0 if accepted else 1)
    if accepted:
        assert all(r.exit_code == 0 for r in results), [r.output[-300:] for r in results]
