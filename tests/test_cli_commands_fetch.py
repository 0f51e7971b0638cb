"""The ``fetch`` commands: estimate printed first, budget respected, JSON counts for scripts."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path
from typing import Any

import pytest
import typer
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from staffpulse.cli import app  # the whole CLI: its error boundary turns errors into exit codes
from staffpulse.cli.commands import fetch as fetch_cli
from staffpulse.fetch.common import Backoff
from staffpulse.next_steps import shown_config_path


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """staffpulse (test harness)"""

    fetch_cli.register(app)
    return app


def test_fetch_x_prints_estimate_and_respects_budget(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[x]\nbase_url = "{httpserver.url_for("").rstrip("/")}"\nmax_wait_seconds = 1\n'
        "[fetch]\ntimeout_seconds = 2\n"
    )
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    user = {"id": "7", "username": "acme", "name": "Acme"}
    httpserver.expect_request("/2/users/by/username/acme").respond_with_json({"data": user})
    seen: list[int] = []

    def timeline(request):  # type: ignore[no-untyped-def]
        from werkzeug import Response

        assert request.headers["Authorization"] == "Bearer token-from-env"
        size = int(request.args["max_results"])
        seen.append(size)
        data = [{"id": str(900 - i), "text": "hi", "author_id": "7"} for i in range(size)]
        return Response(
            json.dumps({"data": data, "meta": {"next_token": "n"}}), content_type="application/json"
        )

    httpserver.expect_request(re.compile(r"^/2/users/7/tweets")).respond_with_handler(timeline)
    db = tmp_path / "db.sqlite"
    result = CliRunner().invoke(
        _app(),
        [
            "fetch",
            "x",
            "@acme",
            "--budget",
            "0.2",
            "--max-mentions",
            "0",
            "--json",
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Estimated cost at most $16.01" in result.stderr
    report = json.loads(result.stdout)
    assert report["stopped"] == "budget" and report["cost_usd"] <= 0.2
    assert report["post_reads"] == 38 and seen == [38]
    assert "token-from-env" not in result.output


# -- arguments, config and errors at the command line ------------------------------------------


def _x_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base_url: str, extra: str = ""
) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(f'[x]\nbase_url = "{base_url}"\n{extra}[fetch]\ntimeout_seconds = 2\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    return config


def _serve_x(httpserver: HTTPServer, posts: int = 200) -> list[str]:
    """A minimal X: user ``acme`` and a timeline of ``posts``; returns the paths requested."""
    from werkzeug import Request, Response

    seen: list[str] = []

    def handle(request: Request) -> Response:
        seen.append(request.path)
        if request.path.startswith("/2/users/by/username/"):
            body: dict[str, object] = {"data": {"id": "7", "username": "acme", "name": "Acme"}}
        else:
            size = int(request.args["max_results"])
            body = {"data": [{"id": str(9000 - i), "text": "hi", "author_id": "7"}
                             for i in range(size)], "meta": {"next_token": "n"}}  # fmt: skip
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(re.compile(r"^/2/")).respond_with_handler(handle)
    return seen


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["@@bad handle!!"], "'@@bad handle!!' is not a valid X handle"),
     (["acme.bsky.social"], "staffpulse fetch bluesky acme.bsky.social"),
     (["@acme", "--budget", "0"], "--budget 0: must be more than 0"),
     (["@acme", "--budget", "-5"], "--budget -5: must be more than 0"),
     (["@acme", "--max-posts", "-3"], "--max-posts -3: must be 1 or more"),
     (["@acme", "--max-mentions", "-1"], "--max-mentions -1: must be 0 or more"),
     (["@acme", "--since", "last week"], "--since 'last week' is not a date"),
     (["--search", "hiring", "--since", "31/01/2026"], "--since '31/01/2026' is not a date"),
     (["--search", "hiring", "--max-mentions", "5"], "--search reads no mentions")],
)  # fmt: skip
def test_fetch_x_checks_arguments_before_estimate_and_requests(
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: str,
) -> None:
    seen = _serve_x(httpserver)
    _x_config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    result = CliRunner().invoke(app, ["fetch", "x", *args, "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 65, result.output
    # a hint's command names the store given: "staffpulse fetch ..." runs on that --db
    said = result.stderr.replace(f"staffpulse --db {tmp_path / 'd.db'} ", "staffpulse ")
    assert expected in said and "What to do:" in result.stderr
    assert "Estimated cost" not in result.stderr and seen == []


def test_fetch_x_output_shows_brackets_money_and_one_budget_stop(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serve_x(httpserver)
    _x_config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    args = ["fetch", "x", "https://x.com/acme", "--max-posts", "200", "--max-mentions", "0"]
    args += ["--budget", "0.5", "--db", str(tmp_path / "d.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"Rates are set in [x] of {shown_config_path()}." in " ".join(result.stderr.split())
    assert "budget cap $0.50." in result.stderr and "user lookup $0.01" in result.stderr
    assert "Fetched 98 posts" in result.stdout and "Spent about $0.50" in result.stdout
    assert "budget" not in result.stdout  # the stop is said once, on stderr
    assert result.stderr.count("Stopped before going over the budget of $0.50") == 1
    as_json = CliRunner().invoke(app, [*args, "--json"])
    report = json.loads(as_json.stdout)
    assert report["stopped"] == "budget" and report["budget_usd"] == 0.5
    assert "Stopped before" not in as_json.stderr


def test_fetch_x_http_400_is_exit_65_without_resume_advice(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"errors": [{"message": "Invalid query: unbalanced quotes"}], "title": "Invalid Request"}
    httpserver.expect_request("/2/tweets/search/recent").respond_with_json(body, status=400)
    _x_config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    args = ["fetch", "x", "--search", '"nurses', "--db", str(tmp_path / "d.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 65, result.output
    assert "X rejected the request for search '\"nurses' (HTTP 400): Invalid query" in result.stderr
    assert "run the same command" not in result.stderr


def test_fetch_x_help_names_the_token_variable() -> None:
    result = CliRunner().invoke(app, ["fetch", "x", "--help"])
    assert result.exit_code == 0 and "X_BEARER_TOKEN" in result.stdout
    assert "[secrets]" in result.stdout
    # a higher --max-mentions gets nothing more: X serves no more than the newest 800
    words = " ".join(result.stdout.replace("│", " ").split())
    assert "X serves at most 800;" in words


@pytest.mark.parametrize(
    ("toml", "command", "expected"),
    [('[x]\ncost_per_post_read = "cheap"\n', ["x", "@acme", "--budget", "1"],
      '[x] cost_per_post_read = "cheap" is text; expected a number'),
     ('[fetch]\ntimeout_seconds = "twenty"\n', ["bluesky", "a.bsky.social"],
      '[fetch] timeout_seconds = "twenty" is text; expected a number'),
     ("x = 5\n", ["x", "@acme", "--budget", "1"], "x = 5 is a number; expected a table [x]"),
     ('[x]\nmax_wait_seconds = "ten"\n', ["x", "@acme", "--budget", "1"],
      '[x] max_wait_seconds = "ten" is text; expected a number')],
)  # fmt: skip
def test_wrong_config_types_are_one_line_exit_78(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, command: list[str], expected: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(toml)
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    result = CliRunner().invoke(app, ["fetch", *command, "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 78, result.output
    assert f"Error: {config}: {expected}" in result.stderr
    assert "Traceback" not in result.stderr and "What to do:" in result.stderr
    assert "Estimated cost" not in result.stderr  # no estimate for a fetch that cannot start


def test_unknown_keys_are_one_notice_and_folders_get_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[x]\nbase_ulr = "http://127.0.0.1:1"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    db = ["--db", str(tmp_path / "d.db")]
    result = CliRunner().invoke(app, ["fetch", "x", "@acme", *db])  # no token: exit 77
    assert result.exit_code == 77, result.output
    notice = f"Notice: {config}: [x] base_ulr is not a setting staffpulse knows"
    assert result.stderr.count(notice) == 1 and "did you mean base_url?" in result.stderr
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(tmp_path))
    folder = CliRunner().invoke(app, ["fetch", "x", "@acme", *db])
    assert folder.exit_code == 78 and "is a folder, not a config file" in folder.stderr
    assert "What to do: point STAFFPULSE_CONFIG at a TOML file" in folder.stderr


def test_debug_shows_the_traceback_and_keeps_the_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nobody listens on: the network is "down"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _x_config(tmp_path, monkeypatch, f"http://127.0.0.1:{port}")
    monkeypatch.setattr(Backoff, "retry", lambda self, message: False)  # fail at once
    args = ["fetch", "x", "@acme", "--max-mentions", "0", "--db", str(tmp_path / "d.db")]
    plain = CliRunner().invoke(app, args)
    debug = CliRunner().invoke(app, ["--debug", *args])
    assert plain.exit_code == debug.exit_code == 75, debug.output
    assert "Traceback" in debug.stderr and "Traceback" not in plain.stderr
    assert f"X could not be reached at 127.0.0.1:{port} (no connection)" in debug.stderr


def test_the_cost_line_says_what_x_may_have_billed_for_an_answer_lost_to_a_timeout(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import requests

    from staffpulse.fetch import x_client

    _serve_x(httpserver)
    _x_config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    send, lost = x_client._BaseUrlAdapter.send, []

    def first_timeline_page_times_out(self: Any, request: Any, **kwargs: Any) -> Any:
        if "/tweets" in str(request.url) and not lost:  # X had it; its answer never came
            lost.append(int(re.findall(r"max_results=(\d+)", str(request.url))[0]))
            raise requests.ReadTimeout("read timed out", request=request)
        return send(self, request, **kwargs)

    def retry_at_once(self: Backoff, message: str) -> bool:
        self.attempt += 1
        return self.attempt <= self.retries

    monkeypatch.setattr(x_client._BaseUrlAdapter, "send", first_timeline_page_times_out)
    monkeypatch.setattr(Backoff, "retry", retry_at_once)
    args = ["fetch", "x", "@acme", "--max-posts", "100", "--max-mentions", "0"]
    result = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "Fetched 100 posts" in said and "in 3 requests" in said  # the lost one counted too
    maybe = f"X may also have billed up to ${lost[0] * 0.005:.2f} for 1 answer that was lost"
    assert maybe in said and "usually billed once" in said
    lost.clear()
    as_json = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "e.db"), "--json"])
    report = json.loads(as_json.stdout)
    assert report["lost_answers"] == 1
    assert report["lost_answers_usd"] == pytest.approx(lost[0] * 0.005)


def test_fetch_says_how_many_items_it_skipped_and_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.fetch.common import FetchReport

    class SkippingFetcher:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def fetch(self, handle: str, **kwargs: object) -> FetchReport:
            report = FetchReport(platform="bluesky", target=handle, posts=1, new_posts=1)
            report.note_skipped(["feed[1]: unreadable timestamp 'soon' (in bluesky:feed)"])
            return report

    monkeypatch.setattr("staffpulse.fetch.bluesky.BlueskyFetcher", SkippingFetcher)
    args = ["fetch", "bluesky", "acme.bsky.social", "--db", str(tmp_path / "d.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 item skipped: feed[1]: unreadable timestamp 'soon'" in result.stderr
    as_json = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
    assert as_json["skipped"] == 1 and as_json["skipped_messages"][0].startswith("feed[1]")


def test_what_the_platform_says_of_the_account_is_said_after_the_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from staffpulse.fetch.common import FetchReport

    note = "@acme@staffing.example has moved to @acme@new.example: its new posts are there"
    report = FetchReport(platform="mastodon", target="acme@staffing.example", notes=[note])
    fetch_cli._finish(report, as_json=False)
    said = capsys.readouterr()
    assert "Fetched 0 posts" in said.out and note in " ".join(said.err.split())
    fetch_cli._finish(report, as_json=True)
    assert json.loads(capsys.readouterr().out)["notes"] == [note]  # scripts get it too


def test_fetch_mastodon_instance_places_a_bare_user_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``fetch mastodon acme --instance staffing.example`` fetched acme of the default
    instance, another person, without a word."""
    from staffpulse.fetch import mastodon
    from staffpulse.fetch.common import FetchReport

    asked: list[str] = []

    def fake_fetch(self: object, acct: str, *, max_posts: int = 400) -> FetchReport:
        asked.append(acct)
        return FetchReport(platform="mastodon", target=acct)

    monkeypatch.setattr(mastodon.MastodonFetcher, "fetch", fake_fetch)
    db = ["--db", str(tmp_path / "s.db")]
    for instance in ("staffing.example", "https://Staffing.example/"):
        result = CliRunner().invoke(app, ["fetch", "mastodon", "acme", "--instance", instance, *db])
        assert result.exit_code == 0, result.output
    assert asked == ["@acme@staffing.example", "@acme@staffing.example"]

    other = ["fetch", "mastodon", "@acme@mastodon.social", "--instance", "staffing.example"]
    result = CliRunner().invoke(app, [*other, *db])
    assert result.exit_code == 65
    assert "is an account on mastodon.social, and --instance names staffing.example" in (
        result.output
    )
    assert "write the account as @acme@staffing.example" in result.output
    assert len(asked) == 2  # nothing fetched


@pytest.mark.parametrize(
    "args",
    [["bluesky", "acme.bsky.social", "--max-posts", "0"],
     ["bluesky", "acme.bsky.social", "--max-follows", "-2"],
     ["mastodon", "@acme@mastodon.example", "--max-posts", "-3"]],
)  # fmt: skip
def test_a_bad_count_is_refused_before_a_store_is_made(tmp_path: Path, args: list[str]) -> None:
    """A typo in a count left a new, empty store behind with "created a new store" said."""
    store = tmp_path / "fresh.db"
    result = CliRunner().invoke(app, ["fetch", *args, "--db", str(store)])
    assert result.exit_code == 65, result.output
    assert "must be" in result.stderr and "What to do:" in result.stderr
    assert not store.exists() and "new store" not in result.stderr
