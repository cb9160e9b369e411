"""The study engine: FSRS scheduling, answer checking, the durable review store and stats (no UI imports)."""
from __future__ import annotations

from ..lazy import lazy_exports

# Loaded on first use (PEP 562): `quizapp lint` needs only `checking`, and importing the package should not
# load the store, the session and the optimizer with it (eagerly: about 80 ms more CPU, 1.2x, measured).
_EXPORTS = {
    "CardKey": ".cards", "StudyCard": ".cards", "CheckResult": ".checking", "check_answer": ".checking",
    "Engine": ".engine", "SyncReport": ".engine", "CardState": ".scheduler", "format_interval": ".scheduler",
    "Answered": ".session", "Session": ".session", "SessionProgress": ".session", "Settings": ".settings",
    "compute_stats": ".stats", "Store": ".store", "StoreError": ".storefile", "default_db_path": ".store",
    "Rating": "fsrs",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
