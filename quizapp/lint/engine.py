"""Runs the lint rules over loaded banks and turns their hits into located, filtered findings."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..bank.grounding import normalise
from . import answers, choices, library, quotes
from .findings import RULES, Finding, Hit
from .suppress import Suppressions

QUESTION_RULES = (choices.longest_answer, choices.answer_in_prompt, choices.cue_words, choices.mixed_kinds,
                  answers.exact_wording, answers.verbatim_true_false, quotes.quote_too_long,
                  quotes.explanation_restates)


class _BankFile:
    """One valid bank, the positions found when it was loaded and, on first need, its suppressions."""

    def __init__(self, result):
        self.result, self.bank = result, result.bank
        self._text = self._suppressions = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.result.path.read_text(encoding="utf-8")
        return self._text

    def at(self, loc: tuple) -> tuple[int, int]:
        # The load's locator (kept in the bank cache): composing the file again cost a tenth of a large lint.
        return self.result.locator.at(loc)

    @property
    def suppressions(self) -> Suppressions:
        if self._suppressions is None:
            lines = [self.at(("questions", i))[0] for i in range(len(self.bank.questions))]
            self._suppressions = Suppressions(self.bank, self.text, lines)
        return self._suppressions


def _source(bank, sources_dir: Path | None, cache: dict) -> str | None:
    name = bank.source.file if bank.source else None
    if sources_dir is None or not name:
        return None
    if name not in cache:
        try:
            cache[name] = normalise((Path(sources_dir) / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            cache[name] = None  # `validate --sources` reports a missing or unreadable source
    return cache[name]


def compute_findings(results: Iterable, sources_dir: Path | None = None,
                     codes: Iterable[str] | None = None) -> list[Finding]:
    """run.lint_results from scratch: every rule over every valid bank (arguments and result as there)."""
    wanted = set(RULES) if codes is None else set(codes)
    files = [_BankFile(r) for r in results if r.ok and r.bank is not None]
    hits: list[tuple[_BankFile, Hit]] = []
    sources: dict[str, str | None] = {}
    if "QZ105" in wanted:
        texts = [t for f in files for t in library.bank_texts(f.bank)]
        for f in files:  # the sources' names and phrases are wrong answers a learner may know too
            texts.append(_source(f.bank, sources_dir, sources) or "")
        phrases = answers.Phrases(texts, [a for f in files for q in f.bank.questions
                                          for _, card, _ in answers.typed_answers(q) for a in card])
    for f in files:
        source = _source(f.bank, sources_dir, sources) if "QZ109" in wanted else None
        for i, q in enumerate(f.bank.questions):
            for rule in QUESTION_RULES:
                hits.extend((f, h) for h in rule(i, q))
            if "QZ105" in wanted:
                hits.extend((f, h) for h in answers.typo_tolerance(i, q, phrases))
            hits.extend((f, h) for h in quotes.far_fragments(i, q, source))
        hits.extend((f, h) for h in quotes.source_metadata(f.bank))
    if "QZ108" in wanted:
        everything = [(n, i, q) for n, f in enumerate(files) for i, q in enumerate(f.bank.questions)]
        for bank, i, other_bank, j, score in library.near_duplicates(everything):
            other = files[other_bank]
            line, col = other.at(("questions", j))
            hits.append((files[bank], Hit("QZ108", i, ("questions", i),
                                          f"nearly repeats {other.bank.questions[j].id!r} at "
                                          f"{other.result.display}:{line}:{col} (similarity {score:.0f}%)")))
    findings = []
    for f, h in hits:
        if h.code not in wanted or f.suppressions.suppressed(h.code, h.question):
            continue
        findings.append(Finding(f.result.display, *f.at(h.loc), h.code, h.message))
    return sorted(set(findings))
