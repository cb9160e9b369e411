"""The review store's schema: its tables, versioned by PRAGMA user_version and moved forward by migrations,
and the stamp (PRAGMA application_id) that marks an SQLite file as a quizapp store."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .storefile import StoreError

APPLICATION_ID = 0x51_5A_41_50  # "QZAP": marks a file as ours, so a foreign SQLite file is never touched
SCHEMA_VERSION = 5

# Forward migrations: MIGRATIONS[n] takes a store from version n-1 to n. Never edit a released one; add the next.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE cards (
        id          INTEGER PRIMARY KEY,
        bank_id     TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        ord         INTEGER NOT NULL,          -- 0, or the cloze number
        qtype       TEXT    NOT NULL,
        fingerprint TEXT    NOT NULL,          -- type + answer (a digest when long): a change restarts the card
        generation  INTEGER NOT NULL DEFAULT 1,-- bumped by each restart; reviews keep theirs
        position    INTEGER NOT NULL DEFAULT 0,-- question index in its bank: new-card order
        active      INTEGER NOT NULL DEFAULT 1,-- 0: question removed from its bank, history kept
        state       INTEGER NOT NULL DEFAULT 0,-- 0 new, 1 learning, 2 review, 3 relearning
        step        INTEGER,
        stability   REAL,
        difficulty  REAL,
        due         INTEGER,                   -- microseconds since the epoch, UTC
        last_review INTEGER,
        reps        INTEGER NOT NULL DEFAULT 0,
        lapses      INTEGER NOT NULL DEFAULT 0,
        UNIQUE (bank_id, question_id, ord)
    );
    CREATE INDEX cards_due ON cards (state, due) WHERE active = 1;
    CREATE INDEX cards_new ON cards (bank_id, position, ord) WHERE active = 1 AND state = 0;
    CREATE TABLE reviews (
        id           INTEGER PRIMARY KEY,
        card_id      INTEGER NOT NULL REFERENCES cards (id),
        generation   INTEGER NOT NULL,
        reviewed_at  INTEGER NOT NULL,         -- microseconds since the epoch, UTC
        rating       INTEGER NOT NULL,         -- 1 again, 2 hard, 3 good, 4 easy
        cram         INTEGER NOT NULL DEFAULT 0,-- 1: practice that changed no schedule
        given        TEXT,                     -- the learner's answer, JSON
        correct      INTEGER,
        duration_ms  INTEGER,
        state_before INTEGER NOT NULL,
        state_after  INTEGER NOT NULL,
        before_json  TEXT    NOT NULL,         -- full CardState before and after: undo, stats, optimisation
        after_json   TEXT    NOT NULL
    );
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE INDEX reviews_card ON reviews (card_id, id);
    """,
    2: """
    -- A digest of each bank's cards as last synced: an unchanged bank is not compared card by card.
    CREATE TABLE bank_sync (
        bank_id TEXT PRIMARY KEY,
        digest  TEXT NOT NULL
    );
    -- Reviews minus cram reviews, both from indexes: counting 1,000,000 rows by a column scans the table.
    CREATE INDEX reviews_cram ON reviews (card_id) WHERE cram = 1;
    """,
    3: """
    -- The learner's own control over cards, as in Anki's browser.
    ALTER TABLE cards ADD COLUMN suspended    INTEGER NOT NULL DEFAULT 0; -- 1: never asked until unsuspended
    ALTER TABLE cards ADD COLUMN buried_until INTEGER;                    -- not asked before this moment (us, UTC)
    ALTER TABLE cards ADD COLUMN flag         INTEGER NOT NULL DEFAULT 0; -- 0 none, 1 red, 2 orange, 3 green, 4 blue
    ALTER TABLE cards ADD COLUMN leech        INTEGER NOT NULL DEFAULT 0; -- 1: lapsed past the leech threshold
    -- FSRS parameters fitted to this store's own reviews (quizapp optimize): they belong with the history.
    CREATE TABLE fsrs_fit (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        parameters  TEXT    NOT NULL,          -- JSON list of 21 floats (FSRS-6)
        fitted_at   INTEGER NOT NULL,          -- microseconds since the epoch, UTC
        reviews     INTEGER NOT NULL,          -- how many reviews the fit used
        before_json TEXT    NOT NULL,          -- log loss and RMSE of the defaults and of the fit
        after_json  TEXT    NOT NULL
    );
    """,
    4: """
    -- "I was right": a typed answer graded wrong that the learner overrode to correct (correct is then 1).
    ALTER TABLE reviews ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0;
    """,
    5: """
    -- Review ids are never reused: undo deletes a review, and SQLite would give its id to the next one, so
    -- "saved (review N)" could name two reviews. The highest id ever deleted is kept (see next_review_id).
    CREATE TABLE review_seq (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL
    );
    CREATE TRIGGER reviews_seq_on_delete AFTER DELETE ON reviews BEGIN
        INSERT INTO review_seq (id, last) VALUES (1, OLD.id) ON CONFLICT (id) DO UPDATE SET last = max(last, excluded.last);
    END;
    """,
}


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the store up to SCHEMA_VERSION, inside the caller's write transaction, and stamp it as ours.

    Args:
        conn: a connection to the store at path, in a BEGIN IMMEDIATE transaction.
        path: the store's file (for messages).

    Raises:
        StoreError: a newer quizapp wrote the store.
    """
    # Read again inside the write lock: another process may have migrated meanwhile.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(_newer_message(path, version))
    for target in range(version + 1, SCHEMA_VERSION + 1):
        # executescript() would COMMIT half-way; run the statements one by one inside this transaction.
        for statement in split_statements(MIGRATIONS[target]):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {target}")
    if version < SCHEMA_VERSION:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse, before any write, another program's database or a newer schema.

    Args:
        conn: a connection to the file at path.
        path: the file (for messages).

    Raises:
        StoreError: the file is not ours, or a newer quizapp's.
    """
    # One statement, one snapshot: read apart, a store another process is creating could show its tables
    # but not yet its stamp, and pass for another program's database.
    app_id, version, objects = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), "
        "(SELECT count(*) FROM sqlite_master)").fetchone()
    if objects and app_id != APPLICATION_ID:
        raise StoreError(f"{path}: an SQLite database of another program, not a quizapp review store; "
                         "it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(_newer_message(path, version))


def split_statements(script: str) -> list[str]:
    """A migration's SQL as single statements, comments dropped (for execute(), one at a time)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line.split("--", 1)[0] + ("\n" if "--" in line else "")
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s.strip(" ;\n")]


def _newer_message(path: Path, version: int) -> str:
    return (f"{path}: the review store was written by a newer quizapp (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade quizapp. The file was left untouched")
