"""The export state: per note, a hash of its content, the modification time and note type it was exported with.

Anki's importer updates an existing note only when the incoming note's modification time is newer than its
own.  Keeping the time a note was last exported with, and moving it forward only when the note's content
changed, makes a re-import of unchanged banks update nothing (a user's own edits in Anki survive) and an
edited question update exactly its note.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TypedDict, Union

from platformdirs import user_data_dir

from .package import temp_beside

if sys.platform != "win32":  # advisory locks are POSIX; on Windows exports are not serialised
    import fcntl

STATE_FORMAT = 1
STATE_FILE_NAME = "anki-export-state.json"
# 9999-12-31 23:59:59 UTC: the latest export time and note modification time. Anki's note and card ids count
# milliseconds from it in a signed 64-bit integer, and Python's dates end there.
MAX_TIME = 253_402_300_799


# A note's entry in the file: [content hash, modification time in whole seconds, note type id] (a JSON list).
StateEntry = list[Union[str, int]]


class StateFile(TypedDict):
    """The state file's JSON."""

    format: int  # STATE_FORMAT
    notes: dict[str, StateEntry]  # note GUID -> its entry


class NoteRecord(NamedTuple):
    """What the state keeps of one note (its StateEntry, typed)."""

    digest: str  # content_hash of what was exported
    mod: int  # the modification time it was exported with
    note_type: int  # the note type (model) id it was exported with


class StateError(Exception):
    """The state file exists but cannot be used; the message names the file and what to do."""


def default_state_path(db: str | os.PathLike[str] | None = None) -> Path:
    """Where the export state is kept unless --state names a file.

    Args:
        db: the review store named by --db / QUIZAPP_DB, if one is.
    Returns:
        Beside the review store when one is named, else in the user data directory.
    """
    if db:
        return Path(db).expanduser().with_name(STATE_FILE_NAME)
    return Path(user_data_dir("quizapp", appauthor=False)) / STATE_FILE_NAME


@contextmanager
def state_lock(path: Path | None) -> Iterator[None]:
    """Hold a lock on the state file's folder from reading the state to writing it back.

    Two exports sharing one state would otherwise each write back what they read plus their own notes,
    and the later one would drop the other's. The second export waits for the first, then reads its result.
    The folder is locked, not the file: the file is replaced by each export, and a lock file would be
    one more file an export that fails has written.

    Args:
        path: the state file; None (no state kept) locks nothing.
    """
    if path is None or sys.platform == "win32":  # pragma: no cover - Windows: no advisory locks here
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def content_hash(model_id: int, fields: Sequence[str], tags: Sequence[str]) -> str:
    """What Anki would see change in a note: its note type, fields and tags."""
    text = "\x1e".join((str(model_id), "\x1f".join(fields), " ".join(tags)))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _record(guid: str, entry: object) -> NoteRecord:
    """One note's entry as read from the file, checked.

    Raises:
        ValueError: not [str, int, int], or a modification time out of range.
    """
    if not (isinstance(entry, list) and len(entry) == 3):
        raise ValueError("bad entry")
    digest, mod, note_type = entry
    if not (isinstance(digest, str) and isinstance(mod, int) and isinstance(note_type, int)):
        raise ValueError("bad entry")
    if not 0 <= mod <= MAX_TIME:
        raise ValueError(f"note {guid}: modification time {mod} is out of range (0 to {MAX_TIME})")
    return NoteRecord(digest, mod, note_type)


class ExportState:
    """guid -> what was exported of the note (NoteRecord), kept in a JSON file (StateFile)."""

    def __init__(self, path: Path | None, records: dict[str, NoteRecord] | None = None) -> None:
        self.path = path
        self._records: dict[str, NoteRecord] = records or {}

    @property
    def notes(self) -> dict[str, StateEntry]:
        """The notes as the file keeps them: guid -> [content hash, modification time, note type id]."""
        return {guid: list(record) for guid, record in self._records.items()}

    @classmethod
    def load(cls, path: Path | None) -> ExportState:
        """The state kept in path; an empty one when there is no path or no file yet.

        Raises:
            StateError: the file cannot be read or is not a state file.
        """
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            notes = data["notes"]
            if data.get("format") != STATE_FORMAT or not isinstance(notes, dict):
                raise ValueError("unknown format")
            records = {guid: _record(guid, entry) for guid, entry in notes.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StateError(f"{path}: error: cannot use the Anki export state ({exc}); move it away to start "
                             "afresh (every note will then count as changed once)") from None
        return cls(path, records)

    def previous_note_type(self, guid: str) -> int | None:
        """The note type the note was last exported with, if it was."""
        record = self._records.get(guid)
        return None if record is None else record.note_type

    def mod_time(self, guid: str, digest: str, now: int, note_type: int) -> int:
        """The note's modification time: unchanged content keeps its time, changed content moves it forward."""
        record = self._records.get(guid)
        if record is not None and record.digest == digest:
            return record.mod
        mod = now if record is None else max(now, record.mod + 1)
        self._records[guid] = NoteRecord(digest, mod, note_type)
        return mod

    def write_temp(self) -> Path | None:
        """Write the state beside its file under a temporary name, for the caller to rename into place.

        Returns:
            The temporary file, or None when no state is kept (no path).
        """
        if self.path is None:
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(self.path)
        content: StateFile = {"format": STATE_FORMAT, "notes": self.notes}
        payload = json.dumps(content, sort_keys=True, separators=(",", ":"))
        tmp.write_text(payload, encoding="utf-8")
        return tmp
