"""The Typer app, its global options and the error boundary.

Every command module in ``staffpulse.cli.commands`` exposes ``register(app)``, so that each
part of the product owns its own commands. A module is imported only when one of its
commands runs (or ``--help`` lists them all; :mod:`staffpulse.cli.registry` says which
module has which): ``staffpulse classify`` does not load the web dashboard, and a module that
fails to import (a missing module, an edit in progress) takes down its own commands only, never
the others: a missing module is said in words, any other error shows as itself. Domain errors
(:mod:`staffpulse.errors`) become one-line messages with a hint and the error's exit code;
``--debug`` shows the traceback as well, and keeps the exit code (scripts tell failures apart
by it, with or without ``--debug``). Library notices (an unknown key in config.toml) are
shown as one line on stderr. A run with ``--json`` that fails before its command printed a
document gets the error as one on stdout (:mod:`staffpulse.cli.json_output`), the usage
errors of its options too; stderr then says it in one plain line (``Error: MESSAGE``), not the
message, hint and usage box a second time.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3
import sys
import traceback
from typing import Annotated, Any, NoReturn

import typer
from rich.markup import escape
from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption, UsageError
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import TyperException

from staffpulse import __version__
from staffpulse.cli.consoles import make_console, show_what_the_console_cannot_encode
from staffpulse.cli.help_names import show_flags_bare
from staffpulse.cli.interrupts import interrupted_message, loading_interrupted_json
from staffpulse.cli.json_output import (
    json_asked,
    json_error_due,
    note_json_wanted,
    print_json_error,
    send_stdout_nowhere,
    start_json_run,
)
from staffpulse.cli.options import refuse_empty_db
from staffpulse.cli.program import told_as_run
from staffpulse.cli.registry import COMMAND_ALIASES, COMMAND_MODULES
from staffpulse.cli.store_failures import explain_store_failure, store_in_use
from staffpulse.cli.typed_checks import refuse_db_before, refuse_flag_value, takes_paths
from staffpulse.cli.usage_errors import (
    name_the_group_commands,
    say_bad_number_plainly,
    say_json_lines_already,
    say_missing_value_plainly,
    say_nearest_option,
    say_no_store_is_read,
    say_option_of_the_group,
    say_the_form_it_takes,
    say_what_the_argument_is,
    say_where_group_options_go,
    say_where_json_goes,
    say_where_root_options_go,
    say_which_command_is_missing,
    suggest_command,
)
from staffpulse.config_secrets import hide_secrets, hide_secrets_in
from staffpulse.errors import StaffpulseError

err_console = make_console(stderr=True)
# the command a run resolved to ("staffpulse inbox snooze"), kept in the root context's meta
_COMMAND_PATH = "staffpulse.command_path"
# the words typed after staffpulse, kept in the root context's meta
_TYPED = "staffpulse.typed"


class _ErrorBoundaryGroup(TyperGroup):
    """Turns StaffpulseError into a readable message; keeps tracebacks for --debug."""

    def list_commands(self, ctx: Any) -> list[str]:
        added = [name for name in super().list_commands(ctx) if name not in COMMAND_MODULES]
        return [*COMMAND_MODULES, *added]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd_name = COMMAND_ALIASES.get(cmd_name, cmd_name)
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            command = self.commands[cmd_name] = _load_command(cmd_name)
        if command is not None:
            show_flags_bare(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        show_flags_bare(self, ctx)
        super().format_help(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        typed = list(args)  # Click's parser takes the words off ``args`` as it reads them
        ctx.meta[_TYPED] = typed
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as exc:
            say_where_json_goes(exc, typed)  # "staffpulse --json audit acme"
            say_where_root_options_go(exc)  # "staffpulse -v": where the version is
            say_nearest_option(exc)
            _answer_usage_error_in_json(exc, typed)
            raise
        except UsageError as exc:
            say_missing_value_plainly(exc, "staffpulse")  # "staffpulse --db" and no file
            _answer_usage_error_in_json(exc, typed)
            raise

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # noted first: loading the command's module takes a while, and Ctrl-C may come then
        note_json_wanted(args)
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except UsageError as exc:
            suggest_command(exc, args, self.list_commands(ctx))
            raise
        # run under its own name: "Usage: staffpulse serve", not "staffpulse web"
        name = COMMAND_ALIASES.get(name or "", name)
        found: Any = command
        given = rest
        path = ["staffpulse", name or ""]
        # fetch x, inbox dismiss; "inbox --platform x" runs the group itself
        while hasattr(found, "commands") and given and given[0] in found.commands:
            path.append(given[0])
            found, given = found.commands[given[0]], given[1:]
        # for the usage errors that name no command ("Option '--html' requires an argument.")
        ctx.meta[_COMMAND_PATH] = " ".join(path)
        if found is not None and takes_paths(found):
            refuse_flag_value(given)
        refuse_db_before(ctx, name or "", command, given)  # staffpulse --db my.db classify
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:
        start_json_run()
        show_what_the_console_cannot_encode()
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            # a bad option value, a missing argument: Typer tells people on stderr (exit 2)
            say_bad_number_plainly(exc)
            say_where_root_options_go(exc)
            say_json_lines_already(exc)
            say_no_store_is_read(exc)  # classify posts.csv --db my.db
            say_option_of_the_group(exc)  # inbox dismiss 12 --limit 5
            say_the_form_it_takes(exc)  # benchmark --cohort FILE: the file is its argument
            say_where_group_options_go(exc, ctx.meta.get(_TYPED, []))  # fetch --json x acme
            say_nearest_option(exc)  # after the four above, which word some of their own
            say_what_the_argument_is(exc)
            name_the_group_commands(exc)
            if exc.ctx is not None and exc.ctx.parent is None:  # "staffpulse --db x.db" alone
                say_which_command_is_missing(exc, exc.ctx.meta.get(_TYPED, []))
            command = exc.ctx.command_path if exc.ctx else ctx.meta.get(_COMMAND_PATH, "staffpulse")
            say_missing_value_plainly(exc, command)
            _say_usage_error_in_json(exc, command)
            raise
        except StaffpulseError as exc:
            # a missing optional package is one too (extras.require: the pip command to run)
            _fail(ctx, exc)
        except KeyboardInterrupt as exc:
            # a command that knows how far it got says so (an import: "after 18,000 posts...")
            _tell_interrupted(ctx.invoked_subcommand, str(exc))
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # the reader stopped early (``staffpulse audit x | head``): not an error
            send_stdout_nowhere()
            raise typer.Exit(0) from None
        except SystemExit as exc:
            # Rich meets a closed pipe the same way, but exits 1 after pointing stdout at
            # /dev/null; a reader that stops early is still not an error
            if exc.code == 1 and _stdout_is_devnull():
                raise typer.Exit(0) from None
            raise
        except (typer.Exit, typer.Abort, TyperException):
            raise  # the command line's own exits and usage errors, already worded
        except sqlite3.DatabaseError as exc:
            # a read-only store, a full disk: the user's to fix, not a bug
            _fail(ctx, explain_store_failure(exc, store_in_use(ctx)) or _unexpected(ctx, exc))
        except Exception as exc:
            # a bug, not bad input: one readable line and where to look, never a wall of
            # traceback in front of a marketer (--debug shows it)
            _fail(ctx, _unexpected(ctx, exc))


def _answer_usage_error_in_json(exc: UsageError, args: list[str]) -> None:
    """A usage error of staffpulse's own options (``staffpulse --bogus audit acme --json``),
    met before any command runs: in JSON too when the command line asks for it, as the
    commands' own usage errors are, not Typer's box alone on stderr."""
    start_json_run()
    note_json_wanted(args)
    _say_usage_error_in_json(exc, "staffpulse")


def _say_usage_error_in_json(exc: UsageError, command: str) -> None:
    """The usage error as the run's JSON document and one plain line on stderr, when JSON is
    due; ``command``'s --help is the hint. Returns when JSON is not due: Typer tells it."""
    if isinstance(exc, NoArgsIsHelpError) or not json_error_due():
        return
    # the JSON document tells it; stderr one plain line, not Typer's box as well
    message = exc.format_message()
    print_json_error(message, f"see {command} --help", exc.exit_code)
    _say_plainly(message)
    raise typer.Exit(exc.exit_code) from None


