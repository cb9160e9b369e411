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
from contextlib import contextmanager
from pathlib import Path

STATE_FORMAT = 1
STATE_FILE_NAME = "anki-export-state.json"
# 9999-12-31 23:59:59 UTC: the latest export time and note modification time. Anki's note and card ids count
# milliseconds from it in a signed 64-bit integer, and Python's dates end there.
MAX_TIME = 253_402_300_799


class StateError(Exception):
    """The state file exists but cannot be used; the message names the file and what to do."""


def default_state_path(db: str | os.PathLike | None = None) -> Path:
    """Beside the review store when one is named (--db / QUIZAPP_DB), else in the user data directory."""
    if db:
        return Path(db).expanduser().with_name(STATE_FILE_NAME)
    from platformdirs import user_data_dir
    return Path(user_data_dir("quizapp", appauthor=False)) / STATE_FILE_NAME


@contextmanager
def state_lock(path: Path | None):
    """Hold a lock on the state file's folder from reading the state to writing it back.

    Two exports sharing one state would otherwise each write back what they read plus their own notes,
    and the later one would drop the other's. The second export waits for the first, then reads its result.
    The folder is locked, not the file: the file is replaced by each export, and a lock file would be
    one more file an export that fails has written.

    Args:
        path: the state file; None (no state kept) locks nothing.
    """
    if path is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks here
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def content_hash(model_id: int, fields: list[str], tags: list[str]) -> str:
    """What Anki would see change in a note: its note type, fields and tags."""
    text = "\x1e".join((str(model_id), "\x1f".join(fields), " ".join(tags)))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class ExportState:
    """guid -> [content hash, modification time in whole seconds, note type id], kept in a JSON file."""

    def __init__(self, path: Path | None, notes: dict[str, list] | None = None) -> None:
        self.path = path
        self.notes: dict[str, list] = notes or {}

    @classmethod
    def load(cls, path: Path | None) -> "ExportState":
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            notes = data["notes"]
            if data.get("format") != STATE_FORMAT or not isinstance(notes, dict):
                raise ValueError("unknown format")
            for guid, entry in notes.items():
                if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[1], int)):
                    raise ValueError("bad entry")
                if not 0 <= entry[1] <= MAX_TIME:
                    raise ValueError(f"note {guid}: modification time {entry[1]} is out of range "
                                     f"(0 to {MAX_TIME})")
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StateError(f"{path}: error: cannot use the Anki export state ({exc}); move it away to start "
                             "afresh (every note will then count as changed once)") from None
        return cls(path, notes)

    def previous_note_type(self, guid: str) -> int | None:
        """The note type the note was last exported with, if it was."""
        entry = self.notes.get(guid)
        return None if entry is None else entry[2]

    def mod_time(self, guid: str, digest: str, now: int, note_type: int) -> int:
        """The note's modification time: unchanged content keeps its time, changed content moves it forward."""
        entry = self.notes.get(guid)
        if entry is not None and entry[0] == digest:
            return entry[1]
        mod = now if entry is None else max(now, entry[1] + 1)
        self.notes[guid] = [digest, mod, note_type]
        return mod

    def write_temp(self) -> Path | None:
        """Write the state beside its file under a temporary name; the exporter renames it into place with the packages."""
        if self.path is None:
            return None
        from .package import temp_beside
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(self.path)
        payload = json.dumps({"format": STATE_FORMAT, "notes": self.notes}, sort_keys=True, separators=(",", ":"))
        tmp.write_text(payload, encoding="utf-8")
        return tmp
