"""Anki packages (.apkg, .colpkg) read as plain data: notes with their note type, fields, tags and deck, and media.

Handles the three layouts Anki has written: `collection.anki2` (genanki, old Anki), `collection.anki21`
(Anki 2.1 legacy export) with a JSON media map, and `collection.anki21b` (Anki 2.1.50+: zstd-compressed,
schema 18 with notetypes/fields/decks tables, a protobuf media map, zstd-compressed media files).
"""
from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_UNPACKED = 2 << 30  # a collection or media file larger than 2 GiB unpacked is refused (zip bombs)


class PackageError(Exception):
    """The package is not one Anki wrote (no collection inside, a broken database)."""


@dataclass
class NoteType:
    id: int
    name: str
    fields: list[str]
    cloze: bool
    templates: int = 1


@dataclass
class Note:
    """One note: its row number in the collection (for locations), fields by name, tags and first card's deck."""

    index: int
    id: int
    guid: str
    notetype: NoteType
    fields: dict[str, str]
    tags: list[str]
    deck: str


@dataclass
class Package:
    notes: list[Note] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # name -> content


def _unzstd(data: bytes) -> bytes:
    if not data.startswith(ZSTD_MAGIC):
        return data
    import zstandard
    try:
        # read at most MAX_UNPACKED + 1 bytes: a small file that unpacks to more is refused, not held in memory
        out = zstandard.ZstdDecompressor().stream_reader(data).read(MAX_UNPACKED + 1)
    except zstandard.ZstdError as exc:
        raise PackageError(f"a zstd-compressed part is damaged ({exc})") from None
    if len(out) > MAX_UNPACKED:
        raise PackageError("a zstd-compressed part is larger than 2 GiB unpacked")
    return out


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def _protobuf(data: bytes) -> list[tuple[int, object]]:
    """(field number, value) pairs of one protobuf message: ints for varints, bytes for length-delimited fields."""
    out, pos = [], 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
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


def _media_map(archive: zipfile.ZipFile) -> dict[str, str]:
    """zip member -> media file name."""
    if "media" not in archive.namelist():
        return {}
    raw = _read(archive, "media")
    if raw.startswith(ZSTD_MAGIC):
        entries = [v for n, v in _protobuf(_unzstd(raw)) if n == 1]
        names = [next((v.decode() for n, v in _protobuf(e) if n == 1), "") for e in entries]
        return {str(i): name for i, name in enumerate(names) if name}
    try:
        data = json.loads(raw or b"{}")
    except ValueError as exc:
        raise PackageError(f"the media list is not valid JSON ({exc})") from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_UNPACKED:
        raise PackageError(f"{name} is larger than 2 GiB unpacked")
    return archive.read(name)


def _notetypes(db: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    if "notetypes" in tables:
        types = {}
        for ntid, name, config in db.execute("select id, name, config from notetypes"):
            kind = next((v for n, v in _protobuf(config or b"") if n == 1), 0)
            names = [r[0] for r in db.execute("select name from fields where ntid=? order by ord", (ntid,))]
            (templates,) = db.execute("select count(*) from templates where ntid=?", (ntid,)).fetchone()
            types[ntid] = NoteType(ntid, name, names, kind == 1, templates)
        decks = {did: name.replace("\x1f", "::") for did, name in db.execute("select id, name from decks")}
        return types, decks
    models_json, decks_json = db.execute("select models, decks from col").fetchone()
    models, decks = json.loads(models_json), json.loads(decks_json)
    types = {int(mid): NoteType(int(mid), m["name"], [f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])],
                                m.get("type") == 1, len(m.get("tmpls", ()))) for mid, m in models.items()}
    return types, {int(did): d["name"] for did, d in decks.items()}


def read_package(path: Path) -> Package:
    """Notes and media of an Anki package.

    Args:
        path: the .apkg or .colpkg file.
    Returns:
        The Package.
    Raises:
        zipfile.BadZipFile: not a zip archive (a corrupt or truncated file).
        PackageError: no collection inside, or one that SQLite cannot read.
    """
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        member = next((n for n in _COLLECTIONS if n in names), None)
        if member is None:
            raise PackageError("no Anki collection inside (collection.anki2, .anki21 or .anki21b)")
        data = _unzstd(_read(archive, member))
        media = {name: _unzstd(_read(archive, key)) for key, name in _media_map(archive).items() if key in names}
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "collection.sqlite"
        db_path.write_bytes(data)
        try:
            db = sqlite3.connect(db_path)
            try:
                return Package(_notes(db), media)
            finally:
                db.close()
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:
            raise PackageError(f"the collection inside cannot be read ({exc})") from None


def _notes(db: sqlite3.Connection) -> list[Note]:
    types, decks = _notetypes(db)
    # SQLite takes a bare column from the row that min() picked: the deck of each note's first card.
    first_deck = {nid: did for nid, did, _ in db.execute("select nid, did, min(ord) from cards group by nid")}
    notes = []
    rows = db.execute("select id, guid, mid, tags, flds from notes order by id")
    for index, (nid, guid, mid, tags, flds) in enumerate(rows, 1):
        notetype = types.get(mid) or NoteType(mid, f"unknown note type {mid}", [], False)
        values = flds.split("\x1f")
        names = notetype.fields or [f"Field {i + 1}" for i in range(len(values))]
        notes.append(Note(index, nid, guid, notetype, dict(zip(names, values)), tags.split(),
                          decks.get(first_deck.get(nid), "Default")))
    return notes
