"""The review store's file before SQLite writes to it: is it a regular SQLite file, is it intact, creating it
atomically; and what goes wrong with it, as StoreError messages that say what to do."""
from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# Up to this size the whole file is checked at every open (about 0.1 s for 100,000 reviews); above it, the
# tables a session's first writes touch (cards and bank_sync), so a huge history does not slow every start.
FULL_CHECK_BYTES = 64 * 1024 * 1024
_FIRST_WRITES = ("cards", "bank_sync")


class StoreError(Exception):
    """The store cannot be used: corrupt, foreign, newer, locked or unwritable. The message says which."""


class StoreMissing(StoreError):
    """No store at the path yet; a read-only command says so instead of creating one."""


def refuse_special(path: Path) -> str | None:
    """Why path cannot be a store (a FIFO, socket or device would block or never end), or None.

    Args:
        path: where the store is, or will be, kept.

    Returns:
        A message for StoreError, or None when the path is a regular file or does not exist yet.
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return f"{path}: cannot read the review store ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"{path}: is a directory, not a review store"
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        return f"{path}: is {kind}, not a review store file; name a file for --db (or QUIZAPP_DB)"
    return None


def refuse_foreign(path: Path) -> None:
    """Look at the bytes before SQLite does: it must not initialise over someone else's file.

    Args:
        path: where the store is, or will be, kept.

    Raises:
        StoreError: path is not a regular file, cannot be read, or is not an SQLite database.
    """
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


def sqlite_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """What an SQLite error on the store means for the learner: locked, unwritable, damaged, or other.

    Args:
        path: the store's file.
        exc: what SQLite raised.

    Returns:
        The StoreError to raise instead (the caller raises it `from None`: the message says it all).
    """
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the review store is locked by another quizapp; close it and retry")
    if "readonly" in text or "unable to open" in text or "disk I/O" in text:
        return StoreError(f"{path}: cannot write the review store ({text})")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(damaged_message(path, text))
    return StoreError(f"{path}: review store error: {text}")


def damaged_message(path: Path, detail: str) -> str:
    """What a damaged store means and what to do, with the commands to run.

    Args:
        path: the damaged store.
        detail: what SQLite found (its first quick_check line or error).

    Returns:
        The message: the store was not written; keep a copy, recover it or start afresh.
    """
    return (f"{path}: the review store is damaged ({detail}); nothing was written to it. Keep a copy "
            f"(cp '{path}' '{path}.damaged'), then recover what SQLite can still read with "
            f"`sqlite3 '{path}' .recover | sqlite3 '{path}.recovered'` and study with --db '{path}.recovered', "
            f"or restore it from a backup; moving it away starts a new, empty store")


def check_intact(conn: sqlite3.Connection, path: Path) -> str | None:
    """PRAGMA quick_check before any write, so a damaged store is never made worse (or "repaired" wrongly).

    Args:
        conn: an open connection to the store at path.
        path: the store's file.

    Returns:
        SQLite's first complaint, or None when the checked part is intact.
    """
    try:
        big = path.stat().st_size > FULL_CHECK_BYTES
    except OSError:
        big = False
    checks = [f"PRAGMA quick_check({table})" for table in _FIRST_WRITES] if big else ["PRAGMA quick_check"]
    for sql in checks:
        try:
            rows = conn.execute(sql).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                continue  # a store that is being created
            raise
        if rows != [("ok",)]:
            return str(rows[0][0]) if rows else "quick_check gave no answer"
    return None


def create_atomically(path: Path, build: Callable[[sqlite3.Connection], None]) -> None:
    """Create a new store at path in one step: built and stamped beside it, then linked into place.

    Two quizapps started together both find no file: each builds its own, the first link wins, and the
    other's build is dropped; neither sees a half-made store (unstamped, so "another program's", or locked).

    Args:
        path: where the store goes; an existing file there is left as it is.
        build: called with a connection to the new file; creates the schema and stamps it.

    Raises:
        OSError, sqlite3.Error: the folder or file cannot be made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.new")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # set once, in the file, while no one else can see it
            build(conn)
        finally:
            conn.close()  # the last connection checkpoints and removes the -wal file
        try:
            os.link(tmp, path)  # fails if another quizapp got there first: theirs is as good
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: rename, unless someone was first
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
