"""Class 5: a damaged store is never written; read commands create nothing; no FIFO as --db; concurrent creation."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import socket
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_support import assert_refused, quizapp
from quizapp.cli import main
from quizapp.bank.models import Bank
from quizapp.srs import Engine, Settings, Store, StoreError

PAGE = 4096
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def _bank_text(questions: int) -> str:
    lines = ["id: b", "title: Bank b", "questions:"]
    for i in range(1, questions + 1):
        lines += [f"  - id: q{i}", "    type: true_false", f"    prompt: Statement q{i}?", "    answer: true"]
    return "\n".join(lines) + "\n"


def _studied_store(path: Path, banks_dir: Path, questions: int = 300) -> Path:
    """A real store with reviews, and a bank file with one question more than the store has seen."""
    import yaml
    bank = Bank.model_validate(yaml.safe_load(_bank_text(questions)))
    with Store.open(path) as store:
        session = Engine(store, [bank], Settings(fuzz=False, tz=timezone.utc)).session(T0)
        for _ in range(40):
            session.answer(session.next_card(T0), 3, T0)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    banks_dir.mkdir(exist_ok=True)
    (banks_dir / "b.yaml").write_text(_bank_text(questions + 1))
    return banks_dir / "b.yaml"


def _pages_of(path: Path, name: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        return [root]
    finally:
        conn.close()


def _damage(path: Path, page: int, offset: int, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * PAGE + offset)
        fh.write(data)


def _fingerprint(path: Path) -> tuple:
    wal = Path(f"{path}-wal")
    return hashlib.sha256(path.read_bytes()).hexdigest(), wal.exists() and wal.stat().st_size


def _quick_check_ok(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


DAMAGE = {
    "index-root-garbage": ("reviews_time", 8, b"\xff" * 200),
    "index-cell-pointers": ("cards_new", 12, b"\x00\x07" * 20),
    "index-page-type": ("reviews_card", 0, b"\x0d"),
    "table-cell-pointers": ("bank_sync", 8, b"\xff\xf0" * 8),
    "reviews-table-header": ("reviews", 0, b"\x05\x00\x00\x00\x00\x00\x00"),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damaged_store_is_never_written_and_says_what_to_do(tmp_path, name):
    db = tmp_path / "store.sqlite3"
    bank = _studied_store(db, tmp_path / "banks")
    table, offset, data = DAMAGE[name]
    _damage(db, _pages_of(db, table)[0], offset, data)
    assert not _quick_check_ok(db)
    before = _fingerprint(db)
    runner = CliRunner()
    for args in (["stats", str(bank)], ["study", "--plain", str(bank)], ["stats", "--json", str(bank)]):
        result = runner.invoke(main, ["--db", str(db), *args], input="1\n\nq\n")
        assert result.exit_code == 1, result.output
        assert "the review store is damaged" in result.output and ".recover" in result.output, result.output
        assert _fingerprint(db) == before  # not a byte changed, no pending write in the WAL
    with pytest.raises(StoreError, match="nothing was written"):
        Store.open(db)


@pytest.mark.slow
def test_fuzzed_damage_is_refused_or_harmless(tmp_path):
    """Random bytes over random pages: a store SQLite calls damaged is left exactly as it was."""
    clean_db = tmp_path / "clean.sqlite3"
    bank = _studied_store(clean_db, tmp_path / "banks")
    pages = clean_db.stat().st_size // PAGE
    rng = random.Random(11)
    tried = refused = 0
    for trial in range(30):
        db = tmp_path / f"t{trial}.sqlite3"
        db.write_bytes(clean_db.read_bytes())
        for _ in range(rng.randint(1, 3)):
            _damage(db, rng.randint(2, pages), rng.randrange(PAGE - 64), rng.randbytes(rng.randint(1, 64)))
        intact = _quick_check_ok(db)
        before = _fingerprint(db)
        result = CliRunner().invoke(main, ["--db", str(db), "stats", str(bank)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        tried += 1
        if not intact:
            refused += 1
            assert result.exit_code == 1 and "damaged" in result.output, result.output
            assert _fingerprint(db) == before
    assert tried == 30 and refused > 5


@pytest.mark.parametrize("where", ["typo/folder/store.sqlite3", "store.sqlite3"])
def test_read_commands_create_no_store(tmp_path, where):
    db = tmp_path / where
    for args in (["--db", str(db), "stats"], ["stats", "--db", str(db), "--json"], ["--db", str(db), "list"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert not db.exists() and not db.parent.exists() or db.parent == tmp_path
        assert list(tmp_path.iterdir()) == []
    assert f"{db}: no review store there yet" in CliRunner().invoke(main, ["--db", str(db), "stats"]).output


def test_read_command_through_quizapp_db_creates_nothing(tmp_path):
    db = tmp_path / "nested" / "store.sqlite3"
    result = CliRunner().invoke(main, ["stats"], env={"QUIZAPP_DB": str(db)})
    assert result.exit_code == 0 and "every card counts as new" in result.output
    assert not (tmp_path / "nested").exists()


@pytest.mark.parametrize("kind", ["fifo", "socket", "/dev/null", "/dev/zero"])
def test_special_files_as_db_are_refused_not_waited_on(tmp_path, kind):
    if kind == "fifo":
        target = tmp_path / "fifo"
        os.mkfifo(target)
    elif kind == "socket":
        target = tmp_path / "sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    else:
        target = Path(kind)
    for args in (["stats"], ["study", "--plain"]) if kind == "fifo" else (["stats"],):
        proc = quizapp("--db", str(target), *args, input="q\n", timeout=30)
        assert_refused(proc, f"{target}: is a", "not a review store")


def _open_at_once(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        Store.open(path).close()
        results.put("ok")
    except StoreError as exc:
        results.put(str(exc))


def test_concurrent_first_opens_all_succeed(tmp_path):
    ctx = multiprocessing.get_context("fork")
    rounds, width = 6, 6
    failures = []
    for round_ in range(rounds):
        path = str(tmp_path / f"r{round_}" / "store.sqlite3")
        barrier, results = ctx.Barrier(width), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(width)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        outcomes = [results.get(timeout=5) for _ in procs]
        failures += [o for o in outcomes if o != "ok"]
        with Store.open(path) as store:  # one stamped store, nothing left beside it
            assert store.query("PRAGMA application_id")[0][0] != 0
        assert sorted(os.listdir(Path(path).parent)) in (["store.sqlite3"], ["store.sqlite3", "store.sqlite3-shm",
                                                                             "store.sqlite3-wal"])
    assert failures == []


def test_a_new_store_appears_complete_or_not_at_all(tmp_path):
    """What another process starting at the same moment sees: no file yet, or a stamped store; never a bare one."""
    import threading
    sightings: list[tuple] = []
    for round_ in range(20):
        path = tmp_path / f"r{round_}" / "store.sqlite3"
        done = threading.Event()

        def watch():
            while not done.is_set():
                if path.exists():
                    try:
                        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                        sightings.append(conn.execute(
                            "SELECT (SELECT application_id FROM pragma_application_id), "
                            "(SELECT count(*) FROM sqlite_master)").fetchone())
                        conn.close()
                    except sqlite3.Error:
                        sightings.append(("unreadable", 0))

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            Store.open(path).close()
        finally:
            done.set()
            watcher.join()
    assert sightings and all(app_id != 0 and objects > 0 for app_id, objects in sightings), sightings[:5]
