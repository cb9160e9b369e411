"""Helpers for the progress-travel tests: a small bank studied in quizapp, and Anki with FSRS on our parameters."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from fsrs import Rating

from quizapp.srs import Engine, Settings, Store
from quizapp.srs.scheduler import make_scheduler

BANK = """\
id: travel
title: Travel
questions:
  - {id: q1, type: true_false, prompt: One?, answer: true}
  - {id: q2, type: true_false, prompt: Two?, answer: true}
  - {id: q3, type: true_false, prompt: Three?, answer: false}
  - {id: q4, type: true_false, prompt: Four?, answer: true}
  - {id: q5, type: true_false, prompt: Five?, answer: true}
  - {id: gaps, type: cloze, text: "{{c1::Alpha}} then {{c2::Beta}}."}
  - {id: both-ways, type: flashcard, front: Up, back: Down, reverse: true}
"""

# Real time: Anki schedules from its own clock, so quizapp's history ends just before now.  Whole days plus a
# minute apart, so both count the same elapsed days.
NOW = datetime.now(timezone.utc).replace(microsecond=0)
DAY, MINUTE = timedelta(days=1), timedelta(minutes=1)

STEP = 10 / 1440  # the second learning step, in days

# Anki counts elapsed days in study days, py-fsrs in whole 24 hours: each card's last review is whole days (and a
# minute) before now, where both count the same.
# (question id, ord, [(days before now, rating)]): a review card, a lapsed one, one learnt with Easy,
# one still in learning, a cloze deletion, a reversed flashcard's second card; q5, the second deletion and
# the flashcard's first card stay new.
HISTORIES = [
    ("q1", 0, [(9 + STEP, Rating.Good), (9, Rating.Good), (6, Rating.Hard)]),
    ("q2", 0, [(12 + STEP, Rating.Good), (12, Rating.Good), (9, Rating.Again)]),
    ("q3", 0, [(5, Rating.Easy)]),
    ("q4", 0, [(0.01, Rating.Good)]),
    ("gaps", 1, [(4 + STEP, Rating.Good), (4, Rating.Easy)]),
    ("both-ways", 1, [(3, Rating.Easy)]),  # the reversed card only
]


def settings() -> Settings:
    """The learner's settings as `quizapp export` reads them (system time zone), without fuzz for the test."""
    return Settings(fuzz=False)


def write_bank(folder: Path) -> Path:
    path = folder / "travel.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def load_bank(path: Path):
    from quizapp.bank.loader import load_paths
    results, problems = load_paths([path])
    assert not problems
    return results[0].bank


def review(engine: Engine, key, rating: Rating, at: datetime, seconds: float = 7.5) -> None:
    """Answer one card through a real study session at `at` (it must be due then)."""
    session = engine.session(at, cards=[key])
    card = session.next_card(at)
    assert card is not None and card.key == key, f"{key} is not due at {at}"
    session.answer(card, rating, at, duration=seconds)


def study(db: Path, bank, histories=HISTORIES) -> None:
    """Play the histories into the store at db, oldest review first."""
    engine = Engine(Store.open(db), [bank], settings())
    steps = sorted((NOW - days * DAY - MINUTE, (bank.id, qid, ord), rating)
                   for qid, ord, reviews in histories for days, rating in reviews)
    for at, key, rating in steps:
        review(engine, key, rating, at)
    engine.store.close()


def fsrs_on(col, desired_retention: float = 0.9) -> None:
    """Turn Anki's FSRS on with py-fsrs's default parameters for every deck preset."""
    from anki.config import Config
    col.set_config("fsrs", True)
    # The load balancer moves intervals by the day's workload, beyond fuzz: off, so intervals can be compared.
    col.set_config_bool(Config.Bool.LOAD_BALANCER_ENABLED, False)
    params = list(make_scheduler(settings()).parameters)
    for conf in col.decks.all_config():
        conf["fsrsParams6"] = params
        conf["desiredRetention"] = desired_retention
        col.decks.update_config(conf)


def import_with_progress(col, apkg: Path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False)
    request = ImportAnkiPackageRequest(package_path=str(Path(apkg).resolve()), options=options)
    return col.import_anki_package(request).log


def anki_card(col, qid: str, ord: int = 0):
    """The Anki card of a quizapp question (ord is quizapp's: the cloze number for the cloze "gaps")."""
    (nid,) = col.find_notes(f'"ID:travel/{qid}"')
    note = col.get_note(nid)
    return next(c for c in note.cards() if c.ord == (ord - 1 if qid == "gaps" else ord))


def fuzz_range(days: float, minimum: int, maximum: int = 36500) -> tuple[int, int]:
    """Where Anki's fuzz may put an interval of `days` (rslib's fuzz ranges, raised to `minimum`)."""
    delta = 0.0 if days < 2.5 else 1.0 + sum(f * max(min(days, end) - start, 0.0) for start, end, f in
                                              ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, float("inf"), 0.05)))
    low, high = (min(max(round(x), minimum), maximum) for x in (days - delta, days + delta))
    return low, (high + 1 if high == low and 2 < high < maximum else high)
