"""The bundled course keeps its rules (issues 3 and 15): grounded, explained, varied, enough questions,
quotes from one passage, no longest-answer cue, no typo that accepts another real answer."""
from __future__ import annotations

from collections import Counter

import pytest

from quizapp.bank import load_paths
from quizapp.bank.grounding import find_quote, fragments, normalise
from quizapp.bank.library import bundled_decks_dir
from quizapp.bank.models import CLOZE_RE, QUESTION_TYPES
from quizapp.srs.checking import match_text
from tests_support import SEEDS


def _banks():
    results, problems = load_paths([bundled_decks_dir()])
    assert problems == []
    return [r.bank for r in results]


def test_every_question_has_a_quote_and_an_explanation():
    missing = [(b.id, q.id) for b in _banks() for q in b.questions if not q.quote or not q.explanation]
    assert missing == []


def test_course_size_and_type_variety():
    banks = _banks()
    assert len(banks) == 5
    assert sum(len(b.questions) for b in banks) >= 150
    assert min(len(b.questions) for b in banks) >= 15
    used = Counter()
    for b in banks:
        kinds = {q.type for q in b.questions}
        assert len(kinds) >= 4, b.id
        used.update(kinds)
        assert b.source and b.source.file, b.id
        assert b.deck_path.startswith("North Korea and Foreign Media::"), b.id
    # every auto-graded type; the self-graded flashcard is the course's choice, not a rule
    assert set(QUESTION_TYPES) - {"flashcard"} <= set(used)


def test_a_quarter_of_the_course_asks_why_how_compare_or_apply():
    """Questions tagged `understanding` ask causes, mechanisms, evidence, comparisons or applications."""
    questions = [q for b in _banks() for q in b.questions]
    understanding = [q for q in questions if "understanding" in q.tags]
    assert len(understanding) * 4 >= len(questions), (len(understanding), len(questions))


def test_no_multiple_choice_key_is_the_longest_option():
    """A single key longer than every distractor is a cue a test-wise learner picks without knowing."""
    cued = []
    for b in _banks():
        for q in b.questions:
            if q.type == "multiple_choice" and len(q.answers) == 1:
                key = q.answers[0]
                if len(key) > max(len(c) for c in q.choices if c != key):
                    cued.append((b.id, q.id))
    assert cued == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_an_ellipsis_joins_fragments_of_one_paragraph_only():
    """`...` may shorten one passage; facts spread over an article are cited in the explanation."""
    stitched = []
    for b in _banks():
        paragraphs = [normalise(p) for p in (SEEDS / b.source.file).read_text(encoding="utf-8").splitlines()]
        for q in b.questions:
            if len(fragments(q.quote)) > 1 and not any(find_quote(q.quote, p) is None for p in paragraphs):
                stitched.append((b.id, q.id))
    assert stitched == []


def _typed_answers(q) -> list[str]:
    if q.type == "short_answer":
        return [q.answer, *q.accept]
    if q.type == "cloze":
        return [m.group(2).strip() for m in CLOZE_RE.finditer(q.text)]
    return []


def test_no_typo_tolerance_accepts_another_answer_of_the_course():
    """'Kim Jong Un' must not pass as a typo of 'Kim Jong Il', nor 'South' for 'North Hamgyong'."""
    confusable = {"Kim Jong Un", "Kim Jong-un", "Kim Jong Il", "Kim Jong-il", "South Hamgyong", "North Hamgyong",
                  "hotel", "motel", "novel", "Kim Il Sung", "soul", "Seoul"}
    others = {a for b in _banks() for q in b.questions for a in _typed_answers(q)} | confusable
    traps = []
    for b in _banks():
        for q in b.questions:
            own = _typed_answers(q)
            fuzzy = q.fuzzy if q.type == "short_answer" else True
            reject = q.reject if q.type == "short_answer" else ()
            for other in others:
                if other.casefold() in {a.casefold() for a in own}:
                    continue
                for wanted in own:
                    match = match_text(other, [wanted], fuzzy=fuzzy, reject=reject)
                    if match.correct and match.typo:
                        traps.append((b.id, q.id, other, wanted))
    assert traps == []
