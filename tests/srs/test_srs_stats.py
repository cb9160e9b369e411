"""Stats: counts by state, due today and forecast, reviews per day, true retention, per bank, hardest."""
from __future__ import annotations

import json
import subprocess
import sys

from tests_support import subprocess_env
from quizapp.srs import Rating, compute_stats
from srs_support import DAY, MINUTE, T0, bank_data, engine, settings, tf, tf_bank, write_bank


def test_figures_after_a_known_history(tmp_path):
    a, b = tf_bank("a", 4), tf_bank("b", 2)
    eng = engine(tmp_path / "s.db", [a, b], learn_ahead=MINUTE * 0)
    s = eng.session(T0)
    for _ in range(3):  # a/q1, b/q1, a/q2 graduate with Easy (8 days)
        s.answer(s.next_card(T0), Rating.Easy, T0)
    s.answer(s.next_card(T0), Rating.Again, T0)  # b/q2 into learning
    day8 = T0 + DAY * 8
    s8 = eng.session(day8)
    assert [c.key for c in s8._q.reviews] == [("a", "q1", 0), ("a", "q2", 0), ("b", "q1", 0)]  # due together
    assert s8.next_card(day8).key == ("b", "q2", 0)  # the overdue learning card comes first
    s8.answer(s8._q.reviews[0], Rating.Good, day8)  # a/q1 remembered
    s8.answer(s8._q.reviews[0], Rating.Again, day8)  # a/q2 forgotten: a lapse
    stats = compute_stats(eng.store, [a, b], day8, settings())
    assert (stats["cards_total"], stats["cards_new"], stats["cards_learning"], stats["cards_review"]) == (6, 2, 2, 2)
    assert stats["reviews_total"] == 6 and stats["reviews_today"] == 2
    assert stats["retention_30d"] == 0.5  # of the two review-state answers, one passed
    # Due today: a/q2 (relearning in 10 minutes), b/q1 (review), b/q2 (learning, overdue since day 0).
    assert stats["due_today"] == 3 and stats["forecast"][0] == {"date": "2025-03-09", "due": 3}
    assert len(stats["forecast"]) == 30 and sum(d["due"] for d in stats["forecast"]) == 3
    a_q1_due = eng.store.query("SELECT due FROM cards WHERE bank_id = 'a' AND question_id = 'q1'")[0][0]
    assert a_q1_due > (day8 + DAY * 30).timestamp() * 1e6  # beyond the 30-day forecast
    per_day = {d["date"]: d["count"] for d in stats["reviews_per_day"]}
    assert len(stats["reviews_per_day"]) == 30 and per_day["2025-03-01"] == 4 and per_day["2025-03-09"] == 2
    assert stats["reviews_per_day"][-1]["date"] == "2025-03-09"
    assert stats["banks"]["a"] == {"title": "Bank a", "cards_total": 4, "cards_new": 2, "cards_learning": 1,
                                   "cards_review": 1, "due_today": 1, "reviews_30d": 4, "retention_30d": 0.5,
                                   "last_studied": day8.isoformat()}
    assert stats["banks"]["b"]["retention_30d"] is None  # no review-state answer in b yet
    assert stats["banks"]["b"]["last_studied"] == T0.isoformat()  # b was last reviewed on day 0
    assert stats["hardest"] == [{"bank": "a", "question": "q2", "ord": 0, "lapses": 1, "prompt": "Statement q2?"}]
    only_a = compute_stats(eng.store, [a], day8, settings())
    assert only_a["cards_total"] == 4 and list(only_a["banks"]) == ["a"] and only_a["reviews_total"] == 4


def test_cram_and_removed_cards_do_not_count(tmp_path):
    eng = engine(tmp_path / "s.db", [tf_bank("a", 2)])
    s = eng.session(T0, cram=True)
    s.answer(s.next_card(T0), Rating.Good, T0)
    stats = compute_stats(eng.store, list(eng.banks.values()), T0, settings())
    assert stats["reviews_total"] == 0 and stats["cards_new"] == 2
    eng2 = engine(tmp_path / "s.db", [tf_bank("a", 1)])
    assert compute_stats(eng2.store, list(eng2.banks.values()), T0, settings())["cards_total"] == 1


