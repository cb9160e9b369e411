"""Lint findings and the rule table: one code, one name and one line of explanation per rule."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One located finding of `quizapp lint`."""

    file: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self) -> dict:
        """The finding as JSON-ready data (file, line, column, code, message)."""
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """What a rule found, before it is located: question index (None: the bank), YAML path, message."""

    code: str
    question: int | None
    loc: tuple
    message: str


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    needs_sources: bool = False


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("QZ101", "longest-answer", "the keyed choice is clearly longer than every distractor"),
    Rule("QZ102", "answer-in-prompt", "the answer (or a content word of it no distractor shares) is in the prompt, "
                                      "or the whole answer is inside another option"),
    Rule("QZ103", "cue-words", "'all/none of the above', absolute words only in distractors, or an 'a'/'an' "
                               "that fits only one option"),
    Rule("QZ104", "mixed-option-kinds", "a distractor of another kind than the key (a number among words, "
                                        "a name among phrases, a far shorter or longer option)"),
    Rule("QZ105", "typo-tolerance", "a wrong answer (another option or answer, a common word) would be "
                                    "accepted as a typo by the answer checker"),
    Rule("QZ106", "exact-wording", "a multi-word typed answer or cloze deletion with no accepted alternatives"),
    Rule("QZ107", "verbatim-true-false", "a true/false statement that is a sentence of its quote, "
                                         "at most with 'not' added or removed"),
    Rule("QZ108", "near-duplicate", "a question that nearly repeats another one in the library"),
    Rule("QZ109", "quote-far-fragments", "'...' joins quote fragments that lie far apart in the source",
         needs_sources=True),
    Rule("QZ110", "quote-too-long", "a quote of several sentences when the answer is in one of them"),
    Rule("QZ111", "explanation-restates-quote", "the explanation says nothing the quote, prompt and answer "
                                                "do not"),
    Rule("QZ112", "source-metadata", "the bank's source has a file but lacks a title, publisher or date"),
)}

_CODE_LIST = re.compile(r"\s*,\s*|\s+")


def parse_codes(text: str | None) -> set[str]:
    """Rule codes from a comma- or space-separated list; a prefix (`QZ1`) selects every code it starts.

    Args:
        text: the option's value, e.g. "QZ101,QZ104" or "QZ10".

    Returns:
        The set of full codes named.

    Raises:
        ValueError: a name that is no rule code or prefix of one.
    """
    codes: set[str] = set()
    for part in filter(None, _CODE_LIST.split(text or "")):
        part = part.upper()
        by_name = [c for c, r in RULES.items() if r.name == part.lower()]
        matched = by_name or [c for c in RULES if c.startswith(part)]
        if not matched:
            raise ValueError(f"unknown rule {part!r} (rules: {', '.join(RULES)})")
        codes.update(matched)
    return codes
