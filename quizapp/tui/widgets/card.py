"""A card: its prompt as Markdown, the input for its type, and the feedback once answered."""
from __future__ import annotations

import random

from textual.containers import VerticalScroll
from textual.widgets import Static

from ...bank.models import CLOZE_RE
from ...srs.cards import flashcard_sides
from ..text import clean, literal
from .arrange import MatchingInput, OrderingInput
from .choices import MultipleChoiceInput, TrueFalseInput
from .feedback import Feedback
from .flashcard import FlashcardInput
from .markdown import MarkdownText
from .typed import ClozeInput, NumericInput, ShortAnswerInput

INPUTS = {
    "multiple_choice": MultipleChoiceInput,
    "true_false": TrueFalseInput,
    "short_answer": ShortAnswerInput,
    "numeric": NumericInput,
    "ordering": OrderingInput,
    "matching": MatchingInput,
}
TYPE_NAMES = {"multiple_choice": "multiple choice", "true_false": "true or false", "short_answer": "short answer",
              "numeric": "number", "cloze": "fill the gap", "ordering": "put in order", "matching": "match",
              "flashcard": "flashcard"}


def cloze_prompt(text: str, ord: int) -> tuple[str, list[tuple[str, str | None]]]:
    """The cloze text with this card's deletions as gaps, others filled in; and the gaps (answer, hint)."""
    gaps: list[tuple[str, str | None]] = []

    def gap(match) -> str:
        if int(match.group(1)) != ord:
            return match.group(2)
        gaps.append((match.group(2), match.group(3)))
        return f"**[{match.group(3) or '…'}]**"

    return CLOZE_RE.sub(gap, text), gaps


def cloze_completed(text: str, ord: int) -> str:
    """The cloze text as Markdown with every gap filled, this card's answers in bold."""
    return CLOZE_RE.sub(lambda m: f"**{m.group(2)}**" if int(m.group(1)) == ord else m.group(2), text)


def answer_words(question, ord: int, result) -> str:
    """The right answer in the words the card showed (srs.wording.expected_words); a cloze as its whole
    sentence in Markdown, this card's gaps in bold."""
    if question.type == "cloze":
        return cloze_completed(question.text, ord)
    from ...srs.wording import expected_words
    return expected_words(question, result)


def card_prompt(question, ord: int) -> str:
    """The Markdown a card asks: the cloze text with its gaps, a flashcard's shown side, or the prompt."""
    if question.type == "cloze":
        return cloze_prompt(question.text, ord)[0]
    if question.type == "flashcard":
        return flashcard_sides(question, ord)[0]
    return question.prompt


def answer_input(question, ord: int, rng: random.Random):
    """The input widget for a question's type."""
    if question.type == "cloze":
        _text, gaps = cloze_prompt(question.text, ord)
        return ClozeInput(question, ord, gaps, classes="answer")
    if question.type == "flashcard":
        return FlashcardInput(question, ord, classes="answer")
    return INPUTS[question.type](question, rng, classes="answer")


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
