"""Banks change under a learner's progress: wording and order keep it, a new answer restarts, removal retires."""
from __future__ import annotations

import copy

from quizapp.bank import load_bank
from quizapp.srs import Engine, Rating, Store
from srs_support import DAY, T0, bank_data, card_row, settings, tf, write_bank

DATA = bank_data("evo", [
    tf("a"),
    {"id": "b", "type": "short_answer", "prompt": "Capital of France?", "answer": "Paris"},
    {"id": "c", "type": "cloze", "text": "{{c1::Seoul}} is north of {{c2::Busan}}"},
    tf("d"),
])


def study_all(tmp_path, data, now, rating=Rating.Easy):
    """Sync the bank file as written now, answer everything due, return the engine."""
    path = write_bank(tmp_path / "evo.yaml", data)
    eng = Engine(Store.open(tmp_path / "s.sqlite3"), [load_bank(path)], settings(learn_ahead=DAY * 0))
    session = eng.session(now)
    while (card := session.next_card(now)) is not None:
        session.answer(card, rating, now)
    return eng


def edited(change) -> dict:
    data = copy.deepcopy(DATA)
    change(data)
    return data


def progress(eng):
    return {(q, o): (state, reps, active, gen) for q, o, state, reps, active, gen in eng.store.query(
        "SELECT question_id, ord, state, reps, active, generation FROM cards")}


def test_editing_wording_and_reordering_keep_progress(tmp_path):
    eng = study_all(tmp_path, DATA, T0)
    rows = {k: card_row(eng.store, ("evo",) + k) for k in [("a", 0), ("b", 0), ("c", 1)]}

    def reword_and_reorder(d):
        d["questions"][1]["prompt"] = "Which city is the capital of France?"
        d["questions"][2]["text"] = "{{c1::Seoul}} lies north of {{c2::Busan}}, far north"
        d["questions"].reverse()

    eng2 = study_all(tmp_path, edited(reword_and_reorder), T0 + DAY * 0)
    assert eng2.last_sync.restarted == 0 and eng2.last_sync.added == 0
    for key, row in rows.items():
        now_row = card_row(eng2.store, ("evo",) + key)
        assert now_row[:6] == row[:6] and now_row[8:] == row[8:]  # only the position (column 7) moved
    assert card_row(eng2.store, ("evo", "d", 0))[7] == 0  # d is first in the file now


def test_changing_an_answer_or_type_restarts_the_card_with_history_kept(tmp_path):
    eng = study_all(tmp_path, DATA, T0)
    before = progress(eng)
    assert before[("b", 0)][0] == 2 and before[("c", 1)][0] == 2

    def change(d):
        d["questions"][1]["answer"] = "Paris, France"  # new answer
        d["questions"][0] = {"id": "a", "type": "short_answer", "prompt": "Statement a?", "answer": "yes"}  # new type
        d["questions"][2]["text"] = "{{c1::Seoul}} is north of {{c2::Daegu}}"  # only c2's answer changed

    eng2 = study_all(tmp_path, edited(change), T0 + DAY * 30, rating=Rating.Good)
    assert eng2.last_sync.restarted == 3
    after = progress(eng2)
    for key in [("a", 0), ("b", 0)]:
        assert after[key][3] == 2  # generation 2
        assert after[key][1] == 1  # started again today: one review in this generation
    assert after[("c", 2)] == (0, 0, 1, 2)  # new again; buried today because its sibling c1 was reviewed
    assert after[("c", 1)][3] == 1 and after[("c", 1)][1] == 2  # the untouched deletion keeps its progress
    old = eng2.store.query("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                           "WHERE c.question_id = 'b' AND r.generation = 1")[0][0]
    assert old == 1  # the first generation's review is still in the log


def test_removed_question_keeps_history_but_is_not_scheduled(tmp_path):
    eng = study_all(tmp_path, DATA, T0)
    eng2 = study_all(tmp_path, edited(lambda d: d["questions"].pop(3)), T0 + DAY)
    assert eng2.last_sync.removed == 1
    assert progress(eng2)[("d", 0)][2] == 0
    assert eng2.store.query("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                            "WHERE c.question_id = 'd'")[0][0] == 1
    far = T0 + DAY * 400  # everything is due by now, but d is not offered
    assert "d" not in {c.key[1] for c in eng2.session(far)._q.reviews}
    # Putting it back brings back its progress, not a fresh card.
    eng3 = study_all(tmp_path, DATA, T0 + DAY * 2)
    assert progress(eng3)[("d", 0)][:3] == progress(eng)[("d", 0)][:3]


def test_removed_and_added_cloze_deletions(tmp_path):
    study_all(tmp_path, DATA, T0)

    def change(d):
        d["questions"][2]["text"] = "{{c1::Seoul}} is north of {{c3::Gwangju}}"

    eng2 = study_all(tmp_path, edited(change), T0)
    assert (eng2.last_sync.added, eng2.last_sync.removed) == (1, 1)
    p = progress(eng2)
    assert p[("c", 2)][2] == 0 and p[("c", 3)] == (0, 0, 1, 1)
