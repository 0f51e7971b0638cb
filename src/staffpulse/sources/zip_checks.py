"""A ZIP checked before anything is imported: one that cannot be opened, or holds nothing to
import, is refused as a folder is, saying what it holds (workbooks, files of no known format,
empty files, damaged members) and what to do. :mod:`staffpulse.sources.zipped` reads it."""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from staffpulse.errors import EmptyInputError, InputError
from staffpulse.next_steps import SEE_FORMATS
from staffpulse.sources.base import UNKNOWN_FORMAT
from staffpulse.sources.folders import PROSE, SHOWN_LEFT, describe_left, is_empty_file, left_out
from staffpulse.sources.prose_files import all_notes, is_notes, notes_said, prose_hint
from staffpulse.sources.workbooks import workbook_advice
from staffpulse.sources.zip_extract import DAMAGED
from staffpulse.sources.zip_salvage import SalvagedZip, not_a_zip, open_zip
from staffpulse.sources.zipped import unpack_heads


def check_zip(path: Path) -> None:
    """Refuse, before anything is imported, a ZIP that cannot be opened
    (:class:`InputError`) and one that holds nothing to import (:class:`EmptyInputError`),
    as a folder is refused."""
    try:
        archive = open_zip(path)  # one cut short: the files before the cut
    except (zipfile.BadZipFile, OSError, EOFError):
        if (not_zip := not_a_zip(path)) is not None:
            raise InputError(f"{path}: {not_zip}", hint=NOT_A_ZIP_HINT) from None
        raise InputError(
            f"{path}: the ZIP is damaged or cut short",
            hint="download or copy it again; or unzip it with another tool and import the folder",
        ) from None
    with archive, tempfile.TemporaryDirectory(prefix="staffpulse-zip-") as tmp:
        roots, files, unread = unpack_heads(path, archive, Path(tmp))
        if roots:
            return
        plan, skipped = files.plan(join=False)  # something to read is all it asks
        if plan:
            return
        # read while the members' heads are still there: a ZIP of workbooks is the usual one
        books = {p.file for p in skipped if left_out(p) and files.holds_workbook(p.file)}
        advice = workbook_advice([(_member_name(f), files.local(f)) for f in sorted(books)])
        if not unread and all_notes(skipped):
            raise EmptyInputError(  # told as a folder of them is
                f"{path}: the ZIP holds nothing staffpulse can import: "
                + notes_said([_member_name(p.file) for p in skipped]),
                hint=prose_hint(None),
            )
        unknown = [
            p for p in skipped if left_out(p) and not is_empty_file(p) and p.file not in books
        ]
        # those named below (the first few) that are notes, as planning found
        notes = {p.file for p in unknown[:SHOWN_LEFT] if is_notes(p)}
    if not skipped and not unread:
        raise EmptyInputError(f"{path}: the ZIP holds no files", hint="check that it is the export")
    unread += [p for p in skipped if p.message == DAMAGED]
    why = [str(problem) for problem in unread[:2]]
    empty = [p for p in skipped if is_empty_file(p)]
    if empty:
        shown = ", ".join(_member_name(p.file) for p in empty[:3])
        more = f" and {len(empty) - 3:,} more" if len(empty) > 3 else ""
        why.insert(0, f"{shown}{more}: empty")
    if unknown:  # each named with what it is, as a folder's are ("report.pdf is a PDF, ...")
        named = [
            replace(p, file=_member_name(p.file), message=f"{UNKNOWN_FORMAT}: {PROSE}")
            if p.file in notes  # named as in a folder: "ideas.txt is text a person wrote"
            else replace(p, file=_member_name(p.file))
            for p in unknown
        ]
        why.insert(0, describe_left(named))
    hint = f"put the exported files themselves in it {SEE_FORMATS.say()}"
    if advice is not None:
        why.insert(0, advice[0])
        hint = advice[1]
    if isinstance(archive, SalvagedZip):  # what it should hold was after the cut, most likely
        raise InputError(
            f"{path}: the ZIP is cut short (its download or copy stopped), and the files whole"
            f" before the cut hold nothing staffpulse can import ({'; '.join(why)})",
            hint="download or copy the ZIP again, then import it",
        )
    if any(problem.message == DAMAGED for problem in unread):
        # what it should hold is in the damaged files: not to be packed again by the user
        raise InputError(
            f"{path}: the ZIP is damaged, and nothing staffpulse can import could be read from"
            f" it ({'; '.join(why)})",
            hint="download or copy the ZIP again, then import it",
        )
    raise EmptyInputError(
        f"{path}: the ZIP holds nothing staffpulse can import ({'; '.join(why)})", hint=hint
    )


NOT_A_ZIP_HINT = (
    "is it the file you meant? Give the export itself: an export of posts is text (JSON, CSV)"
    " or a ZIP of such files"
)


def _member_name(shown: str) -> str:
    """The file name of a member told as ``zip!folder/member``."""
    return PurePosixPath(shown.split("!", 1)[-1]).name
