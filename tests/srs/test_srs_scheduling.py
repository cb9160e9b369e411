"""Scheduling with fixed datetimes and fuzzing off: exact due dates, steps, limits, burying, filters, undo."""
from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.srs import Rating, Settings
from srs_support import DAY, MINUTE, T0, card_row, drain, engine, make_bank, tf, tf_bank

NO_AHEAD = {"learn_ahead": timedelta(0)}


def answer_once(eng, now, rating, key=None):
    session = eng.session(now)
    card = session.next_card(now)
    assert card is not None and (key is None or card.key == key)
    return session.answer(card, rating, now)


def test_exact_due_dates_for_a_rating_sequence(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 1)])
    now, dues = T0, []
    for rating in (Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Good):
        answered = answer_once(eng, now, rating)
        dues.append((answered.after.state, answered.due.isoformat()))
        now = answered.due
    assert dues == [
        (1, "2025-03-01T09:10:00+00:00"),  # learning step 2 of (1m, 10m)
        (2, "2025-03-03T09:10:00+00:00"),  # graduated: FSRS-6 default weights, 90% retention -> 2 days
        (2, "2025-03-14T09:10:00+00:00"),  # 11 days
        (3, "2025-03-14T09:20:00+00:00"),  # a lapse: relearning step of 10m
        (2, "2025-03-16T09:20:00+00:00"),
        (2, "2025-03-21T09:20:00+00:00"),
    ]
    row = eng.store.query("SELECT reps, lapses, state FROM cards")[0]
    assert row == (6, 1, 2)


def test_learning_steps_follow_the_settings(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 1)], learning_steps=(MINUTE * 5, MINUTE * 30, MINUTE * 120))
    a = answer_once(eng, T0, Rating.Again)
    assert (a.after.state, a.after.step, a.due - T0) == (1, 0, MINUTE * 5)
    a = answer_once(eng, T0 + MINUTE * 5, Rating.Good)
    assert (a.after.step, a.due - (T0 + MINUTE * 5)) == (1, MINUTE * 30)
    hard_at = a.due
    a = answer_once(eng, hard_at, Rating.Hard)
    assert (a.after.step, a.due - hard_at) == (1, MINUTE * 30)  # Hard repeats the step
    b = answer_once(eng, a.due, Rating.Good)
    assert (b.after.state, b.after.step, b.due - a.due) == (1, 2, MINUTE * 120)
    c = answer_once(eng, b.due, Rating.Good)
    assert c.after.state == 2 and c.due - b.due >= DAY


def test_intervals_preview_matches_what_answer_applies(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 1)])
    session = eng.session(T0)
    card = session.next_card(T0)
    shown = session.intervals(card, T0)
    # Hard on the first step is halfway between the first two steps, as in Anki.
    assert shown == {Rating.Again: MINUTE, Rating.Hard: timedelta(minutes=5, seconds=30),
                     Rating.Good: MINUTE * 10, Rating.Easy: DAY * 8}
    assert session.answer(card, Rating.Easy, T0).due - T0 == shown[Rating.Easy]


def test_queue_order_reviews_most_overdue_first_then_new(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 5)], **NO_AHEAD)
    # Graduate q1..q3 with Easy at different times, so they come due on different days.
    for i, key in enumerate([("b", "q1", 0), ("b", "q2", 0), ("b", "q3", 0)]):
        s = eng.session(T0 + DAY * i)
        card = next(c for c in s._q.new if c.key == key)
        s.answer(card, Rating.Easy, T0 + DAY * i)
    later = T0 + DAY * 60
    session = eng.session(later)
    asked = drain(session, later, Rating.Good)
    assert asked[:3] == [("b", "q1", 0), ("b", "q2", 0), ("b", "q3", 0)]  # q1 is the most overdue
    assert asked[3:] == [("b", "q4", 0), ("b", "q5", 0)]


def test_daily_new_and_review_limits_hold_across_sessions(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 30)], new_per_day=4, reviews_per_day=3, **NO_AHEAD)
    s1 = eng.session(T0)
    assert s1.progress.new_left == 4
    s1.answer(s1.next_card(T0), Rating.Easy, T0)
    s1.answer(s1.next_card(T0), Rating.Easy, T0)
    s2 = eng.session(T0 + MINUTE)  # the same day: two new ones already used
    assert s2.progress.new_left == 2
    drain(s2, T0 + MINUTE, Rating.Easy)
    assert eng.session(T0 + MINUTE * 2).progress.new_left == 0
    tomorrow = eng.session(T0 + DAY)
    assert tomorrow.progress.new_left == 4
    # All four Easy cards are due within 60 days; the review limit caps them at 3.
    far = T0 + DAY * 60
    s = eng.session(far)
    assert (s.progress.review_left, s.progress.new_left) == (3, 4)
    drain(s, far, Rating.Good)
    assert eng.session(far + MINUTE).progress.review_left == 0


