"""Global options after the subcommand (issue 12): `quizapp study --library X` as well as `quizapp --library X study`."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from quizapp.cli import main


def write_bank(path, bank_id: str) -> None:
    path.write_text(f"id: {bank_id}\ntitle: Bank {bank_id}\nquestions:\n  - id: a\n    type: true_false\n"
                    "    prompt: Statement a?\n    answer: true\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_bank(folder / "mine.yaml", "mine")
    return folder


def run(args, **kwargs):
    result = CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)
    return result


@pytest.mark.parametrize("where", ["before", "after"])
def test_every_command_takes_library_and_db_after_its_name(tmp_path, library, where):
    db = tmp_path / f"{where}.sqlite3"
    options = ["--library", str(library), "--db", str(db)]

    def args(*command):
        return [*options, *command] if where == "before" else [command[0], *options, *command[1:]]

    listed = run(args("list"))
    assert listed.exit_code == 0 and "mine" in listed.output
    assert run(args("validate")).exit_code == 0
    studied = run(args("study", "--plain", "--bank", "mine"), input="t\n\n")
    assert studied.exit_code == 0, studied.output
    assert "saved (review 1)" in studied.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    stats = run(args("stats", "--json"))
    assert stats.exit_code == 0 and '"reviews_total": 1' in stats.output
    out = tmp_path / f"{where}.apkg"
    exported = run(["export", "anki", "--library", str(library), "-o", str(out)] if where == "after"
                   else ["--library", str(library), "export", "anki", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert out.exists()


def test_after_the_name_adds_to_before(tmp_path, library):
    other = tmp_path / "other"
    other.mkdir()
    write_bank(other / "theirs.yaml", "theirs")
    listed = run(["--library", str(library), "list", "--library", str(other)])
    assert "mine" in listed.output and "theirs" in listed.output
    assert "--library DIR" in run(["study", "--help"]).output
