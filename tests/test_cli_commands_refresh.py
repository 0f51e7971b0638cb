"""``staffpulse refresh``, end to end through the CLI: the real atproto and Mastodon.py clients
against local stand-ins for the Bluesky AppView and a Mastodon instance."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from mastodon_fetch_helpers import INSTANCE, FakeMastodon
from staffpulse.cli import app
from staffpulse.fetch import mastodon
from staffpulse.fetch.common import FetcherBase
from staffpulse.store import open_store
from test_fetch_bluesky import FakeAppView

runner = CliRunner()


@pytest.fixture
def instance(httpserver: HTTPServer) -> FakeMastodon:
    """The local Mastodon instance (every instance is it), to change what it answers."""
    return FakeMastodon(httpserver, n=30)


def point_at_local_platforms(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serve the AppView on the local server, point the config at it (Bluesky and X), and
    make every Mastodon instance the local server."""
    FakeAppView(httpserver, n=12, followers=3)
    base = httpserver.url_for("").rstrip("/")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[bluesky]\nappview_url = "{base}"\n[x]\nbase_url = "{base}"\n'
        "[fetch]\ntimeout_seconds = 10\nmax_wait_seconds = 1\n"
    )
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    real = mastodon.make_client

    def local(base_url: str, timeout: float, access_token: str | None = None) -> Any:
        return real(base, timeout, access_token)  # every instance is the local server

    monkeypatch.setattr(mastodon, "make_client", local)


@pytest.fixture
def served(
    httpserver: HTTPServer, instance: FakeMastodon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """One local server answering as the AppView and as every Mastodon instance; the config
    pointing there. Returns the store path."""
    point_at_local_platforms(httpserver, tmp_path, monkeypatch)
    return tmp_path / "store.db"


def _cohort(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cohort.csv"
    path.write_text(text)
    return path


def _posts(db: Path) -> int:
    with open_store(db) as store:
        return int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0])


def test_a_cohort_refreshed_twice_adds_only_what_is_new(served: Path, tmp_path: Path) -> None:
    cohort = _cohort(
        tmp_path,
        "handle,platform,segment\nacme.bsky.social,bluesky,staffing firm\n"
        f"@acme@{INSTANCE},mastodon,staffing firm\n",
    )
    first = runner.invoke(app, ["refresh", str(cohort), "--db", str(served)])
    assert first.exit_code == 0, first.output
    assert "Refreshing 2 accounts (1 Bluesky, 1 Mastodon)" in first.stderr
    assert "42 new posts" in first.stdout  # 12 Bluesky posts and 30 Mastodon statuses
    stored = _posts(served)
    assert stored == 42

    again = runner.invoke(app, ["refresh", str(cohort), "--db", str(served), "--json"])
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert report["totals"]["new_posts"] == 0 and report["totals"]["ok"] == 2
    assert _posts(served) == stored  # no duplicates


