"""`quizapp coverage`: which paragraphs and sentences of a source the quotes cover, as a report and JSON."""
from __future__ import annotations

import json

from click.testing import CliRunner

from quizapp.bank.sourcetext import parse_source
from quizapp.cli import main

TEXT = """\
A Short History of Hangul

Hangul was promulgated by King Sejong in 1446. It replaced Chinese characters for many writers.

Before then, few commoners could read. Scholars wrote in Classical Chinese.

Modern Use

Today Hangul is used in South Korea and North Korea. The Hunminjeongeum Society counts 24 letters.
"""

BANK = """\
id: hangul
title: Hangul
source:
  title: A Short History of Hangul
  publisher: Examples
  date: 2024-05-01
  file: hangul.txt
questions:
  - id: year
    type: numeric
    prompt: In which year was Hangul promulgated?
    answer: 1446
    quote: Hangul was promulgated by King Sejong in 1446.
  - id: king
    type: short_answer
    prompt: Which king promulgated Hangul?
    answer: Sejong
    quote: Hangul was promulgated by King Sejong
  - id: before
    type: true_false
    prompt: Most commoners could read before Hangul.
    answer: false
    quote: Before then, few commoners could read.
"""


def _setup(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "hangul.txt").write_text(TEXT, encoding="utf-8")
    bank = tmp_path / "hangul.yaml"
    bank.write_text(BANK, encoding="utf-8")
    return bank, tmp_path / "src"


def _run(*args):
    return CliRunner().invoke(main, ["coverage", *map(str, args)])


def test_paragraphs_headings_and_sentences_are_found():
    source = parse_source("hangul.txt", TEXT)
    assert [(p.line, p.heading) for p in source.paragraphs] == [(1, True), (3, False), (5, False), (7, True),
                                                                 (9, False)]
    assert source.sections == [("A Short History of Hangul", 1), ("Modern Use", 7)]
    assert [len(p.sentences) for p in source.body()] == [2, 2, 2]


def test_report_lists_uncovered_paragraphs_with_line_and_material(tmp_path):
    bank, src = _setup(tmp_path)
    result = _run(bank, "--sources", src)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "hangul.txt  (hangul: 3 quoting questions)" in out
    assert "quoted: 2 of 3 paragraphs, 2 of 6 sentences, 32% of the text" in out
    assert "most asked: line 3 (2 questions), line 5 (1 question)" in out
    assert f"    {src}/hangul.txt:9: Today Hangul is used in South Korea and  [" in out
    assert "numbers: 24" in out and "South Korea" in out and "The Hunminjeongeum Society" not in out
    assert "Hunminjeongeum Society" in out
    sections = [ln for ln in out.splitlines() if "line 1 " in ln or "line 7 " in ln]
    assert "\u2588" in sections[0] and sections[1].endswith("0%")
    assert out.rstrip().endswith("total: 32% of 1 source text quoted")


def test_json_and_minimum(tmp_path):
    bank, src = _setup(tmp_path)
    result = _run(bank, "--sources", src, "--format", "json", "--min", "30")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["share"] == round(data["sources"][0]["covered_chars"] / data["sources"][0]["total_chars"], 4)
    para = {p["line"]: p for p in data["sources"][0]["paragraphs"]}
    assert para[3]["questions"] == ["hangul/king", "hangul/year"] and para[3]["covered_sentences"] == 1
    assert para[9]["covered_sentences"] == 0 and para[9]["numbers"] == ["24"]
    low = _run(bank, "--sources", src, "--min", "50")
    assert low.exit_code == 1 and "below the minimum of 50%" in low.stderr


def test_usage_errors_exit_2(tmp_path):
    bank, src = _setup(tmp_path)
    assert _run(bank).exit_code == 2  # --sources is required
    assert _run(bank, "--sources", src, "--min", "120").exit_code == 2
    assert _run(tmp_path / "missing.yaml", "--sources", src).exit_code == 2


def test_missing_source_file_is_said_not_crashed(tmp_path):
    bank, src = _setup(tmp_path)
    (src / "hangul.txt").unlink()
    result = _run(bank, "--sources", src)
    assert result.exit_code == 1
    assert "hangul: cannot read source 'hangul.txt'" in result.stderr and "Traceback" not in result.output


def test_a_long_quote_covers_every_sentence_it_spans_and_a_short_one_only_its_own():
    from quizapp.coverage import cover_source
    source = parse_source("hangul.txt", TEXT)
    long_quote = ("Hangul was promulgated by King Sejong in 1446. It replaced Chinese characters for many writers. "
                  "Before then, few commoners could read.")
    cov = cover_source(source, [("b/long", long_quote), ("b/short", "The Hunminjeongeum Society counts 24 letters.")],
                       ["b"])
    assert [(p.line, p.covered_sentences, p.questions) for p in cov.paragraphs] == [
        (3, 2, ["b/long"]), (5, 1, ["b/long"]), (9, 1, ["b/short"])]
    last = source.body()[2].sentences  # "Modern Use": its second sentence quoted
    assert cov.sections[1]["share"] == (last[1][1] - last[1][0]) / sum(e - s for s, e in last)
