"""A cache entry written before Bank had private state is a miss, never a crash on `.bank`."""
from __future__ import annotations

import pickle

from quizapp import __version__
from quizapp.bank import cache
from quizapp.bank.loader import load_file
from tests_support import VALID


def test_an_entry_of_the_previous_format_is_reloaded(tmp_path):
    bank_file = tmp_path / "all-types.yaml"
    bank_file.write_bytes((VALID / "all-types.yaml").read_bytes())
    fresh = load_file(bank_file, use_cache=False)
    old = fresh.bank.model_copy()
    object.__setattr__(old, "__pydantic_private__", None)  # as pickled before Bank had a private attribute
    raw, st = bank_file.read_bytes(), bank_file.stat()
    stamp = (1, __version__, *cache._stamp(bank_file, raw, st)[2:])
    entry = cache._entry(bank_file)
    entry.parent.mkdir(parents=True, exist_ok=True)
    fields = {k: getattr(fresh, k) for k in ("bank_id", "title", "question_count", "id_position")}
    entry.write_bytes(pickle.dumps((stamp, {"display": str(bank_file), "fields": fields}, pickle.dumps(old))))
    loaded = load_file(bank_file)
    assert not loaded.from_cache
    assert loaded.bank.source_path == bank_file and loaded.bank == fresh.bank
