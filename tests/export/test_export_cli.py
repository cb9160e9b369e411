"""`quizapp export anki` as a user runs it: outputs, --split, summaries, and refusals that leave nothing behind."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from export_support import listing, package_rows

from quizapp.bank.loader import load_paths
from quizapp.cli import main
from tests_support import BROKEN, VALID


def test_one_bank_goes_to_its_id_by_default(export_anki, special_bank, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = export_anki(special_bank)
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote special-chars.apkg: 7 notes, 9 cards, 1 deck, 1 media file\n"
    assert (tmp_path / "special-chars.apkg").is_file()


def test_several_banks_go_to_one_package_with_a_deck_each(export_anki, special_bank, tmp_path, monkeypatch):
    shutil.copy(VALID / "all-types.yaml", special_bank.parent)
    monkeypatch.chdir(tmp_path)
    result = export_anki(special_bank.parent)
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote quizapp.apkg: 15 notes, 18 cards, 2 decks, 1 media file\n"
    decks = package_rows(tmp_path / "quizapp.apkg", "select decks from col")[0][0]
    assert '"name": "Examples::All types"' in decks and '"name": "quizapp tests::Special"' in decks


def test_split_writes_one_package_per_bank(export_anki, special_bank, tmp_path):
    shutil.copy(VALID / "all-types.yaml", special_bank.parent)
    out = tmp_path / "out"
    result = export_anki(special_bank.parent, "--split", "-o", out)
    assert result.exit_code == 0, result.output
    assert listing(out) == ["example-all-types.apkg", "special-chars.apkg"]
    assert package_rows(out / "example-all-types.apkg", "select count(*) from notes") == [(8,)]
    assert package_rows(out / "special-chars.apkg", "select count(*) from notes") == [(7,)]
    assert result.stderr.count("wrote ") == 2


def test_package_rows_carry_the_stable_identities(export_anki, tmp_path):
    from quizapp.export.identity import deck_id, note_guid
    out = tmp_path / "a.apkg"
    assert export_anki(VALID / "all-types.yaml", "-o", out, now=1_700_000_000).exit_code == 0
    guids = {g for (g,) in package_rows(out, "select guid from notes")}
    bank = load_paths([VALID / "all-types.yaml"])[0][0].bank
    assert guids == {note_guid(bank.id, q.id) for q in bank.questions}
    assert package_rows(out, "select distinct did from cards") == [(deck_id("Examples::All types"),)]
    assert package_rows(out, "select distinct mod from notes") == [(1_700_000_000,)]


def test_an_invalid_bank_stops_everything_with_validate_s_messages(export_anki, special_bank, tmp_path):
    shutil.copy(BROKEN / "mc-answer-not-in-choices.yaml", special_bank.parent)
    out = tmp_path / "out"
    out.mkdir()
    result = export_anki(special_bank.parent, "-o", out / "x.apkg")
    assert result.exit_code == 1
    _, problems = load_paths([special_bank.parent])
    assert problems and result.stderr.splitlines()[:-1] == [str(p) for p in problems]
    assert "nothing exported" in result.stderr.splitlines()[-1]
    assert listing(out) == [] and not export_anki.state.exists()


@pytest.mark.parametrize("image, message", [
    ("../outside.png", "image '../outside.png' is outside the bank's folder"),
    ("/etc/hostname", "image '/etc/hostname' is outside the bank's folder"),
    ("img/missing.png", "image 'img/missing.png' not found"),
])
def test_a_bad_image_is_located_and_nothing_is_written(export_anki, special_bank, tmp_path, image, message):
    (tmp_path / "outside.png").write_bytes(b"png")
    text = special_bank.read_text(encoding="utf-8").replace("Match them.", f"Match them. ![x]({image})")
    special_bank.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Match them." in row)
    before = listing(tmp_path)
    result = export_anki(special_bank, "-o", tmp_path / "x.apkg")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{special_bank}:{line}:13: error: {message}"), first
    assert listing(tmp_path) == before


def test_a_damaged_export_state_is_reported_not_overwritten(export_anki, special_bank, tmp_path):
    export_anki.state.write_text("{not json", encoding="utf-8")
    result = export_anki(special_bank, "-o", tmp_path / "x.apkg")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{export_anki.state}: error: cannot use the Anki export state")
    assert export_anki.state.read_text(encoding="utf-8") == "{not json"
    assert not (tmp_path / "x.apkg").exists()


def test_an_unwritable_output_is_an_error_not_a_traceback(export_anki, special_bank, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = export_anki(special_bank, "-o", blocker / "x.apkg")
    assert result.exit_code == 1
    assert "error: cannot write" in result.stderr and "Traceback" not in result.output
    assert not export_anki.state.exists()


def test_an_output_folder_without_split_is_a_usage_error(export_anki, special_bank, tmp_path):
    result = export_anki(special_bank, "-o", tmp_path)
    assert result.exit_code == 2 and "is a folder" in result.stderr and "--split" in result.stderr
    assert not export_anki.state.exists()


def test_state_defaults_to_beside_the_review_store(special_bank, tmp_path):
    db = tmp_path / "store" / "quizapp.sqlite3"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "anki", str(special_bank), "-o",
                                       str(tmp_path / "x.apkg")], env={"QUIZAPP_EXPORT_STATE": None})
    assert result.exit_code == 0, result.output
    assert (db.parent / "anki-export-state.json").is_file()


def _big_bank(folder, count: int):
    questions = [{"id": f"q{i}", "type": "true_false", "prompt": f"Statement {i}.", "answer": True}
                 for i in range(count)]
    path = folder / "big.yaml"
    path.write_text(yaml.safe_dump({"id": "big", "title": "Big", "questions": questions}), encoding="utf-8")
    return path


@pytest.mark.slow
def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty
    bank = _big_bank(tmp_path, 2500)
    env = dict(os.environ, QUIZAPP_EXPORT_STATE=str(tmp_path / "state.json"))
    cmd = [sys.executable, "-m", "quizapp", "export", "anki", str(bank), "-o", str(tmp_path / "big.apkg")]
    piped = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert piped.returncode == 0 and "Exporting" not in piped.stderr
    assert piped.stderr == f"wrote {tmp_path / 'big.apkg'}: 2500 notes, 2500 cards, 1 deck, 0 media files\n"
    primary, secondary = pty.openpty()
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary,
                          env=env) as proc:
        os.close(secondary)
        seen = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closes with the process
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=120) == 0
    os.close(primary)
    assert b"Exporting" in seen and b"2500 notes" in seen
