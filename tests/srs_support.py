"""Helpers for the study-engine tests: fixed times, small banks built in code, engines on a real store."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from quizapp.bank.models import Bank
from quizapp.srs import Engine, Settings, Store

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)  # a Saturday morning, well inside a UTC study day
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def tf(qid: str, answer: bool = True, **extra) -> dict:
    return {"id": qid, "type": "true_false", "prompt": f"Statement {qid}?", "answer": answer, **extra}


def bank_data(bank_id: str, questions: list[dict], **extra) -> dict:
    return {"id": bank_id, "title": f"Bank {bank_id}", "questions": questions, **extra}


def make_bank(bank_id: str, questions: list[dict], **extra) -> Bank:
    return Bank.model_validate(bank_data(bank_id, questions, **extra))


def tf_bank(bank_id: str, n: int, **extra) -> Bank:
    return make_bank(bank_id, [tf(f"q{i}") for i in range(1, n + 1)], **extra)


def settings(**overrides) -> Settings:
    """Test settings: no fuzz, UTC study day."""
    return Settings(**{"fuzz": False, "tz": timezone.utc, **overrides})


def engine(db: Path, banks, **overrides) -> Engine:
    return Engine(Store.open(db), banks, settings(**overrides))


def write_bank(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def card_row(store: Store, key) -> tuple:
    """Every column of a card's row, for exact before/after comparisons."""
    return store.query("SELECT * FROM cards WHERE bank_id = ? AND question_id = ? AND ord = ?", key)[0]


def drain(session, now, rating):
    """Answer every card the session offers at `now` with one rating; the keys in the order asked."""
    asked = []
    while (card := session.next_card(now)) is not None and len(asked) < 1000:
        session.answer(card, rating, now)
        asked.append(card.key)
    return asked
