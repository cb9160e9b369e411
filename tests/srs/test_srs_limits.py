"""Daily limits per bank under an overall cap, the limit that held cards back, and studying more today."""
from __future__ import annotations

from fsrs import Rating

from srs_support import DAY, MINUTE, T0, drain, engine, tf_bank

NO_AHEAD = {"learn_ahead": MINUTE * 0}


def test_a_bank_keeps_its_own_new_limit_after_another_bank_used_its_own(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 30), tf_bank("b", 11)], new_per_day=20, **NO_AHEAD)
    drain(eng.session(T0, bank_ids=["a"]), T0, Rating.Easy)  # 20 new cards in bank a
    a_again = eng.session(T0 + MINUTE, bank_ids=["a"])
    assert a_again.progress.new_left == 0
    [hit] = a_again.limits
    assert hit.describe() == "the daily limit of 20 new cards per bank (reached in: Bank a)"
    b = eng.session(T0 + MINUTE, bank_ids=["b"])
    assert b.progress.new_left == 11 and b.limits == []


def test_the_overall_cap_holds_across_banks_and_is_named(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 9), tf_bank("b", 9)], new_per_day=5, new_per_day_total=7,
                 **NO_AHEAD)
    first = eng.session(T0)
    assert [c.key[0] for c in first._q.new] == ["a", "b", "a", "b", "a", "b", "a"]
    # Both banks had 5 to give, the cap cut them to 7: the cap is the limit that bit.
    assert [h.describe() for h in first.limits] == ["the daily limit of 7 new cards for all banks together"]
    drain(first, T0, Rating.Easy)
    later = eng.session(T0 + MINUTE, bank_ids=["b"])  # b used 3 of its 5, but all banks used 7 of 7
    assert later.progress.new_left == 0
    assert [h.scope for h in later.limits] == ["total"]


def test_review_limits_per_bank(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 4), tf_bank("b", 4)], reviews_per_day=2, **NO_AHEAD)
    drain(eng.session(T0), T0, Rating.Easy)
    far = T0 + DAY * 60
    s = eng.session(far)
    assert s.progress.review_left == 4 and [h.describe() for h in s.limits] == [
        "the daily limit of 2 reviews per bank (reached in: Bank a, Bank b)"]


def test_study_more_extra_new_cards_and_review_ahead(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 30)], new_per_day=5, **NO_AHEAD)
    drain(eng.session(T0), T0, Rating.Easy)
    assert eng.session(T0 + MINUTE).progress.new_left == 0
    more = eng.session(T0 + MINUTE, extra_new=3)
    assert more.progress.new_left == 3
    drain(more, T0 + MINUTE, Rating.Easy)
    # Tomorrow nothing is due (Easy gave days); reviewing 30 days ahead offers today's eight cards, nothing new.
    tomorrow = T0 + DAY
    assert eng.session(tomorrow).progress.review_left == 0
    ahead = eng.session(tomorrow, ahead=DAY * 30)
    assert (ahead.progress.review_left, ahead.progress.new_left) == (8, 0)
    answered = ahead.answer(ahead.next_card(tomorrow), Rating.Good, tomorrow)
    assert answered.after.due_us > answered.before.due_us  # answered early: rescheduled from today


def test_no_limit_named_when_nothing_was_held_back(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 3)], new_per_day=3, **NO_AHEAD)
    assert eng.session(T0).limits == []


def test_line_mode_names_the_limit_and_the_flag_to_go_on(tmp_path):
    import subprocess
    import sys

    from srs_support import bank_data, tf, write_bank
    from tests_support import subprocess_env
    path = write_bank(tmp_path / "b.yaml", bank_data("b", [tf("t1"), tf("t2"), tf("t3")]))

    def study(*flags):
        return subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", "--db", str(tmp_path / "s.db"),
                               *flags, str(path)], input="t\n4\n" * 3, capture_output=True, text=True, timeout=60,
                              env=subprocess_env()).stdout

    first = study("--new", "1")
    assert first.count("saved (review") == 1
    assert ("More cards wait today, held back by the daily limit of 1 new card per bank (reached in: Bank b). "
            "To study more today, start again with --new 21 (or raise it in Settings).") in first
    assert study("--new", "5", "--new-total", "1").count("saved (review") == 0  # the cap: 1 in all, used
    assert study("--new", "5").count("saved (review") == 2
