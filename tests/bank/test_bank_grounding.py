"""The grounding check: quotes must be verbatim in the bank's source text."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from quizapp.bank.grounding import find_quote, normalise
from quizapp.cli import main
from tests_support import VALID
from tests_support import ROOT, SEEDS


def test_normalisation_of_quotes_dashes_and_space():
    assert normalise("It\u2019s  \u201cgood\u201d \u2014 very\n good") == "It's \"good\" - very good"
    src = normalise("In 1999, two groups performed. Much later, in 2018, more came.")
    assert find_quote("In 1999, two groups ... in 2018, more came.", src) is None
    assert find_quote("in 2018, more came ... In 1999", src) == "In 1999"  # fragments must be in order
    assert find_quote("In 1999, three groups", src) == "In 1999, three groups"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_bundled_decks_are_grounded_in_their_articles():
    result = CliRunner().invoke(main, ["validate", "--no-cache", str(ROOT / "decks"), "--sources", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "quotes valid" in result.output


def test_a_quote_that_is_not_verbatim_is_located(tmp_path):
    shutil.copy(VALID / "all-types.yaml", tmp_path / "b.yaml")
    (tmp_path / "example-source.txt").write_text("Seoul is the largest city of South Korea.\n")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "b.yaml"), "--sources", str(tmp_path)])
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert line.startswith(f"{tmp_path / 'b.yaml'}:19:12: error: quote not found in example-source.txt")
    assert "closest passage: 'Seoul is the largest city of South Korea.'" in line


def test_missing_source_file_is_located(tmp_path):
    shutil.copy(VALID / "all-types.yaml", tmp_path / "b.yaml")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "b.yaml"), "--sources", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'b.yaml'}:11:9: error: source file 'example-source.txt' not found" in result.output
