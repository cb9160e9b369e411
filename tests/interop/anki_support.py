"""Anki packages made by the real Anki backend: every stock note type, two decks, tags, media and a sound."""
from __future__ import annotations

from pathlib import Path

from tests_support import DOT_PNG



def _add(col, notetype: str, deck_id: int, fields: list[str], tags: list[str]):
    note = col.new_note(col.models.by_name(notetype))
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = tags
    col.add_note(note, deck_id)
    return note


def make_anki_package(folder: Path, *, legacy: bool, collection: bool = False) -> Path:
    """A package as Anki writes it (legacy: Anki 2.1's .apkg layout; else 2.1.50+'s zstd one).

    With collection, the whole collection as a .colpkg (File > Export > Anki Collection Package).

    Notes, in order: Basic, Basic (and reversed card), Basic (optional reversed card) with and without
    the reverse, Basic (type in the answer), Cloze with Back Extra, Image Occlusion (no counterpart),
    and a custom note type with three fields (no counterpart).
    """
    from anki.collection import Collection, ExportAnkiPackageOptions

    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    try:
        geo = col.decks.id("Korea::Geography")
        hist = col.decks.id("Korea::History")
        image = col.media.write_data("dot map.png", DOT_PNG)
        col.media.write_data("seoul.mp3", b"ID3 not really audio")
        _add(col, "Basic", geo, ["Capital of <b>South Korea</b>", f'Seoul<br><img src="{image}">'],
             ["geography", "Asia::East"])
        _add(col, "Basic (and reversed card)", geo, ["Pyongyang", "capital of North Korea"], [])
        _add(col, "Basic (optional reversed card)", geo, ["Han", "river through Seoul", "y"], [])
        _add(col, "Basic (optional reversed card)", geo, ["Yalu", "river on the Chinese border", ""], [])
        _add(col, "Basic (type in the answer)", hist, ["King who made Hangul", "Sejong"], ["history"])
        _add(col, "Cloze", hist, ["The war began in {{c1::1950}} and paused in {{c2::1953}}.[sound:seoul.mp3]",
                                  "An armistice, not a peace treaty."], ["history"])
        model = col.models.new("Vocabulary")
        for name in ("Word", "Meaning", "Example"):
            col.models.add_field(model, col.models.new_field(name))
        template = col.models.new_template("Card 1")
        template["qfmt"], template["afmt"] = "{{Word}}", "{{Meaning}}"
        col.models.add_template(model, template)
        col.models.add(model)
        _add(col, "Vocabulary", hist, ["saram", "person", "saram-i manta"], [])
        if collection:
            path = folder / "backup.colpkg"
            col.export_collection_package(str(path), include_media=True, legacy=legacy)
            return path
        path = folder / ("legacy.apkg" if legacy else "modern.apkg")
        options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True,
                                           legacy=legacy)
        col.export_anki_package(out_path=str(path), options=options, limit=None)
    finally:
        if col.db:
            col.close()
    return path
