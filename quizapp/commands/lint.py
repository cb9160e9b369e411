"""`quizapp lint`: item-writing flaws in valid banks, as FILE:LINE:COL: CODE message."""
from __future__ import annotations

import json
import sys

import click

from ..bank.library import library_paths
from ..bank.loader import load_paths
from ..termtext import clean

# The rules (pydantic, wordfreq: about 0.5 s of imports) are imported inside the functions that use them:
# `quizapp --help` imports every command module and takes 0.23 s in all.


def _codes(ctx, param, value):
    from ..lint.findings import parse_codes
    try:
        return parse_codes(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--sources", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="Folder of the banks' source texts: enables QZ109 and more wrong answers for QZ105.")
@click.option("--select", callback=_codes, metavar="CODES", help="Only these rules (QZ101,QZ104; a prefix like QZ10).")
@click.option("--ignore", callback=_codes, metavar="CODES", help="Not these rules.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: {problems: [...], findings: [{file, line, column, code, message}]}.")
@click.option("--rules", "show_rules", is_flag=True, help="List the rules and exit.")
@click.pass_context
def lint(ctx, paths, sources, select, ignore, fmt, show_rules):
    """Find item-writing flaws: cues, give-aways, risky answer checking, weak quotes.

    PATHS are files or folders (searched for *.yaml and *.yml); with none, the
    whole library. Banks that do not validate are reported as errors and not
    linted. Skip a rule for one question with `lint: {ignore: [QZ104]}` or a
    `# lint: ignore[QZ104]` comment on its lines. Exit status: 0 no findings,
    1 findings or invalid banks, 2 usage error.

    \b
    Examples:
      quizapp lint decks/
      quizapp lint mybank.yaml --select QZ101,QZ105 --format json
      quizapp lint decks --sources ../shared/seeds --ignore QZ106
    """
    from ..lint.findings import RULES
    from ..lint.run import lint_results
    if show_rules:
        for rule in RULES.values():
            extra = " (needs --sources)" if rule.needs_sources else ""
            click.echo(f"{rule.code}  {rule.name:<28} {rule.summary}{extra}")
        return
    codes = (select or set(RULES)) - (ignore or set())
    results, problems = load_paths(list(paths) or library_paths(ctx.obj["library"]))
    findings = lint_results(results, sources, codes)
    if fmt == "json":
        click.echo(json.dumps({"problems": [p.as_dict() for p in problems],
                               "findings": [f.as_dict() for f in findings]}, indent=2, ensure_ascii=False))
    else:
        for p in problems:
            click.echo(clean(str(p)))
        for f in findings:
            click.echo(clean(str(f)))
    if problems or findings:
        click.echo(f"{len(findings)} finding{'s' * (len(findings) != 1)}"
                   + (f", {len(problems)} validation problem{'s' * (len(problems) != 1)}" if problems else "")
                   + f" in {len(results)} bank{'s' * (len(results) != 1)}", err=True)
        sys.exit(1)
    if not results:
        click.echo("no bank files (*.yaml, *.yml) found", err=True)
        sys.exit(1)
    click.echo(f"ok: {len(results)} bank{'s' * (len(results) != 1)}, no findings", err=True)
