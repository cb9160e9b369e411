"""The review store: one SQLite file (WAL, busy timeout, foreign keys), opened checked and migrated (schema.py and
storefile.py), read and written in transactions under one lock."""
from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from .schema import check_ours, migrate
from .storefile import (StoreError, StoreMissing, check_intact, create_atomically, damaged_message, refuse_foreign,
                        sqlite_error)

BUSY_TIMEOUT_MS = 5000


def next_review_id(conn: sqlite3.Connection) -> int:
    """The id for a new review: above every review there is and every one ever deleted (undone).

    Args:
        conn: a connection inside the write transaction that inserts the review.

    Returns:
        The id to insert the review with.
    """
    next_id: int = conn.execute("SELECT max(coalesce((SELECT max(id) FROM reviews), 0), "
                                "coalesce((SELECT last FROM review_seq WHERE id = 1), 0)) + 1").fetchone()[0]
    return next_id


def default_db_path() -> Path:
    """QUIZAPP_DB, or quizapp.sqlite3 in the platform's user data directory."""
    env = os.environ.get("QUIZAPP_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("quizapp", appauthor=False)) / "quizapp.sqlite3"


class Store:
    """An open review store. Use Store.open(); every write goes through transaction()."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()  # one connection may be shared by a UI thread and a worker

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
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
        path = Path(path).expanduser() if path is not None else default_db_path()
        refuse_foreign(path)
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
            check_ours(conn, path)
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
            raise sqlite_error(path, exc) from None
        except StoreError:
            conn.close()
            raise
        return store

    @classmethod
    def blank(cls) -> Store:
        """An empty store in memory: what a read-only command shows when no store exists, writing no file."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        store = cls(conn, Path(":memory:"))
        store._migrate()
        return store

    def _migrate(self) -> None:
        with self.transaction() as conn:
            migrate(conn, self.path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so what is read inside is current."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise sqlite_error(self.path, exc) from None
            try:
                yield self.conn
            except sqlite3.Error as exc:  # disk full, I/O error, corruption found mid-way
                self.conn.execute("ROLLBACK")
                raise sqlite_error(self.path, exc) from exc
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise sqlite_error(self.path, exc) from None

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for several reads in a row (no transaction); SQLite errors become StoreError."""
        with self._lock:
            try:
                yield self.conn
            except sqlite3.Error as exc:
                raise sqlite_error(self.path, exc) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of one statement (outside any transaction); SQLite errors become StoreError."""
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise sqlite_error(self.path, exc) from None

    def close(self) -> None:
        """Close the connection (the last one to the file checkpoints the WAL into it)."""
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