def test_one_failing_account_is_reported_and_the_others_are_refreshed(
    served: Path, tmp_path: Path
) -> None:
    cohort = _cohort(
        tmp_path,
        f"@nobody@{INSTANCE} mastodon\nacme.bsky.social bluesky\n@acme@{INSTANCE} mastodon\n",
    )
    result = runner.invoke(app, ["refresh", str(cohort), "--db", str(served), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    statuses = {row["handle"]: row["status"] for row in report["accounts"]}
    assert statuses == {
        f"nobody@{INSTANCE}": "failed",
        "acme.bsky.social": "ok",
        f"acme@{INSTANCE}": "ok",
    }
    failed = report["accounts"][0]
    assert "not found" in failed["message"] and failed["hint"] == "check the handle or tag"
    assert failed["exit_code"] == 66 and failed["line"] == 1
    assert report["totals"] == {
        "accounts": 3, "ok": 2, "partial": 0, "failed": 1, "skipped": 0,
        "new_posts": 42, "cost_usd": 0.0,
    }  # fmt: skip
    assert report["exit_code"] == 1

    people = runner.invoke(app, ["refresh", str(cohort), "--db", str(served)])
    assert people.exit_code == 1
    assert "failed" in people.stdout and "Refreshed 2 of 3 accounts" in people.stdout
    assert "check the handle or tag" in people.stderr
    assert "Traceback" not in people.output


def test_a_moved_mastodon_account_is_said_in_the_table_and_the_json(
    served: Path, instance: FakeMastodon, tmp_path: Path
) -> None:
    instance.account["moved"] = {"id": "9", "username": "acme", "acct": "acme@new.example"}
    cohort = _cohort(tmp_path, f"@acme@{INSTANCE},mastodon\nacme.bsky.social,bluesky\n")
    moved = f"@acme@{INSTANCE} has moved to @acme@new.example"
    result = runner.invoke(app, ["refresh", str(cohort), "--db", str(served), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["accounts"]
    assert rows[0]["notes"][0].startswith(moved) and rows[1]["notes"] == []
    table = runner.invoke(app, ["refresh", str(cohort), "--db", str(served)])
    assert "ok (note below)" in table.stdout
    said = [line for line in table.stderr.splitlines() if line.startswith(moved)]
    on_store = f"(staffpulse --db {served} fetch mastodon @acme@new.example)"
    assert len(said) == 1 and on_store in said[0]


def test_x_accounts_are_skipped_with_one_line_without_a_token(served: Path, tmp_path: Path) -> None:
    cohort = _cohort(tmp_path, "acmestaffing,x\nbetastaffing\nacme.bsky.social\n")
    result = runner.invoke(app, ["refresh", str(cohort), "--db", str(served)])
    assert result.exit_code == 1, result.output
    told = [line for line in result.stderr.splitlines() if "no X bearer token" in line]
    assert len(told) == 1 and "X_BEARER_TOKEN" in told[0]
    assert "Estimated cost" not in result.stderr
    # its platform was read from the handle: said on its line
    assert f"note {cohort}:2: betastaffing: no platform written" in result.stderr
    as_json = runner.invoke(app, ["refresh", str(cohort), "--db", str(served), "--json"])
    rows = json.loads(as_json.stdout)["accounts"]
    assert [(r["platform"], r["status"]) for r in rows] == [
        ("x", "skipped"), ("x", "skipped"), ("bluesky", "ok"),
    ]  # fmt: skip
    assert rows[1]["platform_guessed"] is True and rows[0]["exit_code"] == 77


@pytest.fixture
def x_api(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A minimal X on the local server, with a token set: any username, each with a timeline
    of 100 posts. Returns the paths requested."""
    from werkzeug import Request, Response

    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")

    seen: list[str] = []

    def handle(request: Request) -> Response:
        seen.append(request.path)
        name = request.path.rsplit("/", 1)[-1]
        if request.path.startswith("/2/users/by/username/"):
            body: dict[str, Any] = {"data": {"id": str(len(name)), "username": name, "name": name}}
        else:
            user = request.path.split("/")[3]
            size = int(request.args["max_results"])
            body = {"data": [{"id": f"{user}{9000 - i}", "text": "hi", "author_id": user}
                             for i in range(min(size, 100))]}  # fmt: skip
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(re.compile(r"^/2/")).respond_with_handler(handle)
    return seen


def test_x_prints_the_estimate_first_and_one_budget_caps_every_x_account(
    served: Path, tmp_path: Path, x_api: list[str]
) -> None:
    cohort = _cohort(tmp_path, "acme,x\nbetastaffing,x\n")
    args = ["refresh", str(cohort), "--db", str(served), "--max-mentions", "0"]
    result = runner.invoke(app, [*args, "--budget", "0.2", "--json"])
    assert result.exit_code == 1, result.output
    # each account: a user lookup ($0.01) and 200 posts ($0.005 each)
    assert "estimated cost at most $2.02 for 2 X accounts" in result.stderr
    assert "budget cap $0.20 for all of them" in result.stderr
    report = json.loads(result.stdout)
    first, second = report["accounts"]
    assert first["status"] == "ok", (first["message"], first["hint"])
    assert first["new_posts"] == 38  # what $0.19 buys
    assert second["status"] == "skipped" and "--budget of $0.20 is spent" in second["message"]
    assert report["totals"]["cost_usd"] <= 0.2
    assert not [path for path in x_api if "/2/users/by/username/betastaffing" in path]
    assert "token-from-env" not in result.output


def test_a_bare_handle_read_as_x_is_paid_for_only_with_a_budget(
    served: Path, tmp_path: Path, x_api: list[str]
) -> None:
    cohort = _cohort(tmp_path, "acme,x\nbetastaffing\n")
    args = ["refresh", str(cohort), "--db", str(served), "--max-mentions", "0"]
    unpaid = runner.invoke(app, args)
    assert unpaid.exit_code == 1, unpaid.output
    note = f"note {cohort}:2: betastaffing: no platform written and not in the store, read as X"
    assert note in unpaid.stderr and "write betastaffing,x on the line" in unpaid.stderr
    assert "estimated cost at most $1.01 for 1 X account" in unpaid.stderr  # acme alone
    assert not [path for path in x_api if "betastaffing" in path]
    rows = json.loads(runner.invoke(app, [*args, "--json"]).stdout)["accounts"]
    assert rows[1]["status"] == "skipped" and "--budget" in rows[1]["message"]

    paid = runner.invoke(app, [*args, "--budget", "5", "--json"])
    assert paid.exit_code == 0, paid.output
    assert "estimated cost at most $2.02 for 2 X accounts" in paid.stderr
    assert [row["status"] for row in json.loads(paid.stdout)["accounts"]] == ["ok", "ok"]


def test_offline_the_run_stops_after_one_account_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:  # bound, never listening: every connection is refused
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}"
        config = tmp_path / "config.toml"
        config.write_text(f'[bluesky]\nappview_url = "{nowhere}"\n[x]\nbase_url = "{nowhere}"\n')
        monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
        monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
        for name in ("https_proxy", "HTTPS_PROXY"):
            monkeypatch.delenv(name, raising=False)
        waits: list[float] = []  # each fetch's retries, not waited
        monkeypatch.setitem(FetcherBase.__init__.__kwdefaults__, "sleep", waits.append)
        cohort = _cohort(tmp_path, "a.bsky.social,bluesky\nacme,x\nb.bsky.social,bluesky\n")
        db = str(tmp_path / "store.db")
        result = runner.invoke(app, ["refresh", str(cohort), "--db", db])
        as_json = runner.invoke(app, ["refresh", str(cohort), "--db", db, "--json"])
    assert result.exit_code == 75, result.output
    assert "Refreshed 0 of 3 accounts" in result.stdout  # the table is printed
    assert result.stdout.count("not tried: no connection") == 2
    assert "No connection: 2 accounts not tried; run again once online." in result.stderr
    assert waits == [2.0, 4.0] * 2  # in each run, only the first account's two retries
    report = json.loads(as_json.stdout)
    assert report["no_connection"] is True and report["exit_code"] == 75
    assert [row["status"] for row in report["accounts"]] == ["failed", "skipped", "skipped"]


def test_without_a_cohort_every_account_fetched_before_is_refreshed(
    served: Path, tmp_path: Path
) -> None:
    fetched = runner.invoke(app, ["fetch", "bluesky", "acme.bsky.social", "--db", str(served)])
    assert fetched.exit_code == 0, fetched.output
    hashtag = runner.invoke(
        app,
        ["fetch", "mastodon", "--hashtag", "hiring", "--instance", INSTANCE, "--db", str(served)],
    )
    assert hashtag.exit_code == 0, hashtag.output
    result = runner.invoke(app, ["refresh", "--db", str(served), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["source"] == "every account fetched live before"
    assert [r["handle"] for r in report["accounts"]] == ["acme.bsky.social"]
    assert report["accounts"][0]["new_posts"] == 0
    # the hashtag timeline names no account to refresh; the Mastodon account it brought in
    # was never fetched itself: both are said
    assert any("search or hashtag fetch" in note for note in report["left_out"])
    assert any("never fetched live" in note for note in report["left_out"])


def test_an_empty_store_says_what_to_give(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["refresh", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 66 and not (tmp_path / "typo.db").exists()
    open_store(tmp_path / "new.db").close()
    result = runner.invoke(app, ["refresh", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 65
    assert "no account in the store was fetched live before" in result.stderr
    assert f"staffpulse --db {tmp_path / 'new.db'} refresh cohort.csv" in result.stderr


def test_a_bad_cohort_file_names_the_file_and_its_lines(served: Path, tmp_path: Path) -> None:
    cohort = _cohort(tmp_path, "handle,platform\n@@bad handle!!,x\n,bluesky\n")
    result = runner.invoke(app, ["refresh", str(cohort), "--db", str(served)])
    assert result.exit_code == 65
    assert f"{cohort}:2:" in result.stderr and f"{cohort}:3:" in result.stderr
    assert "Traceback" not in result.output

    mixed = _cohort(tmp_path, "acme.bsky.social\nnot a handle at all here\n")
    kept = runner.invoke(app, ["refresh", str(mixed), "--db", str(served)])
    assert kept.exit_code == 0, kept.output
    assert f"skipped {mixed}:2:" in kept.stderr


def test_counts_and_budget_are_checked_before_anything(served: Path, tmp_path: Path) -> None:
    cohort = _cohort(tmp_path, "acme.bsky.social\n")
    for args, said in (
        (["--budget", "0"], "--budget 0: must be more than 0"),
        (["--max-posts", "0"], "--max-posts 0: must be 1 or more"),
    ):
        result = runner.invoke(app, ["refresh", str(cohort), "--db", str(served), *args])
        assert result.exit_code == 65 and said in result.stderr
    assert not served.exists()


def test_offline_with_no_account_left_to_try_says_no_server_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one Bluesky account the run reached for failing, the X account after it skipped
    for want of a token: "0 accounts not tried" read as a fault of its own."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}"
        config = tmp_path / "config.toml"
        config.write_text(f'[bluesky]\nappview_url = "{nowhere}"\n')
        monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
        for name in ("https_proxy", "HTTPS_PROXY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setitem(FetcherBase.__init__.__kwdefaults__, "sleep", lambda _s: None)
        cohort = _cohort(tmp_path, "a.bsky.social,bluesky\nacme,x\n")
        result = runner.invoke(app, ["refresh", str(cohort), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 75, result.output
    said = " ".join(result.stderr.split())
    assert "No connection: the server could not be reached; run again once online." in said
    assert "0 accounts not tried" not in said


def test_a_cohort_file_not_written_yet_is_told_how_to_write_one(tmp_path: Path) -> None:
    """Review: refresh said only "check the path", where benchmark tells how to write one."""
    result = runner.invoke(
        app, ["refresh", str(tmp_path / "rivals.csv"), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 66
    said = " ".join(result.stderr.split())
    assert "to make one, write a CSV with the columns handle,platform,segment" in said
    assert "without a file, which refreshes every account fetched live before" in said
    assert not (tmp_path / "s.db").exists()  # no empty store left behind for a typo
