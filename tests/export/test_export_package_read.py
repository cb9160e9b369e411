"""Reading Anki packages (export/package_read.py): the layouts both `import anki` and `import-progress` read."""
from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
import zstandard

from quizapp.export.package_read import (PackageError, collection_member, open_collection, read_collection,
                                         read_media)


def _wal_collection(tmp_path) -> bytes:
    """An SQLite database in WAL mode, as Anki leaves its collections (header bytes 18-19 say 2)."""
    path = tmp_path / "wal.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (guid TEXT)")
    conn.execute("INSERT INTO notes VALUES ('abc')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    assert data[18:20] == b"\x02\x02"
    return data


def test_the_newest_collection_is_read_and_a_wal_database_opens_in_memory(tmp_path):
    package = tmp_path / "modern.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"stub: please update Anki")
        archive.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(_wal_collection(tmp_path)))
    with zipfile.ZipFile(package) as archive:
        member = collection_member(archive)
        assert member == "collection.anki21b"
        conn = open_collection(read_collection(archive, member))
    try:
        assert conn.execute("SELECT guid FROM notes").fetchall() == [("abc",)]
    finally:
        conn.close()


def test_a_zip_without_a_collection_has_no_member_and_an_empty_one_is_an_empty_database(tmp_path):
    package = tmp_path / "odd.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with zipfile.ZipFile(package) as archive:
        assert collection_member(archive) is None
    conn = open_collection(b"")  # an empty member: no tables, as an empty file would be, not a crash
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            conn.execute("SELECT * FROM col")
    finally:
        conn.close()


def test_media_are_read_by_the_map_in_either_form(tmp_path):
    legacy, modern = tmp_path / "legacy.apkg", tmp_path / "modern.apkg"
    with zipfile.ZipFile(legacy, "w") as archive:
        archive.writestr("media", json.dumps({"0": "map.png", "1": "gone.png"}))
        archive.writestr("0", b"PNG bytes")
    # Anki 2.1.50+: a zstd-compressed protobuf list (field 1: an entry, whose field 1 is the name) and
    # zstd-compressed files.
    entry = b"\x0a\x07map.png"
    listing = b"\x0a" + bytes([len(entry)]) + entry
    zstd = zstandard.ZstdCompressor()
    with zipfile.ZipFile(modern, "w") as archive:
        archive.writestr("media", zstd.compress(listing))
        archive.writestr("0", zstd.compress(b"PNG bytes"))
    for package in (legacy, modern):
        with zipfile.ZipFile(package) as archive:
            assert read_media(archive) == {"map.png": b"PNG bytes"}, package


def test_a_damaged_media_map_is_a_package_error(tmp_path):
    package = tmp_path / "bad.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("media", b"{not json")
    with zipfile.ZipFile(package) as archive, pytest.raises(PackageError, match="media list is not valid JSON"):
        read_media(archive)
