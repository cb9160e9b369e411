"""The `quizapp` command line: a click group whose subcommands load on demand."""
from __future__ import annotations

import importlib
import sys

import click

from . import __version__

# name -> "module:attribute"; modules are imported only when their command runs,
# so `quizapp validate` on a cached library never pays for Textual or pydantic.
COMMANDS = {
    "validate": "quizapp.commands.bank:validate",
    "list": "quizapp.commands.bank:list_banks",
    "schema": "quizapp.commands.bank:schema",
    "study": "quizapp.commands.study:study",
    "stats": "quizapp.commands.stats:stats",
    "quiz": "quizapp.commands.quiz:quiz",
    "export": "quizapp.commands.export:export",
    "lint": "quizapp.commands.lint:lint",
    "coverage": "quizapp.commands.coverage:coverage",
    "import": "quizapp.commands.imports:import_command",
    "cards": "quizapp.commands.cards:cards",
    "optimize": "quizapp.commands.optimize:optimize",
    "import-progress": "quizapp.commands.progress:import_progress",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            loaded = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None  # a command not built yet in this checkout
            raise
        return getattr(loaded, attr)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Run `quizapp COMMAND --help` for a command's options and examples.")
@click.version_option(__version__, "-V", "--version", prog_name="quizapp")
@click.option("--library", "library", multiple=True, type=click.Path(file_okay=False),
              metavar="DIR", help="Another folder of banks (repeatable; also QUIZAPP_LIBRARY, path-separated).")
@click.option("--db", "db", type=click.Path(dir_okay=False), envvar="QUIZAPP_DB", metavar="PATH",
              help="Review store file (default: in the user data directory; also QUIZAPP_DB).")
@click.pass_context
def main(ctx: click.Context, library: tuple[str, ...], db: str | None) -> None:
    """Study question banks with spaced repetition, in the terminal or in Anki.

    With no command, opens the library of bundled banks in the terminal UI.
    """
    ctx.ensure_object(dict)
    ctx.obj["library"] = library
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        from .commands import home
        home.run(ctx)


def run() -> None:
    """Console-script entry point: click's own handling, plus no tracebacks on ^C."""
    try:
        main(prog_name="quizapp")
    except KeyboardInterrupt:
        sys.exit(130)
