"""Today's queue: learning cards, due reviews (most overdue first), then new cards up to the daily limits.

Each limit is per bank (`new_per_day`, `reviews_per_day`) under an overall cap for all banks together
(`new_per_day_total`, `reviews_per_day_total`). The queue remembers which limit held cards back, so the
interfaces can say so instead of a bare "nothing to study"."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import chain, zip_longest
from typing import TYPE_CHECKING

from .cards import NEW, REVIEW, CardKey, StudyCard
from .clock import UtcTime, span_us, to_us
from .control import ASKABLE_SQL
from .store import Store

if TYPE_CHECKING:  # the engine builds queues: it imports this module
    from .engine import Engine, Selector

_CARD_COLUMNS = "id, bank_id, question_id, ord, state, due"
_QueueRow = tuple[int, str, str, int, int, "int | None"]  # _CARD_COLUMNS: Engine.study_card's arguments


@dataclass(frozen=True)
class LimitHit:
    """A daily limit that held back cards waiting today: kind 'new' or 'reviews', scope 'bank' or 'total'."""

    kind: str
    scope: str
    limit: int
    banks: tuple[str, ...] = ()  # titles of the banks stopped by a per-bank limit

    def describe(self) -> str:
        """The limit in words, e.g. 'the daily limit of 20 new cards per bank (reached in: Bank A)'."""
        cards = ("new card" if self.kind == "new" else "review") + "s" * (self.limit != 1)
        if self.scope == "total":
            return f"the daily limit of {self.limit} {cards} for all banks together"
        return f"the daily limit of {self.limit} {cards} per bank (reached in: {', '.join(self.banks)})"

    @property
    def flag(self) -> str:
        """The `quizapp study` option that sets this limit."""
        return "--" + self.kind.removesuffix("s") + ("s" if self.kind == "reviews" else "") + (
            "-total" if self.scope == "total" else "")


def limits_sentence(limits: list[LimitHit]) -> str:
    """'Cards wait, held back by the daily limit of ...' for the limits that bit; empty when none did."""
    if not limits:
        return ""
    return "More cards wait today, held back by " + " and ".join(h.describe() for h in limits) + "."


def limits_line(limits: list[LimitHit]) -> str:
    """limits_sentence plus how to go on from the command line, for line mode."""
    if not limits:
        return ""
    flags = " ".join(f"{h.flag} {h.limit + 20}" for h in limits)
    return f"{limits_sentence(limits)} To study more today, start again with {flags} (or raise it in Settings)."


@dataclass
class Queue:
    """The cards a session will ask, by kind; the session pops from these."""

    learning: list[StudyCard] = field(default_factory=list)  # sorted by due
    reviews: list[StudyCard] = field(default_factory=list)  # most overdue first (or the cram order)
    new: list[StudyCard] = field(default_factory=list)  # banks interleaved
    new_done: int = 0  # new cards already started today (before this session), all banks
    reviews_done: int = 0
    day_start_us: int = 0
    day_end_us: int = 0
    limits: list[LimitHit] = field(default_factory=list)  # the limits that held back cards due or new today


@dataclass(frozen=True)
class DoneToday:
    """What today's reviews used of the limits: per bank and in all."""

    new: Counter[str]  # bank id -> new cards started today
    reviews: Counter[str]
    touched: set[tuple[str, str]]  # (bank id, question id) answered today: their sibling cards wait for tomorrow


def reviewed_today(store: Store, day_start_us: int) -> DoneToday:
    """New cards started and reviews done since the study day began, per bank; cram does not count."""
    new: Counter[str] = Counter()
    reviews: Counter[str] = Counter()
    # Written as IN (subquery) so SQLite starts from today's few reviews, not from every card.
    for bank_id, state, count in store.query(
            "SELECT c.bank_id, r.state_before, count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE r.reviewed_at >= ? AND r.cram = 0 GROUP BY 1, 2", (day_start_us,)):
        if state == NEW:
            new[bank_id] += count
        elif state == REVIEW:
            reviews[bank_id] += count
    touched = set(store.query("SELECT DISTINCT bank_id, question_id FROM cards WHERE id IN "
                              "(SELECT card_id FROM reviews WHERE reviewed_at >= ? AND cram = 0)", (day_start_us,)))
    return DoneToday(new, reviews, touched)


class _Taker:
    """Takes cards in order while their bank's limit and the overall cap allow; notes what was held back."""

    def __init__(self, engine: Engine, selected: Selector, buried: set[tuple[str, str]], per_bank: dict[str, int],
                 total: int) -> None:
        self.engine, self.selected, self.buried = engine, selected, buried
        self.left, self.total_left = dict(per_bank), total
        self.held_banks: list[str] = []
        self.held_total = False

    def take(self, rows: Iterable[_QueueRow], one_bank: bool = False) -> list[StudyCard]:
        """The cards of rows (in order) within the limits; one_bank: every row is of one bank."""
        out = []
        for row in rows:
            bank_id, key = row[1], (row[1], row[2])
            # Sibling burying: one card per question a day (a learning card does not bury, it was started already).
            if not self.selected(row[1], row[2], row[3]) or key in self.buried:
                continue
            if self.left[bank_id] <= 0:
                if bank_id not in self.held_banks:
                    self.held_banks.append(bank_id)
                if one_bank or all(n <= 0 for n in self.left.values()):
                    break
                continue
            if self.total_left <= 0:
                self.held_total = True
                break
            self.buried.add(key)
            self.left[bank_id] -= 1
            self.total_left -= 1
            out.append(self.engine.study_card(*row))
        return out

    def hits(self, kind: str, per_bank: int, total: int) -> list[LimitHit]:
        out = []
        if self.held_banks:
            titles = tuple(self.engine.banks[b].title for b in self.held_banks)
            out.append(LimitHit(kind, "bank", per_bank, titles))
        if self.held_total:
            out.append(LimitHit(kind, "total", total))
        return out


