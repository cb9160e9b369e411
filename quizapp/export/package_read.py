"""Anki packages (.apkg, .colpkg) opened for reading: the collection inside as SQLite, and the media files.

The one home of Anki's package layouts, used by `quizapp import anki` (quizapp.interop.anki_read: notes) and
`quizapp import-progress` (quizapp.export.anki_collection: review history).  Anki has written three:
`collection.anki2` (genanki, old Anki), `collection.anki21` (Anki 2.1 legacy export) with a JSON media map,
and `collection.anki21b` (Anki 2.1.50+: zstd-compressed, schema 18, a protobuf media map, zstd-compressed
media files).  The newer packages also carry a stub `collection.anki2` that only says "please update", so the
newest form present is read.
"""
from __future__ import annotations

import json
import sqlite3
import zipfile
from typing import Union

import zstandard

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
SQLITE_MAGIC = b"SQLite format 3\x00"
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")  # newest first
MAX_UNPACKED = 2 << 30  # a collection or media file larger than 2 GiB unpacked is refused (zip bombs)

# One field of a protobuf message: an int for a varint, bytes for the others (length-delimited, fixed 64/32).
ProtobufValue = Union[int, bytes]


class PackageError(Exception):
    """The package is not one Anki wrote (no collection inside, a broken database)."""


def unzstd(data: bytes) -> bytes:
    """data unpacked when it is zstd-compressed (Anki 2.1.50+), else data as it is.

    Args:
        data: a package member's bytes.
    Returns:
        The unpacked bytes.
    Raises:
        PackageError: damaged, or larger than MAX_UNPACKED unpacked.
    """
    if not data.startswith(ZSTD_MAGIC):
        return data
    try:
        # read at most MAX_UNPACKED + 1 bytes: a small file that unpacks to more is refused, not held in memory
        out: bytes = zstandard.ZstdDecompressor().stream_reader(data).read(MAX_UNPACKED + 1)
    except zstandard.ZstdError as exc:
        raise PackageError(f"a zstd-compressed part is damaged ({exc})") from None
    if len(out) > MAX_UNPACKED:
        raise PackageError("a zstd-compressed part is larger than 2 GiB unpacked")
    return out


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """One member of the package, refused before it is read when it says it is larger than MAX_UNPACKED.

    Args:
        archive: the open package.
        name: the member.
    Returns:
        Its bytes, as stored (still zstd-compressed in the newest layout).
    Raises:
        PackageError: too large.
    """
    if archive.getinfo(name).file_size > MAX_UNPACKED:
        raise PackageError(f"{name} is larger than 2 GiB unpacked")
    return archive.read(name)


def collection_member(archive: zipfile.ZipFile) -> str | None:
    """The name of the newest collection the package holds, or None for a zip that holds none."""
    names = set(archive.namelist())
    return next((name for name in COLLECTIONS if name in names), None)


def read_collection(archive: zipfile.ZipFile, member: str) -> bytes:
    """The collection member's SQLite bytes, unpacked (what collection_member named)."""
    return unzstd(read_member(archive, member))


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def protobuf_fields(data: bytes) -> list[tuple[int, ProtobufValue]]:
    """(field number, value) pairs of one protobuf message: ints for varints, bytes for the other wire types.

    Args:
        data: the encoded message (a media map entry, a notetype's config).
    Returns:
        The fields in the order they are encoded.
    Raises:
        PackageError: a wire type protobuf does not define.
    """
    out: list[tuple[int, ProtobufValue]] = []
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        value: ProtobufValue
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            size, pos = _varint(data, pos)
            value, pos = data[pos:pos + size], pos + size
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise PackageError(f"unreadable protobuf wire type {wire}")
        out.append((number, value))
    return out


def _media_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """zip member -> media file name."""
    if "media" not in archive.namelist():
        return {}
    raw = read_member(archive, "media")
    if raw.startswith(ZSTD_MAGIC):
        entries = [v for n, v in protobuf_fields(unzstd(raw)) if n == 1 and isinstance(v, bytes)]
        names = [next((v.decode() for n, v in protobuf_fields(e) if n == 1 and isinstance(v, bytes)), "")
                 for e in entries]
        return {str(i): name for i, name in enumerate(names) if name}
    try:
        data = json.loads(raw or b"{}")
    except ValueError as exc:
        raise PackageError(f"the media list is not valid JSON ({exc})") from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def read_media(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The package's media files: file name -> content, unpacked.

    Args:
        archive: the open package.
    Returns:
        Every media file the media map names and the package holds.
    Raises:
        PackageError: an unreadable media map, or a damaged or too large file.
    """
    names = set(archive.namelist())
    return {name: unzstd(read_member(archive, key)) for key, name in _media_names(archive).items() if key in names}


def open_collection(data: bytes) -> sqlite3.Connection:
    """A collection's bytes as an in-memory SQLite database (no file written; the caller closes it).

    Args:
        data: what read_collection returned; bytes that are not SQLite fail at the first query.
    Returns:
        The connection.
    """
    conn = sqlite3.connect(":memory:")
    if data:  # no bytes: an empty database, as an empty file would be
        # Anki's collections are in WAL mode (header bytes 18-19 say 2); an in-memory copy must say 1
        # (rollback journal) or SQLite refuses to read it.
        conn.deserialize(data[:18] + b"\x01\x01" + data[20:])
    return conn
