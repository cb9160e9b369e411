"""`lint_results`: the lint findings of a library, from the derived-results cache when nothing changed."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..bank import derived
from .findings import RULES, Finding


def lint_results(results: Iterable, sources_dir: Path | None = None,
                 codes: Iterable[str] | None = None) -> list[Finding]:
    """Lint every valid bank among loader results, as one library.

    Args:
        results: LoadResults (from bank.loader.load_paths); invalid ones are skipped.
        sources_dir: the folder of source texts, for rules that read them (QZ109); None skips those.
        codes: the rule codes to report; None for all.

    Returns:
        The findings, sorted by file and position, suppressed ones left out; the same as
        engine.compute_findings, which runs only when a bank, a source text or quizapp changed.
    """
    results = list(results)
    wanted = tuple(sorted(set(RULES) if codes is None else set(codes)))
    folder = str(Path(sources_dir).resolve()) if sources_dir is not None else None
    banks = derived.banks_key(results)
    cached = derived.get("lint", (wanted, folder), banks)
    if cached is not None:
        return [Finding(*row) for row in cached]
    from .engine import compute_findings  # the rules: pydantic's models come with them
    files: dict[Path, str | None] = {}
    if sources_dir is not None:  # the texts QZ105 and QZ109 read
        named = {r.bank.source.file for r in results if r.ok and r.bank is not None and r.bank.source}
        files = derived.file_digests(Path(sources_dir) / name for name in sorted(filter(None, named)))
    findings = compute_findings(results, sources_dir, wanted)
    derived.put("lint", (wanted, folder), banks, files,
                [(f.file, f.line, f.column, f.code, f.message) for f in findings])
    return findings
