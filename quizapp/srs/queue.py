"""Today's queue: learning cards, due reviews (most overdue first), then new cards up to the daily limits."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, zip_longest

from .cards import NEW, REVIEW, StudyCard
from .control import ASKABLE_SQL
from .settings import to_us

_CARD_COLUMNS = "id, bank_id, question_id, ord, state, due"


@dataclass
class Queue:
    """The cards a session will ask, by kind; the session pops from these."""

    learning: list[StudyCard] = field(default_factory=list)  # sorted by due
    reviews: list[StudyCard] = field(default_factory=list)  # most overdue first (or the cram order)
    new: list[StudyCard] = field(default_factory=list)  # banks interleaved
    new_done: int = 0  # new cards already started today (before this session)
    reviews_done: int = 0
    day_start_us: int = 0
    day_end_us: int = 0


def reviewed_today(store, day_start_us: int) -> tuple[int, int, set[tuple[str, str]]]:
    """(new cards started, reviews done, questions touched) since the study day began; cram does not count."""
    counts = dict(store.query("SELECT state_before, count(*) FROM reviews WHERE reviewed_at >= ? AND cram = 0 "
                              "GROUP BY state_before", (day_start_us,)))
    # Written as IN (subquery) so SQLite starts from today's few reviews, not from every card.
    touched = set(store.query("SELECT DISTINCT bank_id, question_id FROM cards WHERE id IN "
                              "(SELECT card_id FROM reviews WHERE reviewed_at >= ? AND cram = 0)", (day_start_us,)))
    return counts.get(NEW, 0), counts.get(REVIEW, 0), touched


def build_queue(engine, now: datetime, bank_ids=None, tags=None, cram: bool = False, cards=None) -> Queue:
    store, settings = engine.store, engine.settings
    banks, selected = engine.selector(bank_ids, tags, cards)
    start, end = settings.day_bounds(now)
    q = Queue(day_start_us=to_us(start), day_end_us=to_us(end))
    if cram:
        q.reviews = _cram_cards(engine, banks, selected, cards)
        return q
    q.new_done, q.reviews_done, buried = reviewed_today(store, q.day_start_us)
    now_us = to_us(now)

    def take(rows, limit):
        # Sibling burying: one card per question a day (a learning card does not bury, it was started already).
        out = []
        for row in rows:
            if len(out) >= limit:
                break
            if selected(row[1], row[2], row[3]) and (row[1], row[2]) not in buried:
                buried.add((row[1], row[2]))
                out.append(engine.study_card(*row))
        return out

    with store.reading() as conn:
        q.learning = [engine.study_card(*row) for row in conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state IN (1, 3) AND due < ? "
            f"AND {ASKABLE_SQL} ORDER BY due, id", (q.day_end_us, now_us)) if selected(row[1], row[2], row[3])]
        buried.update((c.key[0], c.key[1]) for c in q.learning)
        q.reviews = take(conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state = 2 AND due < ? "
            f"AND {ASKABLE_SQL} ORDER BY due, id", (q.day_end_us, now_us)), max(0, settings.reviews_per_day - q.reviews_done))
        new_limit = max(0, settings.new_per_day - q.new_done)
        per_bank = [take(conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state = 0 AND bank_id = ? "
            f"AND {ASKABLE_SQL} ORDER BY position, ord", (bank_id, now_us)), new_limit) for bank_id in engine.banks if bank_id in banks] if new_limit else []
    # Round-robin over banks, so a session of several banks mixes them; each bank keeps its own order.
    q.new = [c for c in chain.from_iterable(zip_longest(*per_bank)) if c is not None][:new_limit]
    return q


def _cram_cards(engine, banks, selected, cards) -> list[StudyCard]:
    # Cram skips suspended cards too (as Anki's filtered decks do), but not buried ones: the learner asked.
    rows = engine.store.query(f"SELECT {_CARD_COLUMNS}, position FROM cards WHERE active = 1 AND suspended = 0 "
                              "ORDER BY position, ord")
    found = {(r[1], r[2], r[3]): engine.study_card(*r[:6]) for r in rows if r[1] in banks and selected(r[1], r[2], r[3])}
    if cards is not None:  # the learner's chosen order
        return [found[k] for k in map(tuple, cards) if k in found]
    per_bank = [[c for k, c in found.items() if k[0] == bank_id] for bank_id in engine.banks if bank_id in banks]
    return [c for c in chain.from_iterable(zip_longest(*per_bank)) if c is not None]
