"""Makes the README's screenshots from the app itself: library.svg, card-answered.svg, stats.svg.

    python docs/screenshots/make_screenshots.py

Uses the bundled decks, a throw-away store with three weeks of simulated study, and a fixed clock.
"""
from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=timezone.utc)
SIZE = (100, 32)


def simulate_history(banks) -> None:
    """Three weeks of daily sessions, mostly right, so the stats have something to show."""
    import random

    from quizapp.srs import Engine, Settings, Store, check_answer
    rng = random.Random(3)
    settings = Settings(fuzz=False, tz=timezone.utc, new_per_day=12)
    with Store.open(None) as store:
        engine = Engine(store, banks, settings)
        for days_ago in range(21, 0, -1):
            now = NOW - timedelta(days=days_ago, hours=rng.randint(0, 4))
            session = engine.session(now, bank_ids=[banks[0].id, banks[1].id])
            for _ in range(rng.randint(8, 25)):
                card = session.next_card(now)
                if card is None:
                    break
                rating = 1 if rng.random() < 0.15 else 3
                session.answer(card, rating, now, result=check_answer(card.question, card.ord, None))
                now += timedelta(seconds=rng.randint(8, 40))


async def shoot(app, name: str, steps) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await steps(pilot)
        await pilot.pause(0.3)
        app.save_screenshot(filename=name, path=str(HERE))
    print("wrote", HERE / name)


async def wait_for(pilot, predicate) -> None:
    for _ in range(500):
        if predicate():
            return
        await pilot.pause(0.02)
    raise SystemExit("the app did not get there")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(QUIZAPP_DB=f"{tmp}/db.sqlite3", QUIZAPP_CONFIG_DIR=f"{tmp}/config",
                          QUIZAPP_CACHE_DIR=f"{tmp}/cache")
        os.chdir(ROOT)
        from quizapp.bank import load_paths
        from quizapp.bank.library import bundled_decks_dir
        from quizapp.tui.app import QuizApp
        from tests.tui.driving import answer, card_ready

        decks = Path(os.path.relpath(bundled_decks_dir(), ROOT))
        results, _ = load_paths([decks])
        banks = [r.bank for r in results if r.ok]
        simulate_history(banks)

        def make(**kwargs):
            return QuizApp(clock=lambda: NOW, seed=5, only_paths=[decks],
                           options={"fuzz": False, "tz": timezone.utc}, **kwargs)

        async def library(pilot):
            await wait_for(pilot, lambda: getattr(pilot.app.screen, "counts", None))
            await pilot.press("down")

        async def card(pilot):
            await wait_for(pilot, lambda: card_ready(pilot.app))
            while pilot.app.screen.query_one("CardView").question.type != "multiple_choice":
                await answer(pilot, True)
                await pilot.press("3")
                await wait_for(pilot, lambda: card_ready(pilot.app))
            await answer(pilot, True)

        async def stats(pilot):
            await wait_for(pilot, lambda: getattr(pilot.app.screen, "counts", None))
            await pilot.press("s")
            await wait_for(pilot, lambda: pilot.app.screen.query("BarChart"))

        asyncio.run(shoot(make(), "library.svg", library))
        asyncio.run(shoot(make(start="study", banks=banks[2:3]), "card-answered.svg", card))
        asyncio.run(shoot(make(), "stats.svg", stats))


if __name__ == "__main__":
    main()
