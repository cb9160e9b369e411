"""`export anki --with-progress`: schedules, FSRS memory and review history arrive in the real Anki backend."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from fsrs import Rating
from progress_support import (NOW, anki_card, fsrs_on, fuzz_range, import_with_progress, load_bank, review, settings,
                              study, write_bank)

from quizapp.cli import main
from quizapp.export.schedule import ScheduleOptions, anki_day
from quizapp.srs import Engine, Store
from quizapp.srs.progress import card_progress
from quizapp.srs.scheduler import apply_rating, make_scheduler
from quizapp.srs.clock import to_us

pytestmark = pytest.mark.slow  # drives a real Anki collection


def export(db, bank_path, out, state) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), "export", "anki", str(bank_path), "-o", str(out),
                                       "--state", str(state), "--with-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def studied(tmp_path):
    """A bank studied in quizapp: (bank path, store path, progress by key)."""
    bank_path = write_bank(tmp_path)
    db = tmp_path / "store.sqlite3"
    study(db, load_bank(bank_path))
    with Store.open(db) as store:
        progress = card_progress(store)
    return bank_path, db, progress


@pytest.fixture
def in_anki(studied, tmp_path, anki_collection):
    """The studied bank exported with progress and imported into Anki with FSRS on: (progress, collection)."""
    bank_path, db, progress = studied
    export(db, bank_path, tmp_path / "p.apkg", tmp_path / "state.json")
    fsrs_on(anki_collection)
    import_with_progress(anki_collection, tmp_path / "p.apkg")
    return progress, anki_collection


def revlog_count(col, cid: int) -> int:
    return col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", cid)


def test_schedules_memory_and_reviews_arrive(in_anki):
    progress, col = in_anki
    options = ScheduleOptions()
    today = anki_day(to_us(NOW), options)
    assert len(progress) == 6
    for (_, qid, ord), p in progress.items():
        card = anki_card(col, qid, ord)
        ours = p.state
        assert (card.type, card.reps, card.lapses) == (ours.state, ours.reps, ours.lapses), qid
        if ours.state == 2:  # review: due date and interval in days
            assert card.queue == 2
            assert card.due - col.sched.today == anki_day(ours.due_us, options) - today, qid
            assert card.ivl == anki_day(ours.due_us, options) - anki_day(ours.last_review_us, options), qid
        else:  # (re)learning: due to the second
            assert (card.queue, card.due) == (1, ours.due_us // 1_000_000), qid
        assert card.memory_state.stability == pytest.approx(ours.stability, abs=1e-4), qid
        assert card.memory_state.difficulty == pytest.approx(ours.difficulty, abs=1e-3), qid
        assert revlog_count(col, card.id) == len(p.reviews) > 0, qid
    for qid, ord in (("q5", 0), ("gaps", 2), ("both-ways", 0)):  # unstudied cards stay new
        assert anki_card(col, qid, ord).type == 0, qid


def test_ankis_next_intervals_agree_with_ours(in_anki):
    progress, col = in_anki
    scheduler = make_scheduler(settings(), fuzz=False)
    checked = 0
    for (_, qid, ord), p in progress.items():
        card = anki_card(col, qid, ord)
        states = col._backend.get_scheduling_states(card.id)
        previous = 0  # Anki keeps hard < good < easy and, when an interval grows, above the last one
        for rating, state in zip(Rating, (states.again, states.hard, states.good, states.easy)):
            ours = apply_rating(scheduler, 1, p.state, rating, NOW)
            kind = state.normal.WhichOneof("kind")
            inner = getattr(state.normal, kind)
            memory = (inner.learning if kind == "relearning" else inner).memory_state
            assert memory.stability == pytest.approx(ours.stability, rel=2e-3), (qid, rating)
            assert memory.difficulty == pytest.approx(ours.difficulty, rel=2e-3), (qid, rating)
            if kind == "review":
                assert ours.state == 2, (qid, rating)
                days = (ours.due_us - to_us(NOW)) / 86_400e6
                # At 90% desired retention FSRS's interval is the stability itself; py-fsrs rounds it to whole
                # days, Anki fuzzes around the unrounded value.
                assert days == max(1, round(ours.stability)), (qid, rating)
                days = ours.stability
                minimum = max(previous + 1, card.ivl + 1 if card.type == 2 and round(days) > card.ivl else 1)
                low, high = fuzz_range(days, minimum)
                # (a relearning card graduates under further limits of Anki's own; its memory is checked above)
                assert card.type == 3 or low <= inner.scheduled_days <= high, (qid, rating, days, inner.scheduled_days)
                previous = inner.scheduled_days if card.type == 2 else 0
            else:  # learning or relearning: the step in seconds
                inner = inner.learning if kind == "relearning" else inner
                assert ours.state in (1, 3), (qid, rating)
                assert inner.scheduled_secs == pytest.approx((ours.due_us - to_us(NOW)) / 1e6, abs=1), (qid, rating)
            checked += 1
    assert checked == 24


def test_a_card_suspended_in_quizapp_is_suspended_in_anki(studied, tmp_path, anki_collection):
    bank_path, db, progress = studied
    result = CliRunner().invoke(main, ["--db", str(db), "--library", str(bank_path.parent), "cards", "bank:travel",
                                       "id:q3", "--suspend"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    export(db, bank_path, tmp_path / "p.apkg", tmp_path / "state.json")
    import_with_progress(anki_collection, tmp_path / "p.apkg")
    q3, q1 = anki_card(anki_collection, "q3"), anki_card(anki_collection, "q1")
    assert (q3.queue, q3.type, q3.ivl > 0) == (-1, 2, True) and q1.queue == 2


def test_reexport_adds_only_new_reviews_and_moves_the_schedule(studied, tmp_path, anki_collection):
    bank_path, db, progress = studied
    export(db, bank_path, tmp_path / "first.apkg", tmp_path / "state.json")
    col = anki_collection
    fsrs_on(col)
    import_with_progress(col, tmp_path / "first.apkg")
    first = anki_card(col, "q4")
    engine = Engine(Store.open(db), [load_bank(bank_path)], settings())
    review(engine, ("travel", "q4", 0), Rating.Good, NOW)  # q4 graduates
    engine.store.close()
    export(db, bank_path, tmp_path / "second.apkg", tmp_path / "state.json")
    # Anki's importer leaves cards it already has alone; the documented way is to delete the notes in Anki
    # and import again: their old reviews are still in Anki's revlog, the package's copies must not double them.
    import_with_progress(col, tmp_path / "second.apkg")
    assert anki_card(col, "q4").type == 1 and revlog_count(col, first.id) == 1  # Anki kept its own card
    col.remove_notes(col.find_notes("tag:quizapp::travel"))
    total_before = col.db.scalar("SELECT count() FROM revlog")
    import_with_progress(col, tmp_path / "second.apkg")
    again = anki_card(col, "q4")
    assert (again.type, again.queue, again.reps) == (2, 2, 2)
    assert revlog_count(col, again.id) == 2
    assert col.db.scalar("SELECT count() FROM revlog") == total_before + 1  # only the one new review
