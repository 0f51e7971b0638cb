"""How the user runs staffpulse: the start of the commands that hints print to copy."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

from staffpulse.cli.registry import COMMAND_MODULES, STORE_COMMANDS
from staffpulse.errors import MissingTokenError, StaffpulseError


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
    r"staffpulse (?=(?:" + "|".join(map(re.escape, STORE_COMMANDS)) + r")\b(?! --help))"
)


# a --db with its store ("--db a.db"), not the option spoken of ("with your --db, if any")
_NAMES_A_STORE = re.compile(r"--db[ =][^\s,]")


def on_store_in(text: str | None, db: Path | None) -> str | None:
    """``text`` (a hint) with the staffpulse commands it names as the user runs them
    (:func:`commands_as_run`)."""
    if not text:
        return text
    for start, end, said in reversed(commands_as_run(text, db)):
        text = text[:start] + said + text[end:]
    return text


def told_as_run(exc: StaffpulseError, db: Path | None) -> tuple[str, str | None]:
    """The message and hint of ``exc`` with the commands they name as the user runs them
    (:func:`on_store_in`): "use it with staffpulse benchmark FILE" lacked the --db of its hint.
    After the hint, the way that needs no token, when it has one."""
    hint = exc.hint
    if isinstance(exc, MissingTokenError) and exc.free_way:
        hint = f"{exc.hint}; {exc.free_way}" if exc.hint else exc.free_way
    return on_store_in(exc.message, db) or exc.message, on_store_in(hint, db)


def commands_as_run(text: str, db: Path | None) -> list[tuple[int, int, str]]:
    """Where ``text`` names staffpulse to start a command ("Listen first (staffpulse listen
    bluesky)"), and what to write there instead, as (start, end, words): the program as the
    user runs it (:func:`command_name`: "staffpulse import FILE" was no command before
    ``source .venv/bin/activate``, while the lines around it named ``.venv/bin/staffpulse``),
    and before a command that works on a store, the store ``db`` given with --db: the library
    words its hints and notes for the default store, and "or run: staffpulse accounts" after
    ``--db client.db`` listed another store's accounts. A text that names a store with --db
    already (the store's own path) keeps its commands' stores as they are. Empty when nothing changes."""
    if "staffpulse " not in text:
        return []
    program = command_name()
    on_db = db_option(db) if db is not None and not _NAMES_A_STORE.search(text) else ""
    found = []
    for named in _ANY_COMMAND.finditer(text):
        start = named.start()
        said = program + (on_db if on_db and _STORE_COMMAND.match(text, start) else "")
        if said != "staffpulse":
            found.append((start, start + len("staffpulse"), said))
    return found


# "staffpulse" where a hint starts a command to run: before a command's name or an option
# (not the word in "staffpulse.db", or in a sentence about staffpulse)
_ANY_COMMAND = re.compile(
    r"(?<![\w./-])staffpulse (?=(?:"
    + "|".join(map(re.escape, [*COMMAND_MODULES, "--db", "--help", "--version", "--debug"]))
    + r")(?![\w-]))"
)
