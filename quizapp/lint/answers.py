"""Rules on typed answers and true/false statements (QZ105-QZ107).

QZ105 asks the project's own answer checker (srs.checking.check_answer) whether a wrong answer
would pass, so it follows whatever that checker forgives; candidates are only pre-filtered here.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..bank.grounding import normalise
from ..bank.sourcetext import sentence_spans
from .choices import option_kind
from .findings import Hit
from .words import common_words, function_words, stem, words

# Pre-filter: a third of the answer's length in edits, at most 4: wider than any typo the checker forgives
# (0-3 edits by length today), so its verdict decides.
CANDIDATE_EDITS = 4
NAME_SWAP_EDITS = 2
NAME_SWAP_MIN = 5  # letters; shorter words of names (Red Velvet, Kim) swap into noise
MAX_PHRASE_WORDS = 6  # longer typed answers are QZ106's business anyway
_EDGES = " \t.,;:!?\"'()[]\u201c\u201d\u2018\u2019"
COMMON_TRIED = 5_000  # single-word answers meet the most common English words (hotel for notel)
SHOWN = 3  # wrong answers named per finding
# rapidfuzz partial_ratio (0-100) of statement and quote sentence, "not" and the framing removed, the two
# of similar length. Measured on the course's 43 true/false items: the six restatements score 88-100,
# the next (a paraphrase) 87 with half the sentence's length.
TF_SIMILARITY = 88
TF_LENGTHS = (0.6, 1.4)
_FRAMING = re.compile(
    r"^(true or false:?\s*)?((according to [^,]+,\s*)"
    r"|((does|did|do|is|was)\s+.{0,60}?\s+(say|conclude|report|write|claim|state|describe|suggest)\s+(that\s+)?)"
    r"|(.{0,60}?\s+(says|said|reports|reported|writes|wrote|claims|concludes|states)\s+that\s+))?", re.I)


def typed_answers(q) -> list[tuple[int, list[str], tuple]]:
    """The cards of a question on which the learner types.

    Args:
        q: any question model.

    Returns:
        (card ordinal, the card's answers, YAML path below the question) per typed card: one for a short
        answer, one per cN for a cloze, none for other types.
    """
    if q.type == "short_answer":
        return [(0, [q.answer], ("answer",))]
    if q.type == "cloze":
        return [(n, q.answer_key(n), ("text",)) for n in q.card_numbers]
    return []


def _same_word(a: str, b: str) -> bool:
    """Spellings and inflections of one answer (drive/drives, K-pop/kpop, acknowledge/acknowledged)."""
    fa, fb = ("".join(words(x)).replace("-", "").replace("'", "").replace(".", "") for x in (a, b))
    short, long = sorted((fa, fb), key=len)
    return short == long or stem(short) == stem(long) or (long.startswith(short) and len(long) - len(short) <= 3)


@lru_cache(maxsize=1)
def _common_set() -> frozenset[str]:
    return frozenset(common_words())


class Phrases:
    """Runs of words of the library's texts, as many words long as some typed answer and about as long:
    wrong answers the course itself puts before a learner ("Kim Jong-un" beside "Kim Jong-il")."""

    def __init__(self, texts, answers) -> None:
        counts = {len(a.split()) for a in answers if len(a.split()) <= MAX_PHRASE_WORDS}
        counts |= {1} if any(len(a.split()) > 1 for a in answers) else set()  # words to swap into names
        grams: dict[int, list[str]] = {n: [] for n in counts}
        for text in dict.fromkeys(texts):  # quotes repeat their source: each text once
            tokens = [t for t in (t.strip(_EDGES) for t in text.split()) if t]
            for n in counts:
                grams[n].extend(map(" ".join, zip(*(tokens[i:] for i in range(n)))))
        # Built with C-level calls only: a library and its sources give some 100,000 phrases.
        self.written: dict[str, str] = {}  # casefolded -> as written
        self.by_count: dict[int, list[str]] = {}  # word count -> distinct casefolded phrases
        for n, found in grams.items():
            folded = list(map(str.casefold, found))
            self.written.update(zip(folded, found))
            self.by_count[n] = list(dict.fromkeys(folded))
        self.common_by_length: dict[int, list[str]] = {}  # single common words, as written, by length
        common = _common_set()
        for w in self.by_count.get(1, ()):
            if w in common:
                self.common_by_length.setdefault(len(w), []).append(self.written[w])

    def near(self, answer: str) -> list[str]:
        """Phrases (casefolded) of the answer's word count; rapidfuzz's cutoff skips those of other lengths."""
        return self.by_count.get(len(answer.split()), [])


@lru_cache(maxsize=1)
def _common_tried() -> tuple[str, ...]:
    return common_words()[:COMMON_TRIED]


def _candidates(answer: str, phrases: Phrases) -> set[str]:
    """Wrong answers to try: the library's phrases near the answer and, for one word, common English words."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA
    low = answer.casefold()
    edits = min(CANDIDATE_EDITS, max(1, (len(answer) + 2) // 3))
    found = {phrases.written[c] for c, _, _ in process.extract(low, phrases.near(answer), scorer=OSA.distance,
                                                               score_cutoff=edits, limit=None)}
    if len(answer.split()) == 1:
        found |= {c for c, _, _ in process.extract(low, _common_tried(), scorer=OSA.distance,
                                                   score_cutoff=edits, limit=None)}
    tokens = answer.split()
    for k, token in enumerate(tokens if len(tokens) > 1 else ()):
        if token.istitle() and len(token) >= NAME_SWAP_MIN:  # a word of a name swapped: North/South Hamgyong
            names = phrases.common_by_length.get(len(token), [])
            found |= {" ".join([*tokens[:k], w, *tokens[k + 1:]])
                      for w, _, _ in process.extract(token, [n for n in names if n.istitle()], scorer=OSA.distance,
                                                     score_cutoff=NAME_SWAP_EDITS, limit=None)}
    answer_words = set(words(answer))
    seen, out = set(), set()
    for c in sorted(found):
        extra = set(words(c)) - answer_words
        if _same_word(c, answer) or c.casefold() in seen or (len(answer_words) > 1 and extra & function_words()):
            continue  # a spelling of the answer, a case variant, or a phrase cut across a "to"/"of"
        seen.add(c.casefold())
        out.add(c)
    return out


def typo_tolerance(i: int, q, phrases: Phrases) -> Iterator[Hit]:
    """QZ105: wrong answers (texts of the library, common words, a word of the answer swapped) that pass as typos.

    Args:
        i: the question's index in its bank.
        q: the question.
        phrases: the library's phrases (its own accepted answers are skipped).
    """
    from ..srs.checking import check_answer
    for ordinal, answers, path in typed_answers(q):
        own = {a.casefold() for a in (*answers, *getattr(q, "accept", ()))}
        for k, answer in enumerate(answers):
            passing = []
            for wrong in sorted(_candidates(answer, phrases)):
                if wrong.casefold() in own:
                    continue
                given = [*answers[:k], wrong, *answers[k + 1:]]
                result = check_answer(q, ordinal, given[0] if q.type == "short_answer" else given)
                if result.correct and result.typo:
                    passing.append(wrong)
            if passing:
                fix = ("add them to reject, set fuzzy: false or reword" if q.type == "short_answer"
                       else "reword the deletion")
                shown = ", ".join(map(repr, passing[:SHOWN])) + (f" and {len(passing) - SHOWN} more"
                                                                 if len(passing) > SHOWN else "")
                yield Hit("QZ105", i, ("questions", i, *path),
                          f"{shown} would be accepted as a typo of {answer!r}: {fix}")


def exact_wording(i: int, q) -> Iterator[Hit]:
    """QZ106: a multi-word phrase to type word for word, with no accepted alternatives."""
    if q.type == "short_answer" and q.accept:
        return
    for _, answers, path in typed_answers(q):
        for answer in answers:
            if len(answer.split()) >= 2 and option_kind(answer) not in ("name", "number", "year", "text"):
                where = "answer" if q.type == "short_answer" else "deletion"
                tail = "add accept: alternatives" if q.type == "short_answer" else "ask for one word or a name"
                yield Hit("QZ106", i, ("questions", i, *path),
                          f"the {where} {answer!r} must be typed word for word: {tail}")


def _without_not(text: str) -> str:
    out = []
    for w in words(text):
        if w in ("not", "no", "never"):
            continue
        out.append(w[:-3] if w.endswith("n't") else w)
    return " ".join(out)


def verbatim_true_false(i: int, q) -> Iterator[Hit]:
    """QZ107: a true/false statement that is one sentence of its quote, give or take a 'not' and its framing."""
    if q.type != "true_false" or not q.quote:
        return
    from rapidfuzz import fuzz
    statement = _without_not(_FRAMING.sub("", q.prompt))
    quote = normalise(q.quote)
    for start, end in sentence_spans(quote):
        sentence = _without_not(quote[start:end])
        if (fuzz.partial_ratio(statement, sentence) >= TF_SIMILARITY
                and TF_LENGTHS[0] <= len(statement) / max(1, len(sentence)) <= TF_LENGTHS[1]):
            how = "restates" if q.answer else "negates"
            yield Hit("QZ107", i, ("questions", i, "prompt"),
                      f"the statement {how} a sentence of its quote word for word: it tests recognition, "
                      f"not understanding")
            return
