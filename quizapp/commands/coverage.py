"""`quizapp coverage`: what of each source text the banks' quotes cover, as a report or JSON."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict

import click

from ..bank.loader import load_paths
from ..termtext import clean

# The coverage analysis (0.04 s of imports; pydantic with the banks) is imported inside the command:
# `quizapp --help` imports every command module and takes 0.23 s in all.
BAR = 20
SHOWN_NAMES = 6


def _bar(share: float) -> str:
    full = round(share * BAR)
    return "\u2588" * full + "\u2591" * (BAR - full)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _report(cov, folder: str) -> list[str]:
    """The readable report of one source's coverage; folder prefixes the located lines."""
    covered = [p for p in cov.paragraphs if p.covered]
    sentences = sum(p.sentences for p in cov.paragraphs)
    lines = [f"{cov.file}  ({', '.join(cov.banks)}: {cov.questions} quoting questions)",
             f"  quoted: {len(covered)} of {len(cov.paragraphs)} paragraphs, "
             f"{sum(p.covered_sentences for p in cov.paragraphs)} of {sentences} sentences, "
             f"{cov.share:.0%} of the text"]
    for s in cov.sections:
        lines.append(f"  {_cut(s['title'], 40):<40} line {s['line']:<4} {_bar(s['share'])} {s['share']:>4.0%}")
    busiest = sorted(covered, key=lambda p: -len(p.questions))[:3]
    if busiest:
        lines.append("  most asked: " + ", ".join(
            f"line {p.line} ({len(p.questions)} question{'s' * (len(p.questions) != 1)})" for p in busiest))
    gaps = [p for p in cov.paragraphs if not p.covered]
    if gaps:
        lines.append("  not quoted:")
    for p in gaps:
        material = []
        if p.numbers:
            material.append("numbers: " + ", ".join(p.numbers[:SHOWN_NAMES]))
        if p.names:
            material.append("names: " + ", ".join(p.names[:SHOWN_NAMES]))
        lines.append(f"    {os.path.join(folder, cov.file)}:{p.line}: {_cut(p.first_words, 50)}"
                     + (f"  [{'; '.join(material)}]" if material else ""))
    if cov.unquoted:
        lines.append(f"  quotes not found in the text (see validate --sources): {', '.join(cov.unquoted)}")
    return lines


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--sources", required=True, type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="Folder of the source texts named by the banks' source.file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: per source, its paragraphs, sections and shares.")
@click.option("--min", "minimum", type=click.FloatRange(0, 100), metavar="PERCENT",
              help="Exit 1 when less than PERCENT of the source texts is quoted.")
def coverage(paths, sources, fmt, minimum):
    """Show which paragraphs of each source text no question quotes.

    A sentence counts as quoted when a question's quote covers at least half of
    it; the share is of the text's characters, headings left out. Uncovered
    paragraphs are listed with their line, first words, and the numbers and
    names in them (likely question material). Exit status: 0 ok, 1 invalid
    banks or below --min, 2 usage error.

    \b
    Examples:
      quizapp coverage decks --sources ../shared/seeds
      quizapp coverage decks --sources ../shared/seeds --min 60 --format json
    """
    from ..coverage import cover_results
    results, problems = load_paths(list(paths))
    for p in problems:
        click.echo(clean(str(p)), err=True)
    covs, notes = cover_results(results, sources)
    total = sum(c.total_chars for c in covs)
    share = sum(c.covered_chars for c in covs) / total if total else 0.0
    if fmt == "json":
        click.echo(json.dumps({"share": round(share, 4), "sources": [
            {**asdict(c), "share": round(c.share, 4)} for c in covs], "notes": notes}, indent=2, ensure_ascii=False))
    else:
        for c in covs:
            click.echo(clean("\n".join(_report(c, sources))) + "\n")
        click.echo(f"total: {share:.0%} of {len(covs)} source text{'s' * (len(covs) != 1)} quoted"
                   + (f" (minimum {minimum:g}%)" if minimum is not None else ""))
    for note in notes:
        click.echo(clean(note), err=True)
    if problems or not covs or (minimum is not None and share * 100 < minimum):
        if minimum is not None and share * 100 < minimum:
            click.echo(f"coverage {share:.1%} is below the minimum of {minimum:g}%", err=True)
        sys.exit(1)
