"""Acting on the card being studied, without leaving the session: suspend, bury, flag, edit (as Anki's reviewer)."""
from __future__ import annotations

from textual.binding import Binding

from .editing import edit_question

# Anki's reviewer keys where a terminal can send them: @ suspend, - bury; ! cycles the flag (Anki's Ctrl+1-4
# cannot be told apart from 1-4 by most terminals), E edits. While a typed answer has the focus these keys type
# into it: the palette (Ctrl+P) has every action too.
CARD_BINDINGS = [
    Binding("at", "suspend_card", "Suspend card", key_display="@", show=False),
    Binding("minus", "bury_card", "Bury card", key_display="-", show=False),
    Binding("exclamation_mark", "flag_card", "Flag card", key_display="!", show=False),
    Binding("E", "edit_card", "Edit card", key_display="E", show=False),
]
CARD_PALETTE = (("suspend_card", "Suspend this card", "Never asked again until unsuspended (card browser: s)"),
                ("bury_card", "Bury this card", "Not asked again until tomorrow"),
                ("flag_card", "Flag this card", "Cycle its flag: red, orange, green, blue, none"),
                ("edit_card", "Edit this question", "Open it in $VISUAL/$EDITOR; the bank is checked after"))


class CardControl:
    """Mixed into StudyScreen: needs `card`, `session`, `show_next()`, `show_card()` and `banks`."""

    def _store_call(self, work) -> bool:
        from ...srs import StoreError
        try:
            work(self.app.store)
        except StoreError as exc:
            self.app.show_store_error(exc)
            return False
        return True

    async def _leave_card(self, done: str) -> None:
        self.session.drop(self.card)
        self.notify(done)
        await self.show_next()

    async def action_suspend_card(self) -> None:
        if self.card is None or self.session is None:
            return
        from ...srs import control
        card = self.card
        if self._store_call(lambda store: control.suspend(store, [card.card_id])):
            await self._leave_card("Suspended: the card is not asked until you unsuspend it (card browser, s).")

    async def action_bury_card(self) -> None:
        if self.card is None or self.session is None:
            return
        from ...srs import control
        card, now, settings = self.card, self.app.now(), self.session.engine.settings
        if self._store_call(lambda store: control.bury(store, [card.card_id], now, settings)):
            await self._leave_card("Buried until tomorrow.")

    def action_flag_card(self) -> None:
        if self.card is None or self.session is None:
            return
        from ...srs import control
        card = self.card
        current = self.app.store.query("SELECT flag FROM cards WHERE id = ?", (card.card_id,))
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

    async def _edited(self, card, bank) -> None:
        """A valid edit: the engine takes the new bank, and the card is asked again with its new text."""
        if bank is None:
            return
        from ...srs import StoreError
        try:
            self.session.engine.replace_bank(bank)
        except StoreError as exc:
            self.app.show_store_error(exc)
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
        from dataclasses import replace
        await self.show_card(replace(card, bank=bank, question=question))

    def leech_notice(self, answered) -> None:
        """After a rating that made the card a leech: say so, as Anki does, with what to do about it."""
        if getattr(answered, "leech", False):
            settings = self.session.engine.settings
            action = "suspended" if settings.leech_action == "suspend" else "tagged"
            self.notify(f"Leech: this card has lapsed {answered.after.lapses} times and was {action}. "
                        "Rewrite it (E, or the card browser: is:leech).", severity="warning", timeout=10)
