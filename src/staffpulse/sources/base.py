"""What every source adapter provides, and the registry that detects formats.

A source is a pair: a pure transformer (payload -> normalized rows) and a thin reader that
walks a file, yields one :class:`~staffpulse.store.Record` per payload, and reports each
malformed line as a :class:`Problem` instead of stopping.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from staffpulse import __version__
from staffpulse.models import Provenance
from staffpulse.store.core import Record

TOOL_VERSION = f"staffpulse {__version__}"
HEAD_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that could not be imported: where it is and what is wrong with it."""

    file: str
    line: int | None
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


Item = Record | Problem


class Source(Protocol):
    """An input format. ``sniff`` must be cheap; ``read`` never raises for one bad record."""

    name: str
    label: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> Iterator[Item]: ...


REGISTRY: list[Source] = []


def register(source: Source) -> Source:
    """Add a source to the registry (later registrations are tried first: more specific)."""
    if all(existing.name != source.name for existing in REGISTRY):
        REGISTRY.insert(0, source)
    return source


def read_head(path: Path) -> bytes:
    if path.is_dir():
        return b""
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def provenance(source: str, location: str | Path, line: int | None = None) -> Provenance:
    return Provenance(
        source=source,
        location=str(location),
        tool_version=TOOL_VERSION,
        retrieved_at=datetime.now(UTC),
        line=line,
    )


def parse_timestamp(value: object) -> datetime | None:
    """ISO 8601 (``Z`` or offset), X's ``Wed Oct 10 20:19:24 +0000 2018``, or epoch seconds.

    Naive timestamps are taken as UTC. Raises ValueError on anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
        except ValueError:
            raise ValueError(f"unreadable timestamp {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
