"""The validator's warnings: an accepted typo of an answer that is another real answer of the bank."""
from __future__ import annotations

import json

from click.testing import CliRunner

from quizapp.cli import main
from quizapp.srs.collisions import typo_collisions
from srs_support import bank_data, make_bank, write_bank

QUESTIONS = [
    {"id": "province", "type": "multiple_choice", "prompt": "Which province?",
     "choices": ["North Hamgyong", "South Hamgyong", "Ryanggang"], "answer": "North Hamgyong"},
    {"id": "capital", "type": "short_answer", "prompt": "Capital?", "answer": "Pyongyang"},
    {"id": "word", "type": "short_answer", "prompt": "?", "answer": "from"},
    {"id": "other", "type": "short_answer", "prompt": "?", "answer": "form", "reject": ["Pyongyong"]},
    {"id": "gap", "type": "cloze", "text": "The capital is {{c1::Pyongyang}}; the port {{c2::Chongjin}}."},
    {"id": "ruled-out", "type": "short_answer", "prompt": "?", "answer": "from", "reject": ["form"]},
    {"id": "strict", "type": "short_answer", "prompt": "?", "answer": "from", "fuzzy": False},
    {"id": "pick", "type": "multiple_choice", "prompt": "?", "choices": ["Chongjon", "Hyesan"], "answer": "Hyesan"},
]


def test_collisions_with_choices_answers_and_reject_entries():
    found = [(c.where, c.answer, c.other, c.what) for c in typo_collisions(make_bank("c", QUESTIONS))]
    pairs = {(c[0], c[2]) for c in found}
    assert (("questions", 2, "answer"), "form") in pairs  # from ~ form: a real-word swap
    assert (("questions", 1, "answer"), "Pyongyong") in pairs  # another question's reject entry
    assert (("questions", 4, "text"), "Chongjon") in pairs  # a cloze gap against another question's choice
    # "South Hamgyong" is no typo of "North Hamgyong", ruled-out has `reject`, strict has fuzzy off:
    assert not any(c[2] == "South Hamgyong" for c in found)
    assert not any(c[0][1] in (5, 6) for c in found)
    assert len(pairs) == len(found)


def test_the_bundled_course_has_no_collisions():
    from quizapp.bank import load_paths
    from quizapp.bank.library import bundled_decks_dir
    results, _ = load_paths([bundled_decks_dir()])
    assert [(r.bank.id, c.message) for r in results for c in typo_collisions(r.bank)] == []


def test_validate_reports_warnings_located_and_still_exits_0(tmp_path):
    path = write_bank(tmp_path / "c.yaml", bank_data("c", QUESTIONS))
    result = CliRunner().invoke(main, ["validate", "--no-cache", str(path)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ": warning: " in ln]
    text = path.read_text().splitlines()
    word_line = next(i for i, ln in enumerate(text, 1) if ln.strip() == "answer: from")
    column = text[word_line - 1].index("from") + 1
    assert (f"{path}:{word_line}:{column}: warning: a typo of 'from' would accept 'form', an accepted answer of "
            "question 'other'; add 'form' to `reject` (or set `fuzzy: false`)") in lines
    assert any("cloze gaps always forgive typos" in ln for ln in lines)
    assert result.stderr.strip().startswith("ok: 1 bank, 8 questions valid (") and "warnings)" in result.stderr
    as_json = json.loads(CliRunner().invoke(main, ["validate", "--no-cache", "--format", "json", str(path)]).stdout)
    assert {p["severity"] for p in as_json} == {"warning"} and len(as_json) == len(lines)


def test_warnings_are_reported_again_from_the_cache_and_follow_edits(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path / "cache"))
    path = write_bank(tmp_path / "c.yaml", bank_data("c", QUESTIONS))

    def warnings():
        result = CliRunner().invoke(main, ["validate", str(path)])
        assert result.exit_code == 0
        return [ln for ln in result.stdout.splitlines() if ": warning: " in ln]

    cold = warnings()
    assert cold and (tmp_path / "cache" / "typo-warnings.json").exists()
    assert warnings() == cold  # warm: the bank is not even loaded, the findings come from the cache
    write_bank(path, bank_data("c", [q for q in QUESTIONS if q["id"] not in ("word", "other")]))
    assert [w for w in warnings() if "'form'" in w or "'from'" in w] == []
