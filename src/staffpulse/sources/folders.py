"""Planning a folder for import: what to read, and the files left out whole.

A folder is walked to any depth (hidden files and folders aside); a sub-folder a source reads
as a whole (an extracted X archive) is one input. A file no source claims is left out and
reported, with why when a source can tell (:data:`EXPLAINERS`: a CSV whose header lacks a
column is told the columns it has and what to rename), so the user hears what to fix. A file
left out this way lost no record (:func:`left_out`): it is told apart from the records an
import could not read, which are counted. A folder given alone that holds nothing to import
is refused (:func:`refuse_empty_folder`), saying what its workbooks are and how to save them
as CSV: the reason most such folders hold nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from staffpulse.errors import EmptyInputError
from staffpulse.import_formats import PLAIN_FORMATS
from staffpulse.next_steps import SUPPORTED_FORMATS
from staffpulse.sources.base import (
    EMPTY_FILE,
    IMAGE_SUFFIXES,
    LEFT_OUT,
    REGISTRY,
    UNKNOWN_FORMAT,
    Problem,
    Source,
    UnreadFile,
    claimed_by,
    read_head,
    visible_files,
)
from staffpulse.sources.cohorts import COHORT_FILE
from staffpulse.sources.text_files import document_kind
from staffpulse.sources.user_paths import gone_link, still_downloading
from staffpulse.sources.workbooks import why_workbook, workbook_advice

# An archive's pictures and videos: never sniffed for a format (an archive holds thousands)
MEDIA_SUFFIXES = (*IMAGE_SUFFIXES, ".mp4", ".mov", ".m4v", ".webm", ".mp3", ".m4a", ".ogg")
# Of the files a folder given alone left out, how many are named with what each is
SHOWN_LEFT = 4
# A folder among several paths that holds no file: told, though it cost no record
EMPTY_FOLDER = "the folder holds no files; skipped"
# Why a file of no known format is none, from the sources that can tell (``path, head ->
# why``); each registers itself, as sources register in the REGISTRY. A workbook's is here
# from the start, before the CSV's: a workbook has no header to tell.
EXPLAINERS: list[Callable[[Path, bytes], str | None]] = [why_workbook]
# How an explanation that says what a file is instead (a part of an archive, another tool's
# list) starts: it says what to do itself, so it is not told to "fix the file as said".
WHAT_IT_IS = "this is "
# How a text a person wrote is told (:mod:`staffpulse.sources.prose_files`): given alone; in a
# folder it is one of the files of no known format (a README, a LICENSE), summed up by name
PROSE = f"{WHAT_IT_IS}text a person wrote"


def why_document(_path: Path, head: bytes) -> str | None:
    """What a document or image given to import is ("this is a PDF"), by its first bytes."""
    kind = document_kind(head)
    return f"{WHAT_IT_IS}{kind}, not a file of posts or accounts" if kind else None


EXPLAINERS.append(why_document)  # after the workbook's, which says how to save a CSV


def why_zeros(_path: Path, head: bytes) -> str | None:
    """A file of zero bytes only, as a copy that never finished leaves (a cloud-sync
    placeholder, a crash or a full disk while saving): told so, not as a format not known."""
    if not head or head.strip(b"\0"):
        return None
    return (
        f"{WHAT_IT_IS}no text but zero bytes (NUL) only: a copy or download that did not finish"
        " (a cloud-sync placeholder, a full disk); copy or export the file again"
    )


EXPLAINERS.append(why_zeros)
# Files a source reads or sums up with the file it is planned for (a Mastodon archive's
# avatar and media, told by the archive's reader): never told as "of no known format".
COMPANIONS: list[Callable[[Path], bool]] = []


def told_unfinished(found: tuple[str, str]) -> str:
    """What a file a browser is still downloading is told (``found`` by
    :func:`~staffpulse.sources.user_paths.still_downloading`), left out whole before any
    source sniffs it: its first lines may well read as a format, its last one cut short."""
    return f"{UNKNOWN_FORMAT}: {WHAT_IT_IS}{found[0]}: {found[1]}"


def why_unknown(path: Path) -> str | None:
    """Why no source reads ``path``, when one of :data:`EXPLAINERS` can tell."""
    head = read_head(path)
    return next((why for explain in EXPLAINERS if (why := explain(path, head))), None)


@dataclass(frozen=True, slots=True)
class NotesFile(Problem):
    """A file of no known format that is a text a person wrote (notes, a draft): summed up
    with a README among the files left out, and known for what it is where a folder given
    alone is told what its files are, without reading it again."""


def unknown_file(path: Path) -> Problem:
    """What a folder's file of no known format is told: :data:`UNKNOWN_FORMAT`, and why; a
    benchmark cohort is told what it is and where to use it instead (it has a format)."""
    why = why_unknown(path)
    if why and why.startswith(PROSE):
        return NotesFile(str(path), None, UNKNOWN_FORMAT)
    if why and why.startswith(COHORT_FILE):
        return Problem(str(path), None, why)
    return Problem(str(path), None, f"{UNKNOWN_FORMAT}: {why}" if why else UNKNOWN_FORMAT)


def named_unknown_file(path: Path) -> Problem:
    """What a file the user named among several paths is told when no source reads it: as
    :func:`unknown_file`, marked ``named`` (told on a line of its own), and a text a person
    wrote said to be one, as in a folder given alone (a README is no mystery)."""
    return replace(_told_prose(unknown_file(path)), named=True)


def unreadable(exc: OSError) -> str:
    """What a file the system will not let staffpulse read (its permissions, a disk error)
    is told: nothing of it was read, so its records are lost, not left out as a README is."""
    return (
        f"{UNREADABLE} ({exc.strerror or exc}): nothing of it was read. Check that you may read "
        "it (its permissions), or copy it to a folder of yours and give that copy"
    )


def left_out(problem: Problem) -> bool:
    """A file left out whole (of no known format, or empty): told, but it lost no record."""
    return problem.message in LEFT_OUT or problem.message == EMPTY_FOLDER or told_why(problem)


def told_why(problem: Problem) -> bool:
    """A file of no known format told why (:func:`unknown_file`), or a benchmark cohort
    told where to use it."""
    return problem.message.startswith((UNKNOWN_FORMAT + ":", COHORT_FILE))


# How a table's reason starts (:func:`staffpulse.sources.native_csv.why_not_csv`): a CSV whose
# header was read but names no format's columns, data meant for import most likely
TABLE_HEADER = "the header (line "


def told_table(problem: Problem) -> bool:
    """A CSV left out though its header was read (columns to rename, ids a spreadsheet
    rounded): data that could not be imported, not a read-me beside it."""
    return problem.message.startswith(f"{UNKNOWN_FORMAT}: {TABLE_HEADER}")


def is_empty_file(problem: Problem) -> bool:
    """Left out as empty (a file, or a folder among several paths)."""
    return problem.message in (EMPTY_FILE, EMPTY_FOLDER)


UNREADABLE = "cannot read the file"


def broken_link(path: Path) -> str:
    """What a link whose file is gone (moved, deleted, on a drive not connected) is told."""
    what, advice = gone_link(path)
    return f"{what}: nothing of it was read. {advice[0].upper()}{advice[1:]}"


def plan_folder(
    folder: Path, plan: list[tuple[Path, Source]], problems: list[Problem], seen: set[Path]
) -> None:
    """Plan every file under ``folder`` (hidden ones aside), and each sub-folder a source
    reads as a whole, at any depth; files of no known format go to ``problems``."""
    real = folder.resolve()
    if real in seen:  # a symlink back up the tree
        return
    seen.add(real)
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            claimed = claimed_by(child)
            if claimed is not None:
                plan.append((child, claimed))
                plan_beside(child, claimed, plan)
            else:
                plan_folder(child, plan, problems, seen)
        elif child.is_file():
            if (unfinished := still_downloading(child)) is not None:
                problems.append(Problem(str(child), None, told_unfinished(unfinished)))
            elif not child.stat().st_size:
                problems.append(Problem(str(child), None, EMPTY_FILE))
            else:
                try:
                    source = claimed_by(child)
                except OSError as exc:  # no permission: told, and the rest of the folder read
                    problems.append(UnreadFile(str(child), None, unreadable(exc), records=0))
                    continue
                if source is not None:
                    plan.append((child, source))
                elif not any(is_companion(child) for is_companion in COMPANIONS):
                    problems.append(unknown_file(child))
        elif child.is_symlink():  # a link whose file is gone: its records lost, so told
            problems.append(UnreadFile(str(child), None, broken_link(child), records=0))


def plan_beside(folder: Path, source: Source, plan: list[tuple[Path, Source]]) -> None:
    """Plan the files that a folder read whole by ``source`` (an extracted X or Mastodon
    archive) holds beside the archive: a CSV or a twarc2 file kept in the archive's folder is
    imported too, not passed over in silence. A file ``source`` itself claims is the
    archive's, and so are its media and the files of no known format (its viewer's pages and
    assets), which are neither read nor told."""
    for child in visible_files(folder):
        if child.suffix.lower() in MEDIA_SUFFIXES or not child.stat().st_size:
            continue
        other = claimed_by(child)
        if other is not None and other.name != source.name:
            plan.append((child, other))


def refuse_empty_folder(path: Path, left: Sequence[Problem]) -> NoReturn:
    """Refuse a folder given alone that holds nothing to import (:class:`EmptyInputError`),
    from its files ``left`` out: a workbook among them is told what it is and how to save it
    as a CSV, as one given alone is; other files are named with what each looks like (a PDF,
    an HTML page), so a wrong folder is told from a damaged export."""
    advice = workbook_advice([(Path(p.file).name, Path(p.file)) for p in left])
    if advice is not None:
        said, fix = advice
        raise EmptyInputError(
            f"{path}: the folder holds no file staffpulse can read ({said})", hint=fix
        )
    said = describe_left([_told_prose(p) for p in left[:SHOWN_LEFT]] + list(left[SHOWN_LEFT:]))
    raise EmptyInputError(
        f"{path}: the folder holds no file staffpulse can read" + (f": {said}" if said else ""),
        hint=f"point to the exported files themselves; {supported_formats()}",
    )


def supported_formats() -> str:
    """The formats staffpulse reads, for a hint: in a marketer's words first (an X archive,
    saved Bluesky posts: :data:`~staffpulse.import_formats.PLAIN_FORMATS`, the dashboard's
    words too), then every reader by the name ``import --help`` lists it under (TWCS, snscrape
    JSONL), which alone read as jargon."""
    names = ", ".join(sorted(source.label for source in REGISTRY))
    return SUPPORTED_FORMATS.say(names=f"{PLAIN_FORMATS}; by name: {names}")


def _told_prose(problem: Problem) -> Problem:
    """A file left out as of no known format, said to be a text a person wrote when it is
    one: among other paths it is summed up with a README; in a folder given alone it is named
    with what it is, as a PDF is."""
    if isinstance(problem, NotesFile):
        return replace(problem, message=f"{UNKNOWN_FORMAT}: {PROSE}")
    return problem


def describe_left(left: Sequence[Problem], shown: int = SHOWN_LEFT) -> str:
    """The files ``left`` out of a folder, each named with why ("report.pdf is a PDF, not a
    file of posts or accounts"), the first ``shown`` of them; "" for none."""
    said = [Path(p.file).name + _why_left(p.message) for p in left[:shown]]
    if len(left) > shown:
        said.append(f"{len(left) - shown:,} more")
    return "; ".join(said)


def _why_left(message: str) -> str:
    """A left-out file's message as said after its name: what it is, when that was told."""
    if message.startswith(UNKNOWN_FORMAT + ": " + WHAT_IT_IS):
        return " is " + message.removeprefix(UNKNOWN_FORMAT + ": " + WHAT_IT_IS)
    return f": {message}"
