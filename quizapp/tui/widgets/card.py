"""A card: its prompt as Markdown, the input for its type, and the feedback once answered."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static

from ...srs.wording import expected_words
from ..text import clean, literal
from .arrange import MatchingInput, OrderingInput
from .base import AnswerInput
from .choices import MultipleChoiceInput, TrueFalseInput
from .feedback import Feedback
from .flashcard import FlashcardInput
from .markdown import MarkdownText
from .typed import ClozeInput, NumericInput, ShortAnswerInput


@dataclass(frozen=True)
class TypeView:
    """How the TUI shows one question type: the one table of per-type presentation (the rest asks the model)."""

    name: str  # in the card's header: "fill the gap"
    short: str  # in the card browser's type column
    input: Callable[[Any, int, random.Random], AnswerInput]  # (question, card, rng) -> its input widget


TYPE_VIEWS: dict[str, TypeView] = {
    "multiple_choice": TypeView("multiple choice", "choice", lambda q, ord, rng: MultipleChoiceInput(q, rng)),
    "true_false": TypeView("true or false", "true/false", lambda q, ord, rng: TrueFalseInput(q, rng)),
    "short_answer": TypeView("short answer", "short", lambda q, ord, rng: ShortAnswerInput(q, rng)),
    "numeric": TypeView("number", "number", lambda q, ord, rng: NumericInput(q, rng)),
    "cloze": TypeView("fill the gap", "cloze", lambda q, ord, rng: ClozeInput(q, ord, gaps_of(q, ord))),
    "ordering": TypeView("put in order", "order", lambda q, ord, rng: OrderingInput(q, rng)),
    "matching": TypeView("match", "match", lambda q, ord, rng: MatchingInput(q, rng)),
    "flashcard": TypeView("flashcard", "flashcard", lambda q, ord, rng: FlashcardInput(q, ord)),
}
TYPE_NAMES = {kind: view.name for kind, view in TYPE_VIEWS.items()}


def _gap(deletion) -> str:
    return f"**[{deletion.hint or '…'}]**"


def gaps_of(question, ord: int) -> list[tuple[str, str | None]]:
    """A cloze card's gaps, in text order, as (answer, hint)."""
    return [(d.answer, d.hint) for d in question.gaps(ord)]


def answer_words(question, ord: int, result) -> str:
    """The right answer in the words the card showed (srs.wording.expected_words); a text with gaps as its
    whole sentence in Markdown, this card's gaps in bold."""
    return question.completed(ord, mark=lambda answer: f"**{answer}**") or expected_words(question, result)


def card_prompt(question, ord: int) -> str:
    """The Markdown a card asks: the cloze text with its gaps, a flashcard's shown side, or the prompt."""
    return question.asked(ord, gap=_gap)


def answer_input(question, ord: int, rng: random.Random) -> AnswerInput:
    """The input widget for a question's type."""
    widget = TYPE_VIEWS[question.type].input(question, ord, rng)
    widget.add_class("answer")
    return widget


class CardView(VerticalScroll):
    """One card; scrolls when the prompt, choices or feedback are long, so the input is never cut off."""

    DEFAULT_CSS = """
    CardView { height: 1fr; padding: 0 1; align-horizontal: center; }
    CardView > * { max-width: 110; }
    CardView .card-meta { color: $text-muted; height: 1; }
    CardView .prompt-box { height: auto; max-height: 45vh; margin: 1 0 0 0; }
    CardView .prompt { padding: 0 1 1 1; }
    CardView .answer { margin: 0 0 1 0; }
    """

    def __init__(self, bank, question, ord: int = 0, *, rng: random.Random | None = None,
                 meta: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.bank, self.question, self.ord = bank, question, ord
        self.rng = rng or random.Random()
        self.meta = meta
        self.input = answer_input(question, ord, self.rng)
        self.feedback: Feedback | None = None

    def prompt_markdown(self) -> str:
        return clean(card_prompt(self.question, self.ord))

    def compose(self):
        meta = f"{self.bank.title} · {TYPE_NAMES[self.question.type]}" + (f" · {self.meta}" if self.meta else "")
        yield Static(literal(meta), classes="card-meta")
        # A long prompt scrolls in its own box, so the input below it always stays on screen.
        with VerticalScroll(classes="prompt-box"):
            yield MarkdownText(self.prompt_markdown(), classes="prompt")
        yield self.input

    async def show_feedback(self, result) -> None:
        """Lock the input, mark its items, and show the verdict, answer, explanation and quote."""
        self.input.accept(result)
        self.feedback = Feedback(self.bank, self.question, result, self.ord)
        await self.mount(self.feedback)
        # Show the marked input and the feedback under it (the prompt scrolls back with ↑ or the mouse).
        self.call_after_refresh(self.scroll_to_widget, self.input, animate=False, top=True)
