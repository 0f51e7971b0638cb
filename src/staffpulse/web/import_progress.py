"""How far an import has come, for its progress bar: files done of the files chosen, and bytes
read of their total size.

The import reports records as it writes them, but how many records a file holds is known only
at its end. The size of every uploaded file is known from the start, so the bar follows bytes:
the files done, plus how far the current file has been read. That last part is the offset of
the descriptor the import reads it through, which Linux shows in ``/proc/self/fdinfo``; where
there is no such view (macOS, Windows) the bar moves file by file and the page still counts
records and names the file and its size.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from staffpulse.read_offsets import read_offset, size_of
from staffpulse.report.counts import count_of
from staffpulse.web.uploads import human_bytes


class ImportProgress:
    """The ``progress(file, records)`` callback of an import, as a job's phase, bar and detail.

    ``update(phase, done, total, detail)`` is the job's; ``files`` the uploaded files in the
    order the import reads them, ``shown_as`` how the page names each.
    """

    def __init__(
        self,
        update: Callable[[str, int, int | None, str], None],
        files: list[Path],
        shown_as: Callable[[str], str],
    ) -> None:
        self.update = update
        self.files = files
        self.sizes = [size_of(f) for f in files]
        self.total = sum(self.sizes)
        self.shown_as = shown_as
        self.records = 0
        self._file_records: dict[str, int] = {}

    def start(self) -> None:
        self.update("Reading the files", 0, self.total or None, self._detail(0, 0))

    def __call__(self, location: str, done: int) -> None:
        self._file_records[location] = done  # done counts the records of this file so far
        self.records = sum(self._file_records.values())
        index = self._index(location)
        before = sum(self.sizes[:index])
        offset = read_offset(self.files[index]) if index < len(self.files) else None
        read = before + min(offset or 0, self.sizes[index] if index < len(self.sizes) else 0)
        name = self.shown_as(location)
        which = f" (file {index + 1} of {len(self.files)})" if len(self.files) > 1 else ""
        self.update(f"Importing {name}{which}", read, self.total or None, self._detail(read, index))

    def read_all(self) -> str:
        """The detail line once every file was read."""
        return f"{human_bytes(self.total)} read · {count_of(self.records, 'record')}"

    def _index(self, location: str) -> int:
        """Which uploaded file ``location`` is in (a ZIP member: ``archive.zip!member``)."""
        for i, path in enumerate(self.files):
            if location == str(path) or location.startswith((f"{path}!", f"{path}/")):
                return i
        return max(0, len(self.files) - 1)

    def _detail(self, read: int, index: int) -> str:
        parts = [
            f"{human_bytes(read)} of {human_bytes(self.total)} read"
            if read
            else f"{human_bytes(self.total)} to read"
        ]
        if len(self.files) > 1:
            parts.append(f"{count_of(index, 'file')} of {len(self.files)} done")
        if self.records:
            parts.append(f"{count_of(self.records, 'record')} so far")
        return " · ".join(parts)
