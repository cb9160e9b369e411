"""The `quizapp` command line: a click group whose subcommands load on demand."""
from __future__ import annotations

import functools
import importlib
import sys

import click

from . import __version__, interrupts

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


def _global_option(name: str, value, ctx: click.Context) -> None:
    """A group option given after the subcommand (`quizapp study --library X`): the same as before it."""
    obj = ctx.find_root().ensure_object(dict)
    if name == "library":
        obj["library"] = tuple(obj.get("library", ())) + tuple(value)
    elif value is not None:
        obj["db"] = value


def _resuming_interrupts(callback):
    """The command's callback, with Ctrl+C (held during start-up) back on before it runs."""
    @functools.wraps(callback)
    def run(*args, **kwargs):
        interrupts.resume()
        return callback(*args, **kwargs)
    run.resumes_interrupts = True
    return run


def _prepared(command: click.Command) -> click.Command:
    """Every subcommand (and those of a subgroup): --library and --db also after its name, unless it has its
    own; Ctrl+C resumed as it starts, unless it does that itself (a line-mode session, for its summary)."""
    if command.callback and not getattr(command.callback, "resumes_interrupts", False):
        command.callback = _resuming_interrupts(command.callback)
    names = {opt for p in command.params for opt in getattr(p, "opts", ())}
    if "--library" not in names:
        command.params.append(click.Option(
            ["--library"], multiple=True, type=click.Path(file_okay=False), metavar="DIR", expose_value=False,
            callback=lambda ctx, _p, v: _global_option("library", v, ctx),
            help="Another folder of banks (as before the command; repeatable)."))
    if "--db" not in names:
        command.params.append(click.Option(
            ["--db"], type=click.Path(dir_okay=False), metavar="PATH", expose_value=False,
            callback=lambda ctx, _p, v: _global_option("db", v, ctx),
            help="Review store file (as before the command)."))
    for sub in getattr(command, "commands", {}).values():
        _prepared(sub)
    return command


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
        return _prepared(getattr(loaded, attr))

    def invoke(self, ctx):
        # click turns Ctrl+C into "Aborted!" and exit status 1; the convention (and scripts) want 130.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            interrupted()


def interrupted() -> None:
    """Ctrl+C outside a session: a clean line and exit status 130, never a traceback."""
    try:
        click.echo(err=True)
    finally:
        sys.exit(130)


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
        interrupts.resume()
        from .commands import home  # Textual: only when the library opens, never for --help or a command
        home.run(ctx)


def run() -> None:
    """Console-script entry point: click's own handling, plus no tracebacks on ^C."""
    try:
        main(prog_name="quizapp")
    except KeyboardInterrupt:
        interrupted()
