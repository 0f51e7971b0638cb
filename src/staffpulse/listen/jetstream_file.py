"""Listen to a recorded Jetstream stream: a file of frames, one JSON event a line.

A recording (``websocat wss://jetstream2.us-east.bsky.network/subscribe > day.jsonl``, a
saved replay) goes through the same steps as the live stream (:mod:`.listener`): relevance,
threads kept, deletes and identities applied. Its posts join the inbox as live ones do, and
reading the same file again stores nothing twice. It never moves the live stream's cursor,
so a recording can be read before or after a live listen.

What a line can be, and what is said of it (:class:`FileProblem`, with its line):

* an event: handled;
* a line that is not one (not JSON, or JSON of something else): skipped and counted, the
  first few named with their line;
* the last line cut short (a recording still being written, or copied in part): the events
  before it are kept, and the note says so;
* a file with no event at all among its first lines (an X archive, a CSV, a keywords file):
  not a recording, an :class:`~staffpulse.errors.InputError` before anything is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from staffpulse.errors import InputError
from staffpulse.listen.jetstream import MalformedFrame, parse_frame
from staffpulse.listen.listener import JetstreamListener, ListenOptions, ListenStats
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.report.counts import count_of
from staffpulse.sources.user_paths import explain_open_errors
from staffpulse.store import Store
from staffpulse.store.runs import recorded_run

SOURCE = "bluesky-jetstream-file"
STREAM = "bluesky:file"  # its own cursor row: a recording never moves the live cursor
# lines read before a file with no event in them is called no recording
FIRST_LINES = 50
SHOWN_PROBLEMS = 5  # lines named in the notes; the rest are counted
_HINT = (
    "give --from a recorded Jetstream stream: one JSON event a line, as Jetstream sends"
    ' them ({"did": ..., "time_us": ..., "kind": "commit", ...})'
)


@dataclass(frozen=True, slots=True)
class FileProblem:
    line: int
    what: str  # "cut short: the file ends in the middle of an event", "not JSON"


@dataclass
class FileReplay:
    """What reading a recording did: the listener's counters and the lines it skipped."""

    stats: ListenStats
    problems: list[FileProblem] = field(default_factory=list)

    def notes(self, path: Path) -> list[str]:
        """The skipped lines as notes, the first few by line: "day.jsonl, line 4,001: cut
        short ..."."""
        out = [f"{path.name}, line {p.line:,}: {p.what}" for p in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            out.append(f"{len(self.problems) - SHOWN_PROBLEMS:,} more lines skipped as not events")
        if self.stats.skipped_before_cursor:
            out.append(
                f"{self.stats.skipped_before_cursor:,} events older than one before them were"
                " skipped: the file is not in time order (recordings joined out of order?)"
            )
        return out


def replay_file(
    store: Store, relevance: RelevanceFilter, path: Path, max_events: int | None = None
) -> FileReplay:
    """Read the recording at ``path`` into the store (see the module docstring), recorded as
    a ``listen`` run."""
    check_recording(path)
    listener = JetstreamListener(
        store, relevance, ListenOptions(url=path.resolve().as_uri(), cursor=0, stream=STREAM)
    )
    replay = FileReplay(listener.stats)
    params = {"source": SOURCE, "file": str(path), "filter": relevance.description}
    with recorded_run(
        store,
        "listen",
        params,
        counts=listener.stats.as_dict,
        kept_something=lambda: listener.stats.kept > 0,
    ):
        _read_into(listener, replay, path, max_events)
        listener.flush()
    return replay


def _read_into(
    listener: JetstreamListener, replay: FileReplay, path: Path, max_events: int | None
) -> None:
    """Hand each line's event to ``listener``; a line that is none is a problem of
    ``replay``. A file with no event among its first lines was refused by
    :func:`check_recording` before: --max-events that stops before the first event is no
    reason to call a recording none."""
    for number, line, complete in _lines(path):
        if max_events is not None and listener.stats.frames >= max_events:
            break
        listener.stats.frames += 1
        try:
            event = parse_frame(line, listener.handles)
        except MalformedFrame as exc:
            listener.stats.malformed += 1
            replay.problems.append(FileProblem(number, _what(exc, complete)))
            continue
        listener.handle_event(event)


def _not_a_recording(path: Path, problems: list[FileProblem]) -> InputError:
    first = problems[0]
    return InputError(
        f"{path}: not a recorded Jetstream stream: no event in"
        f" {count_of(len(problems), 'line')} read (line {first.line:,}: {first.what})",
        hint=_HINT,
    )


def _what(exc: MalformedFrame, complete: bool) -> str:
    if not str(exc).startswith("not JSON"):
        return f"JSON, but not a Jetstream event ({exc})"
    if not complete:
        return (
            "cut short: the file ends in the middle of an event (a recording still being"
            " written, or copied in part); the events before it are kept"
        )
    return "not JSON, so not a Jetstream event"


def check_recording(path: Path) -> None:
    """Refuse a path that is no readable file, a compressed one, an empty one or one with no
    event among its first lines (an X archive, a CSV), before the classifier takes seconds to
    load and before a store is made (a mistyped --db was left with an empty store)."""
    problems: list[FileProblem] = []
    with _open(path) as handle:  # one read of the head, for all three checks
        if handle.read(2) == b"\x1f\x8b":  # read line by line, it is all "not JSON"
            raise InputError(
                f"{path}: a compressed (gzip) file, not the recorded stream itself",
                hint=f"unpack it first (gunzip {path.name}, or open it with your archive tool),"
                " then give --from the file it holds",
            )
        handle.seek(0)
        for number, line, complete in _lines_of(handle):
            try:
                parse_frame(line)
            except MalformedFrame as exc:
                problems.append(FileProblem(number, _what(exc, complete)))
                if len(problems) < FIRST_LINES:
                    continue
            else:
                return  # an event: a recording, read whole by replay_file
            break
    if not problems:
        # "Read 0 events ... Next: staffpulse inbox" and exit 0 read as if it had worked
        raise InputError(
            f"{path}: the file is empty (no line in it holds anything): no event to read",
            hint="check that you chose the recording itself, and that the recording had run"
            " (a stream saved while nothing came in is empty)",
        )
    raise _not_a_recording(path, problems)


def _open(path: Path) -> BinaryIO:
    with explain_open_errors(path, given="the path given to --from", folder_hint=_HINT):
        return path.open("rb")


def _lines(path: Path) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, the line, whether it ended with a line break) of each non-blank line."""
    with _open(path) as handle:
        yield from _lines_of(handle)


def _lines_of(handle: BinaryIO) -> Iterator[tuple[int, bytes, bool]]:
    for number, raw in enumerate(handle, 1):
        line = raw.strip()
        if line:
            yield number, line, raw.endswith(b"\n")
