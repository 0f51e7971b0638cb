"""How the user runs staffpulse: the start of the commands that hints print to copy."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

from staffpulse.cli.registry import COMMAND_MODULES, STORE_COMMANDS


def command_name() -> str:
    """``staffpulse`` when the shell finds it, else the path it was run by
    (``.venv/bin/staffpulse`` before ``source .venv/bin/activate``)."""
    ran = Path(sys.argv[0])
    if ran.name != "staffpulse" or shutil.which("staffpulse"):
        return "staffpulse"
    return shlex.quote(str(ran))  # a folder named with a space runs as printed too


def db_option(db: Path | None) -> str:
    """`` --db PATH`` for a hint, quoted for the shell ("--db my stores/client.db" as printed
    gave the command two arguments); empty for the default store."""
    return "" if db is None else f" --db {shlex.quote(str(db))}"


def on_store(db: Path | None, command: str) -> str:
    """``command`` as the user runs it on the store ``db``: a hint that left out a store
    given with --db sent the user to the default store, which may not exist."""
    return f"{command_name()}{db_option(db)} {command}"


# the commands that work on a store, as hints name them ("or run: staffpulse accounts"); not
# their help ("staffpulse import --help lists the formats"), which reads no store
_STORE_COMMAND = re.compile(
    r"\bstaffpulse (?=(?:" + "|".join(map(re.escape, STORE_COMMANDS)) + r")\b(?! --help))"
)


def on_store_in(text: str | None, db: Path | None) -> str | None:
    """``text`` (a hint) with the staffpulse commands it names run on the store ``db``, given
    with --db: the library words its hints for the default store. A hint that names a --db
    already (the store's own path) is left as it is. The commands are named as the user runs
    staffpulse (:func:`command_name`): "staffpulse import FILE" was no command before
    ``source .venv/bin/activate``, while the lines around it named ``.venv/bin/staffpulse``."""
    if not text:
        return text
    if db is not None and "--db" not in text:
        start = f"staffpulse{db_option(db)} "
        text = _STORE_COMMAND.sub(lambda _found: start, text)
    program = command_name()
    if program == "staffpulse":
        return text
    return _ANY_COMMAND.sub(lambda _found: f"{program} ", text)


def command_starts(text: str) -> list[int]:
    """Where ``text`` names staffpulse to start a command ("Listen first (staffpulse listen
    bluesky)"), for the consoles to name it as the user runs it (:func:`command_name`)."""
    return [found.start() for found in _ANY_COMMAND.finditer(text)] if "staffpulse " in text else []


# "staffpulse" where a hint starts a command to run: before a command's name or an option
# (not the word in "staffpulse.db", or in a sentence about staffpulse)
_ANY_COMMAND = re.compile(
    r"(?<![\w./-])staffpulse (?=(?:"
    + "|".join(map(re.escape, [*COMMAND_MODULES, "--db", "--help", "--version", "--debug"]))
    + r")(?![\w-]))"
)
