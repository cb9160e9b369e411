"""The bundled course keeps issue 3's rules: grounded, explained, varied, enough questions."""
from __future__ import annotations

from collections import Counter

from quizapp.bank import load_paths
from quizapp.bank.library import bundled_decks_dir
from quizapp.bank.models import QUESTION_TYPES


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
    assert sum(len(b.questions) for b in banks) >= 200
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
