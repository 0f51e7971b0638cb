"""Streaming multipart uploads with a size cap, written straight into a private temp folder.

The body is never held in memory and never passes the cap: the ``Content-Length`` is checked
first, then every chunk is counted as it arrives. The CSRF field must come before the file
part (the forms put it first), so nothing is written to disk for a forged request.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:
    from starlette.requests import Request

MAX_FIELD_BYTES = 64 * 1024
MAX_FILES = 10  # files in one upload: the Import page says so beside the file picker
MULTIPART_OVERHEAD = 64 * 1024
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def display_name(raw: str, fallback: str = "the uploaded file") -> str:
    """The user's file name as a page shows it: no folders, nothing unprintable."""
    base = raw.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(c for c in base if c.isprintable()).strip()[:200] or fallback


class UploadTooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the upload is larger than the {human_bytes(limit)} limit")
        self.limit = limit


class UploadFormatError(Exception):
    """The request is not a usable multipart form."""


class TooManyFilesError(Exception):
    """More files were chosen than one upload takes; ``chosen`` counts them all."""

    def __init__(self, chosen: int, limit: int) -> None:
        super().__init__(f"{chosen} files were chosen; one upload takes at most {limit}")
        self.chosen = chosen
        self.limit = limit


def human_bytes(value: float) -> str:
    """A size as people write it: "200 MB" (a limit is a whole number: no "200.0 MB"), "2.6 MB"."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{value:.0f} {unit}"
            return f"{value:.1f}".removesuffix(".0") + f" {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def safe_filename(name: str | None) -> str:
    """The client's file name reduced to a harmless basename (its extension kept)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_NAME.sub("_", base).strip("._")
    return cleaned[:120] or "upload.bin"


@dataclass
class ReceivedUpload:
    folder: Path
    fields: dict[str, str] = field(default_factory=dict)
    files: list[tuple[str, Path]] = field(default_factory=list)  # (field name, saved path)
    names: list[str] = field(default_factory=list)  # each file's name on the user's computer

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def drop_repeats(self) -> list[str]:
        """Leave out each file chosen again (the same name and the same bytes as one before
        it), as ``staffpulse import`` reads a file given twice once; return their names, for
        the job page to say so ("chosen twice: read once")."""
        kept: list[tuple[str, Path]] = []
        names: list[str] = []
        repeated: list[str] = []
        for (field_name, path), name in zip(self.files, self.names, strict=True):
            if any(
                n == name and _same_bytes(p, path) for (_f, p), n in zip(kept, names, strict=True)
            ):
                path.unlink(missing_ok=True)
                if name not in repeated:
                    repeated.append(name)
                continue
            kept.append((field_name, path))
            names.append(name)
        self.files, self.names = kept, names
        return repeated


def _same_bytes(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and filecmp.cmp(
        first, second, shallow=False
    )


class _Collector:
    def __init__(
        self, folder: Path, before_file: Callable[[dict[str, str]], None], max_files: int
    ) -> None:
        self.folder = folder
        self.before_file = before_file
        self.max_files = max_files
        self.result = ReceivedUpload(folder)
        self.skipped_files = 0  # past max_files: counted, so the page can say how many
        self.header_field = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.name = ""
        self.filename: str | None = None
        self.value = bytearray()
        self.handle: IO[bytes] | None = None

    def on_part_begin(self) -> None:
        self.headers, self.name, self.filename = {}, "", None
        self.value = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.header_field.lower()] = self.header_value
        self.header_field, self.header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        raw_filename = options.get(b"filename")
        if raw_filename is None:
            return
        # a browser sends a quote in a file name as %22 (the HTML standard's escape of the
        # form's encoding): the page said 'Import of Client %22A%22.csv' for Client "A".csv
        self.filename = raw_filename.decode("utf-8", "replace").replace("%22", '"')
        if not self.filename:
            return  # an empty file input
        self.before_file(self.result.fields)
        if len(self.result.files) >= self.max_files:
            self.skipped_files += 1  # not written (on_part_data drops it): the upload fails
            return
        # Saved under the user's (cleaned) name: formats are recognised by it too (an X
        # archive's tweets.js). Files of one upload share the folder, so that account.js
        # chosen with tweets.js is found beside it; a repeated name gets a sub-folder.
        target = self.folder / safe_filename(self.filename)
        if target.exists():
            target = self.folder / str(len(self.result.files)) / target.name
            target.parent.mkdir()
        self.handle = target.open("wb")
        self.result.files.append((self.name, target))
        self.result.names.append(display_name(self.filename))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.handle is not None:
            self.handle.write(data[start:end])
        elif self.filename is None:
            self.value.extend(data[start:end])
            if len(self.value) > MAX_FIELD_BYTES:
                raise UploadFormatError(f"the form field '{self.name}' is too long")

    def on_part_end(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        elif self.filename is None and self.name:
            self.result.fields[self.name] = self.value.decode("utf-8", "replace")

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


async def receive_upload(
    request: Request,
    root: Path,
    max_bytes: int,
    before_file: Callable[[dict[str, str]], None],
    max_files: int = MAX_FILES,
) -> ReceivedUpload:
    """Stream a ``multipart/form-data`` request into a new folder under ``root``.

    ``before_file(fields)`` runs when the first file part starts (the CSRF check); whatever it
    raises aborts the upload. Raises :class:`UploadTooLargeError` past ``max_bytes`` and
    :class:`TooManyFilesError` past ``max_files`` (after reading the rest, to count them).
    """
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise UploadFormatError("the upload must be sent as a multipart form")
    limit = max_bytes + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise UploadTooLargeError(max_bytes)
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=root))
    collector = _Collector(folder, before_file, max_files)
    callbacks: Any = {
        name: getattr(collector, name)
        for name in (
            "on_part_begin",
            "on_part_data",
            "on_part_end",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
        )
    }
    parser = MultipartParser(boundary, callbacks)
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise UploadTooLargeError(max_bytes)
            try:
                parser.write(chunk)
            except FormParserError as exc:
                raise UploadFormatError(f"the upload could not be read ({exc})") from exc
        parser.finalize()
        if collector.skipped_files:
            chosen = len(collector.result.files) + collector.skipped_files
            raise TooManyFilesError(chosen, max_files)
        oversized = [p for _n, p in collector.result.files if p.stat().st_size > max_bytes]
        if oversized:
            raise UploadTooLargeError(max_bytes)
    except BaseException:
        collector.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    collector.close()
    return collector.result
