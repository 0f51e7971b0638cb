"""What to tell someone whose cohort file is not there yet: how to write one.

A first-time user runs the README's ``staffpulse benchmark cohort.csv`` (or ``refresh
cohort.csv``, ``serve --cohort``, ``connect --cohort``) before writing the file, and was told
only to "check the path". Every command that reads a cohort file says the same here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from staffpulse.errors import MissingFileError

WRITE_A_COHORT = (
    "to make one, write a CSV with the columns handle,platform,segment, one account a line "
    "(acme_staffing,x,staffing_firm; only the handle is needed, so a plain list of handles "
    "works too; staffpulse benchmark --help names the segments)"
)

_Read = TypeVar("_Read")


def say_how_to_write(
    exc: MissingFileError, otherwise: str = "", path: Path | None = None
) -> MissingFileError:
    """``exc`` (the cohort file ``path`` is not there) told how to write one, then
    ``otherwise`` (what the command does without a file, "or run ... without a file"); a
    download still running or a link to a file gone away keeps its own advice. ``path``: the
    file the error names, else the one the system could not open (the error's cause)."""
    path = path or _path_not_opened(exc)
    if path is not None and _on_its_way(path):
        return exc
    told = [exc.hint or "", WRITE_A_COHORT, otherwise]
    return MissingFileError(exc.message, hint="; ".join(part for part in told if part))


def _path_not_opened(exc: MissingFileError) -> Path | None:
    """The path the system refused to open, behind ``exc`` (its cause), when it says."""
    cause = exc.__cause__
    if isinstance(cause, OSError) and isinstance(cause.filename, str):
        return Path(cause.filename)
    return None


def _on_its_way(path: Path) -> bool:
    """Whether the file is there in a way: a link to it whose file is gone (put back), or a
    browser still writing it beside (wait). A file not written yet is neither."""
    from staffpulse.sources.user_paths import PARTIAL_DOWNLOADS

    return path.is_symlink() or any(
        path.with_name(path.name + suffix).exists() for suffix in PARTIAL_DOWNLOADS
    )


def read_cohort_or_say_how(read: Callable[[], _Read], otherwise: str = "") -> _Read:
    """``read()`` (a cohort file read), a file that is not there told how to write one."""
    try:
        return read()
    except MissingFileError as exc:
        told = say_how_to_write(exc, otherwise)
        if told is exc:
            raise
        raise told from exc


def refuse_missing_cohort(cohort: Path, otherwise: str) -> None:
    """Stop before any work when the cohort file a command was given is not there: told how
    to write one, then ``otherwise`` (what this command does without the option)."""
    if cohort.is_file():
        return
    from staffpulse.sources.user_paths import missing_hint

    # a typo is offered the names beside it; a file not written yet is told how to write one
    missing = MissingFileError(
        f"{cohort}: no such cohort file", hint=missing_hint(cohort, "the path")
    )
    raise say_how_to_write(missing, otherwise, cohort)
