"""Writes an .apkg byte for byte reproducibly, under a temporary name that is renamed into place at the end."""
from __future__ import annotations

import glob
import itertools
import json
import os
import secrets
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import genanki

# genanki's Package.write_to_file stamps the zip entries with the current time and the temporary database
# file's mtime, so two exports of the same notes differ.  The database is still genanki's (write_to_db);
# only the zip is written here, with fixed dates and a fixed order.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Called with a cursor on the package's collection after genanki's rows are in (to add scheduling); what it
# returns is not used.
CollectionFill = Callable[[sqlite3.Cursor], object]


class QuizNote(genanki.Note):
    """A genanki note that carries its own modification time (genanki gives every note the package's)."""

    def __init__(self, model: genanki.Model, fields: list[str], tags: Iterable[str], guid: str, due: int,
                 mod: int) -> None:
        super().__init__(model=model, fields=fields, tags=tags, guid=guid, due=due)
        self.mod = mod

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Iterator[int]) -> None:
        # The note's own time goes into notes.mod (what Anki's importer compares) and its cards' mod.
        super().write_to_db(cursor, self.mod, deck_id, id_gen)

    def _check_invalid_html_tags_in_fields(self) -> None:
        # Every field is built by quizapp.export.render (escaped or markdown-it's HTML), so genanki's
        # per-field regex guard against unescaped text has nothing to find (and costs a quarter of the write).
        return None


def temp_beside(path: Path) -> Path:
    """A new empty file next to path, created with the umask's permissions, for an atomic os.replace later."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    return tmp


def remove_stale_temps(path: Path) -> None:
    """Remove temp_beside files of path left by an export that was killed (its process is gone).

    Args:
        path: an output or state file; only its own `.NAME.PID-XXXX.tmp` siblings are looked at.
    """
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = tmp.name[len(path.name) + 2:].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except (PermissionError, OverflowError):
            continue  # another user's live process, or not a pid of ours


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # as written on Unix, whatever the platform: same bytes everywhere
    info.external_attr = 0o644 << 16
    return info


def collection_bytes(decks: list[genanki.Deck], timestamp: int, fill: CollectionFill | None = None) -> bytes:
    """The package's collection.anki2: genanki's schema and rows, in an in-memory SQLite database.

    Args:
        decks: the decks, with their notes.
        timestamp: the export time; note and card ids count up from it.
        fill: adds to the collection after genanki's rows are in (the learner's progress), if given.
    Returns:
        The database's bytes.
    """
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        # Note and card ids count up from the timestamp in milliseconds, as genanki does; a fixed timestamp
        # gives fixed ids.
        genanki.Package(decks).write_to_db(cursor, timestamp, itertools.count(timestamp * 1000))
        if fill is not None:
            fill(cursor)
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def write_apkg(dest: Path, decks: list[genanki.Deck], media: dict[str, Path], timestamp: int,
               fill: CollectionFill | None = None) -> None:
    """Write the package to dest (normally a temp_beside file): the collection, the media map, the media.

    Args:
        dest: the file to write.
        decks: the decks, with their notes.
        media: media name -> the file to pack under it.
        timestamp: the export time (see collection_bytes).
        fill: see collection_bytes.
    """
    database = collection_bytes(decks, timestamp, fill)
    names = sorted(media)
    with zipfile.ZipFile(dest, "w") as archive:
        # Level 1: a fifth of the stored size at a third of the default level's time.
        archive.writestr(_entry("collection.anki2"), database, compresslevel=1)
        archive.writestr(_entry("media"), json.dumps({str(i): n for i, n in enumerate(names)}))
        for i, name in enumerate(names):
            archive.writestr(_entry(str(i)), media[name].read_bytes())
