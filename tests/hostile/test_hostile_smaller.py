"""Class 8: review ids never reused after undo; study skips a library's invalid banks; list exits 1; renamed ids."""
from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

import yaml
from click.testing import CliRunner

from hostile_support import bank_text
from quizapp.bank.models import Bank
from quizapp.cli import main
from quizapp.srs import Engine, Settings, Store

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def _bank(bank_id: str, n: int) -> Bank:
    return Bank.model_validate({"id": bank_id, "title": f"Bank {bank_id}", "questions": [
        {"id": f"q{i}", "type": "true_false", "prompt": f"Statement {i}?", "answer": True} for i in range(n)]})


def test_undo_never_gives_a_review_id_twice(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        session = Engine(store, [_bank("b", 30)], Settings(fuzz=False, tz=timezone.utc)).session(T0)
        first = session.answer(session.next_card(T0), 3, T0).review_id
        session.undo(T0)
        again = session.answer(session.next_card(T0), 3, T0).review_id
        assert again == first + 1


def test_fuzzed_answer_and_undo_sequences_give_distinct_ids(tmp_path):
    rng = random.Random(5)
    issued: list[int] = []
    with Store.open(tmp_path / "s.sqlite3") as store:
        engine = Engine(store, [_bank("b", 60)], Settings(fuzz=False, tz=timezone.utc))
        now = T0
        for _ in range(4):  # several sessions on one store: ids stay unique across them and across reopenings
            session = engine.session(now)
            for _ in range(40):
                card = session.next_card(now)
                if card is not None and rng.random() < 0.65:
                    issued.append(session.answer(card, rng.randint(1, 4), now).review_id)
                elif session.undo(now) is None and card is None:
                    break
                now += timedelta(seconds=30)
            now += timedelta(days=1)
    assert len(issued) > 60 and len(issued) == len(set(issued))
    with Store.open(tmp_path / "s.sqlite3") as store:  # and the store reopened keeps counting up
        session = Engine(store, [_bank("b", 60)], Settings(fuzz=False, tz=timezone.utc)).session(now)
        assert session.answer(session.next_card(now), 3, now).review_id > max(issued)


def _library(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "good.yaml").write_text(bank_text("good"))
    (lib / "broken.yaml").write_text("id: broken\ntitle: Broken\nquestions: []\n")
    return lib


def test_study_over_the_library_studies_the_valid_banks_and_reports_the_invalid(tmp_path):
    lib = _library(tmp_path)
    result = CliRunner().invoke(main, ["--library", str(lib), "--db", str(tmp_path / "s.sqlite3"), "study", "--plain",
                                       "--bank", "good"], input="1\n\nq\n")
    assert result.exit_code == 0, result.output
    assert f"{lib / 'broken.yaml'}:3:" in result.output and "skipping 1 invalid bank file" in result.output
    assert "Is this a bank?" in result.output and "Session over" in result.output


def test_study_of_a_named_invalid_bank_still_fails(tmp_path):
    lib = _library(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "s.sqlite3"), "study", "--plain", str(lib)])
    assert result.exit_code == 1 and "fix them" in result.output


def test_list_exits_1_when_the_library_holds_an_invalid_bank(tmp_path):
    lib = _library(tmp_path)
    result = CliRunner().invoke(main, ["--library", str(lib), "list"])
    assert result.exit_code == 1 and "(invalid: run quizapp validate)" in result.output
    (lib / "broken.yaml").unlink()
    assert CliRunner().invoke(main, ["--library", str(lib), "list"]).exit_code == 0


def test_a_renamed_bank_id_retires_the_old_cards_and_stats_say_so(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    data = {"id": "old-id", "title": "Renamed", "questions": [
        {"id": f"q{i}", "type": "true_false", "prompt": f"S{i}?", "answer": True} for i in range(5)]}
    (lib / "bank.yaml").write_text(yaml.safe_dump(data))
    db = str(tmp_path / "s.sqlite3")
    runner = CliRunner()
    assert runner.invoke(main, ["--library", str(lib), "--db", db, "study", "--plain", "--bank", "old-id"],
                         input="t\n\nt\n\nq\n").exit_code == 0
    data["id"] = "new-id"
    (lib / "bank.yaml").write_text(yaml.safe_dump(data))
    result = runner.invoke(main, ["--library", str(lib), "--db", db, "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert "retired 5 cards of banks no longer in the library" in result.output
    figures = json.loads(result.stdout)
    assert "old-id" not in figures["banks"] and figures["banks"]["new-id"]["cards_total"] == 5
    assert all(b["title"] is not None for b in figures["banks"].values())
    assert figures["cards_retired"] == 5 and figures["reviews_total"] >= 1  # history kept
    text = runner.invoke(main, ["--library", str(lib), "--db", db, "stats"]).stdout
    assert "Retired: 5 cards" in text
    data["id"] = "old-id"  # renamed back: the old cards, with their reviews, are active again
    (lib / "bank.yaml").write_text(yaml.safe_dump(data))
    back = json.loads(runner.invoke(main, ["--library", str(lib), "--db", db, "stats", "--json"]).stdout)
    assert back["banks"]["old-id"]["cards_total"] == 5 and back["banks"]["old-id"]["reviews_30d"] == figures["reviews_total"]
    assert back["cards_retired"] == 5 and "new-id" not in back["banks"]  # now the new id's cards rest
