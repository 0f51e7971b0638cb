"""How the user runs staffpulse: the start of the commands that hints print to copy."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path


def command_name() -> str:
    """``staffpulse`` when the shell finds it, else the path it was run by
    (``.venv/bin/staffpulse`` before ``source .venv/bin/activate``)."""
    ran = Path(sys.argv[0])
    if ran.name != "staffpulse" or shutil.which("staffpulse"):
        return "staffpulse"
    return shlex.quote(str(ran))  # a folder named with a space runs as printed too


def on_store(db: Path | None, command: str) -> str:
    """``command`` as the user runs it on the store ``db``: a hint that left out a store
    given with --db sent the user to the default store, which may not exist."""
    if db is None:
        return f"{command_name()} {command}"
    return f"{command_name()} --db {shlex.quote(str(db))} {command}"
