"""`quizapp lint` and `quizapp coverage` over the bundled course: the current findings are recorded here.

The course's editors take these counts to zero (or suppress each finding with a reason); a new kind of
finding in a bank, or more findings of a kind than recorded, fails until this record is updated.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from quizapp.cli import main
from tests_support import ROOT, SEEDS

# Findings per bank and rule, with --sources (recorded with the rules and thresholds of this branch).
RECORDED = {
    "defectors-pop-survey": {"QZ105": 3, "QZ106": 2, "QZ109": 2, "QZ111": 5, "QZ112": 1},
    "dramas-black-market": {"QZ101": 3, "QZ104": 6, "QZ105": 10, "QZ106": 5, "QZ107": 3, "QZ108": 1, "QZ109": 6,
                            "QZ110": 1, "QZ111": 4, "QZ112": 1},
    "link-kpop-regime": {"QZ101": 3, "QZ102": 5, "QZ103": 3, "QZ104": 1, "QZ105": 4, "QZ106": 14, "QZ107": 1,
                         "QZ109": 2, "QZ111": 3},
    "stamp-out-foreign-media": {"QZ101": 4, "QZ102": 2, "QZ104": 1, "QZ105": 1, "QZ106": 4, "QZ109": 1,
                                "QZ110": 1, "QZ111": 2, "QZ112": 1},
    "usb-kpop": {"QZ101": 1, "QZ102": 3, "QZ103": 2, "QZ105": 2, "QZ106": 10, "QZ107": 2, "QZ108": 1, "QZ109": 2,
                 "QZ111": 6},
}
# Share of each article quoted (coverage), recorded as a floor: questions may be added, not lost.
RECORDED_COVERAGE = {"000_b71e4fe39ac88797.txt": 0.45, "001_027c9e1a57c1b1c6.txt": 0.40,
                     "002_8338ab753d421eb9.txt": 0.86, "003_833dac29a6a52413.txt": 0.59,
                     "004_d46347b311f7845d.txt": 0.59}

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")


@needs_seeds
def test_course_lint_findings_are_recorded():
    result = CliRunner().invoke(main, ["lint", str(ROOT / "decks"), "--sources", str(SEEDS), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["problems"] == []
    found = Counter((f["file"].rsplit("/", 1)[-1].removesuffix(".yaml"), f["code"]) for f in data["findings"])
    over = {key: n for key, n in found.items() if n > RECORDED.get(key[0], {}).get(key[1], 0)}
    assert over == {}, f"new lint findings in the course (fix them, suppress them, or update RECORDED): {over}"
    assert result.exit_code == (1 if found else 0)


@needs_seeds
def test_course_coverage_is_recorded():
    result = CliRunner().invoke(main, ["coverage", str(ROOT / "decks"), "--sources", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    shares = {s["file"]: s["share"] for s in json.loads(result.stdout)["sources"]}
    assert set(shares) == set(RECORDED_COVERAGE)
    lost = {f: s for f, s in shares.items() if s < RECORDED_COVERAGE[f]}
    assert lost == {}, f"the course quotes less of these articles than recorded: {lost}"
