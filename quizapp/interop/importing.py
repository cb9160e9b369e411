"""An import from start to finish: read every input, gather banks, check them, and plan the files to write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bankyaml import drop_invalid, render_banks
from .result import ImportedBank, ImportResult, InputError, slugify
from .sources import assemble, detect, read_items


@dataclass
class ImportPlan:
    """What an import will write (nothing is written yet) and what it noted on the way."""

    result: ImportResult
    banks: list[ImportedBank]
    files: dict[Path, bytes] = field(default_factory=dict)


def plan_import(inputs: list[Path], fmt: str | None, output: Path, *, split: bool = False,
                title: str | None = None, as_type: str | None = None) -> ImportPlan:
    """Read inputs and plan the bank files (and media) to write.

    Args:
        inputs: input files; all of one format (fmt), or each detected from its name and content.
        fmt: the format, or None to detect it per file.
        output: the bank file to write, or with split the folder for one bank per category/deck.
        split: one bank per GIFT category or Anki deck.
        title: the bank's title (single bank only).
        as_type: CSV/TSV rows become this type (flashcard or short_answer) when no header says otherwise.
    Returns:
        The plan: banks, notes and file contents by path.
    Raises:
        InputError: some input is unreadable or broken, or a converted bank would not be valid; nothing to write.
    """
    result = ImportResult()
    items, problems, kinds = [], [], set()
    for path in inputs:
        try:
            kind = fmt or detect(path, path.read_bytes()[:20000] if path.is_file() else b"")
            kinds.add(kind)
            items += read_items(kind, path, str(path), result, {"as_type": as_type})
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    bank_id = slugify(output.stem if not split else (inputs[0].stem if inputs else "imported"), fallback="imported")
    banks = assemble(items, bank_id, title, split=split, group_is_deck=kinds == {"anki"})
    for bank in banks:
        drop_invalid(bank, result)
    banks = [b for b in banks if b.questions]
    paths = [output / f"{b.id}.yaml" for b in banks] if split else [output] * len(banks)
    texts = render_banks(banks, [str(p) for p in paths])
    plan = ImportPlan(result, banks, {p: t.encode("utf-8") for p, t in zip(paths, texts)})
    media_dir = output if split else output.parent
    for name, content in result.media.items():
        plan.files[media_dir / name] = content
    return plan
