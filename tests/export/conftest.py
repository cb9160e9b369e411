"""Fixtures for the Anki export tests: the awkward bank on disk, running the command, a fresh Anki collection."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_support import SPECIAL_BANK
from tests_support import DOT_PNG

from quizapp.cli import main


@pytest.fixture
def special_bank(tmp_path) -> Path:
    """The awkward bank in its own folder, with its image."""
    folder = tmp_path / "banks"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "dot.png").write_bytes(DOT_PNG)
    path = folder / "special-chars.yaml"
    path.write_text(SPECIAL_BANK, encoding="utf-8")
    return path


@pytest.fixture
def export_anki(tmp_path):
    """Run `quizapp export anki ARGS...` in-process with its own export state; returns the click Result."""
    state = tmp_path / "export-state.json"

    def run(*args, now: int = 1_795_000_000) -> object:
        # The export time is passed in through SOURCE_DATE_EPOCH, as a reproducible build would.
        return CliRunner().invoke(main, ["export", "anki", *map(str, args), "--state", str(state)],
                                  env={"SOURCE_DATE_EPOCH": str(now)}, catch_exceptions=False)
    run.state = state
    return run


@pytest.fixture
def anki_collection(tmp_path):
    """A new, empty Anki collection (the real Anki backend) in the test's folder."""
    from anki.collection import Collection
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()
