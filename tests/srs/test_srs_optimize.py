"""FSRS fitted to a learner's reviews: better predictions on held-out reviews, saved in the store, used after."""
from __future__ import annotations

import random
import subprocess
import sys
from datetime import timedelta, timezone

import pytest
from fsrs import Card, Rating, Scheduler

pytest.importorskip("fsrs_rs_python")

from fsrs_simulation import TRUE, recalled, rating_for, simulate  # noqa: E402
from quizapp.srs import Engine, Store  # noqa: E402
from quizapp.srs.optimize import (NotEnoughReviews, build_items, evaluate, fit, reschedule, save_fit,  # noqa: E402
                                  store_reviews, stored_parameters)
from srs_support import DAY, T0, settings, tf_bank  # noqa: E402
from tests_support import subprocess_env  # noqa: E402

UTC = settings(tz=timezone.utc)


def test_the_fit_predicts_held_out_reviews_better_than_the_defaults():
    train, held_out = simulate(600, seed=1), simulate(300, seed=2)
    result = fit(train, UTC)
    assert result.after.log_loss < result.before.log_loss and result.after.rmse < result.before.rmse
    judged = build_items(held_out, UTC, last_on_a_new_day=True)
    default, fitted = evaluate(None, judged), evaluate(result.parameters, judged)
    assert fitted.log_loss < default.log_loss - 0.01
    assert fitted.rmse < default.rmse * 0.8
    # The simulated learner forgets fast: the fitted first-day stabilities are nearer the true ones.
    assert all(abs(f - t) < abs(d - t) for f, t, d in zip(result.parameters[:3], TRUE[:3], Scheduler().parameters))


def test_too_few_reviews_are_refused_with_the_numbers():
    with pytest.raises(NotEnoughReviews, match=r"at least 100 are needed"):
        fit(simulate(5, seed=3), UTC)


def _study(eng: Engine, days: int, seed: int) -> None:
    """A simulated learner studies every day: each card it is offered, remembered by the TRUE model."""
    rnd, truth, known = random.Random(seed), Scheduler(parameters=TRUE, enable_fuzzing=False), {}
    for day in range(days):
        now = T0 + day * DAY
        session = eng.session(now)
        while (card := session.next_card(now)) is not None:
            first = card.card_id not in known
            memory = known.setdefault(card.card_id, Card(card_id=card.card_id, due=now))
            rating = rating_for(first, not first and recalled(truth, memory, now, rnd), rnd)
            known[card.card_id], _ = truth.review_card(memory, Rating(rating), now)
            session.answer(card, Rating(rating), now)
            now += timedelta(seconds=20)


@pytest.fixture(scope="module")
def studied_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("opt") / "s.db"
    eng = Engine(Store.open(path), [tf_bank("b", 120)], settings(new_per_day=30))
    _study(eng, 40, seed=5)
    eng.store.close()
    return path


def test_a_saved_fit_reschedules_cards_and_later_sessions_use_it(studied_store, tmp_path):
    path = tmp_path / "copy.db"
    path.write_bytes(studied_store.read_bytes())
    store = Store.open(path)
    reviews = store_reviews(store)
    result = fit(reviews, settings())
    before = dict(store.query("SELECT id, due FROM cards WHERE state != 0"))
    save_fit(store, result, T0 + 40 * DAY)
    assert stored_parameters(store) == result.parameters
    eng = Engine(store, [tf_bank("b", 120)], settings())
    assert eng.settings.parameters == result.parameters  # the engine picks up the store's fit
    assert reschedule(store, eng.settings) == len(before)
    after = dict(store.query("SELECT id, due FROM cards WHERE state != 0"))
    assert sum(after[c] != before[c] for c in before) > len(before) // 2  # the forgetful learner's cards move
    assert store.query("SELECT count(*) FROM reviews")[0][0] == len(reviews)  # history untouched


def test_optimize_command_end_to_end(studied_store, tmp_path):
    path = tmp_path / "copy.db"
    path.write_bytes(studied_store.read_bytes())
    env = subprocess_env(QUIZAPP_DB=str(path))

    def run(*args):
        return subprocess.run([sys.executable, "-m", "quizapp", "optimize", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    dry = run("--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "defaults: log loss" in dry.stdout and "fitted:   log loss" in dry.stdout and "nothing saved" in dry.stdout
    assert Store.open(path).query("SELECT count(*) FROM fsrs_fit")[0][0] == 0
    done = run()
    assert done.returncode == 0 and "rescheduled" in (done.stdout + done.stderr)
    empty = subprocess.run([sys.executable, "-m", "quizapp", "optimize"], capture_output=True, text=True,
                           env=subprocess_env(QUIZAPP_DB=str(tmp_path / "new.db")), timeout=60)
    assert empty.returncode == 1 and "not enough reviews" in empty.stderr and "Traceback" not in empty.stderr


def test_workload_grows_with_the_desired_retention():
    from quizapp.srs.workload import estimate
    low, base, high = (estimate(r, new_per_day=20, cards=400) for r in (0.8, 0.9, 0.95))
    assert low.reviews_per_day < base.reviews_per_day < high.reviews_per_day
    assert low.remembered < base.remembered < high.remembered <= 400
    assert "1.00x the workload at 90%" in base.describe(base)
    assert estimate(0.9, new_per_day=20, cards=400) == base  # seeded: the same settings show the same figure
