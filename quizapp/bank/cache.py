"""Cache of validated banks, keyed by path, size, mtime and a content hash."""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from .. import __version__
from .loadresult import LoadResult

_FORMAT = 4  # 2: Bank pickles carry private state (source_path); 3: warnings kept; 4: the positions too.
# Older entries are misses.


def cache_dir() -> Path:
    override = os.environ.get("QUIZAPP_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # 4 ms of imports that `quizapp --help` does without
    return Path(user_cache_dir("quizapp", appauthor=False)) / "banks"


def _entry(path: Path) -> Path:
    key = hashlib.blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    return cache_dir() / f"{key}.pickle"


def content_digest(raw: bytes) -> str:
    """A bank file's content hash: what the cache (and findings cached beside it) are keyed on."""
    return hashlib.blake2b(raw, digest_size=32).hexdigest()


def _stamp(path: Path, raw: bytes, st: os.stat_result) -> tuple[object, ...]:
    digest = content_digest(raw)
    return (_FORMAT, __version__, sys.version_info[:2], str(path.resolve()), st.st_size, st.st_mtime_ns, digest)


def get(path: Path, raw: bytes, st: os.stat_result) -> LoadResult | None:
    """The cached LoadResult if every part of the key still matches, else None."""
    if os.environ.get("QUIZAPP_NO_CACHE"):
        return None
    try:
        with open(_entry(path), "rb") as fh:
            stamp, meta, payload, positions = pickle.load(fh)
    except Exception:  # a missing, stale or damaged entry is only a miss
        return None
    if stamp != _stamp(path, raw, st):
        return None
    # The bank itself is unpickled only when asked for: `validate` and `list`
    # need just the summary, which keeps a warm run far under a bare YAML load.
    return LoadResult(path=path, display=meta["display"], from_cache=True, _payload=payload, digest=stamp[-1],
                      _locator_payload=positions, **meta["fields"])


def put(path: Path, raw: bytes, st: os.stat_result, result: LoadResult) -> None:
    if os.environ.get("QUIZAPP_NO_CACHE") or result.problems:
        return  # invalid banks are re-checked every time: their messages must stay current
    fields = {k: getattr(result, k) for k in ("bank_id", "title", "question_count", "id_position", "warnings")}
    payload = pickle.dumps(result.bank, protocol=pickle.HIGHEST_PROTOCOL)
    positions = pickle.dumps(result.locator, protocol=pickle.HIGHEST_PROTOCOL)
    entry = _entry(path)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((_stamp(path, raw, st), {"display": result.display, "fields": fields}, payload, positions),
                        fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except OSError:
        pass  # an unwritable cache only costs speed
