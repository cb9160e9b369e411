"""`quizapp lint` as a teacher runs it: located lines, JSON, exit codes, rule selection and suppression."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner
from lint_support import write_bank

from quizapp.cli import main
from tests_support import BROKEN, subprocess_env

LONGEST = """
- id: concert
  type: multiple_choice
  prompt: Why did the concert matter?
  choices: [It was the first concert held in the rain, It was the first concert shown on television, It marked the first time a North Korean leader attended a southern show]
  answer: It marked the first time a North Korean leader attended a southern show{suffix}
- id: capital
  type: multiple_choice
  prompt: Which city is the capital of South Korea?
  choices: [Seoul, Busan, "1999", Incheon]
  answer: Seoul
"""


def _run(*args):
    return CliRunner().invoke(main, ["lint", *map(str, args)])


def test_findings_are_located_lines_and_exit_1(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix=""))
    result = _run(bank)
    assert result.exit_code == 1
    codes = [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]
    assert codes == ["QZ101", "QZ104"]
    assert result.stdout.startswith(f"{bank}:14:13: QZ101 ")
    assert f"{bank}:18:29: QZ104 the distractor '1999' is a year, the answer a word" in result.stdout
    assert result.stderr == "2 findings in 1 bank\n"


def test_json_select_and_ignore(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix=""))
    data = json.loads(_run(bank, "--format", "json", "--select", "QZ104").stdout)
    assert data["problems"] == []
    assert [(f["code"], f["line"], f["column"]) for f in data["findings"]] == [("QZ104", 18, 29)]
    assert set(data["findings"][0]) == {"file", "line", "column", "code", "message"}
    assert _run(bank, "--ignore", "QZ101,QZ104").exit_code == 0
    assert _run(bank, "--select", "mixed-option-kinds", "--ignore", "QZ104").exit_code == 0


def test_clean_bank_exits_0(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix="").replace(
        "It marked the first time a North Korean leader attended a southern show", "It was short"))
    result = _run(bank, "--select", "QZ101,QZ103")
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == "ok: 1 bank, no findings\n"


def test_usage_errors_exit_2(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix=""))
    result = _run(bank, "--select", "QZ999")
    assert result.exit_code == 2 and "unknown rule 'QZ999'" in result.stderr
    assert _run(tmp_path / "missing.yaml").exit_code == 2


def test_question_key_and_comment_suppress_one_question(tmp_path):
    key = write_bank(tmp_path, LONGEST.format(suffix="\n  lint: {ignore: [QZ101]}"), bank_id="by-key")
    assert [ln.split()[1] for ln in _run(key).stdout.splitlines()] == ["QZ104"]
    comment = write_bank(tmp_path, LONGEST.format(suffix="  # lint: ignore[QZ101]"), bank_id="by-comment")
    assert [ln.split()[1] for ln in _run(comment).stdout.splitlines()] == ["QZ104"]
    whole = write_bank(tmp_path, "# lint: ignore-file[QZ101, QZ104]\n" + LONGEST.format(suffix=""),
                       bank_id="whole-file")
    assert _run(whole).exit_code == 0


def test_bad_suppression_code_is_a_validation_error(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix="\n  lint: {ignore: [QZ1O1]}"))
    result = _run(bank)
    assert result.exit_code == 1
    assert f"{bank}:15:21: error: 'QZ1O1' is not a lint rule code" in result.stdout


def test_invalid_bank_is_reported_not_linted():
    result = _run(BROKEN / "mc-answer-not-in-choices.yaml")
    assert result.exit_code == 1
    assert ": error: " in result.stdout and " QZ1" not in result.stdout


def test_bank_text_reaches_the_terminal_sanitised(tmp_path):
    bank = write_bank(tmp_path, LONGEST.format(suffix="").replace("Seoul", "Se\x1b[2Joul"))
    proc = subprocess.run([sys.executable, "-m", "quizapp", "lint", str(bank)], capture_output=True,
                          text=True, env=subprocess_env(), timeout=60)
    assert proc.returncode in (0, 1) and "\x1b" not in proc.stdout
