"""SVG snapshots (pytest-textual-snapshot) of every screen at 80x24 and of each question type answered."""
from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from quizapp.bank import load_bank
from quizapp.tui.screens.library import LibraryScreen
from quizapp.tui.screens.score import ScoreScreen

from .conftest import ALL_TYPES, BROKEN, MARKUP, NOW
from .driving import answer, card_ready, wait_for

SIZE = (80, 24)
TYPES = ["multiple_choice", "true_false", "short_answer", "numeric", "cloze", "ordering", "matching"]


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Work in a folder with relative paths, so paths shown on screen are the same on every machine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", "config")
    folder = tmp_path / "library"
    folder.mkdir()
    for source in (ALL_TYPES, MARKUP, BROKEN):
        shutil.copy(source, folder / source.name)
    return tmp_path


def one_question(qtype: str, multiple: bool = False):
    bank = load_bank(ALL_TYPES)
    q = next(q for q in bank.questions if q.type == qtype and getattr(q, "multiple", False) == multiple)
    return bank.model_copy(update={"questions": (q,)})


async def library_loaded(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen) and bool(app.screen.counts))
    await pilot.pause()


def test_library(snap_compare, make_app, here):
    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, run_before=library_loaded)


def test_library_light_theme_invalid_bank(snap_compare, make_app, here):
    (here / "config").mkdir()
    (here / "config" / "settings.json").write_text('{"theme": "light"}')

    async def run_before(pilot):
        await library_loaded(pilot)
        await pilot.press("down", "down")

    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, run_before=run_before)


def test_library_search(snap_compare, make_app, here):
    async def run_before(pilot):
        await library_loaded(pilot)
        await pilot.press("slash", "e", "v", "e", "r", "y")

    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, run_before=run_before)


def test_study_question(snap_compare, make_app, here):
    async def run_before(pilot):
        await wait_for(pilot, lambda: card_ready(pilot.app))

    assert snap_compare(make_app(start="study", banks=[load_bank(ALL_TYPES)]), terminal_size=SIZE,
                        run_before=run_before)


@pytest.mark.parametrize("qtype", TYPES + ["select_all"])
def test_answered(snap_compare, make_app, here, qtype):
    """Each type answered: right for even-numbered types, wrong for the others, so both looks are kept."""
    bank = one_question("multiple_choice", True) if qtype == "select_all" else one_question(qtype)
    correct = (TYPES + ["select_all"]).index(qtype) % 2 == 0

    async def run_before(pilot):
        await wait_for(pilot, lambda: card_ready(pilot.app))
        await answer(pilot, correct)

    assert snap_compare(make_app(start="study", banks=[bank]), terminal_size=SIZE, run_before=run_before)


def test_session_summary(snap_compare, make_app, here, clock):
    async def run_before(pilot):
        await wait_for(pilot, lambda: card_ready(pilot.app))
        for _ in range(2):
            await answer(pilot, True)
            clock.now += timedelta(seconds=40)
            await pilot.press("4")
            await wait_for(pilot, lambda: card_ready(pilot.app) or bool(pilot.app.screen.query("SessionSummary")))

    bank = load_bank(ALL_TYPES)
    small = bank.model_copy(update={"questions": bank.questions[:2]})
    assert snap_compare(make_app(start="study", banks=[small]), terminal_size=SIZE, run_before=run_before)


def test_quiz_question(snap_compare, make_app, here):
    async def run_before(pilot):
        await wait_for(pilot, lambda: card_ready(pilot.app))

    app = make_app(start="quiz", banks=[load_bank(ALL_TYPES)], options={"count": 5})
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quiz_score(snap_compare, make_app, here):
    async def run_before(pilot):
        for n in range(3):
            await wait_for(pilot, lambda: card_ready(pilot.app))
            await answer(pilot, n == 1)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ScoreScreen))

    app = make_app(start="quiz", banks=[load_bank(ALL_TYPES)], options={"count": 3})
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_stats(snap_compare, make_app, here):
    from quizapp.srs import Engine, Settings, Store, check_answer
    from datetime import timezone
    bank = load_bank(ALL_TYPES)
    settings = Settings(fuzz=False, tz=timezone.utc)
    with Store.open(None) as store:
        engine = Engine(store, [bank], settings)
        for days_ago, rating in ((9, 3), (6, 3), (3, 1), (2, 4), (1, 3)):
            now = NOW - timedelta(days=days_ago)
            session = engine.session(now)
            for _ in range(days_ago % 4 + 1):
                card = session.next_card(now)
                if card is None:
                    break
                session.answer(card, rating, now, result=check_answer(card.question, card.ord, None))

    async def run_before(pilot):
        await library_loaded(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: bool(pilot.app.screen.query("BarChart")))
        await pilot.pause()

    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, run_before=run_before)


def test_settings(snap_compare, make_app, here):
    async def run_before(pilot):
        await library_loaded(pilot)  # the workload line counts the library's cards
        await pilot.press("o")
        await wait_for(pilot, lambda: "Workload" in str(pilot.app.screen.query_one("#workload").render()))

    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, make_app, here):
    assert snap_compare(make_app(only_paths=["library"]), terminal_size=SIZE, press=["question_mark"])


def test_store_error(snap_compare, make_app, here, monkeypatch):
    (here / "bad.sqlite3").write_text("not a database\n" * 8)
    app = make_app(start="study", banks=[load_bank(ALL_TYPES)], db="bad.sqlite3")

    async def run_before(pilot):
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MessageScreen")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
