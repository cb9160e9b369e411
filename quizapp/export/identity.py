"""Stable Anki identities for bank content: note GUIDs, deck ids, tags and seeded shuffles."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

import genanki

from ..bank.shuffle import shuffled

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


class GuidRandom:
    """Orders fixed by a note's GUID, for bank.shuffle.shuffled: the same on every export, different between notes.

    Each position gets a key hashed from the GUID (and, after the first draw, the draw's number) and the
    position, and the items are sorted by key: a uniformly random order that depends only on the GUID (and
    costs less than seeding a random.Random).
    """

    def __init__(self, guid: str) -> None:
        self.guid = guid
        self.draws = 0

    def shuffle(self, x: list[Any], /) -> None:
        """Put x in this GUID's next order, in place."""
        seed = self.guid if self.draws == 0 else f"{self.guid}\x1f{self.draws}"
        self.draws += 1
        keys = [hashlib.blake2b(f"{seed}\x1f{i}".encode(), digest_size=8).digest() for i in range(len(x))]
        x[:] = [item for _, item in sorted(zip(keys, x), key=lambda pair: pair[0])]


def seeded_shuffle(items: Iterable[_Item], guid: str) -> list[_Item]:
    """items in the shown order of the note with this GUID (bank.shuffle's policy: never the written order).

    Args:
        items: choices, items or right-hand sides (or their indices), as the bank writes them.
        guid: the note's GUID.

    Returns:
        The same order on every export: what `quizapp import anki` undoes.
    """
    return shuffled(items, GuidRandom(guid))
