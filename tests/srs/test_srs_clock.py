"""The engine's time helpers (srs/clock.py): moments as stored integers, and `now` in any zone checked once."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from quizapp.srs import Rating
from quizapp.srs.clock import from_us, require_utc, span_us, to_us, utc_now
from srs_support import DAY, MINUTE, T0, card_row, engine, tf_bank

SEOUL = timezone(timedelta(hours=9))


def test_moments_round_trip_through_microseconds_exactly():
    for moment in (T0, T0 + timedelta(microseconds=1), datetime(1969, 12, 31, 23, 59, 59, 999999, timezone.utc),
                   datetime(2400, 2, 29, 12, tzinfo=timezone.utc), T0.astimezone(SEOUL)):
        assert from_us(to_us(moment)) == moment
        assert from_us(to_us(moment)).tzinfo is timezone.utc
    assert to_us(None) is None and from_us(None) is None
    for span in (timedelta(0), MINUTE, -MINUTE, DAY * 36500 + timedelta(microseconds=7), timedelta(microseconds=-1)):
        assert span_us(span) == span // timedelta(microseconds=1)


def test_naive_times_are_refused_and_any_zone_is_read_as_utc():
    with pytest.raises(ValueError, match="timezone-aware"):
        require_utc(datetime(2025, 3, 1, 9))
    with pytest.raises(ValueError, match="timezone-aware"):
        to_us(datetime(2025, 3, 1, 9))
    seoul = T0.astimezone(SEOUL)
    assert require_utc(seoul) == T0 and require_utc(seoul).tzinfo is timezone.utc
    now = utc_now()
    assert now.tzinfo is timezone.utc and abs(now - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_a_session_on_a_clock_in_another_zone_records_what_a_utc_clock_does(tmp_path):
    # Session.answer turns `now` into UTC once; the scheduler below it takes UTC as given (fsrs insists).
    stores = {}
    for name, zone in (("utc", timezone.utc), ("seoul", SEOUL)):
        eng = engine(tmp_path / f"{name}.db", [tf_bank("b", 2)])
        now = T0.astimezone(zone)
        for rating in (Rating.Good, Rating.Again, Rating.Easy, Rating.Good):
            session = eng.session(now)
            card = session.next_card(now)
            assert card is not None
            assert set(session.intervals(card, now)) == set(Rating)
            session.answer(card, rating, now)
            now += MINUTE * 11
        stores[name] = ([card_row(eng.store, ("b", q, 0)) for q in ("q1", "q2")],
                        eng.store.query("SELECT card_id, reviewed_at, rating, before_json, after_json FROM reviews"))
    assert stores["seoul"] == stores["utc"]
    assert len(stores["utc"][1]) == 4