def build_queue(engine: Engine, now: UtcTime, bank_ids: Iterable[str] | None = None,
                tags: Iterable[str] | None = None, cram: bool = False, cards: Iterable[CardKey] | None = None,
                extra_new: int = 0, ahead: timedelta | None = None) -> Queue:
    """The session's queue.

    Args:
        engine: its banks, store and settings.
        now: the session's start.
        bank_ids, tags, cards: which cards (see Engine.selector).
        cram: the selected cards in bank order, every one (no limits, nothing due needed).
        extra_new: new cards allowed beyond today's limits, per bank and in all ("study more today").
        ahead: review ahead: only review cards, those due within this span after today, none held back.

    Returns:
        The queue, with the limits that held back cards in `limits`.
    """
    store, settings = engine.store, engine.settings
    banks, selected = engine.selector(bank_ids, tags, cards)
    start, end = settings.day_bounds(now)
    q = Queue(day_start_us=to_us(start), day_end_us=to_us(end))
    if cram:
        q.reviews = _cram_cards(engine, banks, selected, cards)
        return q
    done = reviewed_today(store, q.day_start_us)
    q.new_done, q.reviews_done, buried = sum(done.new.values()), sum(done.reviews.values()), done.touched
    now_us = to_us(now)
    order = [bank_id for bank_id in engine.banks if bank_id in banks]
    if ahead is not None:
        q.reviews = _Taker(engine, selected, buried, {b: 1 << 62 for b in order}, 1 << 62).take(store.query(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state = 2 AND due < ? AND {ASKABLE_SQL} "
            "ORDER BY due, id", (q.day_end_us + span_us(ahead), now_us)))
        return q

    with store.reading() as conn:
        q.learning = [engine.study_card(*row) for row in conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state IN (1, 3) AND due < ? "
            f"AND {ASKABLE_SQL} ORDER BY due, id", (q.day_end_us, now_us)) if selected(row[1], row[2], row[3])]
        buried.update((c.key[0], c.key[1]) for c in q.learning)
        reviews = _Taker(engine, selected, buried, {b: settings.reviews_per_day - done.reviews[b] for b in order},
                         settings.reviews_per_day_total - q.reviews_done)
        q.reviews = reviews.take(conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state = 2 AND due < ? AND {ASKABLE_SQL} "
            "ORDER BY due, id", (q.day_end_us, now_us)))
        new = _Taker(engine, selected, buried, {b: settings.new_per_day - done.new[b] + extra_new for b in order},
                     settings.new_per_day_total - q.new_done + extra_new)
        # Each bank keeps its own order; the overall cap is applied after interleaving, so it is shared fairly.
        total_left, new.total_left = new.total_left, 1 << 62
        per_bank = [new.take(conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE active = 1 AND state = 0 AND bank_id = ? AND {ASKABLE_SQL} "
            "ORDER BY position, ord", (bank_id, now_us)), one_bank=True) for bank_id in order]
    # Round-robin over banks, so a session of several banks mixes them.
    interleaved = [c for c in chain.from_iterable(zip_longest(*per_bank)) if c is not None]
    q.new = interleaved[:max(0, total_left)]
    new.held_total = len(interleaved) > len(q.new)
    # A bank whose cards the overall cap cut was not stopped by its own limit: name only the limit that bit.
    cut = {c.key[0] for c in interleaved[len(q.new):]}
    new.held_banks = [b for b in new.held_banks if b not in cut]
    q.limits = (reviews.hits("reviews", settings.reviews_per_day, settings.reviews_per_day_total)
                + new.hits("new", settings.new_per_day + extra_new, settings.new_per_day_total + extra_new))
    return q


def _cram_cards(engine: Engine, banks: set[str], selected: Selector,
                cards: Iterable[CardKey] | None) -> list[StudyCard]:
    # Cram skips suspended cards too (as Anki's filtered decks do), but not buried ones: the learner asked.
    rows = engine.store.query(f"SELECT {_CARD_COLUMNS}, position FROM cards WHERE active = 1 AND suspended = 0 "
                              "ORDER BY position, ord")
    found = {(r[1], r[2], r[3]): engine.study_card(*r[:6]) for r in rows if r[1] in banks and selected(r[1], r[2], r[3])}
    if cards is not None:  # the learner's chosen order
        return [found[k] for k in map(tuple, cards) if k in found]
    per_bank = [[c for k, c in found.items() if k[0] == bank_id] for bank_id in engine.banks if bank_id in banks]
    return [c for c in chain.from_iterable(zip_longest(*per_bank)) if c is not None]
