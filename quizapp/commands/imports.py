"""`quizapp import`: GIFT, Aiken, CSV/TSV and Anki packages into banks."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..termtext import clean

FORMAT_NAMES = ("gift", "aiken", "csv", "tsv", "anki")
# The readers and writers (interop: 0.07 s of imports, pydantic when a bank is built) are imported inside the
# command: `quizapp --help` imports every command module and takes 0.23 s in all.


@click.command("import")
@click.argument("args", nargs=-1, required=True, metavar="[FORMAT] FILE...")
@click.option("-o", "--output", type=click.Path(), metavar="BANK.yaml",
              help="Bank file to write (default: the first input's name with .yaml); with --split, a folder.")
@click.option("--split", "--split-decks", "--split-categories", "split", is_flag=True,
              help="One bank per Anki deck or GIFT $CATEGORY (default: one bank; categories become tags).")
@click.option("--title", help="The bank's title (default: from the deck or the file name).")
@click.option("--as", "as_type", type=click.Choice(["flashcard", "short_answer"]),
              help="CSV/TSV rows without a type column become this (default: flashcard).")
@click.option("-v", "--verbose", is_flag=True, help="Also list every imported question with its input location.")
def import_command(args, output, split, title, as_type, verbose):
    """Turn questions from other apps into a bank.

    FORMAT is gift, aiken, csv, tsv or anki (.apkg/.colpkg); without it, each file's format comes
    from its extension (.gift .csv .tsv .apkg .colpkg) or its content. Several files go into one
    bank. Ids come from GIFT titles (or a question's first words), so importing an updated file
    again keeps the ids of unchanged questions and learners keep their progress. What has no
    counterpart in a bank is skipped and what had to change is converted, each reported as
    FILE:LINE:COL: warning. Broken input is reported as FILE:LINE:COL: error and nothing is written.

    \b
    Examples:
      quizapp import gift moodle-export.gift -o chapter1.yaml
      quizapp import quizlet.tsv -o words.yaml --as short_answer
      quizapp import anki deck.apkg -o imported/ --split-decks
    """
    from ..interop.bankyaml import write_files
    from ..interop.importing import plan_import
    from ..interop.result import CONVERTED, SKIPPED, InputError

    fmt, files = (args[0], args[1:]) if args[0] in FORMAT_NAMES and not Path(args[0]).exists() else (None, args)
    if not files:
        raise click.UsageError("name at least one FILE to import")
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        _fail([f"{f}:1:1: error: no such file" for f in missing])
    out = Path(output) if output else (Path(".") if split else Path(Path(files[0]).stem + ".yaml"))
    if not split and out.is_dir():
        raise click.BadParameter(f"{out} is a folder: name the bank file, or add --split", param_hint="'-o'")
    if not split and out.suffix not in (".yaml", ".yml"):
        raise click.BadParameter(f"{out}: a bank file ends in .yaml", param_hint="'-o'")
    try:
        plan = plan_import([Path(f) for f in files], fmt, out, split=split, title=title, as_type=as_type)
    except InputError as exc:
        _fail([str(p) for p in exc.problems])
    for note in sorted(plan.result.notes):
        click.echo(clean(str(note)), err=True)  # notes quote the input's text
    if not plan.banks:
        _fail(["no question could be imported; nothing written"])
    try:
        write_files(plan.files)
    except OSError as exc:
        _fail([f"{exc.filename or out}: error: cannot write: {exc.strerror or exc}"])
    for bank, path in zip(plan.banks, [p for p in plan.files if p.suffix == ".yaml"]):
        if verbose:
            for question, (file, (line, col)) in zip(bank.questions, bank.origins):
                click.echo(clean(f"{file}:{line}:{col}: imported as {question['id']} ({question['type']})"), err=True)
        click.echo(f"wrote {path}: {len(bank.questions)} question{'s' * (len(bank.questions) != 1)}", err=True)
    media = len(plan.files) - len(plan.banks)
    click.echo(f"{sum(len(b.questions) for b in plan.banks)} imported, {plan.result.count(CONVERTED)} converted, "
               f"{plan.result.count(SKIPPED)} skipped" + (f"; {media} media files copied" if media else ""), err=True)


def _fail(lines: list[str]):
    for line in lines:
        click.echo(clean(line), err=True)
    sys.exit(1)
