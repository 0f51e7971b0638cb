"""How ``--help`` and the usage errors name a command's flags and arguments: as a person
reads them, not as Typer writes its Python names and types."""

from __future__ import annotations

from typing import Any


def show_flags_bare(command: Any, ctx: Any) -> None:
    """Lists ``--json`` in the help as a flag, with no type after it. Typer 0.29 writes
    ``--json <bool>``, which reads as if it took a value, and ``--json true`` then makes
    ``true`` a path. An empty metavar is what Typer prints instead of the type."""
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False):
            param.metavar = ""
        elif param.param_type_name == "argument":
            name_argument_plainly(param)
    # a group's own commands too: ``fetch x --help``, ``inbox dismiss --help``
    for subcommand in getattr(command, "commands", {}).values():
        show_flags_bare(subcommand, ctx)


def name_argument_plainly(param: Any) -> None:
    """An argument as a person reads it in the help and its errors: ``HANDLE``, ``PATH``
    (``{PATH}...`` in the usage line) of type ``<path>``. Typer 0.29 writes the Python names,
    ``{handle}`` and ``{paths}...`` of type ``<list[Path]>``."""
    if param.metavar is None and param.name:
        name = param.name.upper()
        param.metavar = name.removesuffix("S") if param.nargs != 1 else name
    # Typer 0.28 (pyproject allows it) has no display_type_rich: without this getattr,
    # every command given an argument stopped on an AttributeError
    shown = getattr(param, "display_type_rich", None)
    if shown is not None and getattr(shown, "__name__", "") != "plain_type":

        def plain_type(ctx: Any) -> str | None:
            said = shown(ctx)
            return "<path>" if said == "<list[Path]>" else said

        param.display_type_rich = plain_type
