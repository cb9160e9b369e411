"""The question types of bank format v1, each a model with what belongs to its type: its cards, what a card
asks, its answer key, whether the learner types or grades themselves. Interfaces ask the question instead of
branching on its `type`; only how a type looks (a widget, a line-mode layout, an Anki note) is one table each.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Field, StrictBool, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from . import cloze
from .scalars import Frozen, LintSettings, Number, Slug, Text, unique

ORDER_JOIN = " → "  # an order in words: the items joined by arrows
# What a learner may type for true or false (folded): the checker and line mode both read it through TrueFalse.read.
TRUE_FALSE_WORDS = {"true": True, "t": True, "yes": True, "y": True, "false": False, "f": False, "no": False,
                    "n": False}


class QuestionBase(Frozen):
    id: Slug = Field(description="Stable id, unique within the bank: progress and Anki notes hang on it")
    explanation: Text | None = Field(None, description="Markdown shown after answering")
    quote: Text | None = Field(None, description="Verbatim supporting passage from the source")
    tags: tuple[Slug, ...] = ()
    lint: LintSettings | None = Field(None, description="quizapp lint: rules to skip for this question")

    # What the type is, for every interface (class attributes, not fields of the format):
    typed: ClassVar[bool] = False  # the learner types the answer, so "I was right" may overrule a wrong verdict
    self_graded: ClassVar[bool] = False  # nothing is checked: the learner's own rating is the grade
    first_card: ClassVar[int] = 0  # the number of a question's first card (Anki counts from 0 for every type)

    @property
    def card_numbers(self) -> tuple[int, ...]:
        """Card ordinals: (0,) for one card per question; cloze and flashcard override."""
        return (0,)

    @classmethod
    def card_label(cls, question_id: str, ord: int) -> str:
        """A card's name in lists: the question id, marked for a second card (cloze and flashcard override)."""
        return question_id

    def asked(self, ord: int = 0, gap: Callable[[cloze.Deletion], str] | None = None) -> str:
        """The text card `ord` asks, as written (Markdown).

        Args:
            ord: the card.
            gap: how a cloze shows the card's deletions; without it a cloze gives its text as written.

        Returns:
            The prompt; a cloze's text; a flashcard's shown side.
        """
        prompt: str = getattr(self, "prompt")  # every type without its own asked() has a prompt
        return prompt

    def answer_key(self, ord: int) -> Any:
        """What counts as card `ord`'s answer (its fingerprint: a change to it restarts the card)."""
        return getattr(self, "answer")  # true_false, short_answer, numeric: the answer field itself

    def answer_texts(self) -> list[str]:
        """The texts that make up the answer (what lint compares); empty where there is no one answer text."""
        return []

    def answer_words(self) -> str | None:
        """The right answer in the words a card shows it, where they differ from the checker's; else None."""
        return None

    def completed(self, ord: int | None = None, mark: Callable[[str], str] = str) -> str | None:
        """The text with its gaps filled, card `ord`'s answers through `mark`; None for a type without gaps."""
        return None


