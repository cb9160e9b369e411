"""Positions are found once, at load, and travel with the bank (through the cache too)."""
from __future__ import annotations

import pickle
import shutil

import pytest

from quizapp.bank.grounding import check_result
from quizapp.bank.loader import load_file
from quizapp.bank.positions import Locator
from quizapp.bank.yamlsource import compose, locate
from tests_support import VALID

PATHS = [(), ("id",), ("source", "file"), ("questions", 0), ("questions", 2, "quote"), ("questions", 1, "choices", 2),
         ("questions", 99, "quote"), ("questions", 0, "nope"), ("no", "such", "key")]


@pytest.mark.parametrize("key", [False, True])
def test_a_pickled_locator_places_every_path_as_the_node_tree_does(key):
    root = compose((VALID / "all-types.yaml").read_text(encoding="utf-8"))
    fresh, cached = Locator(root), pickle.loads(pickle.dumps(Locator(root)))
    for path in PATHS:
        assert fresh.at(path, key=key) == cached.at(path, key=key) == locate(root, path, key=key), path


@pytest.mark.parametrize("use_cache", [False, True])
def test_grounding_places_a_quote_without_reading_the_bank_again(tmp_path, monkeypatch, use_cache):
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path / "cache"))
    bank = tmp_path / "b.yaml"
    shutil.copy(VALID / "all-types.yaml", bank)
    (tmp_path / "example-source.txt").write_text("Seoul is the largest city of South Korea.\n")
    if use_cache:
        load_file(bank)  # fills the cache
    result = load_file(bank, use_cache=use_cache)
    assert result.from_cache is use_cache
    bank.unlink()  # the positions must come from the load, not from the file
    problems = check_result(result, tmp_path)
    assert [(p.line, p.column) for p in problems][:1] == [(19, 12)]
    assert problems[0].message.startswith("quote not found in example-source.txt")


def test_a_problem_collector_places_each_problem_by_its_path_and_keeps_one_of_twins():
    from quizapp.bank.problems import Problem, ProblemCollector
    text = "id: b\ntitle: T\nquestions:\n  - id: q1\n    tpye: true_false\n"
    problems = ProblemCollector("b.yaml", Locator(compose(text)))
    problems.at(("questions", 0, "tpye"), "unknown key 'tpye'", key=True)
    problems.at(("questions", 0, "tpye"), "unknown key 'tpye'", key=True)  # pydantic reports union twins
    problems.at(("questions", 0, "tpye"), "the value", severity="warning")
    problems.at_position(2, 8, "from the YAML layer")
    assert problems.found == [Problem("b.yaml", 5, 5, "unknown key 'tpye'"),
                              Problem("b.yaml", 5, 11, "the value", "warning"),
                              Problem("b.yaml", 2, 8, "from the YAML layer")]
