"""Checks on the words typed after ``staffpulse``, made once the command is known and before
it runs: a word that would be misread (``--json true`` taken for a file) or an option the
command does not use (``staffpulse --db my.db classify``) is refused before anything is read."""

from __future__ import annotations

import itertools
import typing
from pathlib import Path
from typing import Any

from typer._click.exceptions import UsageError

from staffpulse.cli.registry import FILE_COMMANDS
from staffpulse.cli.usage_errors import no_store_is_read
from staffpulse.errors import MissingFileError

# What a script writer types after a flag that takes no value: read as a path otherwise
FLAG_WORDS = frozenset({"true", "1", "yes", "on"})
FLAG_OFF_WORDS = frozenset({"false", "0", "no", "off"})
_HELP_WORDS = frozenset({"--help", "-h"})


def takes_paths(command: Any) -> bool:
    """Whether the command's arguments are paths (import, score, avatar...): a word typed
    after ``--json`` becomes one of them, and is refused as a missing file."""
    for param in command.params:
        if param.param_type_name != "argument":
            continue
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        if annotation is Path or Path in typing.get_args(annotation):
            return True
    return False


def refuse_flag_value(args: list[str]) -> None:
    """``--json true`` (or ``false``, ``1``...): the flag takes no value, so the word would be
    read as a path. Refused before anything is read, saying what to leave out: for ``false``
    both words, as ``--json`` alone turns JSON on."""
    for flag, word in itertools.pairwise(args):
        said = word.lower()
        if flag != "--json" or said not in FLAG_WORDS | FLAG_OFF_WORDS or Path(word).exists():
            continue
        leave_out = (
            f"leave out '{word}' and '--json' both for the terminal output"
            if said in FLAG_OFF_WORDS
            else f"leave out '{word}'"
        )
        raise MissingFileError(
            f"{word}: no such file or folder", hint=f"--json takes no value: {leave_out}"
        )


def refuse_db_before(root: Any, name: str, command: Any, args: list[str]) -> None:
    """``staffpulse --db my.db classify posts.csv``: the command reads only the files it is
    given, so the store was silently ignored, while ``classify posts.csv --db my.db`` was
    told so. The same usage error (exit 2) either way, under the command's own usage line;
    its ``--help`` still shows."""
    if name not in FILE_COMMANDS or not root.params.get("db") or _HELP_WORDS.intersection(args):
        return  # the other commands read the store: no context is built for them
    at = command.context_class(command, info_name=name, parent=root)
    said = no_store_is_read(name, at.command_path)
    if said is not None:
        raise UsageError(said, ctx=at)
