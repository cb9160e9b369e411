"""Line mode acts on the card at the rating prompt: suspend, bury, flag, edit (a real $EDITOR process), leech."""
from __future__ import annotations

import sqlite3
import sys
import textwrap

from line_support import QUESTIONS, study
from srs_support import bank_data


def _cards(tmp_path, sql: str):
    with sqlite3.connect(tmp_path / "s.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def test_suspend_bury_and_flag_at_the_rating_prompt(tmp_path):
    proc = study(tmp_path, ["t", "flag 3", "suspend", "sejong", "bury", "1,000 people", "flag 9", "flag", "", "q"])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "flag: green. now rate it." in out and "suspended: not asked until you unsuspend it" in out
    assert "buried until tomorrow." in out and "flag takes 0 to 4" in out and "flag: red." in out
    assert _cards(tmp_path, "SELECT question_id, suspended, flag, buried_until IS NOT NULL FROM cards "
                            "WHERE question_id IN ('t1', 's1', 'n1') ORDER BY question_id") == [
        ("n1", 0, 1, 0), ("s1", 0, 0, 1), ("t1", 1, 3, 0)]
    assert _cards(tmp_path, "SELECT c.question_id FROM reviews r JOIN cards c ON c.id = r.card_id") == [("n1",)]
    again = study(tmp_path, ["q"])  # the suspended and the buried card are left out: 5 cards, 3 to go
    assert "2 new, 1 learning, 0 review left" in again.stdout


def _editor(tmp_path, old: str, new: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        path = sys.argv[-1]
        assert path.startswith({str(tmp_path)!r}), path
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace({old!r}, {new!r}, 1))
    """))
    return f"{sys.executable} {script}"


def test_edit_at_the_rating_prompt_asks_the_edited_card_again(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "Statement t1?", "Is statement one true?"))
    proc = study(tmp_path, ["f", "edit", "t", "", "q"])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "saved and checked; here is the card again." in out
    assert out.index("Is statement one true?") > out.index("saved and checked")
    assert "Is statement one true?" in (tmp_path / "plain.yaml").read_text(encoding="utf-8")
    assert _cards(tmp_path, "SELECT c.question_id, r.correct FROM reviews r JOIN cards c ON c.id = r.card_id") \
        == [("t1", 1)]  # the wrong answer before the edit was not saved


def test_a_broken_edit_is_reported_and_discarded(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "answer: true", "answer: maybe"))
    bank = tmp_path / "plain.yaml"
    proc = study(tmp_path, ["t", "edit", "d", "t", "", "q"], bank=bank_data("plain", QUESTIONS))
    assert proc.returncode == 0, proc.stderr
    assert "plain.yaml:" in proc.stdout and "the bank has problems" in proc.stdout
    assert "your changes were discarded" in proc.stdout
    assert "answer: maybe" not in bank.read_text(encoding="utf-8")
