"""Loads bank files into models or located problems; never raises for bad input."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..termtext import first_control
from .limits import MAX_FILE_BYTES
from .loadresult import LoadResult
from .positions import Locator
from .problems import BankError, Problem, ProblemCollector
from .yamlsource import Builder, YamlIssue, YamlPath, compose

# Imported inside the functions that use them: the models and their messages (pydantic: about 0.6 s of
# imports), by parse_bytes on the first file not in the validated-bank cache, so a warm `quizapp validate` or
# `list` (0.19 s in all) and the TUI's first frame never import them; the cache itself (hashlib, pickle,
# tempfile: about 0.01 s) on the first file read, which `quizapp --help` (0.21 s in all) never reads.
if TYPE_CHECKING:
    from .models import Bank

BANK_SUFFIXES = (".yaml", ".yml")


def _decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise YamlIssue(line, col, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise YamlIssue(1, 1, "the file is empty; a bank needs at least id, title and questions")
    return text


def parse_bytes(raw: bytes, display: str, path: Path | None = None) -> LoadResult:
    """Validate a bank's bytes; the result holds a Bank or every problem found."""
    from pydantic import ValidationError

    from .messages import check_duplicate_ids, translate
    from .models import Bank

    result = LoadResult(path=path or Path(display), display=display)
    try:
        if len(raw) > MAX_FILE_BYTES:
            raise YamlIssue(1, 1, _too_big(len(raw)))
        text = _decode(raw, display)
        root = compose(text)
        if root is None:
            raise YamlIssue(1, 1, "the file is empty; a bank needs at least id, title and questions")
        result._locator = locator = Locator(root)
        builder = Builder()
        data = builder.build(root)
    except YamlIssue as issue:
        result.problems.append(Problem(display, issue.line, issue.column, issue.message))
        return result
    problems = ProblemCollector(display, locator)
    for found in builder.issues:
        problems.at_position(found.line, found.column, found.message)
    if not isinstance(data, dict):
        problems.at((), "the file must be a mapping of keys (id, title, questions...), "
                    f"not {'a list' if isinstance(data, list) else 'a single value'}")
        result.problems = problems.found
        return result
    check_duplicate_ids(data, problems)
    try:
        bank = Bank.model_validate(data)
    except ValidationError as exc:
        translate(exc, data, problems)
        bank = None
    if isinstance(data.get("id"), str):
        result.bank_id = data["id"]
        result.id_position = locator.at(("id",))
    if isinstance(data.get("title"), str):
        result.title = data["title"]
    if isinstance(data.get("questions"), list):
        result.question_count = len(data["questions"])
    if problems.found:
        # A problem the YAML layer reported can leave a bank that pydantic accepts
        # (a duplicate key, say); it is still not valid.
        result.problems = sorted(problems.found, key=lambda p: (p.line, p.column))
    else:
        result.bank = bank
        from .cache import content_digest
        result.digest = content_digest(raw)
        # A value holds a control character only if the text has one or a backslash escape: one C-speed
        # scan spares most banks the walk over every string (a tenth of a 10,000-question load).
        if "\\" in text or first_control(text):
            result.warnings = _control_warnings(data, locator, display)
    return result


def _control_warnings(data: dict[str, Any], locator: Locator, display: str) -> list[Problem]:
    """A warning at every text holding a control character: escape sequences that a terminal would obey.

    Every output strips them (quizapp.termtext.clean), so they are never shown; the teacher learns the
    text differs from what the bank says."""
    out: list[Problem] = []
    stack: list[tuple[YamlPath, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            code = first_control(value)
            if code:
                key = next((f"{part}: " for part in reversed(path) if isinstance(part, str)), "")
                out.append(Problem(display, *locator.at(path), f"{key}text holds the control character {code} "
                                   "(an escape sequence?); it is removed wherever the text is shown: delete it",
                                   severity="warning"))
        elif isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
            stack.extend(((*path, k), k) for k in value if isinstance(k, str))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
    return sorted(out)


def _too_big(size: int) -> str:
    return (f"the file is {size / 1e6:.1f} MB; a bank file may be at most {MAX_FILE_BYTES / 1e6:.1f} MB "
            f"({MAX_FILE_BYTES} bytes): split it into several banks")


def _read_bank_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and stat, refusing before reading what is not a regular file or is too large.

    A FIFO or a device would block the read or never end; a huge file would cost seconds and gigabytes
    in the YAML parser before any error. O_NONBLOCK keeps the open itself from waiting on a FIFO."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise YamlIssue(1, 1, "not a regular file (a FIFO, socket or device?); a bank is a YAML file")
        if st.st_size > MAX_FILE_BYTES:
            raise YamlIssue(1, 1, _too_big(st.st_size))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # the file may have grown since fstat
    finally:
        os.close(fd)
    return raw, st


def load_file(path: str | os.PathLike[str], display: str | None = None, *, use_cache: bool = True) -> LoadResult:
    """Load one bank file, through the validated-bank cache when allowed."""
    path = Path(path)
    display = display if display is not None else str(path)
    try:
        raw, st = _read_bank_bytes(path)
    except OSError as exc:
        return LoadResult(path, display, [Problem(display, 1, 1, f"cannot read file: {exc.strerror or exc}")])
    except YamlIssue as issue:
        return LoadResult(path, display, [Problem(display, issue.line, issue.column, issue.message)])
    if not use_cache:
        return parse_bytes(raw, display, path)
    from . import cache
    hit = cache.get(path, raw, st)
    if hit is not None:
        hit.display = display
        return hit
    result = parse_bytes(raw, display, path)
    cache.put(path, raw, st, result)
    return result


def load_bank(path: str | os.PathLike[str], *, use_cache: bool = True) -> Bank | None:
    """Library API: the Bank at path, or BankError with every problem."""
    result = load_file(path, use_cache=use_cache)
    if result.problems:
        raise BankError(result.problems)
    return result.bank


def find_bank_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Files named directly, and *.yaml / *.yml below directories, sorted; missing paths are problems."""
    found, problems = [], []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.suffix in BANK_SUFFIXES and f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    found.append((f, str(f)))
        elif p.exists():
            found.append((p, str(p)))
        else:
            problems.append(Problem(str(p), 1, 1, "no such file or directory"))
    return found, problems


def check_bank_ids(results: list[LoadResult]) -> list[Problem]:
    """Two banks with one id would share progress and Anki notes: an error."""
    first: dict[str, LoadResult] = {}
    out = []
    for r in results:
        if not r.bank_id:
            continue
        if r.bank_id in first:
            out.append(Problem(r.display, *r.id_position,
                               f"bank id {r.bank_id!r} is already used by {first[r.bank_id].display}"))
        else:
            first[r.bank_id] = r
    return out


def load_paths(paths: Iterable[str | os.PathLike[str]], *, use_cache: bool = True) -> tuple[list[LoadResult], list[Problem]]:
    """Load every bank under paths; the problems list includes cross-bank ones."""
    files, problems = find_bank_files(paths)
    results = [load_file(f, d, use_cache=use_cache) for f, d in files]
    for r in results:
        problems.extend(r.problems)
    dup = check_bank_ids(results)
    for p in dup:
        for r in results:
            if r.display == p.file:
                r.problems.append(p)
                r.bank = None
    problems.extend(dup)
    return results, problems
