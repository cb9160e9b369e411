"""The study engine: FSRS scheduling, answer checking, the durable review store and stats (no UI imports)."""
from fsrs import Rating

from .cards import CardKey, StudyCard
from .checking import CheckResult, check_answer
from .engine import Engine, SyncReport
from .scheduler import CardState, format_interval
from .session import Answered, Session, SessionProgress
from .settings import Settings
from .stats import compute_stats
from .store import Store, StoreError, default_db_path

__all__ = ["Answered", "CardKey", "CardState", "CheckResult", "Engine", "Rating", "Session", "SessionProgress",
           "Settings", "Store", "StoreError", "StudyCard", "SyncReport", "check_answer", "compute_stats",
           "default_db_path", "format_interval"]
