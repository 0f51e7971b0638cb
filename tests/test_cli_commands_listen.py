"""`staffpulse listen`: its options are checked before the models load, a Jetstream it cannot
reach exits 75 with what to do, and keywords files are read in any text encoding."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _listen_fakes import FakeScorer
from conftest import FIRM, ServerThread
from staffpulse.cli.app import app
from staffpulse.listen.replay import frames_of
from staffpulse.store import open_store

runner = CliRunner()


@pytest.fixture(autouse=True)
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    import staffpulse.signals.text as text_module

    monkeypatch.setattr(text_module, "load_text_signals_or_none", FakeScorer)  # the CLI's


@pytest.fixture
def model_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item for each time the command loads the models (none, before its options pass)."""
    import staffpulse.signals.text as text_module

    loads: list[int] = []
    monkeypatch.setattr(text_module, "load_text_signals_or_none", lambda: loads.append(1))
    return loads


def test_listen_rejects_bad_url_and_duration(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    bad = runner.invoke(app, ["listen", "bluesky", "--url", "http://x", "--db", db])
    assert bad.exit_code == 65 and "WebSocket" in bad.output
    worse = runner.invoke(app, ["listen", "bluesky", "--duration", "soon", "--db", db])
    assert worse.exit_code == 65


def test_a_duration_without_its_unit_is_refused_with_the_units_to_choose(
    tmp_path: Path, model_loads: list[int]
) -> None:
    """QA: --duration 30 listened 30 seconds, where inbox --max-age 30 means 30 days and a
    person means 30 minutes; 0 (until Ctrl-C) still needs no unit."""
    args = ["listen", "bluesky", "--duration", "30", "--db", str(tmp_path / "x.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 65
    assert "--duration 30: say the unit" in result.output
    assert "--duration 30m for 30 minutes" in " ".join(result.output.split())
    assert model_loads == []


def test_listen_checks_its_options_before_loading_the_models(
    tmp_path: Path, model_loads: list[int]
) -> None:
    args = ["listen", "bluesky", "--duration", "abc", "--db", str(tmp_path / "x.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 65 and "cannot read the duration 'abc'" in result.output
    assert model_loads == []  # reported before the seconds-long model load


def _closed_port_url() -> str:
    """A Jetstream URL on a local port nothing listens on (connecting is refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"ws://127.0.0.1:{port}/subscribe"


def test_listen_that_never_connects_exits_75_with_what_to_do(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    url = _closed_port_url()
    args = ["listen", "bluesky", "--url", url, "--db", db, "--duration", "1s"]
    result = runner.invoke(app, args)
    assert result.exit_code == 75, result.output
    assert "could not reach Bluesky's live stream" in result.stderr and url in result.stderr
    assert "check your connection" in result.stderr and "Next:" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # --json still says what happened, on stdout, with the same exit code
    as_json = runner.invoke(app, [*args, "--json"])
    assert as_json.exit_code == 75, as_json.output
    report = json.loads(as_json.stdout)
    assert report["outcome"] == "unreachable" and report["connects"] == 0
    assert report["error"]["exit_code"] == 75 and url in report["error"]["message"]
    assert "could not reach Bluesky's live stream" in as_json.stderr
    with open_store(Path(db)) as store:
        statuses = [row[0] for row in store.conn.execute("SELECT status FROM runs")]
    assert statuses == ["error", "error"]  # never reached: nothing was received


def _keywords_stream() -> list[str]:
    events = [
        {"did": FIRM, "time_us": 1_767_225_600_000_000 + n, "kind": "commit", "commit": {
            "operation": "create", "collection": "app.bsky.feed.post", "rkey": f"k{n}",
            "record": {"text": text, "createdAt": "2026-01-01T00:00:00Z"}}}
        for n, text in enumerate(["Staffing agencies are busy", "Un récruteur m'a appelé",
                                  "Lovely sunset tonight"])
    ]  # fmt: skip
    return frames_of(events)


@pytest.mark.parametrize(
    ("data", "notes"),
    [
        (b"\xef\xbb\xbfstaffing\nr\xc3\xa9cruteur\n", 0),  # UTF-8 with a BOM
        ("staffing\r\nrécruteur\r\n".encode("utf-16"), 0),  # Notepad's "Unicode"
        ("staffing\nrécruteur\n".encode("cp1252"), 1),  # Windows-1252: told once
    ],
    ids=["utf-8-bom", "utf-16", "windows-1252"],
)
def test_listen_reads_keywords_files_in_any_text_encoding(
    tmp_path: Path, data: bytes, notes: int
) -> None:
    keywords = tmp_path / "kw.txt"
    keywords.write_bytes(data)
    # the run ends on the stream's last frame, not by idling (a 0.5 s idle timeout ran out
    # before the first frame on a loaded machine); the idle timeout is only a safety net
    with ServerThread(_keywords_stream()) as server:
        result = runner.invoke(
            app,
            ["listen", "bluesky", "--url", server.url, "--db", str(tmp_path / "k.db"),
             "--keywords", str(keywords), "--no-classifier", "--max-events", "3",
             "--idle-timeout", "30", "--json"],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kept"] == 2  # the first term counts, accents too
    assert result.stderr.count("Windows-1252") == notes


def test_listen_with_a_binary_keywords_file_exits_65(tmp_path: Path) -> None:
    keywords = tmp_path / "kw_bin.bin"
    keywords.write_bytes(bytes(range(256)) * 8)
    args = ["listen", "bluesky", "--keywords", str(keywords), "--db", str(tmp_path / "b.db")]
    result = runner.invoke(app, [*args, "--url", _closed_port_url(), "--duration", "1s"])
    assert result.exit_code == 65, result.output
    assert (
        "not a text file, so not a keywords file" in result.stderr
        and str(keywords) in result.stderr
    )
    assert "Traceback" not in result.output


def test_listen_with_a_recorded_stream_as_keywords_file_exits_65_naming_the_line(
    tmp_path: Path,
) -> None:
    keywords = tmp_path / "frames.jsonl"  # the stream, given where the terms go
    keywords.write_text("\n".join(_keywords_stream()) + "\n", encoding="utf-8")
    args = ["listen", "bluesky", "--keywords", str(keywords), "--db", str(tmp_path / "b.db")]
    result = runner.invoke(app, [*args, "--url", _closed_port_url(), "--duration", "1s"])
    assert result.exit_code == 65, result.output
    assert f"{keywords}, line 1: this is JSON" in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_listen_with_a_configured_url_that_is_no_websocket_names_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_loads: list[int]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[bluesky]\njetstream_url = "https://jetstream.example.org"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    result = runner.invoke(app, ["listen", "bluesky", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 78, result.output
    assert "is not a WebSocket URL" in result.stderr and "config.toml" in result.stderr
    assert model_loads == []  # reported before the seconds-long model load


def test_ctrl_c_ends_a_listen_with_what_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C is how `--duration 0` ends: the summary and the saved cursor, then exit 130
    from staffpulse.listen.listener import JetstreamListener, ListenStats

    async def stopped_by_the_user(self: JetstreamListener) -> ListenStats:
        self.stats.frames, self.stats.posts_seen, self.stats.kept = 40, 30, 4
        raise KeyboardInterrupt

    monkeypatch.setattr(JetstreamListener, "run", stopped_by_the_user)
    args = ["listen", "bluesky", "--url", "ws://127.0.0.1:9/subscribe", "--duration", "0"]
    args += ["--no-classifier", "--db", str(tmp_path / "c.db")]
    told = runner.invoke(app, args)
    assert told.exit_code == 130, told.output
    said = " ".join(told.stderr.split())
    assert "40 events" in said and "kept 4" in said and "Stopped with Ctrl-C" in said
    assert "next run carries on where this one stopped" in said and "Traceback" not in said
    as_json = runner.invoke(app, [*args, "--json"])
    assert as_json.exit_code == 130
    document = json.loads(as_json.stdout)  # one document: the counters, not an error too
    assert document["outcome"] == "interrupted" and document["kept"] == 4


def test_a_resume_past_what_jetstream_keeps_is_told(tmp_path: Path) -> None:
    frames = _keywords_stream()
    first = json.loads(frames[0])["time_us"]
    week_ago = first - 7 * 24 * 3600 * 1_000_000
    args = ["listen", "bluesky", "--cursor", str(week_ago), "--no-classifier", "--max-events"]
    args += [str(len(frames)), "--idle-timeout", "30"]
    with ServerThread(frames) as server:
        told = runner.invoke(app, [*args, "--url", server.url, "--db", str(tmp_path / "a.db")])
        as_json = runner.invoke(
            app, [*args, "--url", server.url, "--db", str(tmp_path / "b.db"), "--json"]
        )
    assert told.exit_code == 0, told.output
    said = " ".join(told.stderr.split())
    assert "were no longer in Jetstream (it keeps about a day): posts from then are missing" in said
    document = json.loads(as_json.stdout)
    assert (document["missed_from"], document["missed_until"]) == (week_ago, first)


def test_listen_from_a_recording_cut_short_keeps_what_came_and_names_the_line(
    tmp_path: Path,
) -> None:
    frames = _keywords_stream()
    recording = tmp_path / "day.jsonl"
    recording.write_text("\n".join(frames)[:-25], encoding="utf-8")  # copied in part
    db = str(tmp_path / "f.db")
    args = ["listen", "bluesky", "--from", str(recording), "--db", db, "--no-classifier"]
    keywords = tmp_path / "kw.txt"
    keywords.write_text("staffing\n", encoding="utf-8")
    result = runner.invoke(app, [*args, "--keywords", str(keywords)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "Read day.jsonl: 2 events" in said and "kept 1" in said
    assert "day.jsonl, line 3: cut short: the file ends in the middle of an event" in said
    # the next command runs on the store just written, not the default one
    assert said.endswith(f"Next: staffpulse --db {db} inbox")
    as_json = runner.invoke(app, [*args, "--keywords", str(keywords), "--json"])
    data = json.loads(as_json.stdout)
    assert data["outcome"] == "ok" and [p["line"] for p in data["problems"]] == [3]


def test_listen_from_a_file_that_is_no_recording_exits_65_before_the_models_load(
    tmp_path: Path, model_loads: list[int]
) -> None:
    db = str(tmp_path / "f.db")
    missing = runner.invoke(app, ["listen", "bluesky", "--from", "nope.jsonl", "--db", db])
    assert missing.exit_code == 66 and "nope.jsonl: no such file" in missing.stderr
    assert model_loads == []
    sheet = tmp_path / "posts.csv"
    sheet.write_text("id,text\n1,hello\n", encoding="utf-8")
    wrong = runner.invoke(app, ["listen", "bluesky", "--from", str(sheet), "--db", db])
    assert wrong.exit_code == 65, wrong.output
    assert "not a recorded Jetstream stream" in " ".join(wrong.stderr.split())
    both = runner.invoke(
        app, ["listen", "bluesky", "--from", str(sheet), "--url", "ws://x/subscribe"]
    )
    assert both.exit_code == 65 and "--url with --from" in both.stderr
    assert "Traceback" not in wrong.output + both.output


def test_the_cursor_help_says_what_the_number_is_in_words() -> None:
    """ "Start at this time_us" left a marketer guessing what to type."""
    result = CliRunner().invoke(app, ["listen", "bluesky", "--help"], env={"COLUMNS": "200"})
    said = " ".join(result.output.split())
    assert "where the last run stopped" in said
    assert "microseconds since 1970" in said


def test_listen_into_a_mistyped_store_says_it_made_a_new_one_beside_the_meant_one(
    tmp_path: Path,
) -> None:
    """QA: ``--db clinet.db`` (a typo) made a new store without a word, and the listened posts
    went there; import, fetch and add-handles said so already."""
    meant = tmp_path / "client.db"
    open_store(meant).close()
    recording = tmp_path / "day.jsonl"
    recording.write_text("\n".join(_keywords_stream()) + "\n", encoding="utf-8")
    typo = tmp_path / "clinet.db"
    args = ["listen", "bluesky", "--from", str(recording), "--no-classifier", "--db", str(typo)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (
        f"note created a new store at {typo}. It is not client.db, the store beside it: if you"
        f" meant that one, run the command again with --db {meant}."
        in " ".join(result.stderr.split())
    )
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "created a new store" not in again.stderr
