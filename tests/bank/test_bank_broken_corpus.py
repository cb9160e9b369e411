"""Every broken bank in tests/banks/broken gives exit 1 and one located, named problem."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quizapp.cli import main
from tests_support import BROKEN, expectations

CASES = expectations()


def test_corpus_is_large_and_covers_every_error_class():
    assert len(CASES) >= 40
    text = " ".join(frag for _, _, frag in CASES.values())
    for needle in ["unknown key", "did you mean", "missing required key", "expected a", "duplicate question id",
                   "not among the choices", "cloze text has no", "YAML syntax error", "the file is empty",
                   "not valid UTF-8", "must be a mapping", "unsupported YAML tag !!python", "duplicate key"]:
        assert needle in text, needle


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_bank_is_reported_at_its_location(name):
    line, col, fragment = CASES[name]
    path = BROKEN / name
    result = CliRunner().invoke(main, ["validate", "--no-cache", str(path)])
    assert result.exit_code == 1, result.output
    errors = [ln for ln in result.output.splitlines() if ": error: " in ln]
    assert errors == [e for e in errors if e.startswith(f"{path}:")]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{path}:{line}:{col}: error: "), errors[0]
    assert fragment in errors[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_whole_corpus_in_one_run_as_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "quizapp", "validate", "--no-cache", str(BROKEN)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    located = re.findall(r"^(.+?):(\d+):(\d+): error: ", proc.stdout, re.M)
    assert len(located) == len(CASES)  # every file reported, each exactly once
    # The count goes where the problems go, as their last line.
    assert proc.stdout.rstrip().endswith(f"{len(CASES)} problems in {len(CASES)} of {len(CASES)} files")
    # Written for a teacher: none of pydantic's or PyYAML's own voice, questions counted from 1.
    for internal in ("Input should", "tag:yaml.org", "1 entries", "Value error", "model_type"):
        assert internal not in proc.stdout
    assert not re.search(r"error: \d+: ", proc.stdout)


def test_json_format_lists_the_same_problems():
    result = CliRunner().invoke(main, ["validate", "--no-cache", "--format", "json", str(BROKEN)])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert len(problems) == len(CASES)
    assert set(problems[0]) == {"file", "line", "column", "message"}
    by_file = {p["file"]: p for p in problems}
    line, col, fragment = CASES["unknown-top-key-hint.yaml"]
    p = by_file[str(BROKEN / "unknown-top-key-hint.yaml")]
    assert (p["line"], p["column"]) == (line, col) and fragment in p["message"]


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    bank = tmp_path / "evil.yaml"
    bank.write_text("id: evil\ntitle: T\nquestions:\n  - id: q\n    type: short_answer\n    prompt: p\n"
                    f"    answer: !!python/object/apply:os.system [\"touch {marker}\"]\n")
    result = CliRunner().invoke(main, ["validate", str(bank)])
    assert result.exit_code == 1
    assert "unsupported YAML tag !!python/object/apply:os.system" in result.output
    assert not marker.exists()


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["validate", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert CliRunner().invoke(main, ["validate", "--format", "xml"]).exit_code == 2
