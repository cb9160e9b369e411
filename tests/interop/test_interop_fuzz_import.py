"""Any input gives a bank that validates, or located errors: never a traceback (hypothesis)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank.loader import parse_bytes
from quizapp.interop.importing import plan_import
from quizapp.interop.result import InputError

GIFT_ALPHABET = st.sampled_from(list("{}=~#:->%\\\n abT.1") + ["::", "####", "->", "%50%", "\n\n", "$CATEGORY: x\n",
                                                                 "[html]", "<b>", "{T}", "{#1..2}", "//"])
CSV_ALPHABET = st.sampled_from(list(',\t"\n ab|1') + ["type", "front,back\n", "choices", "true"])


def _check(tmp: Path, name: str, text: str) -> None:
    source = tmp / name
    source.write_text(text, encoding="utf-8")
    try:
        plan = plan_import([source], None, tmp / "out.yaml")
    except InputError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)
        # a problem of the input, never a converted bank that the validator refuses (an importer's bug)
        assert not any("converted bank would not be valid" in p.message for p in exc.problems), exc.problems
        return
    for path, content in plan.files.items():
        if path.suffix == ".yaml":
            assert parse_bytes(content, str(path)).ok


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(GIFT_ALPHABET, max_size=40).map("".join))
def test_gift_never_crashes(tmp_path, text):
    _check(tmp_path, "x.gift", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CSV_ALPHABET, max_size=40).map("".join), st.sampled_from(["x.csv", "x.tsv"]))
def test_tables_never_crash(tmp_path, text, name):
    _check(tmp_path, name, text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Q?\n", "A. x\n", "B) y\n", "ANSWER: A\n", "ANSWER: C\n", "\n", "ANSWER:\n"]),
                max_size=15).map("".join))
def test_aiken_never_crashes(tmp_path, text):
    _check(tmp_path, "x.aiken", text)
