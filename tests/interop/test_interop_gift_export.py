"""`quizapp export gift`, and bank -> GIFT -> bank round trips that give back the same questions."""
from __future__ import annotations

import pytest
from interop_support import CORPUS, load, with_bank_tags
from tests_support import ROOT, VALID

from quizapp.bank.loader import load_paths
from quizapp.interop.gift_export import export_gift

BANKS = [VALID / "all-types.yaml", CORPUS / "hand-made.yaml", VALID / "flashcards.yaml"]


def _round_trip(quizapp, tmp_path, bank_path):
    gift = tmp_path / "out.gift"
    result = quizapp("export", "gift", bank_path, "-o", gift)
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.yaml"
    result = quizapp("import", "gift", gift, "-o", back)
    assert result.exit_code == 0, result.output
    return load(bank_path), load(back), result


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_hand_made_banks_of_every_type_round_trip(quizapp, tmp_path, bank_path):
    before, after, result = _round_trip(quizapp, tmp_path, bank_path)
    # Bank-level tags are not GIFT's to carry: they come back on each question.
    assert list(after.questions) == with_bank_tags(before)
    assert result.stderr.endswith(" imported, 0 converted, 0 skipped\n") and "warning" not in result.stderr


def test_the_bundled_course_round_trips(quizapp, tmp_path):
    results, problems = load_paths([ROOT / "decks"], use_cache=False)
    assert not problems and len(results) >= 5
    for r in results:
        before, after, _ = _round_trip(quizapp, tmp_path, r.path)
        assert list(after.questions) == with_bank_tags(before), r.path


def test_gift_escapes_and_forms(tmp_path):
    bank = load(CORPUS / "hand-made.yaml")
    text, notes = export_gift([bank])
    assert notes == []
    assert "::braces::[markdown]Which of these GIFT characters need a backslash\\: \\~ \\= \\# \\{ \\} and \\:?" in text
    assert ("{~%33.33333%\\~ and \\= ~%33.33333%\\# and \\{ ~%33.33333%\\} and \\: ~%-100%\\\\ itself "
            "####All of them.\\n\\nThe backslash too\\: `\\\\\\\\`.}") in text
    assert "// [tag:escapes]\n" in text
    assert "::order-items::[markdown]Order these numbers from small to large. {=1 -> 1 =2 -> 10 =3 -> 100}" in text
    assert "::hint-deletion-c1::[markdown]Two {=deletions} with hints come back whole." in text
    assert "::hint-deletion-c2::[markdown]Two deletions with hints {=come back} whole." in text
    assert "{#-7.5:0.25}" in text and "{FALSE}" in text


def test_several_banks_each_get_a_category(quizapp, tmp_path):
    out = tmp_path / "all.gift"
    result = quizapp("export", "gift", *BANKS[:2], "-o", out)
    assert result.exit_code == 0 and result.stderr == f"wrote {out}: 19 of 19 questions\n"
    text = out.read_text()
    assert text.startswith("$CATEGORY: Examples/All types\n") and "\n$CATEGORY: Awkward text in every type\n" in text
    split = tmp_path / "split"
    result = quizapp("import", out, "--split-categories", "-o", split)
    assert sorted(p.name for p in split.iterdir()) == ["awkward-text-in-every-type.yaml", "examples-all-types.yaml"]


def test_a_broken_bank_exports_nothing(quizapp, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: X\nquestions: []\n")
    result = quizapp("export", "gift", bad, "-o", tmp_path / "x.gift")
    assert result.exit_code == 1 and not (tmp_path / "x.gift").exists()
    assert f"{bad}:3:" in result.stderr