def test_cloze_siblings_are_buried_for_the_day(tmp_path):
    bank = make_bank("c", [{"id": "cz", "type": "cloze", "text": "{{c1::A}} then {{c2::B}} then {{c3::C}}"},
                           tf("t1")])
    eng = engine(tmp_path / "s.db", [bank], **NO_AHEAD)
    session = eng.session(T0)
    keys = [c.key for c in session._q.new]
    assert keys == [("c", "cz", 1), ("c", "t1", 0)]  # one cloze card a day
    drain(session, T0, Rating.Easy)
    assert [c.key for c in eng.session(T0 + MINUTE)._q.new] == []  # c2 stays buried today
    assert [c.key for c in eng.session(T0 + DAY)._q.new] == [("c", "cz", 2)]


def test_banks_are_interleaved_and_filters_apply(tmp_path):
    a = tf_bank("a", 3)
    b = make_bank("b", [tf("x1", tags=["geo"]), tf("x2"), tf("x3", tags=["geo"])])
    eng = engine(tmp_path / "s.db", [a, b])
    keys = [c.key[:2] for c in eng.session(T0)._q.new]
    assert keys == [("a", "q1"), ("b", "x1"), ("a", "q2"), ("b", "x2"), ("a", "q3"), ("b", "x3")]
    assert [c.key[1] for c in eng.session(T0, tags=["geo"])._q.new] == ["x1", "x3"]
    assert [c.key[1] for c in eng.session(T0, bank_ids=["a"])._q.new] == ["q1", "q2", "q3"]
    assert [c.key[1] for c in eng.session(T0, cards=[("b", "x2", 0)])._q.new] == ["x2"]


def test_learning_cards_come_back_when_due_and_early_when_idle(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 2)])  # learn ahead: 20 minutes
    session = eng.session(T0)
    first = session.next_card(T0)
    session.answer(first, Rating.Again, T0)  # back in 1 minute
    second = session.next_card(T0)
    assert second.key != first.key  # the new card comes first while the learning one is not due
    session.answer(second, Rating.Good, T0 + MINUTE * 2)  # due at +12m
    again = session.next_card(T0 + MINUTE * 2)
    assert again.key == first.key and again.state == "learning"  # due now: before anything else
    session.answer(again, Rating.Good, T0 + MINUTE * 2)  # due at +12m
    assert session.next_card(T0 + MINUTE * 2).key == second.key  # idle: learn ahead, earliest first
    strict = engine(tmp_path / "t.db", [tf_bank("b", 1)], **NO_AHEAD)
    s = strict.session(T0)
    s.answer(s.next_card(T0), Rating.Good, T0)
    assert s.next_card(T0) is None and s.next_due() == T0 + MINUTE * 10
    assert s.next_card(T0 + MINUTE * 10).key == ("b", "q1", 0)


def test_undo_restores_the_exact_previous_state(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 2)])
    key = ("b", "q1", 0)
    answer_once(eng, T0, Rating.Good)
    answer_once(eng, T0 + MINUTE * 10, Rating.Good)  # now in review
    review_time = T0 + DAY * 3
    session = eng.session(review_time)
    card = session.next_card(review_time)
    assert card.key == key and card.state == "review"
    before_row, before_log = card_row(eng.store, key), eng.store.query("SELECT count(*) FROM reviews")[0][0]
    before_progress = session.progress
    session.answer(card, Rating.Again, review_time, given=False)
    assert card_row(eng.store, key) != before_row
    back = session.undo(review_time + MINUTE)
    assert back.key == key
    assert card_row(eng.store, key) == before_row
    assert eng.store.query("SELECT count(*) FROM reviews")[0][0] == before_log
    assert session.progress == before_progress
    assert session.next_card(review_time + MINUTE).key == key  # asked again first
    assert session.undo(review_time) is None  # one answer, one undo


def test_undo_with_nothing_to_undo_and_after_a_concurrent_review(tmp_path):
    db = tmp_path / "s.db"
    eng1 = engine(db, [tf_bank("b", 1)])
    eng2 = engine(db, [tf_bank("b", 1)])
    s1, s2 = eng1.session(T0), eng2.session(T0)
    assert s1.undo(T0) is None
    card = s1.next_card(T0)
    s1.answer(card, Rating.Good, T0)
    s2.answer(s2.next_card(T0), Rating.Good, T0 + MINUTE)  # the other session reviewed it since
    assert s1.undo(T0 + MINUTE) is None  # its review is not thrown away
    assert eng1.store.query("SELECT count(*) FROM reviews")[0][0] == 2


