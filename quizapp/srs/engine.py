"""The study engine: keeps the store's cards in step with the banks, and opens sessions on them."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..bank.models import Bank, Question
from .cards import STATE_NAMES, CardKey, StudyCard, card_specs, question_tags
from .clock import require_utc
from .optimize import stored_parameters
from .queue import build_queue
from .scheduler import make_scheduler
from .session import Session
from .settings import Settings
from .store import Store

Selector = Callable[[str, str, int], bool]  # (bank id, question id, ord) -> whether the card is in the session

_RESTART = ("UPDATE cards SET fingerprint = ?, qtype = ?, position = ?, active = 1, generation = generation + 1, "
            "state = 0, step = NULL, stability = NULL, difficulty = NULL, due = NULL, last_review = NULL, "
            "reps = 0, lapses = 0 WHERE id = ? AND fingerprint != ?")


@dataclass
class SyncReport:
    """What syncing the banks changed in the store."""

    added: int = 0
    restarted: int = 0  # type or answer changed: scheduled as new again, history kept
    removed: int = 0  # question gone from its bank: history kept, no longer scheduled
    moved: int = 0  # position or revival only

    @property
    def changed(self) -> bool:
        return bool(self.added or self.restarted or self.removed or self.moved)


class Engine:
    """Banks plus a store plus settings; Engine(...) syncs the banks' cards into the store."""

    def __init__(self, store: Store, banks: Iterable[Bank], settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        if self.settings.parameters is None and (fitted := stored_parameters(store)) is not None:
            self.settings = replace(self.settings, parameters=fitted)  # `quizapp optimize` fitted these to you
        self.banks: dict[str, Bank] = {}  # the first bank of each id
        for bank in banks:
            self.banks.setdefault(bank.id, bank)
        self._questions = {(b.id, q.id): q for b in self.banks.values() for q in b.questions}
        self.scheduler = make_scheduler(self.settings)
        self.preview_scheduler = make_scheduler(self.settings, fuzz=False)  # button labels show the plain interval
        self.last_sync = self.sync()

    def sync(self) -> SyncReport:
        """Add new cards, restart changed ones, retire removed ones; wording edits and reordering keep progress."""
        report = SyncReport()
        for bank in self.banks.values():
            self._sync_bank(bank, report)
        return report

    def _sync_bank(self, bank: Bank, report: SyncReport) -> None:
        specs = card_specs(bank)
        digest = hashlib.blake2b(repr(specs).encode(), digest_size=16).hexdigest()
        if self.store.query("SELECT 1 FROM bank_sync WHERE bank_id = ? AND digest = ?", (bank.id, digest)):
            return  # synced from this very bank before: skip reading its cards back
        existing = {(qid, ord): (cid, fp, pos, active) for qid, ord, cid, fp, pos, active in self.store.query(
            "SELECT question_id, ord, id, fingerprint, position, active FROM cards WHERE bank_id = ?", (bank.id,))}
        inserts: list[tuple[str, str, int, str, str, int]] = []
        restarts: list[tuple[str, str, int, int, str]] = []
        moves: list[tuple[int, int]] = []
        for question_id, ord, fp, qtype, position in specs:
            old = existing.pop((question_id, ord), None)
            if old is None:
                inserts.append((bank.id, question_id, ord, qtype, fp, position))
            elif old[1] != fp:  # the fingerprint starts with the type: a new type is a new fingerprint
                restarts.append((fp, qtype, position, old[0], fp))
            elif old[2] != position or not old[3]:
                moves.append((position, old[0]))
        retired = [(cid,) for cid, _, _, active in existing.values() if active]
        # Every statement is idempotent, so a second process syncing the same banks at once is harmless.
        with self.store.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO bank_sync (bank_id, digest) VALUES (?, ?)", (bank.id, digest))
            conn.executemany("INSERT OR IGNORE INTO cards (bank_id, question_id, ord, qtype, fingerprint, position) "
                             "VALUES (?, ?, ?, ?, ?, ?)", inserts)
            conn.executemany(_RESTART, restarts)
            conn.executemany("UPDATE cards SET position = ?, active = 1 WHERE id = ?", moves)
            conn.executemany("UPDATE cards SET active = 0 WHERE id = ?", retired)
        report.added += len(inserts)
        report.restarted += len(restarts)
        report.moved += len(moves)
        report.removed += len(retired)

    def replace_bank(self, bank: Bank) -> SyncReport:
        """Use an edited version of one of the engine's banks (same id): its questions, synced into the store.

        Returns:
            What the sync changed (a question whose answer changed is restarted, as at any start).
        """
        self.banks[bank.id] = bank
        self._questions = {k: q for k, q in self._questions.items() if k[0] != bank.id}
        self._questions.update({(bank.id, q.id): q for q in bank.questions})
        report = SyncReport()
        self._sync_bank(bank, report)
        return report

    def retire_other_banks(self, keep: Iterable[str] = ()) -> int:
        """Retire the cards of every bank neither synced here nor in keep: a renamed or deleted bank's.

        Like a removed question's cards: history kept, no longer scheduled or counted, and active again
        when the bank comes back (its sync digest is dropped, so that sync compares it card by card).

        Args:
            keep: more bank ids to leave alone (banks of the library that are invalid just now).

        Returns:
            How many cards were retired.
        """
        ids = tuple(set(self.banks) | set(keep))
        marks = ",".join("?" * len(ids))
        with self.store.transaction() as conn:
            retired: int = conn.execute(f"UPDATE cards SET active = 0 WHERE active = 1 AND bank_id NOT IN ({marks})",
                                   ids).rowcount
            conn.execute(f"DELETE FROM bank_sync WHERE bank_id NOT IN ({marks})", ids)
        return retired

    def question(self, bank_id: str, question_id: str) -> Question | None:
        """The question of one of the engine's banks, or None."""
        return self._questions.get((bank_id, question_id))

    def selector(self, bank_ids: Iterable[str] | None = None, tags: Iterable[str] | None = None,
                 cards: Iterable[CardKey] | None = None) -> tuple[set[str], Selector]:
        """The session's filters.

        Args:
            bank_ids: only these of the engine's banks (None: all).
            tags: only questions with one of these tags (None or empty: any).
            cards: only these cards (None: any).

        Returns:
            The selected bank ids, and a predicate on (bank id, question id, ord).
        """
        banks = set(self.banks) if bank_ids is None else set(bank_ids) & set(self.banks)
        wanted_tags = set(tags) if tags else None
        keys = {(k[0], k[1], k[2]) for k in cards} if cards is not None else None
        questions = self._questions

        def selected(bank_id: str, question_id: str, ord: int) -> bool:
            if bank_id not in banks or (bank_id, question_id) not in questions:
                return False
            if keys is not None and (bank_id, question_id, ord) not in keys:
                return False
            return wanted_tags is None or bool(
                wanted_tags & question_tags(self.banks[bank_id], questions[bank_id, question_id]))

        return banks, selected

    def study_card(self, card_id: int, bank_id: str, question_id: str, ord: int, state: int,
                   due: int | None) -> StudyCard:
        """The StudyCard for a row of the store's cards table (its id, key, state and due)."""
        return StudyCard(bank=self.banks[bank_id], question=self._questions[bank_id, question_id], ord=ord,
                         key=(bank_id, question_id, ord), state=STATE_NAMES[state], card_id=card_id, due_us=due)

    def session(self, now: datetime, bank_ids: Iterable[str] | None = None, tags: Iterable[str] | None = None,
                cram: bool = False, cards: Iterable[CardKey] | None = None, extra_new: int = 0,
                ahead: timedelta | None = None) -> Session:
        """Today's queue for the selected banks/tags/cards; cram reviews them without touching schedules.

        Args:
            now: the moment the session starts (any aware datetime).
            bank_ids, tags, cards: which cards (see selector).
            cram: practise the selected cards without changing their schedules.
            extra_new: new cards beyond today's limits ("study more today").
            ahead: review the cards due within this span after today (review ahead) and nothing else.

        Returns:
            The Session; its `limits` say which daily limits held cards back.
        """
        utc = require_utc(now)
        queue = build_queue(self, utc, bank_ids, tags, cram, cards, extra_new=extra_new, ahead=ahead)
        return Session(self, utc, queue, cram=cram)
