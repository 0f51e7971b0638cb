"""A text a person wrote (notes, a draft, a letter) given to import instead of an export.

Such a ``.txt`` was read as a CSV: its first line ("Meeting notes, Monday 3 March") taken for
a header lacking the columns of posts, and the user told to rename columns of a table they
never had. :func:`why_prose` (one of :data:`staffpulse.sources.folders.EXPLAINERS`, before
the CSV's) tells it for what it is; :func:`prose_hint` says how to get the file that is
wanted: the platform's export, or a spreadsheet saved as CSV. In a folder such a file (a
README, a LICENSE) is one of those of no known format, summed up by name.

Only files no source reads are looked at, and only text: lines of sentences that make no
table. A list (handles, keywords, one a line) has no sentences; a table has the same number
of cells on most lines, under a header of short names; neither is prose.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from staffpulse.errors import EmptyInputError
from staffpulse.next_steps import SCORE_LINES, SCORE_TEXTS
from staffpulse.sources.base import HEAD_BYTES, Problem
from staffpulse.sources.csv_preamble import notes_above
from staffpulse.sources.csvrows import sniff_delimiter
from staffpulse.sources.folders import (
    EXPLAINERS,
    PROSE,
    SHOWN_LEFT,
    WHAT_IT_IS,
    NotesFile,
    supported_formats,
)
from staffpulse.sources.native_csv import why_not_csv
from staffpulse.sources.text_files import document_kind, head_text, is_binary
from staffpulse.sources.user_paths import command_file

# A line with this many words is a sentence: a table's header never has as many in one cell
SENTENCE_WORDS = 6
HEADER_CELL_WORDS = 3  # at most, in each cell of a table's header
_CODE_RE = re.compile(r"^(?:window\.|var |const |let |export |import )")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # letters, in any script
# Of a folder given alone, up to how many files left out are told together as notes, in one
# line; a folder of thousands is told as any other of files of no known format
NOTES_CHECKED = 200
# A CSV's names: its first line may be a sentence only when it is one (a title line)
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab")
HOW_TO_EXPORT = (
    "to import posts, export them from where they are: X: Settings › Your account › Download"
    " an archive of your data (import the ZIP it sends); Mastodon: Preferences › Import and"
    " export › Request your archive; Bluesky: Settings › Account › Export my data; a"
    " spreadsheet: save it as CSV with the columns id, author and text"
)


def why_prose(path: Path, head: bytes) -> str | None:
    """What a file of prose is told ("this is text a person wrote ..."); None for any other:
    a table, a list, JSON, a page, binary data."""
    if path.is_dir() or not head.strip() or document_kind(head) is not None or is_binary(head):
        return None
    lines = [line.strip() for line in head_text(head).splitlines() if line.strip()]
    if len(head) >= HEAD_BYTES and len(lines) > 1:
        lines = lines[:-1]  # cut by the end of the head
    if not lines or lines[0][:1] in ("<", "{", "[") or "\x00" in lines[0]:
        return None
    if _CODE_RE.match(lines[0]):  # an X archive's data file (window.YTD.tweets.part0 = [)
        return None
    if lines[0].strip('"').lower() == "text":  # posts under the column's name, as the hint
        return (  # below says to write them: told what the import lacks, not sent round to it
            f"{WHAT_IT_IS}a list of posts under a text header, with no id or author column: an"
            " import needs the columns id, author and text (save the sheet they come from as"
            f" CSV with them). {SCORE_TEXTS.say(file=command_file(path))}"  # as a CSV of texts is told
        )
    said = f"{PROSE} (sentences, as in notes or a draft, not a table of posts or accounts)"
    if path.suffix.lower() not in _TABLE_SUFFIXES and notes_above(head):
        return said  # notes that name a table's columns ("Columns : id,author,text")
    sentences = sum(len(_WORD_RE.findall(line)) >= SENTENCE_WORDS for line in lines)
    if not sentences or _table(lines):
        return None
    if path.suffix.lower() in _TABLE_SUFFIXES and len(_WORD_RE.findall(lines[0])) < SENTENCE_WORDS:
        return None  # a CSV whose header is wrong is told so by the CSV's explainer
    return said


def _table(lines: list[str]) -> bool:
    """Whether the lines make a table: a header of short names, two or more, and the same
    number of cells on most lines below it."""
    try:
        rows = list(csv.reader(lines, delimiter=sniff_delimiter(lines[0])))
    except csv.Error:  # no CSV at all
        return False
    header = rows[0]
    widths = [len(row) for row in rows]
    if len(header) >= 2 and all(len(cell.split()) <= HEADER_CELL_WORDS for cell in header):
        below = widths[1:]  # under a header of names
        return not below or sum(width == len(header) for width in below) >= 0.8 * len(below)
    # no header (ids and texts one a row): the same cells on nearly every row, 3 rows at least
    width = max(set(widths), key=widths.count)
    return width >= 2 and len(rows) >= 3 and widths.count(width) >= 0.9 * len(rows)


def prose_hint(path: Path | None) -> str:
    """How to get the file to import instead of the prose in ``path``, and how to score it
    as posts one a line: after the header line classify needs, said before the command (None:
    in a ZIP, where no command can score it)."""
    if path is None:  # a heading line would not make the ZIP importable: nothing to add
        return f"{HOW_TO_EXPORT}."
    return f"{HOW_TO_EXPORT}. {SCORE_LINES.say(file=command_file(path))}"


def refuse_folder_of_notes(folder: Path, left: Sequence[Problem]) -> None:
    """Refuse a folder given alone whose files ``left`` out are all texts a person wrote
    (:class:`EmptyInputError`), told as one: what they are, named, and what to export
    instead, as one such file given alone is. Returns when any of them is something else."""
    if not all_notes(left):
        return
    files = [Path(p.file) for p in left]
    raise EmptyInputError(
        f"{folder}: the folder holds no file staffpulse can read: "
        + notes_said([f.name for f in files]),
        hint=f"{prose_hint(files[0])}; {supported_formats()}",
    )


def all_notes(left: Sequence[Problem]) -> bool:
    """Whether the files ``left`` out of a folder or ZIP are all texts a person wrote, none
    of them something else."""
    return 0 < len(left) <= NOTES_CHECKED and all(is_notes(problem) for problem in left)


def is_notes(problem: Problem) -> bool:
    """Whether a file left out of a folder or ZIP is a text a person wrote, as its planning
    found (:class:`~staffpulse.sources.folders.NotesFile`)."""
    return isinstance(problem, NotesFile)


def notes_said(names: Sequence[str]) -> str:
    """What a folder's or ZIP's files that are all notes are told, named (the first few)."""
    shown = ", ".join(names[:SHOWN_LEFT])
    if len(names) > SHOWN_LEFT:
        shown += f" and {len(names) - SHOWN_LEFT:,} more"
    what = (
        f"its one file, {shown}, is"
        if len(names) == 1
        else f"its {len(names):,} files ({shown}) are"
    )
    return (
        f"{what} {PROSE.removeprefix(WHAT_IT_IS)} (sentences, as in notes or a draft, not tables"
        " of posts or accounts)"
    )


# before the CSV's, which would take its first line for a header; after those that know a
# file by its first bytes (an X archive's like.js, a JSON document cut short)
EXPLAINERS.insert(EXPLAINERS.index(why_not_csv), why_prose)
