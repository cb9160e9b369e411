"""A warm `quizapp coverage` answers from the derived-results cache: the same report, and a miss whenever
a bank or a source text changed."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from test_coverage import BANK, TEXT

from quizapp.bank.cache import cache_dir
from quizapp.cli import main
from tests_support import ROOT, subprocess_env

PROBE = ("import atexit, sys; atexit.register(lambda: print('pydantic imported:', 'pydantic' in sys.modules, "
         "file=sys.stderr)); from quizapp.__main__ import main; main()")


def _setup(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "hangul.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "hangul.yaml").write_text(BANK, encoding="utf-8")
    (tmp_path / "banks" / "nosource.yaml").write_text(
        "id: nosource\ntitle: T\nquestions:\n  - {id: q, type: true_false, prompt: Seoul is a city., answer: true}\n",
        encoding="utf-8")
    return tmp_path / "banks", tmp_path / "src"


def _share(banks, src):
    result = CliRunner().invoke(main, ["coverage", str(banks), "--sources", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return data["share"], [p["covered_sentences"] for p in data["sources"][0]["paragraphs"]]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_warm_coverage_prints_exactly_what_a_cold_one_prints(tmp_path, fmt):
    banks, src = _setup(tmp_path)
    args = ["coverage", str(banks), "--sources", str(src), "--format", fmt, "--min", "10"]
    cold = CliRunner(env={"QUIZAPP_NO_CACHE": "1"}).invoke(main, args)
    assert not list(cache_dir().glob("coverage-*.pickle"))
    first, warm = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert len(list(cache_dir().glob("coverage-*.pickle"))) == 1  # the warm run had an entry to answer from
    assert cold.exit_code == first.exit_code == warm.exit_code == 0
    assert "hangul.txt" in cold.stdout and "nosource: no source.file" in cold.stderr
    assert cold.stdout == first.stdout == warm.stdout
    assert cold.stderr == first.stderr == warm.stderr


def test_warm_coverage_process_never_imports_pydantic(tmp_path):
    banks, src = _setup(tmp_path)
    cmd = [sys.executable, "-c", PROBE, "coverage", str(banks), "--sources", str(src)]
    env = subprocess_env(PYTHONPATH=str(ROOT))
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert "pydantic imported: True" in cold.stderr
    assert "pydantic imported: False" in warm.stderr, warm.stderr
    assert cold.stdout == warm.stdout and "32% of the text" in warm.stdout


def test_a_changed_bank_or_source_is_covered_again(tmp_path):
    banks, src = _setup(tmp_path)
    before = _share(banks, src)
    assert _share(banks, src) == before  # warm
    bank = banks / "hangul.yaml"
    bank.write_text(BANK + "    quote: Today Hangul is used in South Korea and North Korea.\n"
                    .replace("    quote", "  - id: today\n    type: true_false\n    prompt: Hangul is used today.\n"
                             "    answer: true\n    quote"), encoding="utf-8")
    after_bank = _share(banks, src)
    assert after_bank[1] == [1, 1, 1] and after_bank[0] > before[0]
    # The banks are unchanged now; the source loses the paragraph the new quote covered.
    (src / "hangul.txt").write_text(TEXT.replace("Today Hangul is used in South Korea and North Korea. ", ""),
                                    encoding="utf-8")
    assert _share(banks, src)[1] == [1, 1, 0]