class MultipleChoice(QuestionBase):
    type: Literal["multiple_choice"]
    prompt: Text
    choices: tuple[Text, ...] = Field(min_length=2, max_length=8)
    answer: Union[Text, tuple[Text, ...]] = Field(description="One of the choices, or a list for select-all-that-apply")
    shuffle: StrictBool = True

    @field_validator("choices")
    @classmethod
    def _unique_choices(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return unique(v, "choice")

    @field_validator("answer")
    @classmethod
    def _answer_in_choices(cls, v: str | tuple[str, ...], info: ValidationInfo) -> str | tuple[str, ...]:
        choices = info.data.get("choices")
        answers = (v,) if isinstance(v, str) else v
        if not answers:
            raise PydanticCustomError("empty_answer", "answer list is empty")
        unique(answers, "answer")
        if choices is not None:
            for i, a in enumerate(answers):
                if a not in choices:
                    at = () if isinstance(v, str) else (i,)
                    raise PydanticCustomError("answer_not_in_choices", "answer {value} is not among the choices",
                                              {"value": repr(a), "at": at})
        return v

    @property
    def answers(self) -> tuple[str, ...]:
        return (self.answer,) if isinstance(self.answer, str) else self.answer

    @property
    def multiple(self) -> bool:
        return not isinstance(self.answer, str)

    def answer_key(self, ord: int) -> Any:
        return sorted(self.answers)

    def answer_texts(self) -> list[str]:
        return list(self.answers)


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    prompt: Text
    answer: StrictBool

    @staticmethod
    def word(value: bool) -> str:
        """True or False as a card shows it: "True", "False"."""
        return "True" if value else "False"

    @staticmethod
    def read(word: str) -> bool | None:
        """What a learner's word means (true/t/yes/y, false/f/no/n; folded by the caller), or None."""
        return TRUE_FALSE_WORDS.get(word)

    def answer_words(self) -> str | None:
        return self.word(self.answer)


class ShortAnswer(QuestionBase):
    type: Literal["short_answer"]
    prompt: Text
    answer: Text
    accept: tuple[Text, ...] = Field((), description="More accepted answers")
    reject: tuple[Text, ...] = Field((), description="Known wrong near-misses, never accepted (not even as a typo)")
    case_sensitive: StrictBool = False
    fuzzy: StrictBool = Field(True, description="Accept small typos")
    typed: ClassVar[bool] = True

    @field_validator("reject")
    @classmethod
    def _reject_is_not_accepted(cls, v: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        accepted = {" ".join(a.casefold().split()) for a in (info.data.get("answer") or "", *info.data.get("accept", ()))}
        for i, entry in enumerate(v):
            if " ".join(entry.casefold().split()) in accepted:
                raise PydanticCustomError("reject_accepted", "reject entry {value} is also an accepted answer",
                                          {"value": repr(entry), "at": (i,)})
        return v

    def answer_texts(self) -> list[str]:
        return [self.answer, *self.accept]


class Numeric(QuestionBase):
    type: Literal["numeric"]
    prompt: Text
    answer: Number
    tolerance: Number = Field(0, ge=0, json_schema_extra={"minimum": 0}, description="Absolute tolerance")
    unit: Text | None = None
    typed: ClassVar[bool] = True

    def answer_texts(self) -> list[str]:
        value = self.answer  # as written both ways: 1000 and 1,000
        return [str(value), f"{value:,}"] if isinstance(value, int) else [str(value)]


class Cloze(QuestionBase):
    type: Literal["cloze"]
    text: Text = Field(description="Text with Anki cloze deletions {{c1::answer}} or {{c1::answer::hint}}")
    typed: ClassVar[bool] = True
    first_card: ClassVar[int] = 1  # {{c1::...}}

    @field_validator("text")
    @classmethod
    def _has_deletion(cls, v: str) -> str:
        found = cloze.deletions(v)
        if not found:
            raise PydanticCustomError("no_cloze", "cloze text has no {{c1::...}} deletion")
        for d in found:
            if not d.answer.strip():
                raise PydanticCustomError("empty_cloze", "cloze deletion c{n} is empty", {"n": d.digits})
            if d.number == 0:
                raise PydanticCustomError("cloze_zero", "cloze numbers start at c1, found c0")
            if d.number > cloze.MAX_CLOZE:
                raise PydanticCustomError("cloze_range", "cloze number c{n} is too large: cloze numbers go from "
                                          "c1 to c{max}", {"n": d.digits, "max": cloze.MAX_CLOZE})
        return v

    @property
    def card_numbers(self) -> tuple[int, ...]:
        return cloze.card_numbers(self.text)

    @classmethod
    def card_label(cls, question_id: str, ord: int) -> str:
        return f"{question_id} c{ord}"

    def gaps(self, ord: int) -> list[cloze.Deletion]:
        """The deletions card `ord` asks for, in text order."""
        return [d for d in cloze.deletions(self.text) if d.number == ord]

    def asked(self, ord: int = 0, gap: Callable[[cloze.Deletion], str] | None = None) -> str:
        if gap is None:
            return self.text
        return cloze.fill(self.text, lambda d: gap(d) if d.number == ord else d.answer)

    def answer_key(self, ord: int) -> Any:
        return cloze.answers(self.text, ord)

    def answer_texts(self) -> list[str]:
        return [d.answer for d in cloze.deletions(self.text)]

    def completed(self, ord: int | None = None, mark: Callable[[str], str] = str) -> str | None:
        return cloze.fill(self.text, lambda d: mark(d.answer) if d.number == ord else d.answer)


class Ordering(QuestionBase):
    type: Literal["ordering"]
    prompt: Text
    items: tuple[Text, ...] = Field(min_length=2, max_length=10, description="In the correct order")

    @field_validator("items")
    @classmethod
    def _unique_items(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return unique(v, "item")

    def answer_key(self, ord: int) -> Any:
        return list(self.items)

    def answer_words(self) -> str | None:
        return ORDER_JOIN.join(self.items)


class Matching(QuestionBase):
    type: Literal["matching"]
    prompt: Text
    pairs: dict[Text, Text] = Field(min_length=2, max_length=10, description="Left-hand item: its match")

    @field_validator("pairs")
    @classmethod
    def _unique_right(cls, v: dict[str, str]) -> dict[str, str]:
        seen: dict[str, str] = {}
        for left, right in v.items():
            if right in seen:
                raise PydanticCustomError("duplicate_match", "{right} is the match of both {a} and {b}",
                                          {"right": repr(right), "a": repr(seen[right]), "b": repr(left), "at": (left,)})
            seen[right] = left
        return v

    def answer_key(self, ord: int) -> Any:
        return sorted(self.pairs.items())


class Flashcard(QuestionBase):
    """A front and a back; the learner reveals the back and grades themselves (nothing is checked)."""

    type: Literal["flashcard"]
    front: Text = Field(description="Markdown shown first")
    back: Text = Field(description="Markdown revealed on demand")
    reverse: StrictBool = Field(False, description="Also a second card, back to front (buried as a sibling)")
    hint: Text | None = Field(None, description="Markdown the learner may show before revealing the back")
    self_graded: ClassVar[bool] = True

    @property
    def card_numbers(self) -> tuple[int, ...]:
        """Card 0 asks front to back; card 1, with reverse, asks back to front."""
        return (0, 1) if self.reverse else (0,)

    @classmethod
    def card_label(cls, question_id: str, ord: int) -> str:
        return f"{question_id} reverse" if ord else question_id

    def sides(self, ord: int) -> tuple[str, str]:
        """(shown, hidden) Markdown of card `ord`: card 0 asks front to back, card 1 (reverse) back to front."""
        return (self.back, self.front) if ord == 1 else (self.front, self.back)

    def hint_for(self, ord: int) -> str | None:
        """The hint, which leads from the front to the back: on card 0 only (as in the Anki export)."""
        return self.hint if ord == 0 else None

    def asked(self, ord: int = 0, gap: Callable[[cloze.Deletion], str] | None = None) -> str:
        return self.sides(ord)[0]

    def answer_key(self, ord: int) -> Any:
        return self.sides(ord)[1]

    def answer_texts(self) -> list[str]:
        return [self.back]


Question = Annotated[Union[MultipleChoice, TrueFalse, ShortAnswer, Numeric, Cloze, Ordering, Matching, Flashcard],
                     Field(discriminator="type")]
QUESTION_TYPES: dict[str, type[QuestionBase]] = {
    m.model_fields["type"].annotation.__args__[0]: m  # type: ignore[union-attr]  # each is a Literal
    for m in (MultipleChoice, TrueFalse, ShortAnswer, Numeric, Cloze, Ordering, Matching, Flashcard)}
