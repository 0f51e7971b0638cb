"""What ``staffpulse import`` shows while it works and after: a bar in bytes, and the files
it read, summed up by format.

The bar follows bytes (the size of every file is known from the start; how many records a
file holds only at its end): the files done, plus how far the current one has been read
(:func:`staffpulse.read_offsets.read_offset`), with the time left. The files read are one line
each when they are few; a folder of 3,000 JSONL files is one line, "read 3,000 files in many/
as staffpulse JSONL", and a file something was skipped from keeps its own line beside the
skipped records it explains. A file an archive lacks is told on its own
(:func:`print_missing_files`), not among the records skipped: nothing of it was read.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from staffpulse.cli.consoles import shows_live
from staffpulse.read_offsets import read_in_folder, read_offset, size_of
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice, Problem

# files of one format listed one by one up to this many; more are one line
MAX_FILES_LISTED = 5


def make_import_progress(console: Console) -> Progress:
    """The import's bar: what is read, bytes of the total, records so far, time left. Off
    where no one watches (:func:`staffpulse.cli.consoles.shows_live`): a bar taken away
    leaves an empty line in a log or a pipe, which then began every import's error."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]:,} records"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not shows_live(console),
        redirect_stdout=False,  # stdout is the result's, never the bar's
    )


class ImportBar:
    """The ``planned`` and ``progress`` callbacks of :func:`staffpulse.ingest.import_paths`,
    moving one task of ``progress`` by bytes."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task("Importing", total=None, records=0)
        self.paths: list[Path] = []
        self.sizes: list[int] = []
        self.index: dict[str, int] = {}
        self.records: dict[str, int] = {}

    def planned(self, paths: list[Path]) -> None:
        self.paths = paths
        self.sizes = [_size(path) for path in paths]
        self.index = {str(path): i for i, path in enumerate(paths)}
        self.progress.update(self.task, total=sum(self.sizes) or None)

    def __call__(self, location: str, done: int) -> None:
        self.records[location] = done  # the records of this file so far
        i = self._planned_index(location)
        read = sum(self.sizes[:i])
        if i < len(self.paths) and self.paths[i].is_file():
            # a ZIP's member is read through the ZIP; a file through itself
            offset = read_offset(Path(location.split("!", 1)[0])) or 0
            read += min(offset, self.sizes[i])
        elif i < len(self.paths):  # an unzipped archive: what was read of each of its files
            read += min(read_in_folder(self.paths[i]), self.sizes[i])
        self.progress.update(
            self.task,
            completed=read,
            description=f"Importing {escape(Path(location).name)}",
            records=sum(self.records.values()),
        )

    def _planned_index(self, location: str) -> int:
        """Which planned path ``location`` is in (``archive.zip!member``, a file of an
        archive folder)."""
        found = self.index.get(location)
        if found is not None:
            return found
        for i, path in enumerate(self.paths):
            if location.startswith((f"{path}!", f"{path}{os.sep}")):
                return i
        return max(0, len(self.paths) - 1)


def _size(path: Path) -> int:
    if path.is_dir():  # an extracted archive, read whole
        return sum(size_of(f) for f in path.rglob("*") if f.is_file())
    return size_of(path)


def print_missing_files(console: Console, missing: Sequence[Problem]) -> None:
    """Each file an archive's manifest lists and the archive lacks, one a line as ``missing
    file: what it held, what to do`` (the summary counts them apart from skipped records)."""
    for problem in missing:
        console.print(f"[yellow]missing[/] {escape(str(problem))}", highlight=False, soft_wrap=True)


def read_file_lines(
    files: Sequence[tuple[str, str]], told: Sequence[Problem | Notice]
) -> list[str]:
    """The lines (Rich markup, escaped) that say which files were read as what: one a file
    for a format with few files, or that something was skipped from or a note told of (so
    that the file a message names is named read too); else one for them all."""
    troubled = {item.file for item in told}
    by_label: dict[str, list[str]] = defaultdict(list)
    for file, label in files:
        by_label[label].append(file)
    lines = []
    for label, names in by_label.items():
        quiet = [name for name in names if name not in troubled]
        shown = names if len(quiet) <= MAX_FILES_LISTED else [n for n in names if n in troubled]
        lines += [f"[dim]read[/] {escape(name)} [dim]as {escape(label)}[/]" for name in shown]
        if len(quiet) > MAX_FILES_LISTED:
            noun = "other file" if shown else "file"
            lines.append(
                f"[dim]read[/] {escape(count_of(len(quiet), noun))}{_in_folder(quiet)}"
                f" [dim]as {escape(label)}[/]"
            )
    return lines


def _in_folder(names: Sequence[str]) -> str:
    """`` in many/``: the folder all the files are in, when they share one."""
    try:
        folder = os.path.commonpath([name.split("!", 1)[0] for name in names])
    except ValueError:  # absolute and relative paths mixed
        return ""
    if not folder or folder == ".":
        return ""
    if any("!" in name for name in names) and Path(folder).suffix.lower() == ".zip":
        return f" in {escape(folder)}"
    return f" in {escape(folder.rstrip(os.sep) + os.sep)}"
