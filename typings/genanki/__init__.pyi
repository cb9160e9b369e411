# Types for the parts of genanki 0.13 that quizapp.export uses; genanki ships none (no py.typed, no stub
# package on PyPI). Read from genanki's source (model.py, note.py, deck.py, package.py, util.py); mypy finds
# this folder through mypy_path in pyproject.toml. Add what a new use needs, checked against that source.
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

# A note type's field and template entries, and its to_json(), are Anki's JSON: genanki adds keys of its own.
AnkiJson = dict[str, Any]

class Card:
    ord: int
    suspend: bool
    def __init__(self, ord: int, suspend: bool = ...) -> None: ...

class Model:
    FRONT_BACK: ClassVar[int]
    CLOZE: ClassVar[int]
    model_id: int
    name: str
    fields: list[AnkiJson]
    templates: list[AnkiJson]
    css: str
    model_type: int
    sort_field_index: int
    def __init__(self, model_id: int | None = ..., name: str | None = ..., fields: list[AnkiJson] | None = ...,
                 templates: list[AnkiJson] | None = ..., css: str = ..., model_type: int = ...,
                 latex_pre: str = ..., latex_post: str = ..., sort_field_index: int = ...) -> None: ...
    def to_json(self, timestamp: float, deck_id: int | None) -> AnkiJson: ...

class Note:
    model: Model
    fields: list[str]
    due: int
    def __init__(self, model: Model | None = ..., fields: list[str] | None = ..., sort_field: str | None = ...,
                 tags: Iterable[str] | None = ..., guid: str | None = ..., due: int = ...) -> None: ...
    @property
    def tags(self) -> list[str]: ...
    @tags.setter
    def tags(self, val: Iterable[str]) -> None: ...
    @property
    def guid(self) -> str: ...
    @guid.setter
    def guid(self, val: str | None) -> None: ...
    @property
    def cards(self) -> list[Card]: ...
    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Iterator[int]) -> None: ...
    def _check_invalid_html_tags_in_fields(self) -> None: ...

class Deck:
    deck_id: int | None
    name: str | None
    description: str
    notes: list[Note]
    def __init__(self, deck_id: int | None = ..., name: str | None = ..., description: str = ...) -> None: ...
    def add_note(self, note: Note) -> None: ...

class Package:
    decks: list[Deck]
    def __init__(self, deck_or_decks: Deck | list[Deck] | None = ..., media_files: list[str] | None = ...) -> None: ...
    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Iterator[int]) -> None: ...

def guid_for(*values: object) -> str: ...
