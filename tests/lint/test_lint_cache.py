"""A warm `quizapp lint` answers from the derived-results cache: the same output, and a miss whenever
a bank, a source text or quizapp's own code changed."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from lint_support import lint, write_bank

from quizapp.bank import derived
from quizapp.bank.cache import cache_dir
from quizapp.cli import main
from tests_support import ROOT, subprocess_env

SOURCE = ("Seoul is the capital of South Korea. It has about ten million people.\n\n"
          + "Filler text about other things. " * 40 + "\n\nThe Demilitarized Zone separates the two Koreas.\n")
FAR = "Seoul is the capital of South Korea. ... The Demilitarized Zone separates the two Koreas."
NEAR = "Seoul is the capital of South Korea. ... about ten million people."
QUESTIONS = """
- id: concert
  type: multiple_choice
  prompt: Why did the concert matter?
  choices: [It was loud, It was long, "1999", It marked the first time a North Korean leader attended a southern show]
  answer: It marked the first time a North Korean leader attended a southern show
- id: border
  type: true_false
  prompt: The capital lies north of the border zone.
  answer: true
  quote: {quote}
- id: king
  type: short_answer
  prompt: Which king promulgated the Korean alphabet?
  answer: Sejong
"""
REPEAT = """
- id: alphabet-king
  type: short_answer
  prompt: Which king promulgated the Korean alphabet, Hangul?
  answer: Sejong
"""
# Runs a command and reports, at exit, whether the process imported pydantic (the bank models' cost).
PROBE = ("import atexit, sys; atexit.register(lambda: print('pydantic imported:', 'pydantic' in sys.modules, "
         "file=sys.stderr)); from quizapp.__main__ import main; main()")


def _library(tmp_path, quote=FAR):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "text.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "banks").mkdir(exist_ok=True)
    first = write_bank(tmp_path / "banks", QUESTIONS.format(quote=quote), bank_id="first")
    second = write_bank(tmp_path / "banks", REPEAT, bank_id="second")
    return first, second


def _codes(findings):
    return sorted((f.file.rsplit("/", 1)[-1], f.code) for f in findings)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_warm_lint_prints_exactly_what_a_cold_one_prints(tmp_path, fmt):
    _library(tmp_path)
    args = ["lint", str(tmp_path / "banks"), "--sources", str(tmp_path / "src"), "--format", fmt]
    cold = CliRunner(env={"QUIZAPP_NO_CACHE": "1"}).invoke(main, args)
    assert not list(cache_dir().glob("lint-*.pickle"))
    first, warm = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert len(list(cache_dir().glob("lint-*.pickle"))) == 1  # the warm run had an entry to answer from
    assert cold.exit_code == first.exit_code == warm.exit_code == 1
    assert all(code in cold.stdout for code in ("QZ101", "QZ104", "QZ108", "QZ109"))
    assert cold.stdout == first.stdout == warm.stdout
    assert cold.stderr == first.stderr == warm.stderr


def test_warm_lint_process_never_imports_pydantic(tmp_path):
    _library(tmp_path)
    cmd = [sys.executable, "-c", PROBE, "lint", str(tmp_path / "banks"), "--sources", str(tmp_path / "src")]
    env = subprocess_env(PYTHONPATH=str(ROOT))
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert "pydantic imported: True" in cold.stderr  # the probe sees the models when banks are loaded
    assert "pydantic imported: False" in warm.stderr, warm.stderr
    assert cold.stdout == warm.stdout and "QZ108" in warm.stdout and cold.returncode == warm.returncode == 1


def test_a_changed_bank_is_linted_again_with_the_library(tmp_path):
    first, second = _library(tmp_path)
    before = _codes(lint(first, second, codes={"QZ101", "QZ108"}))
    assert before == [("first.yaml", "QZ101"), ("second.yaml", "QZ108")]
    assert _codes(lint(first, second, codes={"QZ101", "QZ108"})) == before  # warm
    # Only the first bank changes; the second's near-duplicate finding goes with the question it repeated.
    first.write_text(first.read_text(encoding="utf-8").replace(
        "Which king promulgated the Korean alphabet?", "In which city is the national assembly?"), encoding="utf-8")
    assert _codes(lint(first, second, codes={"QZ101", "QZ108"})) == [("first.yaml", "QZ101")]


def test_a_changed_source_text_is_linted_again(tmp_path):
    first, second = _library(tmp_path)
    sources = tmp_path / "src"
    assert ("first.yaml", "QZ109") in _codes(lint(first, second, sources=sources, codes={"QZ109"}))
    assert ("first.yaml", "QZ109") in _codes(lint(first, second, sources=sources, codes={"QZ109"}))  # warm
    # The bank is unchanged; the fragments now stand side by side in the text.
    (sources / "text.txt").write_text(SOURCE.replace("Filler text about other things. " * 40, ""), encoding="utf-8")
    assert lint(first, second, sources=sources, codes={"QZ109"}) == []
    (sources / "text.txt").unlink()  # a source that went away is a change too
    assert lint(first, second, sources=sources, codes={"QZ109"}) == []


def test_other_codes_or_no_sources_are_other_entries(tmp_path):
    first, second = _library(tmp_path)
    everything = _codes(lint(first, second, sources=tmp_path / "src"))
    assert _codes(lint(first, second, codes={"QZ108"})) == [("second.yaml", "QZ108")]
    assert ("first.yaml", "QZ109") not in _codes(lint(first, second))  # QZ109 needs --sources
    assert _codes(lint(first, second, sources=tmp_path / "src")) == everything


def test_a_changed_module_of_quizapp_is_a_miss(tmp_path, monkeypatch):
    package = tmp_path / "package"
    package.mkdir()
    (package / "rules.py").write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(derived, "_PACKAGE", package)
    banks = (("bank.yaml", "0" * 64),)
    derived.put("lint", ("QZ101",), banks, {}, ["a finding"])
    assert derived.get("lint", ("QZ101",), banks) == ["a finding"]
    assert derived.get("lint", ("QZ102",), banks) is None
    assert derived.get("lint", ("QZ101",), (("bank.yaml", "1" * 64),)) is None
    (package / "rules.py").write_text("LIMIT = 20\n", encoding="utf-8")
    assert derived.get("lint", ("QZ101",), banks) is None
    monkeypatch.setenv("QUIZAPP_NO_CACHE", "1")
    derived.put("lint", ("QZ101",), banks, {}, ["a finding"])
    assert derived.get("lint", ("QZ101",), banks) is None


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path):
    first, second = _library(tmp_path)
    expected = lint(first, second)
    (entry,) = cache_dir().glob("lint-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert lint(first, second) == expected
    assert entry.read_bytes() != b"not a pickle"