def test_stats_command_json_and_table(tmp_path):
    bank = write_bank(tmp_path / "b.yaml", bank_data("cli", [tf("x"), tf("y")]))
    db = tmp_path / "s.sqlite3"
    env = subprocess_env()
    subprocess.run([sys.executable, "-m", "quizapp", "study", "--plain", "--db", str(db), str(bank)],
                   input="t\n4\n", text=True, capture_output=True, env=env, timeout=60, check=True)
    run = [sys.executable, "-m", "quizapp", "stats", "--db", str(db)]
    proc = subprocess.run([*run, "--json", str(bank)], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in ("cards_total", "cards_new", "due_today", "reviews_total", "reviews_today", "retention_30d",
                "forecast", "banks"):
        assert key in data
    assert (data["cards_total"], data["cards_new"], data["reviews_total"], data["reviews_today"]) == (2, 1, 1, 1)
    table = subprocess.run([*run, str(bank)], capture_output=True, text=True, env=env, timeout=60)
    assert table.returncode == 0
    first = table.stdout.splitlines()[1].split()
    assert first[:4] == ["cli", "2", "1", "0"]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00" * 64)
    proc = subprocess.run([sys.executable, "-m", "quizapp", "stats", "--db", str(bad)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 1 and "not a quizapp review store" in proc.stderr and "Traceback" not in proc.stderr


def test_flashcards_count_by_their_ratings_and_show_their_side_when_hardest(tmp_path):
    from quizapp.srs.stats import _hard_entry
    from srs_support import make_bank
    bank = make_bank("f", [{"id": "fc", "type": "flashcard", "front": "Hallyu", "back": "the Korean Wave",
                            "reverse": True}])
    eng = engine(tmp_path / "s.db", [bank], learn_ahead=MINUTE * 0)
    s = eng.session(T0)
    s.answer(s.next_card(T0), Rating.Easy, T0)
    later = T0 + DAY * 30
    s = eng.session(later)
    forward = s.next_card(later)
    assert forward.key == ("f", "fc", 0) and [c.key for c in s._q.new] == []  # the reverse card is buried
    s.answer(forward, Rating.Again, later)  # a lapse, graded by the learner
    stats = compute_stats(eng.store, [bank], later, settings())
    assert stats["cards_total"] == 2 and stats["retention_30d"] == 0.0
    assert stats["hardest"] == [{"bank": "f", "question": "fc", "ord": 0, "lapses": 1, "prompt": "Hallyu"}]
    assert _hard_entry({"f": bank}, 2, "f", "fc", 1)["prompt"] == "the Korean Wave"  # the reverse card's side


def test_stats_json_keeps_its_key_order(tmp_path):
    # `quizapp stats --json` prints the dict as built: scripts reading it see these keys in this order.
    eng = engine(tmp_path / "s.db", [tf_bank("a", 2)])
    s = eng.session(T0)
    s.answer(s.next_card(T0), Rating.Good, T0)
    stats = compute_stats(eng.store, list(eng.banks.values()), T0, settings())
    assert list(stats) == ["cards_total", "cards_new", "cards_learning", "cards_review", "due_today", "cards_retired",
                           "reviews_total", "reviews_today", "retention_30d", "forecast", "reviews_per_day", "banks",
                           "hardest"]
    assert list(stats["banks"]["a"]) == ["title", "cards_total", "cards_new", "cards_learning", "cards_review",
                                         "due_today", "reviews_30d", "retention_30d", "last_studied"]
    assert list(stats["forecast"][0]) == ["date", "due"] and list(stats["reviews_per_day"][0]) == ["date", "count"]
