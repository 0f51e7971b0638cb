"""A recorded Jetstream stream read like the live one: posts kept by the same filter, no
duplicates on a second read, the live cursor untouched, and each line that is no event named
by its line (one cut short at the end, a file of another kind refused)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from staffpulse.errors import InputError, MissingFileError
from staffpulse.listen.jetstream import POST_COLLECTION
from staffpulse.listen.jetstream_file import FIRST_LINES, check_recording, replay_file
from staffpulse.listen.listen_run import STREAM
from staffpulse.listen.relevance import Keywords, RelevanceFilter
from staffpulse.listen.replay import frames_of
from staffpulse.listen.schema import get_cursor, set_cursor
from staffpulse.store import open_store

T0 = 1_767_225_600_000_000
FILTER = RelevanceFilter(keywords=Keywords.of(["recruiters", "hiring"]))


def _post(n: int, text: str, did: str = "did:plc:ana") -> dict[str, Any]:
    return {
        "did": did, "time_us": T0 + n, "kind": "commit",
        "commit": {"operation": "create", "collection": POST_COLLECTION, "rkey": f"r{n}",
                   "record": {"text": text, "createdAt": "2026-01-01T00:00:00Z"}},
    }  # fmt: skip


EVENTS = [
    _post(1, "Recruiters: how fast do you reply to applicants?"),
    _post(2, "Sunset at the beach tonight"),
    _post(3, "Is anyone hiring nurses in Leeds this winter?", did="did:plc:ben"),
]


def _recording(tmp_path: Path, lines: list[str], end: str = "\n") -> Path:
    path = tmp_path / "day.jsonl"
    path.write_text("\n".join(lines) + end, encoding="utf-8")
    return path


def _posts(db: Path) -> list[str]:
    with open_store(db) as store:
        return [r[0] for r in store.conn.execute("SELECT text FROM posts ORDER BY text")]


def test_a_recording_is_kept_as_a_live_listen_keeps_it_and_twice_is_once(tmp_path: Path) -> None:
    path = _recording(tmp_path, frames_of(EVENTS))
    db = tmp_path / "s.db"
    with open_store(db) as store:
        set_cursor(store.conn, STREAM, 42)  # the live stream's, from an earlier listen
        first = replay_file(store, FILTER, path)
        again = replay_file(store, FILTER, path)
        live_cursor = get_cursor(store, STREAM)
    assert first.stats.kept == again.stats.kept == 2 and first.problems == []
    assert _posts(db) == [
        "Is anyone hiring nurses in Leeds this winter?",
        "Recruiters: how fast do you reply to applicants?",
    ]  # the same two after the second read: nothing stored twice
    assert live_cursor == 42  # a recording never moves the live cursor


def test_a_recording_cut_short_keeps_what_came_before_and_says_which_line(
    tmp_path: Path,
) -> None:
    whole = frames_of(EVENTS)
    path = _recording(tmp_path, [*whole[:2], whole[2][:30]], end="")
    with open_store(tmp_path / "s.db") as store:
        replay = replay_file(store, FILTER, path)
    assert replay.stats.kept == 1
    (note,) = replay.notes(path)
    assert note.startswith("day.jsonl, line 3: cut short: the file ends in the middle")


def test_a_line_that_is_no_event_is_skipped_and_named(tmp_path: Path) -> None:
    lines = frames_of(EVENTS)
    path = _recording(tmp_path, [lines[0], "hello", '{"did": "x"}', lines[2]])
    with open_store(tmp_path / "s.db") as store:
        replay = replay_file(store, FILTER, path)
    assert replay.stats.kept == 2 and replay.stats.malformed == 2
    assert replay.notes(path) == [
        "day.jsonl, line 2: not JSON, so not a Jetstream event",
        "day.jsonl, line 3: JSON, but not a Jetstream event (missing or invalid 'did')",
    ]


def test_max_events_that_stops_before_the_first_event_is_no_refusal(tmp_path: Path) -> None:
    # a recording whose first line is damaged, read with --max-events 1: it was refused as
    # "not a recorded Jetstream stream" (exit 65), though its next line is an event
    path = _recording(tmp_path, ["hello", *frames_of(EVENTS)])
    with open_store(tmp_path / "s.db") as store:
        replay = replay_file(store, FILTER, path, max_events=1)
    assert replay.stats.frames == 1 and replay.stats.kept == 0
    assert replay.notes(path) == ["day.jsonl, line 1: not JSON, so not a Jetstream event"]


@pytest.mark.parametrize(
    "lines",
    [
        ["tweet_id,author_id,text", "1,2,hello"],  # a CSV
        ['{"data": [{"id": "1", "text": "hi"}]}'] * (FIRST_LINES + 10),  # twarc2 pages
    ],
)
def test_a_file_of_another_kind_is_refused_before_anything_is_stored(
    tmp_path: Path, lines: list[str]
) -> None:
    path = _recording(tmp_path, lines)
    db = tmp_path / "s.db"
    with open_store(db) as store, pytest.raises(InputError) as caught:
        replay_file(store, FILTER, path)
    message = caught.value.message
    assert "not a recorded Jetstream stream" in message and "(line 1: " in message
    assert f"no event in {min(len(lines), FIRST_LINES)} lines read" in message
    assert caught.value.exit_code == 65 and _posts(db) == []


def test_a_missing_recording_says_so(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store, pytest.raises(MissingFileError):
        replay_file(store, FILTER, tmp_path / "nope.jsonl")


def test_a_compressed_recording_is_told_to_be_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(frames_of(EVENTS)).encode()))
    with pytest.raises(InputError, match="compressed") as caught:
        check_recording(path)
    assert "gunzip day.jsonl.gz" in caught.value.hint
    check_recording(_recording(tmp_path, frames_of(EVENTS)))  # a plain one passes
