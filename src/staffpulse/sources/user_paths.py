"""Paths a user gives, told in words when they cannot be read: missing (a typo, or a file a
browser is still downloading), a folder where a file was meant, unreadable (its
permissions); a download that has not finished, named as one rather than read as a file cut
short; and the same file given twice to one import, read once. Every command that opens a
file a user named goes through :func:`explain_open_errors`.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from staffpulse.errors import InputError, MissingFileError
from staffpulse.missing_folders import find_missing_folder
from staffpulse.near_names import find_near_names
from staffpulse.output_files import shell_path

# What browsers name a file they are still writing, until the download ends
PARTIAL_DOWNLOADS = {
    ".crdownload": "Chrome and Edge name",
    ".part": "Firefox names",
    ".download": "Safari names",
    ".partial": "older Edge names",
}


@contextmanager
def explain_open_errors(
    path: Path, *, what: str = "file", given: str = "the path", folder_hint: str
) -> Iterator[None]:
    """Turn the operating system's refusal to open ``path`` (missing, a folder, unreadable)
    into an error that names the file and says what to do; ``what`` names the file ("keywords
    file"), ``given`` where its path came from ("the path given to --from")."""
    try:
        yield
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise MissingFileError(f"{path}: no such {what}", hint=missing_hint(path, given)) from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder, not a {what}", hint=folder_hint) from exc
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the {what} ({exc.strerror or exc})",
            hint="check that you may read the file (its permissions), or copy it to a folder"
            " of yours and give that copy",
        ) from exc


GONE_LINK = "a link to a file that is not there"


def gone_link(path: Path) -> tuple[str, str]:
    """What a link whose file is gone (moved, deleted, on a drive not connected) is, and what
    to do: the same words whether the link was given by itself or found in a folder."""
    return (
        f"{GONE_LINK} ({os.readlink(path)})",
        "put the file back where the link points (or connect its drive), or give the file itself",
    )


def missing_hint(path: Path, given: str) -> str:
    """What to do about ``path`` not being there: wait for its download to end when a browser
    is still writing it beside (the name typed is right), or put back the file a link left
    behind points to, else check ``given``."""
    if path.is_symlink():  # the name is there: checking its spelling would not help
        what, advice = gone_link(path)
        return f"it is {what}: {advice}"
    for suffix in PARTIAL_DOWNLOADS:
        partial = path.with_name(path.name + suffix)
        if partial.exists():
            return (
                f"it is still being downloaded ({partial.name} is there): wait until the"
                " download has finished, then run the command again"
            )
    near = find_near_names(path)
    if near:  # a typo: the names beside it say what was meant better than "check the path"
        return (
            f"did you mean {' or '.join(str(path.with_name(n)) for n in near)}? Else check {given}"
        )
    gone = find_missing_folder(path)
    if gone is not None:
        return f"there is no folder {gone}: check {given}"
    return f"check {given}"


def still_downloading(path: Path) -> tuple[str, str] | None:
    """What ``path`` is when its name is a browser's for a download that has not finished
    (``posts.jsonl.crdownload``), and what to do; None when it is not. Read, such a file would
    look cut short, or of no known format."""
    browsers = PARTIAL_DOWNLOADS.get(path.suffix.lower())
    if browsers is None:
        return None
    return (
        f"a download that has not finished ({browsers} a file {path.suffix} until it is complete)",
        f"wait until it has finished, then import {path.stem}; if the download stopped,"
        " download the file again",
    )


def given_once(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """``paths`` less those that repeat another (the same file twice, maybe spelt otherwise,
    or a file inside a folder given too), and each one left out with what is told of it:
    read twice, a file is no more imported, but twice as slowly, and told twice."""
    kept: list[tuple[Path, Path]] = []  # (as given, resolved)
    repeats: list[tuple[Path, Path]] = []
    for path in paths:
        real = path.resolve()
        twin = next((given for given, seen in kept if real.is_relative_to(seen)), None)
        if twin is not None:
            repeats.append((path, twin))
            continue
        inside = [(given, seen) for given, seen in kept if seen.is_relative_to(real)]
        repeats += [(given, path) for given, _ in inside]
        kept = [pair for pair in kept if pair not in inside] + [(path, real)]
    return [given for given, _ in kept], [
        (again, _repeats(again, first)) for again, first in repeats
    ]


def _repeats(again: Path, first: Path) -> str:
    if again.resolve() != first.resolve():
        return f"inside {first}, given too: read once"
    return (
        "given twice: read once" if str(again) == str(first) else f"the same as {first}: read once"
    )


__all__ = [
    "PARTIAL_DOWNLOADS",
    "explain_open_errors",
    "given_once",
    "missing_hint",
    "still_downloading",
]


# what every temporary folder staffpulse unpacks a ZIP's or a gzip file's contents into opens with
UNPACKED_PREFIX = "staffpulse-"


def command_file(path: Path) -> str:
    """``path`` as a command the user copies names it: as it was given, quoted for the shell
    (:func:`~staffpulse.output_files.shell_path`), so ``classify 'my dir/my posts.csv'`` runs
    from where the import ran (the name alone failed, "no such file", for a file in another
    folder). A file unpacked from a ZIP or a gzip file to a temporary folder, gone when the
    import ends, by its name alone."""
    if any(folder.name.startswith(UNPACKED_PREFIX) for folder in path.parents):
        return shlex.quote(path.name)
    return shell_path(path)
