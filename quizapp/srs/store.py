"""The review store: one SQLite file (WAL, busy timeout, foreign keys), versioned by PRAGMA user_version."""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

APPLICATION_ID = 0x51_5A_41_50  # "QZAP": marks a file as ours, so a foreign SQLite file is never touched
SCHEMA_VERSION = 5
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"

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


def next_review_id(conn: sqlite3.Connection) -> int:
    """The id for a new review: above every review there is and every one ever deleted (undone).

    Args:
        conn: a connection inside the write transaction that inserts the review.

    Returns:
        The id to insert the review with.
    """
    return conn.execute("SELECT max(coalesce((SELECT max(id) FROM reviews), 0), "
                        "coalesce((SELECT last FROM review_seq WHERE id = 1), 0)) + 1").fetchone()[0]


class StoreError(Exception):
    """The store cannot be used: corrupt, foreign, newer, locked or unwritable. The message says which."""


def default_db_path() -> Path:
    """QUIZAPP_DB, or quizapp.sqlite3 in the platform's user data directory."""
    env = os.environ.get("QUIZAPP_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("quizapp", appauthor=False)) / "quizapp.sqlite3"


def _sqlite_error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the review store is locked by another quizapp; close it and retry")
    if "readonly" in text or "unable to open" in text or "disk I/O" in text:
        return StoreError(f"{path}: cannot write the review store ({text})")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        from .storefile import damaged_message
        return StoreError(damaged_message(path, text))
    return StoreError(f"{path}: review store error: {text}")


class Store:
    """An open review store. Use Store.open(); every write goes through transaction()."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()  # one connection may be shared by a UI thread and a worker

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, create: bool = True) -> "Store":
        """Open the store at path (default_db_path() when None), checked intact before anything is written.

        Args:
            path: the store's file.
            create: make a new store when there is none; False (read-only commands) raises StoreMissing.

        Returns:
            The open, migrated store.

        Raises:
            StoreError: the file is not a usable store (the message says why and what to do).
            StoreMissing: no file at path, and create is False.
        """
        from .storefile import StoreMissing, check_intact, create_atomically, damaged_message
        path = Path(path).expanduser() if path is not None else default_db_path()
        _refuse_non_sqlite(path)
        if not path.exists():
            if not create:
                raise StoreMissing(f"{path}: no review store there yet (nothing studied with it)")
            try:
                create_atomically(path, lambda conn: cls(conn, path)._migrate())
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(f"{path}: cannot create the review store ({exc})") from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the review store ({exc})") from None
        try:
            _check_ours(conn, path)
            damage = check_intact(conn, path)
            if damage is not None:
                raise StoreError(damaged_message(path, damage))
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk when answer() returns, even across a power cut, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
            store = cls(conn, path)
            store._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise _sqlite_error(path, exc) from None
        except StoreError:
            conn.close()
            raise
        return store

    @classmethod
    def blank(cls) -> "Store":
        """An empty store in memory: what a read-only command shows when no store exists, writing no file."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        store = cls(conn, Path(":memory:"))
        store._migrate()
        return store

    def _migrate(self) -> None:
        with self.transaction() as conn:
            # Read again inside the write lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(_newer_message(self.path, version))
            for target in range(version + 1, SCHEMA_VERSION + 1):
                # executescript() would COMMIT half-way; run the statements one by one inside this transaction.
                for statement in _statements(MIGRATIONS[target]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so what is read inside is current."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _sqlite_error(self.path, exc) from None
            try:
                yield self.conn
            except sqlite3.Error as exc:  # disk full, I/O error, corruption found mid-way
                self.conn.execute("ROLLBACK")
                raise _sqlite_error(self.path, exc) from exc
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise _sqlite_error(self.path, exc) from None

    @contextmanager
    def reading(self):
        """The connection for several reads in a row (no transaction); SQLite errors become StoreError."""
        with self._lock:
            try:
                yield self.conn
            except sqlite3.Error as exc:
                raise _sqlite_error(self.path, exc) from exc

    def query(self, sql: str, params=()) -> list:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _sqlite_error(self.path, exc) from None

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _statements(script: str) -> list[str]:
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


def _refuse_non_sqlite(path: Path) -> None:
    """Look at the bytes before SQLite does: it must not initialise over someone else's file."""
    from .storefile import refuse_special
    special = refuse_special(path)
    if special:
        raise StoreError(special)
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the review store ({exc.strerror or exc})") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a quizapp review store (not an SQLite database); it was left untouched")


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse, before any write, a corrupt file, another program's database, or a newer schema."""
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
