"""What the learner sees after answering: right or wrong, the right answer, explanation and quote."""
from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ..text import clean
from .markdown import MarkdownText


def citation(bank) -> str:
    """The quote's source as one line (Bank.citation), safe for the terminal."""
    return clean(bank.citation())


def verdict(result) -> Content:
    if result.correct and result.typo:
        return Content.styled("✓ Right (typo accepted)", "bold $text-success")
    if result.correct:
        return Content.styled("✓ Right", "bold $text-success")
    return Content.styled("✗ Wrong", "bold $text-error")


class Feedback(Vertical):
    DEFAULT_CSS = """
    Feedback { height: auto; border-left: thick $success; padding: 0 1; margin: 0 0 1 0; }
    Feedback.-wrong { border-left: thick $error; }
    Feedback.-self { border-left: thick $accent; }
    Feedback .verdict { height: auto; }
    Feedback .note { height: auto; color: $text-muted; }
    Feedback .expected { height: auto; margin-bottom: 1; }
    Feedback .explanation { margin: 0 0 1 0; }
    Feedback .quote { border-left: outer $primary; padding: 0 0 0 1; text-style: italic; color: $text-muted; }
    Feedback .citation { color: $text-muted; height: auto; text-align: right; }
    """

    def __init__(self, bank, question, result, ord: int = 0, **kwargs) -> None:
        kind = "-self" if result.correct is None else "-right" if result.correct else "-wrong"
        super().__init__(classes=kind, **kwargs)
        self.bank, self.question, self.result, self.ord = bank, question, result, ord

    def overridden(self) -> None:
        """The learner said the answer was right after all: say so where the verdict was."""
        self.set_classes("-right")
        self.query_one(".verdict", Static).update(
            Content.styled("✓ Right: you said so (it was graded wrong)", "bold $text-success"))

    def compose(self):
        from .card import answer_words
        if self.result.self_graded:  # a flashcard: the back itself, as Markdown, and no verdict
            yield MarkdownText(self.result.expected, classes="expected back")
        else:
            yield Static(verdict(self.result), classes="verdict")
            if self.result.note:  # how the answer was read: a typo, a scale, "enter a number"
                yield Static(Content(clean(self.result.note)), classes="note")
            answer = answer_words(self.question, self.ord, self.result)
            if self.question.completed() is not None:  # the whole sentence, completed, its gaps in bold
                yield Static(Content.styled("Answer:", "bold"))
                yield MarkdownText(answer, classes="expected")
            else:
                yield Static(Content.assemble(Content.styled("Answer: ", "bold"), Content(clean(answer))),
                             classes="expected")
        if self.question.explanation:
            yield MarkdownText(self.question.explanation, classes="explanation")
        if self.question.quote:
            yield MarkdownText(self.question.quote, classes="quote")
            yield Static(Content("— " + citation(self.bank)), classes="citation")
