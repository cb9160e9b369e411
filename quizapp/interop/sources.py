"""Reading any supported input: format detection, decoding, and gathering the questions into banks."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..bank.problems import Problem
from .result import ImportedBank, ImportResult, InputError, Item, slugify

FORMATS = ("gift", "aiken", "csv", "tsv", "anki")
_SUFFIXES = {".gift": "gift", ".txt": None, ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
             ".apkg": "anki", ".colpkg": "anki", ".aiken": "aiken"}


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text (a BOM dropped, CRLF as LF), or a located error at the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise InputError([Problem(file, before.count(b"\n") + 1, col,
                                  f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def detect(path: Path, raw: bytes) -> str:
    """The format of an input file, from its extension, else from its content.

    Args:
        path: the file (its suffix is looked at first).
        raw: its bytes.
    Returns:
        One of FORMATS.
    Raises:
        InputError: when neither tells.
    """
    known = _SUFFIXES.get(path.suffix.lower())
    if known:
        return known
    if path.suffix.lower() in (".yaml", ".yml"):
        raise InputError([Problem(str(path), 1, 1, "this is a bank already (YAML); check it with quizapp validate")])
    if raw[:4] == b"PK\x03\x04":
        return "anki"
    text = raw[:20000].decode("utf-8", "replace")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if any(ln.strip().upper().startswith("ANSWER:") for ln in lines):
        return "aiken"
    if "{" in text and "}" in text:
        return "gift"
    if lines and all("\t" in ln for ln in lines[:20]):
        return "tsv"
    if lines and all("," in ln for ln in lines[:20]):
        return "csv"
    raise InputError([Problem(str(path), 1, 1, "cannot tell the format from the name or the content; "
                              "name it: quizapp import gift|aiken|csv|tsv|anki FILE")])


def read_items(fmt: str, path: Path, display: str, result: ImportResult, options: dict) -> list[Item]:
    """The questions of one input file in a given format.

    Args:
        fmt: one of FORMATS.
        path: the file.
        display: its name in messages.
        result: collects notes (and media, for Anki).
        options: format options (`as_type` for CSV/TSV).
    Returns:
        Items in file order.
    Raises:
        InputError: unreadable or broken input.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    if fmt == "gift":
        from .gift_import import read_gift_file
        return read_gift_file(raw, display, result)
    if fmt == "aiken":
        from .aiken import read_aiken
        return read_aiken(decode(raw, display), display, result)
    if fmt in ("csv", "tsv"):
        from .tabular import read_table
        return read_table(decode(raw, display), display, result, "\t" if fmt == "tsv" else ",",
                          options.get("as_type") or "flashcard")
    if fmt == "anki":
        from .anki_import import read_package
        try:
            return read_package(path, display, result)
        except zipfile.BadZipFile as exc:
            raise InputError([Problem(display, 1, 1, f"not a valid zip archive ({exc}); is it a whole .apkg?")]) from None
    raise ValueError(fmt)


def _title(text: str) -> str:
    words = text.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Imported questions"


def assemble(items: list[Item], bank_id: str, title: str | None, *, split: bool, group_is_deck: bool) -> list[ImportedBank]:
    """Items into banks: one bank, or with split one per group (GIFT category, Anki deck).

    Without split, groups become tags (their last path part) unless all items share one Anki deck,
    which then becomes the bank's `deck`.

    Args:
        items: the questions read, in order.
        bank_id: id of the single bank (from the output file's name); with split, the fallback for ungrouped items.
        title: the single bank's title (None: from the deck or bank id).
        split: one bank per group.
        group_is_deck: groups are Anki deck paths (`::`) rather than GIFT categories (`/`).
    Returns:
        The banks, each with at least one question.
    """
    sep = "::" if group_is_deck else "/"
    if split:
        banks: dict[str, ImportedBank] = {}
        for item in items:
            group = _clean_group(item.group, sep) if item.group else None
            key = slugify(group.replace("::", " ")) if group else bank_id
            if key not in banks:
                name = group.split("::")[-1] if group else title or _title(bank_id)
                banks[key] = ImportedBank(key, name, deck=group)
            banks[key].add(item.question, (item.file, item.at), item.id_source, words=item.words)
        return list(banks.values())
    groups = {_clean_group(i.group, sep) for i in items if i.group}
    deck = next(iter(groups)) if group_is_deck and len(groups) == 1 else None
    bank = ImportedBank(bank_id, title or (deck.split("::")[-1] if deck else _title(bank_id)), deck=deck)
    for item in items:
        question = dict(item.question)
        group = _clean_group(item.group, sep) if item.group else None
        if group and not deck:
            tag = slugify(group.split("::")[-1])
            question["tags"] = list(dict.fromkeys([*question.get("tags", []), tag]))
        bank.add(question, (item.file, item.at), item.id_source, words=item.words)
    return [bank] if bank.questions else []


def _clean_group(group: str, sep: str) -> str:
    """A GIFT category path without Moodle's context prefix ($course$/top/...), as a `::` deck path."""
    parts = [p.strip() for p in group.split(sep) if p.strip()]
    while parts and (parts[0].startswith("$") or parts[0] == "top"):
        parts.pop(0)
    return "::".join(parts) or group
