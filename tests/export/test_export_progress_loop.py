"""The whole loop with the real Anki backend: study in quizapp, export with progress, review in Anki, export from
Anki, `import-progress`: every review from both sides in the store exactly once, and the schedules agree."""
from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from progress_support import anki_card, fsrs_on, fuzz_range, import_with_progress, load_bank, study, write_bank

from quizapp.cli import main
from quizapp.srs import Store
from quizapp.srs.progress import SAME_REVIEW_MS, card_progress
from quizapp.srs.clock import from_us

pytestmark = pytest.mark.slow  # drives a real Anki collection

# Cards reviewed in Anki: three that quizapp never showed (one the first card of a reversed flashcard whose
# second card quizapp studied), one that continues its quizapp history.
IN_ANKI = [("q5", 0, 2), ("gaps", 2, 3), ("both-ways", 0, 2), ("q4", 0, 2)]  # (question, quizapp ord, Anki answer 0-3: good=2)


def run(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def review_in_anki(col, qid: str, ord: int, answer: int, card=None) -> None:
    card = card or anki_card(col, qid, ord)
    states = col._backend.get_scheduling_states(card.id)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=answer))


def export_from_anki(col, out) -> None:
    from anki.collection import ExportAnkiPackageOptions
    options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False,
                                       legacy=False)
    col.export_anki_package(out_path=str(out), options=options, limit=None)


def store_dump(db) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM reviews ORDER BY id").fetchall() + \
            conn.execute("SELECT * FROM cards ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def loop(tmp_path, anki_collection):
    bank_path = write_bank(tmp_path)
    db = tmp_path / "store.sqlite3"
    study(db, load_bank(bank_path))
    assert run("--db", db, "export", "anki", bank_path, "-o", tmp_path / "out.apkg", "--state",
               tmp_path / "state.json", "--with-progress").exit_code == 0
    col = anki_collection
    fsrs_on(col)
    import_with_progress(col, tmp_path / "out.apkg")
    for qid, ord, answer in IN_ANKI:
        review_in_anki(col, qid, ord, answer)
    back = tmp_path / "from-anki.apkg"
    export_from_anki(col, back)
    return bank_path, db, col, back


def test_every_review_once_and_schedules_agree(loop):
    bank_path, db, col, back = loop
    with zipfile.ZipFile(back) as archive:
        assert "collection.anki21b" in archive.namelist()  # Anki's current, zstd-compressed form
    with Store.open(db) as store:
        before = sum(len(p.reviews) for p in card_progress(store).values())
    result = run("--db", db, "import-progress", back, bank_path)
    assert result.exit_code == 0, result.output
    assert f"added 4 reviews from Anki to 4 cards; {before} reviews were already in the store" in result.output
    with Store.open(db) as store:
        progress = card_progress(store)
    assert sum(len(p.reviews) for p in progress.values()) == before + 4
    for (_, qid, ord), p in progress.items():
        card = anki_card(col, qid, ord)
        anki_times = col.db.list("SELECT id FROM revlog WHERE cid = ? ORDER BY id", card.id)
        ours = [r.reviewed_at_us // 1000 for r in p.reviews]
        assert len(ours) == len(anki_times), qid  # each review exactly once, at its time
        assert all(abs(a - b) <= SAME_REVIEW_MS for a, b in zip(ours, anki_times)), qid
        assert (p.state.state, p.state.reps, p.state.lapses) == (card.type, card.reps, card.lapses), qid
        assert p.state.stability == pytest.approx(card.memory_state.stability, rel=2e-3), qid
        assert p.state.difficulty == pytest.approx(card.memory_state.difficulty, rel=2e-3), qid
        if card.queue == 1:  # learning: Anki spreads a step by up to a quarter (at most 5 minutes) later
            assert 0 <= card.due - p.state.due_us // 1_000_000 <= 300, qid
        else:  # review: Anki fuzzes around the unrounded interval (the stability, at 90% retention), we do not
            ours = (from_us(p.state.due_us).date() - from_us(p.state.last_review_us).date()).days
            low, high = fuzz_range(p.state.stability, 1)
            assert ours == max(1, round(p.state.stability)) and low <= card.ivl <= high, qid
            elapsed = (datetime.now(timezone.utc).date() - from_us(p.state.last_review_us).date()).days
            assert card.due - col.sched.today == card.ivl - elapsed, qid  # both count from the same last review


def test_importing_twice_changes_nothing(loop):
    bank_path, db, col, back = loop
    assert run("--db", db, "import-progress", back, bank_path).exit_code == 0
    first = store_dump(db)
    result = run("--db", db, "import-progress", back, bank_path)
    assert "added 0 reviews" in result.output
    assert store_dump(db) == first


def test_reviews_of_other_notes_are_counted_not_invented(loop, tmp_path):
    bank_path, db, col, back = loop
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"] = "not from quizapp"
    col.add_note(note, col.decks.id("Elsewhere"))
    review_in_anki(col, "", 0, 2, card=note.cards()[0])
    export_from_anki(col, back)
    result = run("--db", db, "import-progress", back, bank_path)
    assert "skipped 1 review of 1 note that did not come from these banks" in result.output
    with Store.open(db) as store:
        assert store.query("SELECT count(*) FROM cards WHERE question_id = 'not from quizapp'")[0][0] == 0


def test_the_collection_file_itself_is_read_without_a_change(loop, tmp_path):
    bank_path, db, col, back = loop
    path = col.path
    col.close()
    before = open(path, "rb").read()
    result = run("--db", db, "import-progress", path, bank_path)
    assert result.exit_code == 0 and "added 4 reviews" in result.output, result.output
    assert open(path, "rb").read() == before
    col.reopen()


def test_a_package_without_scheduling_gets_a_hint(loop, tmp_path):
    from anki.collection import ExportAnkiPackageOptions
    bank_path, db, col, _ = loop
    bare = tmp_path / "bare.apkg"
    col.export_anki_package(out_path=str(bare), limit=None, options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False))
    result = run("--db", db, "import-progress", bare, bank_path)
    assert result.exit_code == 0 and "added 0 reviews" in result.output
    assert f"{bare}: warning: no review history in it" in result.output


@pytest.mark.parametrize("content, message", [(b"not anki at all", "not an Anki package"),
                                              (b"PK\x03\x04broken", "cannot read the package")])
def test_a_file_that_is_not_anki_is_refused_and_changes_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(content)
    db = tmp_path / "store.sqlite3"
    result = CliRunner().invoke(main, ["--db", str(db), "import-progress", str(bad)])
    assert result.exit_code == 1 and f"{bad}: error: " in result.output and message in result.output
    assert not db.exists()
