"""Acting on the card being studied, without leaving the session (as Anki's reviewer): suspend, bury, flag, edit;
undo the last answer; "I was right" over a typed answer graded wrong."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from fsrs import Rating
from textual.widgets import Input

from ...srs import control
from ...srs.session import can_override
from ...srs.store import Store
from ...srs.storefile import StoreError
from ..widgets.rating import RatingBar
from .base import AppScreen
from .editing import edit_question

if TYPE_CHECKING:
    from ...bank.models import Bank
    from ...srs.cards import StudyCard
    from ...srs.checking import CheckResult
    from ...srs.session import Answered, Session
    from ..widgets.card import CardView

# Their keys are in keys.CARD_KEYS; the palette (Ctrl+P) has every action too, for while a typed answer has the
# focus and the keys type into it.
CARD_PALETTE = (("suspend_card", "Suspend this card", "Never asked again until unsuspended (card browser: s)"),
                ("bury_card", "Bury this card", "Not asked again until tomorrow"),
                ("flag_card", "Flag this card", "Cycle its flag: red, orange, green, blue, none"),
                ("edit_card", "Edit this question", "Open it in $VISUAL/$EDITOR; the bank is checked after"))


class CardControl(AppScreen[None]):
    """The base of StudyScreen: the card on screen (`card`, drawn by `view`, checked as `result`) of `session`
    over `banks`, and acting on it."""

    banks: list[Bank]
    card: StudyCard | None
    view: CardView | None
    result: CheckResult | None
    overridden: bool  # "I was right" taken for the card on screen
    session: Session | None

    async def show_card(self, card: StudyCard) -> None:
        """Ask this card (the study screen's own)."""
        raise NotImplementedError

    async def show_next(self) -> None:
        """Ask the session's next card, or end it (the study screen's own)."""
        raise NotImplementedError

    def typing(self) -> bool:
        """Whether an answer is being typed (letters are text then, not keys)."""
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows the undo key that works now: u, or Ctrl+Z while an answer is being typed."""
        if action == "undo":
            return not self.typing()
        if action == "undo_typing":
            return self.typing()
        if action == "i_was_right":
            return self.card is not None and not self.overridden and can_override(self.card.question, self.result)
        return True

    def action_i_was_right(self) -> None:
        """Override a typed answer graded wrong: counted right (logged so), Good suggested."""
        if self.view is None or self.view.feedback is None:
            return
        self.overridden = True
        self.view.feedback.overridden()
        self.query_one(RatingBar).suggest(Rating.Good)
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    async def action_undo_typing(self) -> None:
        await self.action_undo()

    async def action_undo(self) -> None:
        if self.session is None:
            return
        if self.card is not None and self.result is not None:  # answered, not yet rated: only this one back
            self.notify("Answer it again: nothing was saved for this card yet (u again undoes the card before).")
            await self.show_card(self.card)
            return
        try:
            card = self.session.undo(self.quiz_app.now())
        except StoreError as exc:
            self.quiz_app.show_store_error(exc)
            return
        if card is None:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        self.notify("Undone: the card's schedule is restored; answer it again.")
        await self.show_card(card)

    def _store_call(self, work: Callable[[Store], object]) -> bool:
        try:
            work(self.quiz_app.opened_store())
        except StoreError as exc:
            self.quiz_app.show_store_error(exc)
            return False
        return True

    async def _leave_card(self, done: str) -> None:
        assert self.session is not None and self.card is not None
        self.session.drop(self.card)
        self.notify(done)
        await self.show_next()

    async def action_suspend_card(self) -> None:
        if self.card is None or self.session is None:
            return
        card = self.card
        if self._store_call(lambda store: control.suspend(store, [card.card_id])):
            await self._leave_card("Suspended: the card is not asked until you unsuspend it (card browser, s).")

    async def action_bury_card(self) -> None:
        if self.card is None or self.session is None:
            return
        card, now, settings = self.card, self.quiz_app.now(), self.session.engine.settings
        if self._store_call(lambda store: control.bury(store, [card.card_id], now, settings)):
            await self._leave_card("Buried until tomorrow.")

    def action_flag_card(self) -> None:
        if self.card is None or self.session is None:
            return
        card = self.card
        current = self.quiz_app.opened_store().query("SELECT flag FROM cards WHERE id = ?", (card.card_id,))
        flag = ((current[0][0] if current else 0) + 1) % len(control.FLAGS)
        if self._store_call(lambda store: control.set_flag(store, [card.card_id], flag)):
            self.notify(f"Flag: {control.FLAGS[flag]}")

    def action_edit_card(self) -> None:
        if self.card is None or self.session is None:
            return
        card = self.card
        path = card.bank.source_path
        if path is None:
            self.notify("This bank was not loaded from a file: nothing to edit.", severity="warning")
            return
        edit_question(self, path, card.question.id, lambda bank: self.call_later(self._edited, card, bank))

    async def _edited(self, card: StudyCard, bank: Bank | None) -> None:
        """A valid edit: the engine takes the new bank, and the card is asked again with its new text."""
        if bank is None or self.session is None:
            return
        try:
            self.session.engine.replace_bank(bank)
        except StoreError as exc:
            self.quiz_app.show_store_error(exc)
            return
        bank._source_path = card.bank.source_path
        self.banks = [bank if b.id == bank.id else b for b in self.banks]
        self.session.refresh_bank(bank)
        question = next((q for q in bank.questions if q.id == card.question.id), None)
        if question is None:
            self.session.drop(card)
            self.notify("The question is gone from its bank; on to the next card.")
            await self.show_next()
            return
        await self.show_card(replace(card, bank=bank, question=question))

    def leech_notice(self, answered: Answered) -> None:
        """After a rating that made the card a leech: say so, as Anki does, with what to do about it."""
        if answered.leech and self.session is not None:
            settings = self.session.engine.settings
            action = "suspended" if settings.leech_action == "suspend" else "tagged"
            self.notify(f"Leech: this card has lapsed {answered.after.lapses} times and was {action}. "
                        "Rewrite it (E, or the card browser: is:leech).", severity="warning", timeout=10)