def test_cram_changes_no_schedule_and_repeats_misses(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 3)])
    answer_once(eng, T0, Rating.Easy)
    rows = eng.store.query("SELECT * FROM cards ORDER BY id")
    session = eng.session(T0 + MINUTE, cram=True)
    assert session.progress.review_left == 3  # every selected card, whatever its state
    asked = []
    for rating in (Rating.Again, Rating.Good, Rating.Good, Rating.Good):
        card = session.next_card(T0 + MINUTE)
        asked.append(card.key[1])
        answered = session.answer(card, rating, T0 + MINUTE)
        assert answered.after == answered.before
    assert asked == ["q1", "q2", "q3", "q1"]  # the miss comes back at the end
    assert session.next_card(T0 + MINUTE) is None
    assert eng.store.query("SELECT * FROM cards ORDER BY id") == rows
    assert eng.store.query("SELECT count(*) FROM reviews WHERE cram = 1")[0][0] == 4
    assert eng.session(T0 + MINUTE * 2).progress.new_left == 2  # cram did not use today's new cards


def test_settings_are_validated():
    with pytest.raises(ValueError, match="retention"):
        Settings(desired_retention=0.5)
    with pytest.raises(ValueError, match="negative"):
        Settings(new_per_day=-1)


def test_higher_desired_retention_gives_shorter_intervals(tmp_path):
    lo = engine(tmp_path / "a.db", [tf_bank("b", 1)], desired_retention=0.80)
    hi = engine(tmp_path / "b.db", [tf_bank("b", 1)], desired_retention=0.97)
    assert answer_once(lo, T0, Rating.Easy).due > answer_once(hi, T0, Rating.Easy).due


def test_day_boundary_uses_day_start_hour(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("b", 5)], new_per_day=2, day_start_hour=4)
    late = T0.replace(hour=23)
    drain(eng.session(late), late, Rating.Easy)
    assert eng.session(late + timedelta(hours=4)).progress.new_left == 0  # 03:00: still the same study day
    assert eng.session(late + timedelta(hours=5)).progress.new_left == 2  # 04:00: a new day


def test_likely_next_is_the_next_card_whatever_the_rating_except_when_the_card_comes_back(tmp_path):
    for rating in Rating:
        eng = engine(tmp_path / f"{rating.name}.db", [tf_bank("b", 3)])
        session = eng.session(T0)
        first = session.next_card(T0)
        guess = session.likely_next(first, T0)
        session.answer(first, rating, T0)
        assert guess == session.next_card(T0) and guess.key != first.key
    # The guess leaves the answered card out; when it is the only one left and comes back, next_card says so.
    eng = engine(tmp_path / "one.db", [tf_bank("b", 1)])
    session = eng.session(T0)
    only = session.next_card(T0)
    assert session.likely_next(only, T0) is None
    session.answer(only, Rating.Again, T0)
    assert session.next_card(T0).key == only.key
    # A learning card that comes due is asked before the guessed new card: the guess was only a guess.
    eng = engine(tmp_path / "due.db", [tf_bank("b", 3)])
    session = eng.session(T0)
    session.answer(session.next_card(T0), Rating.Again, T0)  # learning, due at +1m
    second = session.next_card(T0)
    guess = session.likely_next(second, T0)
    assert guess.state == "new"
    session.answer(second, Rating.Good, T0 + MINUTE * 2)
    assert session.next_card(T0 + MINUTE * 2).state == "learning"


def test_a_reversed_flashcard_is_two_cards_the_second_buried_as_a_sibling(tmp_path):
    from quizapp.srs import check_answer
    card_data = {"id": "fc", "type": "flashcard", "front": "Hallyu", "back": "the Korean Wave", "reverse": True}
    bank = make_bank("f", [card_data, tf("t1")])
    eng = engine(tmp_path / "s.db", [bank], **NO_AHEAD)
    session = eng.session(T0)
    assert [c.key for c in session._q.new] == [("f", "fc", 0), ("f", "t1", 0)]
    forward = session.next_card(T0)
    result = check_answer(forward.question, forward.ord, "a note")
    assert result.self_graded and result.correct is None and result.suggested is None
    assert result.expected == "the Korean Wave"
    assert check_answer(forward.question, 1, None).expected == "Hallyu"
    session.answer(forward, Rating.Easy, T0, given="a note", result=result)
    assert eng.store.query("SELECT rating, correct FROM reviews") == [(4, 1)]  # the rating is the grade
    drain(session, T0, Rating.Easy)
    assert [c.key for c in eng.session(T0 + MINUTE)._q.new] == []  # the reverse card waits for tomorrow
    assert [c.key for c in eng.session(T0 + DAY)._q.new] == [("f", "fc", 1)]