def _fail(ctx: Any, exc: StaffpulseError) -> NoReturn:
    # the fetchers mask the tokens already; any other message that quotes a server's answer
    # is masked here, before --debug's traceback prints it too
    hide_secrets_in(exc)
    if ctx.obj and ctx.obj.get("debug"):
        # masked too: an unexpected error's own text (a library's) may quote a request
        sys.stderr.write(hide_secrets(traceback.format_exc()))
    # "or run: staffpulse accounts" named the default store to a user of --db client.db
    message, hint = told_as_run(exc, ctx.obj.get("db_used") if ctx.obj else None)
    if json_asked():
        # the JSON document on stdout holds the message and hint: stderr gets one plain line
        # for a log; a document out before the failure (avatar's list) has no hint: the line has
        told = json_error_due()
        print_json_error(message, hint, exc.exit_code)
        _say_plainly(message if told or not hint else f"{message}; what to do: {hint}")
        raise typer.Exit(exc.exit_code) from None
    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    if hint:
        err_console.print(f"[yellow]What to do:[/] {escape(hint)}", highlight=False, soft_wrap=True)
    raise typer.Exit(exc.exit_code) from None


def _say_plainly(message: str) -> None:
    """A failure told as JSON on stdout, in one line on stderr: ``Error: MESSAGE``."""
    err_console.print(f"Error: {escape(message)}", highlight=False, soft_wrap=True)


def _unexpected(ctx: Any, exc: Exception) -> StaffpulseError:
    command = ctx.invoked_subcommand or "the command"
    error = StaffpulseError(
        f"staffpulse {command} stopped on an unexpected problem ({type(exc).__name__}: {exc})",
        hint=f"this is a bug in staffpulse, not a mistake of yours; what was saved before it "
        f"is kept. Run it again with staffpulse --debug {command} … to see where, and send "
        "that output to whoever looks after staffpulse",
    )
    error.exit_code = 70  # EX_SOFTWARE: an internal error
    return error


