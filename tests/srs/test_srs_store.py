"""The store refuses what is not its own without touching it, migrates by user_version, and loses no review."""
from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from quizapp.srs import Engine, Rating, Store, StoreError, default_db_path
from quizapp.srs.schema import APPLICATION_ID, SCHEMA_VERSION
from srs_support import MINUTE, T0, engine, settings, tf_bank


def filled_store(path):
    eng = engine(path, [tf_bank("b", 3)])
    s = eng.session(T0)
    s.answer(s.next_card(T0), Rating.Good, T0)
    eng.store.close()
    return path


def refused(path, fragment):
    before = path.read_bytes()
    with pytest.raises(StoreError, match=fragment):
        Store.open(path)
    assert path.read_bytes() == before  # never overwritten, not even a byte


def test_new_store_has_version_wal_and_foreign_keys(tmp_path):
    store = Store.open(tmp_path / "deep" / "er" / "s.sqlite3")
    q = store.conn.execute
    assert q("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert q("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert q("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert q("PRAGMA foreign_keys").fetchone()[0] == 1
    assert q("PRAGMA busy_timeout").fetchone()[0] >= 1000
    with pytest.raises(StoreError, match="FOREIGN KEY"):  # a review of no card is refused by the foreign key
        with store.transaction() as conn:
            conn.execute("INSERT INTO reviews (card_id, generation, reviewed_at, rating, state_before, state_after, "
                         "before_json, after_json) VALUES (999, 1, 0, 3, 0, 1, '{}', '{}')")
    store.close()
    reopened = Store.open(tmp_path / "deep" / "er" / "s.sqlite3")  # opening again migrates nothing
    assert reopened.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my precious notes\n" * 100)
    refused(path, "not an SQLite database")


def test_other_programs_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()
    refused(path, "another program")


def test_newer_schema_is_refused_untouched(tmp_path):
    path = filled_store(tmp_path / "s.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    refused(path, "newer quizapp")


@pytest.mark.parametrize("damage", ["garbage-after-header", "truncated", "zeroed-schema-page"])
def test_corrupt_store_is_refused_untouched(tmp_path, damage):
    path = filled_store(tmp_path / "s.sqlite3")
    raw = bytearray(path.read_bytes())
    if damage == "garbage-after-header":
        raw = bytearray(b"SQLite format 3\x00" + os.urandom(len(raw) - 16))
    elif damage == "truncated":
        raw = raw[:1000]
    else:
        raw[100:4096] = bytes(3996)
    path.write_bytes(bytes(raw))
    refused(path, "corrupt|another program|not a database")


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    assert Store.open(path).query("PRAGMA user_version")[0][0] == SCHEMA_VERSION


def test_directory_and_unwritable_paths_give_store_errors(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot (open|read)"):
        Store.open(blocker / "s.sqlite3")  # its folder cannot be a file
    assert blocker.read_text() == "not a folder"


def test_a_long_write_lock_elsewhere_is_a_store_error(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("quizapp.srs.store.BUSY_TIMEOUT_MS", 200)
    try:
        store = Store.open(path)
        with pytest.raises(StoreError, match="locked"):
            with store.transaction():
                pass
    except StoreError as exc:  # refusing at open is as good
        assert "locked" in str(exc)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_default_path_follows_quizapp_db(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_DB", str(tmp_path / "x.sqlite3"))
    assert default_db_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("QUIZAPP_DB")
    assert default_db_path().name == "quizapp.sqlite3"


def test_two_sessions_on_one_store_lose_no_review(tmp_path):
    db = tmp_path / "s.sqlite3"
    bank = tf_bank("b", 1)
    engines = [Engine(Store.open(db), [bank], settings()) for _ in range(2)]
    sessions = [e.session(T0) for e in engines]
    cards = [s.next_card(T0) for s in sessions]
    assert cards[0].key == cards[1].key  # both were shown the same card
    per_thread = 25
    errors = []

    def answer_many(i):
        try:
            for n in range(per_thread):
                sessions[i].answer(cards[i], Rating.Good, T0 + MINUTE * n, given=f"{i}-{n}")
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=answer_many, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = engines[0].store
    assert store.query("SELECT count(*) FROM reviews")[0][0] == 2 * per_thread
    assert store.query("SELECT reps FROM cards")[0][0] == 2 * per_thread  # each built on the other's state
    # Every review's "before" is the previous review's "after": nothing was computed from a stale read.
    rows = store.query("SELECT before_json, after_json FROM reviews ORDER BY id")
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, len(rows)))
    assert store.query("PRAGMA integrity_check")[0][0] == "ok"


def test_an_older_store_is_migrated_forward_keeping_its_data(tmp_path):
    from quizapp.srs.schema import MIGRATIONS, split_statements
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in split_statements(MIGRATIONS[1]):
        conn.execute(statement)
    conn.execute("INSERT INTO cards (bank_id, question_id, ord, qtype, fingerprint, state, reps) "
                 "VALUES ('b', 'q1', 0, 'true_false', 'true_false:True', 2, 7)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    store = Store.open(path)
    assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION >= 2
    assert store.query("SELECT count(*) FROM bank_sync")[0][0] == 0
    eng = Engine(store, [tf_bank("b", 1)], settings())
    assert eng.last_sync.added == 0  # the v1 card is recognised: progress kept
    assert store.query("SELECT state, reps FROM cards")[0] == (2, 7)
