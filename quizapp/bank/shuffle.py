"""The one shuffle policy: how choices, ordering items and matching right-hand sides are put in the order a
learner sees them, in the TUI, line mode, worksheets and the Anki export alike.

A shown order never gives the answer away: with two or more different items it is never the written order
(shuffled again until it differs). The randomness is passed in: a seeded random.Random where a seed fixes a
session or a worksheet, or the Anki export's order keyed by a note's GUID (export.identity.GuidRandom).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Shuffler(Protocol):
    """What shuffled() draws orders from: random.Random, or any object that shuffles a list in place."""

    def shuffle(self, x: list[Any], /) -> None: ...


def shuffled(items: Iterable[T], rng: Shuffler) -> list[T]:
    """items in a random order that is not their written one.

    Args:
        items: choices, items or right-hand sides, in the order the bank writes them.
        rng: where the order comes from; each call to its shuffle() must be able to give another order.

    Returns:
        A new list: a permutation of items, never equal to the written order unless every item is the same
        (one item, or none, is returned as it is).
    """
    written = list(items)
    out = list(written)
    if all(item == written[0] for item in written):  # no other order exists
        return out
    rng.shuffle(out)
    while out == written:  # a "shuffle" that shows the answer's order teaches nothing
        rng.shuffle(out)
    return out
