"""Stable Anki identities for bank content: note GUIDs, deck ids, tags and seeded shuffles."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TypeVar

import genanki

_DECK_ID_BASE = 1 << 31  # above genanki's random model/deck id range and Anki's Default deck (1)
_UNSAFE_TAG = re.compile(r"\s+")
_Item = TypeVar("_Item")

# A card of quizapp's, what progress hangs on: (bank id, question id, ord); quizapp.srs.cards.CardKey is the
# same (the export layer does not import the engine).
CardKey = tuple[str, str, int]


def note_guid(bank_id: str, question_id: str) -> str:
    """The note's GUID from its identity only, so editing the wording updates the note instead of duplicating it."""
    return genanki.guid_for(bank_id, question_id)


def deck_name(path: str) -> str:
    """A deck path as Anki stores it: `::`-separated parts, each trimmed, empty parts dropped."""
    parts = [part.strip() for part in path.split("::")]
    return "::".join(part for part in parts if part)


def deck_id(name: str) -> int:
    """A deck id derived from the deck's name, so every export of one deck path gives the same id.

    The result stays below 2**53, where JavaScript (AnkiDroid's and AnkiMobile's web views) still counts exactly.
    """
    digest = hashlib.sha256(f"quizapp deck {name}".encode()).digest()
    return _DECK_ID_BASE + int.from_bytes(digest[:6], "big")


def anki_tag(tag: str) -> str:
    """A tag Anki accepts: no whitespace inside (Anki separates tags by spaces)."""
    return _UNSAFE_TAG.sub("_", tag.strip())


@lru_cache(maxsize=1024)
def note_tags(bank_id: str, bank_tags: tuple[str, ...], question_tags: tuple[str, ...]) -> tuple[str, ...]:
    """Bank tags, then question tags, then `quizapp::<bank-id>`; Anki-safe, duplicates dropped, order kept."""
    tags = [anki_tag(t) for t in (*bank_tags, *question_tags, f"quizapp::{bank_id}")]
    return tuple(dict.fromkeys(t for t in tags if t))


def seeded_shuffle(items: Iterable[_Item], guid: str, *, avoid_identity: bool = False) -> list[_Item]:
    """items in an order fixed by the note's GUID: the same on every export, different between notes.

    Each position gets a key hashed from the GUID and the position, and the items are sorted by key: a
    uniformly random order that depends only on the GUID (and costs less than seeding a random.Random).

    With avoid_identity, an order that happens to be the original one is rotated by one place, so the
    front of an ordering card never shows the answer.
    """
    original = list(items)
    keys = [hashlib.blake2b(f"{guid}\x1f{i}".encode(), digest_size=8).digest() for i in range(len(original))]
    out = [item for _, item in sorted(zip(keys, original), key=lambda pair: pair[0])]
    if avoid_identity and len(out) > 1 and out == original:
        out = out[1:] + out[:1]
    return out
