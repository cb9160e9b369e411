"""Reading review history out of Anki: an .apkg/.colpkg package or a collection file, never written to.

A package's layouts (which collection inside, zstd) are read by package_read; a collection file is opened
read-only.
"""
from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..bank.models import QUESTION_TYPES
from .identity import CardKey, note_guid
from .package_read import COLLECTIONS, SQLITE_MAGIC, PackageError, collection_member, open_collection, read_collection

# Review kinds in Anki's revlog: 0 learn, 1 review, 2 relearn, 3 filtered (review ahead); 4 manual, 5
# rescheduled are changes of due date, not reviews.
_REVIEW_KINDS = (0, 1, 2, 3)


class CollectionError(Exception):
    """The file is not an Anki collection or package quizapp can read; the message says why."""


@dataclass(frozen=True)
class AnkiReview:
    """One review in Anki's revlog: the note's GUID, the card's template/cloze ordinal (0-based), the revlog id
    (the review time in milliseconds), the rating 1-4 and the time taken in milliseconds."""

    guid: str
    ord: int
    revlog_id: int
    rating: int
    time_ms: int


@dataclass(frozen=True)
class AnkiHistory:
    """Every review in a collection, and how many revlog rows were not reviews (manual due-date changes)."""

    reviews: list[AnkiReview]
    not_reviews: int


def read_history(path: Path) -> AnkiHistory:
    """The review history of an Anki package or collection file.

    Args:
        path: an .apkg/.colpkg (exported with scheduling) or a collection.anki2.
    Returns:
        the reviews, oldest first.
    Raises:
        CollectionError: the file cannot be read as one.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise CollectionError(f"{path}: error: cannot read: {exc.strerror or exc}") from None
    if head == SQLITE_MAGIC:
        return _from_file(path)
    if head.startswith(b"PK"):
        return _from_package(path, _package_collection(path))
    raise CollectionError(f"{path}: error: not an Anki package (.apkg, .colpkg) or collection (collection.anki2)")


def _package_collection(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            inside = collection_member(archive)
            if inside is None:
                raise CollectionError(f"{path}: error: this zip holds no Anki collection "
                                      f"(no {' / '.join(COLLECTIONS)})")
            data = read_collection(archive, inside)
    except CollectionError:
        raise
    except (zipfile.BadZipFile, OSError, PackageError) as exc:
        raise CollectionError(f"{path}: error: cannot read the package: {exc}") from None
    if not data.startswith(SQLITE_MAGIC):
        raise CollectionError(f"{path}: error: the package's collection is not an SQLite database")
    return data


def _from_file(path: Path) -> AnkiHistory:
    # Read-only and with no lock taken, so Anki keeping the file open (or this user not owning it) is harmless.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise CollectionError(f"{path}: error: cannot open the collection read-only ({exc})") from None
    try:
        return _history(conn, path)
    finally:
        conn.close()


def _from_package(path: Path, data: bytes) -> AnkiHistory:
    conn = open_collection(data)
    try:
        return _history(conn, path)
    finally:
        conn.close()


def _history(conn: sqlite3.Connection, path: Path) -> AnkiHistory:
    try:
        rows = conn.execute(
            "SELECT n.guid, c.ord, r.id, r.ease, r.time, r.type FROM revlog r JOIN cards c ON c.id = r.cid "
            "JOIN notes n ON n.id = c.nid ORDER BY r.id").fetchall()
    except sqlite3.Error as exc:
        if "locked" in str(exc):
            raise CollectionError(f"{path}: error: Anki is writing this collection; close Anki (or export a "
                                  "package from it) and try again") from None
        raise CollectionError(f"{path}: error: not a readable Anki collection ({exc})") from None
    reviews = [AnkiReview(guid, ord, rid, ease, max(0, time or 0)) for guid, ord, rid, ease, time, kind in rows
               if kind in _REVIEW_KINDS and 1 <= ease <= 4]
    return AnkiHistory(reviews, len(rows) - len(reviews))


@dataclass(frozen=True)
class Matched:
    """The reviews of a history that belong to quizapp cards, and what belonged to notes quizapp does not know."""

    reviews: list[tuple[CardKey, int, int, int]]  # (card key, revlog id, rating, time in ms)
    unknown_reviews: int
    unknown_notes: int


def match_cards(history: AnkiHistory, cards: Iterable[tuple[str, str, int, str]]) -> Matched:
    """Pair each Anki review with a quizapp card by the note's GUID (from bank id and question id) and ordinal.

    Args:
        history: what read_history returned.
        cards: (bank id, question id, ord, question type) of every card quizapp knows; ord is the cloze number
            for cloze cards (Anki's ordinal + 1), else Anki's ordinal (1: a reversed flashcard's second card).
    Returns:
        the matched reviews and the count of the others.
    """
    keys: dict[tuple[str, int], CardKey] = {}
    for bank_id, question_id, ord, qtype in cards:
        model = QUESTION_TYPES.get(qtype)  # a store may hold cards of a type this version does not know
        keys[note_guid(bank_id, question_id), ord - (model.first_card if model else 0)] = (bank_id, question_id, ord)
    matched: list[tuple[CardKey, int, int, int]] = []
    unknown: set[str] = set()
    for r in history.reviews:
        key = keys.get((r.guid, r.ord))
        if key is None:
            unknown.add(r.guid)
        else:
            matched.append((key, r.revlog_id, r.rating, r.time_ms))
    return Matched(matched, len(history.reviews) - len(matched), len(unknown))
