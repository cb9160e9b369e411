"""Anki packages (.apkg, .colpkg) read as plain data: notes with their note type, fields, tags and deck, and media.

The package layouts (which collection, zstd, the media map) are read by quizapp.export.package_read; this module
reads the notes out of the collection, in both schemas: the legacy one (note types and decks as JSON in `col`)
and Anki 2.1.50+'s schema 18 (notetypes, fields, templates and decks tables).
"""
from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..export.package_read import (PackageError, collection_member, open_collection, protobuf_fields, read_collection,
                                   read_media)

# PackageError is raised here and caught by the importer, so this module passes it on.
__all__ = ["Note", "NoteType", "Package", "PackageError", "read_package"]


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


def _notetypes(db: sqlite3.Connection) -> tuple[dict[int, NoteType], dict[int, str]]:
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    if "notetypes" in tables:
        types = {}
        for ntid, name, config in db.execute("select id, name, config from notetypes"):
            kind = next((v for n, v in protobuf_fields(config or b"") if n == 1), 0)
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
        member = collection_member(archive)
        if member is None:
            raise PackageError("no Anki collection inside (collection.anki2, .anki21 or .anki21b)")
        data = read_collection(archive, member)
        media = read_media(archive)
    try:
        db = open_collection(data)
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
        deck_id = first_deck.get(nid)  # None: a note without cards
        deck = decks.get(deck_id, "Default") if deck_id is not None else "Default"
        notes.append(Note(index, nid, guid, notetype, dict(zip(names, values)), tags.split(), deck))
    return notes
