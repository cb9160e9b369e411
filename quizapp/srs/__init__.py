"""The study engine: FSRS scheduling, answer checking, the durable review store and stats (no UI imports)."""
from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use (PEP 562): `quizapp lint` needs only `checking`, and importing the package should not
# load the store, the session and the optimizer with it (eagerly: about 80 ms more CPU, 1.2x, measured).
_EXPORTS = {
    "CardKey": "cards", "StudyCard": "cards", "CheckResult": "checking", "check_answer": "checking",
    "Engine": "engine", "SyncReport": "engine", "CardState": "scheduler", "format_interval": "scheduler",
    "Answered": "session", "Session": "session", "SessionProgress": "session", "Settings": "settings",
    "compute_stats": "stats", "Store": "store", "StoreError": "storefile", "default_db_path": "store",
    "Rating": "scheduler",  # fsrs's, as the scheduler applies it
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
