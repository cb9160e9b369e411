"""Cache of results computed over a whole set of banks (lint findings, coverage), as plain data.

A warm `quizapp lint` or `quizapp coverage` of an unchanged library reads its answer from here and never
unpickles a bank: importing pydantic and building the models' validators alone costs more than a warm
`validate` takes in all. An entry is keyed on everything the result was computed from:

- the banks, by display name and content digest (LoadResult.digest: a changed bank file is a miss);
- the other files read (source texts), by content digest, re-read and re-hashed on every lookup;
- the caller's arguments (rule codes, the sources folder);
- quizapp's own code (size and mtime of every module) and the word-list and fuzzy-matching packages
  (wordfreq, rapidfuzz), so that a changed rule or an upgraded package is a miss too.

One entry per command, arguments and bank files: a changed file overwrites its entry instead of adding one.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import __version__
from .cache import cache_dir, content_digest

_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent
_DEPENDENCIES = ("wordfreq", "rapidfuzz")  # their data and scorers decide QZ105 and QZ108


def _code_stamp() -> tuple[object, ...]:
    """Size and mtime of quizapp's modules and of the packages the results depend on (about 3 ms)."""
    from importlib.machinery import PathFinder
    found: list[tuple[str, int, int]] = []
    stack = [_PACKAGE]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False) and e.name != "__pycache__":
                    stack.append(Path(e.path))
                elif e.name.endswith(".py"):
                    st = e.stat()
                    found.append((e.path, st.st_size, st.st_mtime_ns))
    for name in _DEPENDENCIES:
        spec = PathFinder.find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            dep = os.stat(origin) if origin else None
        except OSError:
            dep = None  # not installed: the stamp says so
        found.append((name, dep.st_size if dep else -1, dep.st_mtime_ns if dep else -1))
    return (_FORMAT, __version__, sys.version_info[:2], tuple(sorted(found)))


def _file_digest(path: Path) -> str | None:
    try:
        return content_digest(path.read_bytes())
    except OSError:
        return None  # a missing or unreadable file is part of the key too: the result said so


def _entry(kind: str, arguments: tuple[object, ...], banks: tuple[tuple[str, str], ...]) -> Path:
    names = tuple(display for display, _ in banks)  # the same banks under other contents: the same entry
    name = hashlib.blake2b(repr((kind, arguments, names)).encode(), digest_size=16).hexdigest()
    return cache_dir() / f"{kind}-{name}.pickle"


def _enabled() -> bool:
    return not os.environ.get("QUIZAPP_NO_CACHE")


def banks_key(results: Iterable[Any]) -> tuple[tuple[str, str], ...] | None:
    """The (display, digest) of every valid bank among loader results; None when one has no digest.

    Args:
        results: LoadResults; invalid ones are left out, as lint and coverage leave them out.

    Returns:
        The key part naming the banks, or None when a valid bank cannot be keyed (built in code).
    """
    key = []
    for r in results:
        if r.ok:
            if not r.digest:
                return None
            key.append((r.display, r.digest))
    return tuple(key)


def get(kind: str, arguments: tuple[object, ...], banks: tuple[tuple[str, str], ...] | None) -> Any:
    """The cached value for these arguments and banks, or None on a miss.

    Args:
        kind: the command ("lint", "coverage"), one entry per kind and arguments.
        arguments: what the caller was asked (codes, sources folder), as plain data.
        banks: banks_key() of the results the value would be computed from.

    Returns:
        The plain data given to put(), if every part of the key still matches.
    """
    if banks is None or not _enabled():
        return None
    try:
        with open(_entry(kind, arguments, banks), "rb") as fh:
            stamp, stored_banks, files, value = pickle.load(fh)
    except Exception:  # a missing, stale or damaged entry is only a miss
        return None
    if stored_banks != banks or stamp != _code_stamp():
        return None
    if any(_file_digest(Path(path)) != digest for path, digest in files):
        return None
    return value


def put(kind: str, arguments: tuple[object, ...], banks: tuple[tuple[str, str], ...] | None,
        files: dict[Path, str | None], value: Any) -> None:
    """Keep value (plain data: tuples, lists, dicts, strings, numbers) for get().

    Args:
        kind: as for get().
        arguments: as for get().
        banks: as for get().
        files: every other file the value was computed from, with its digest as read before computing
            (file_digests()); a file that could not be read has None.
        value: the result.
    """
    if banks is None or not _enabled():
        return
    entry = _entry(kind, arguments, banks)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((_code_stamp(), banks, sorted((str(p), d) for p, d in files.items()), value), fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except OSError:
        pass  # an unwritable cache only costs speed


def file_digests(paths: Iterable[Path]) -> dict[Path, str | None]:
    """The content digest of each file (None: unreadable), taken before a result is computed from them.

    Args:
        paths: the files.

    Returns:
        {path: digest}.
    """
    return {p: _file_digest(p) for p in paths}