def _unloadable(command: str, exc: ModuleNotFoundError) -> StaffpulseError:
    return StaffpulseError(
        f"staffpulse {command} cannot start: a part of staffpulse does not load "
        f"({type(exc).__name__}: {exc})",
        hint="reinstall staffpulse (pip install -e . in its folder), or run "
        f"staffpulse --debug {command} to see where; the other commands still work",
    )


def _load_command(name: str) -> Any:  # a click command of Typer's own click
    """The command ``name``, its module imported now; a stand-in when the module does not
    load, so that ``staffpulse --help`` still lists the others (a half-edited module may not
    even parse). Only running the stand-in fails, and with the error itself: a module that
    is missing is a broken install; a domain error (an optional package not installed) says
    what to do; anything else is a bug and is not passed off as either."""
    try:
        module = importlib.import_module(f"staffpulse.cli.commands.{COMMAND_MODULES[name]}")
        holder = typer.Typer(rich_markup_mode="rich")
        module.register(holder)
        return typer.main.get_group(holder).commands[name]
    except Exception as exc:  # any: raised again, as itself, when the command is run
        return _unavailable_command(name, exc)


def _unavailable_command(name: str, exc: Exception) -> TyperCommand:
    def fail() -> None:
        if isinstance(exc, ModuleNotFoundError):
            raise _unloadable(name, exc) from exc
        raise exc

    return TyperCommand(
        name,
        callback=fail,
        help=f"(cannot start: {type(exc).__name__}: {exc})",
        add_help_option=False,  # `staffpulse NAME --help` says why too
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    )


class _NoticeHandler(logging.Handler):
    """Notices from the library (``staffpulse.config``'s unknown keys, ``staffpulse.store``'s
    store written by a newer release) as one line on stderr, not a bare Python warning."""

    def emit(self, record: logging.LogRecord) -> None:
        err_console.print(
            f"[yellow]Notice:[/] {escape(record.getMessage())}", highlight=False, soft_wrap=True
        )


_NOTICE_LOGGERS = ("staffpulse.config", "staffpulse.store")


def _show_notices() -> None:
    for name in _NOTICE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, _NoticeHandler) for h in logger.handlers):
            logger.addHandler(_NoticeHandler(logging.WARNING))


def _stdout_is_devnull() -> bool:
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(os.devnull))
    except (OSError, ValueError):
        return False


app = typer.Typer(
    cls=_ErrorBoundaryGroup,
    name="staffpulse",
    help="A local-first coach for the social presence of staffing and recruiting firms.",
    epilog="New here? Run staffpulse demo first. Each command's options: staffpulse COMMAND"
    " --help.",
    no_args_is_help=True,
    # -h as most tools take it: "No such option: -h" was the first thing some users met
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"staffpulse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="SQLite store for the command (same as the command's own --db).",
            show_default=False,
            metavar="<path>",  # a file, as the commands' own --db says, not "<str>"
        ),
    ] = None,
) -> None:
    # the commands' own --db falls back to this one (options.resolve_db), before
    # STAFFPULSE_DB; demo reads it here too, as it never uses the variable
    ctx.obj = {"debug": debug, "db": db}
    refuse_empty_db(ctx.meta.get(_TYPED, []))  # the commands' --db too
    _show_notices()


def _tell_interrupted(command: str | None, said: str, typed: list[str] | None = None) -> None:
    """The one plain line for a run stopped by Ctrl-C, and its JSON document when asked for
    (by the words ``typed``, when the stop came before the run noted them)."""
    kept = interrupted_message(command, said)
    err_console.print(f"[yellow]{escape(kept)}[/]", highlight=False, soft_wrap=True)
    if json_error_due():
        print_json_error(kept, None, 130)
    elif typed is not None and not json_asked() and (said_json := loading_interrupted_json(typed)):
        sys.stdout.write(said_json + "\n")


def _silenced_ctrl_c(exc: SystemExit) -> bool:
    """Whether ``exc`` is Typer's exit 130 for a Ctrl-C that nothing told: it turns one into
    ``Exit(130)`` raised from it. A command that told its own stop (``listen``: "Stopped with
    Ctrl-C. What came in is saved", ``refresh``) exits 130 too, from no Ctrl-C: not told again."""
    typer_exit = exc.__context__
    return isinstance(typer_exit, typer.Exit) and isinstance(
        typer_exit.__cause__, KeyboardInterrupt
    )


def main() -> None:
    """Console-script entry point. A Ctrl-C outside the boundary's own guard is told too:
    while Typer builds the command line it came through as a traceback, and while Click
    parses it Typer exits 130 without a word."""
    try:
        app()
    except KeyboardInterrupt:
        _tell_interrupted(None, "", sys.argv[1:])
        raise SystemExit(130) from None
    except SystemExit as exc:
        if exc.code == 130 and _silenced_ctrl_c(exc):
            _tell_interrupted(None, "", sys.argv[1:])
        raise
