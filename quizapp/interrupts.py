"""Ctrl+C while quizapp starts: held until a command runs, so it ends like any other Ctrl+C (a session's
summary, exit status 130), never as a traceback from the middle of an import."""
from __future__ import annotations

import signal
import threading

_pending = False
_holding = False


def _note(signum, frame) -> None:
    global _pending
    _pending = True


def hold() -> None:
    """From now until resume(), SIGINT is only noted (called first thing by the entry point)."""
    global _holding
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _note)
        _holding = True


def resume() -> None:
    """SIGINT raises KeyboardInterrupt again; one that came while held is raised now.

    Raises:
        KeyboardInterrupt: Ctrl+C was pressed while start-up held it.
    """
    global _pending, _holding
    if not _holding:
        return
    _holding = False
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if _pending:
        _pending = False
        raise KeyboardInterrupt
