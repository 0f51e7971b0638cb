"""Planning an import: which files of the paths given are read, by which source, and which
are left out (with why), before anything is written.

A path given alone must be importable, and is refused with what is wrong with it; among
several paths, one that cannot be read is left out and told, and the rest imported. A folder
is walked (:mod:`staffpulse.sources.folders`), a download saved twice is read once
(:mod:`staffpulse.sources.file_copies`), and the ZIPs X sent one archive in are read as one
(:mod:`staffpulse.sources.x_archive_parts`). The import itself is :mod:`staffpulse.ingest`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from staffpulse.errors import EmptyInputError, InputError, MissingFileError
from staffpulse.next_steps import FORMATS_LISTED
from staffpulse.sources import Problem, Source, detect
from staffpulse.sources.base import EMPTY_FILE, UNKNOWN_FORMAT, UnreadFile, claimed_by
from staffpulse.sources.file_copies import without_copies
from staffpulse.sources.folders import (
    EMPTY_FOLDER,
    named_unknown_file,
    plan_beside,
    plan_folder,
    refuse_empty_folder,
    told_unfinished,
    told_why,
    unreadable,
)
from staffpulse.sources.prose_files import refuse_folder_of_notes
from staffpulse.sources.read_order import dids_first
from staffpulse.sources.unzipped_copies import without_unzipped
from staffpulse.sources.user_paths import (
    explain_open_errors,
    given_once,
    missing_hint,
    still_downloading,
)
from staffpulse.sources.x_archive_parts import join_split_archives
from staffpulse.sources.zip_checks import check_zip
from staffpulse.sources.zip_salvage import not_a_zip
from staffpulse.sources.zipped import ZipFolder


def plan_import(paths: Sequence[Path]) -> tuple[list[tuple[Path, Source]], list[Problem]]:
    """Resolve paths (files, folders, archives) to (file, source) pairs, before writing anything.

    A path given alone must be importable: an empty file, a file of no known format, a folder
    with nothing to import, a ZIP that cannot be opened is refused, saying what is wrong. Among
    several paths (a shell glob over a client's folder picks up its README and LICENSE), such
    a path is left out and reported as a folder's file is, and the rest is imported; only
    when none of them can be read is the import refused. A path that does not exist is always
    refused first: a typo, to fix before anything is imported.
    """
    for path in paths:
        if not path.exists():
            raise MissingFileError(
                f"{path}: no such file or folder", hint=missing_hint(path, "the path and try again")
            )
    paths, repeats = given_once(paths)
    plan: list[tuple[Path, Source]] = []
    problems = [Problem(str(again), None, said, records=0) for again, said in repeats]
    alone = len(paths) == 1
    for path in paths:
        if path.is_dir():
            _plan_folder(path, plan, problems, alone)
        elif (unfinished := still_downloading(path)) is not None:
            if alone:
                raise InputError(f"{path}: {unfinished[0]}", hint=unfinished[1])
            problems.append(Problem(str(path), None, told_unfinished(unfinished), named=True))
        elif alone:
            if path.stat().st_size == 0:
                raise EmptyInputError(f"{path}: the file is empty", hint="export the data again")
            with explain_open_errors(path, folder_hint="give the file itself"):
                found = detect(path)
            if isinstance(found, ZipFolder):
                check_zip(path)
            plan.append((path, found))
        elif path.stat().st_size == 0:
            problems.append(Problem(str(path), None, EMPTY_FILE, named=True))
        else:
            try:
                source = claimed_by(path)
            except OSError as exc:  # no permission: told, and the other paths imported
                problems.append(UnreadFile(str(path), None, unreadable(exc), records=0, named=True))
                continue
            if source is None:
                problems.append(named_unknown_file(path))
            elif isinstance(source, ZipFolder) and (not_zip := not_a_zip(path)) is not None:
                # named .zip, holding no ZIP (a PDF, random bytes): left out and told on a
                # line of its own, as any file of no known format among several paths
                problems.append(
                    Problem(str(path), None, f"{UNKNOWN_FORMAT}: {not_zip}", named=True)
                )
            else:
                # a ZIP among several paths is read as a folder's is: a damaged one is
                # reported and counted as it is read, and the other paths are still imported
                plan.append((path, source))
    plan, copies = without_copies(plan)  # a download saved twice: read once, told
    problems += copies
    plan, unzipped = without_unzipped(plan, paths)  # a ZIP and the folder unzipped from it
    problems += unzipped
    plan = join_split_archives(plan)  # the ZIPs X sent one archive in, read as one
    if not plan:
        _refuse_all(paths, problems)
    return dids_first(plan), problems


# Files of several paths each told why in the refusal, at most (the rest are counted)
TOLD_FILES = 10


def _refuse_all(paths: Sequence[Path], problems: Sequence[Problem]) -> None:
    """Refuse an import none of whose ``paths`` can be read. Each file told why (a TikTok
    export, a picture that is none) is told so on a line of its own, as it would be given
    alone: one message for them all hid that a TikTok and an Instagram export are each the
    wrong platform's."""
    said = f"nothing was imported: none of the {len(paths):,} paths holds anything staffpulse "
    told = [p for p in problems if told_why(p)]
    if not told:
        names = ", ".join(Path(p.file).name for p in problems[:3])
        more = f" and {len(problems) - 3:,} more" if len(problems) > 3 else ""
        raise EmptyInputError(
            f"{said}can import ({names}{more}: of no known format, or empty)",
            hint=f"import one of them alone to hear what is wrong with it; {FORMATS_LISTED.say()}",
        )
    lines = [
        f"\n  {Path(p.file).name}: {p.message.removeprefix(UNKNOWN_FORMAT + ': ')}"
        for p in problems[:TOLD_FILES]
    ]
    if len(problems) > TOLD_FILES:
        lines.append(f"\n  and {len(problems) - TOLD_FILES:,} more")
    alone = "" if len(told) == len(problems) else "import one of the others alone to hear why; "
    raise EmptyInputError(f"{said}can import:{''.join(lines)}", hint=alone + FORMATS_LISTED.say())


def _plan_folder(
    path: Path, plan: list[tuple[Path, Source]], problems: list[Problem], alone: bool
) -> None:
    claimed = claimed_by(path)
    if claimed is not None:  # an extracted X or Mastodon archive
        plan.append((path, claimed))
        plan_beside(path, claimed, plan)
        return
    before = len(plan), len(problems)
    plan_folder(path, plan, problems, seen=set())
    if len(plan) > before[0]:
        return
    if alone:
        unread = [p for p in problems[before[1] :] if isinstance(p, UnreadFile)]
        if unread:  # the files it holds could not be opened: that is what to fix first
            more = f" (and {len(unread) - 1:,} more in {path})" if len(unread) > 1 else ""
            raise InputError(f"{unread[0].file}{more}: {unread[0].message}")
        refuse_folder_of_notes(path, problems[before[1] :])  # told as one file of them is
        refuse_empty_folder(path, problems[before[1] :])
    if len(problems) == before[1]:  # no file in it at all: still told, as nothing was read
        problems.append(Problem(str(path), None, EMPTY_FOLDER))
