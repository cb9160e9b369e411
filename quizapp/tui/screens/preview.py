"""A card as the learner sees it when studying, opened from the card browser (`p`): nothing is recorded."""
from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.widgets import Header, Static

from ...bank.models import Bank, Question
from .. import keys
from ..text import literal
from ..widgets.card import CardView
from ..widgets.footer import KeyFooter
from .base import AppScreen


class PreviewScreen(AppScreen[None]):
    """The card's prompt and its answer input (choices, items, pairs, gaps) as in a study session, locked,
    with the right answer under it."""

    BINDINGS = keys.PREVIEW_KEYS

    def __init__(self, bank: Bank, question: Question, ord: int, answer: str) -> None:
        """Args:
            bank: the card's bank.
            question: its question.
            ord: which card of the question (a cloze deletion, a flashcard's reverse side).
            answer: the right answer in words (the browser's answer column).
        """
        super().__init__()
        self.bank, self.question, self.ord, self.answer = bank, question, ord, answer

    def compose(self) -> ComposeResult:
        yield Header()
        # A seed of its own: the preview never draws from the session's random stream.
        view = CardView(self.bank, self.question, self.ord, rng=random.Random(0), meta="preview")
        view.input.disabled = True  # a look, not an answer: keys go to the screen, nothing is checked
        yield view
        yield Static(literal(f"Answer: {self.answer}"), id="preview-answer")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Preview"

    def action_close(self) -> None:
        self.dismiss(None)
