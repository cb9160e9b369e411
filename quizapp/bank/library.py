"""Where banks live: the bundled decks plus --library folders and QUIZAPP_LIBRARY."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def bundled_decks_dir() -> Path:
    """The decks shipped in the wheel (quizapp/_decks), or the checkout's decks/."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_decks"
    if packaged.is_dir():
        return packaged
    return here.parent / "decks"


def library_paths(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Bundled decks first, then folders given on the command line, then QUIZAPP_LIBRARY."""
    paths = [bundled_decks_dir()]
    paths += [Path(p) for p in extra]
    env = os.environ.get("QUIZAPP_LIBRARY", "")
    paths += [Path(p) for p in env.split(os.pathsep) if p]
    seen: set[Path] = set()
    out: list[Path] = []
    for p in paths:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
