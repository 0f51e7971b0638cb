"""``staffpulse serve`` (options, clear errors) and the live-fetch form's background job."""

from __future__ import annotations

import socket
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from typer.testing import CliRunner  # noqa: E402

from staffpulse.cli.app import app  # noqa: E402
from web_helpers import csrf_token, make_client  # noqa: E402


def test_serve_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--host", "--db", "--max-upload-mb", "--cohort"):
        assert option in result.output


def test_serve_refuses_a_taken_port(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            app, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]
        )
    assert result.exit_code != 0
    assert "cannot listen" in result.output and f"another program uses port {port}" in result.output
    suggested = int(result.output.split("use --port ")[1].split()[0])
    with socket.socket() as probe:  # the port said is one that works
        probe.bind(("127.0.0.1", suggested))


def test_serve_on_the_port_of_a_dashboard_left_running_says_where_it_is(tmp_path: Path) -> None:
    """A dashboard started earlier in another window, left running, made a second one say
    only "Address already in use: try --port 8001" (QA s26)."""
    from staffpulse.web import create_app
    from web_helpers import LiveServer, make_settings

    with LiveServer(create_app(make_settings(tmp_path / "first.db"))) as live:
        port = live.port
        result = CliRunner().invoke(
            app, ["serve", "--db", str(tmp_path / "second.db"), "--port", str(port)]
        )
    words = " ".join(result.output.split())
    assert result.exit_code == 65
    assert f"a staffpulse dashboard already runs at http://127.0.0.1:{port}/" in words
    assert "open that address in your browser (it may show another store)" in words
    assert "to run this one beside it, use --port" in words


def test_an_ipv6_dashboard_is_announced_at_an_address_a_browser_opens() -> None:
    from staffpulse.web.server import dashboard_url

    assert dashboard_url("::1", 8000) == "http://[::1]:8000/"
    assert dashboard_url("[::1]", 8000) == "http://[::1]:8000/"
    assert dashboard_url("0.0.0.0", 8000) == "http://127.0.0.1:8000/"


def test_the_address_is_said_once_the_server_listens_and_not_before() -> None:
    """Review: the address was printed before uvicorn listened (refused for seconds on a busy
    computer), and uvicorn's own timestamped INFO lines followed it."""
    import threading
    from types import SimpleNamespace

    from staffpulse.web.server import LOG_CONFIG, announce_when_listening

    server = SimpleNamespace(started=False, should_exit=False)
    said: list[str] = []
    opened = threading.Event()
    waiting = announce_when_listening(
        server, ["staffpulse dashboard: http://127.0.0.1:8000/"], said.append, then=opened.set
    )
    assert not opened.wait(0.2) and said == []  # not listening yet: nothing said, no browser
    server.started = True
    assert opened.wait(5) and said == ["staffpulse dashboard: http://127.0.0.1:8000/"]
    waiting.join(5)
    stopped = SimpleNamespace(started=False, should_exit=True)  # stopped before it listened
    announce_when_listening(stopped, ["never"], said.append).join(5)
    assert said == ["staffpulse dashboard: http://127.0.0.1:8000/"]
    assert LOG_CONFIG["loggers"]["uvicorn"]["level"] == "WARNING"  # its own lines left out


def test_serve_says_what_upload_limit_to_give() -> None:
    result = CliRunner().invoke(app, ["serve", "--max-upload-mb", "0"])
    assert result.exit_code == 65
    words = " ".join(result.output.split())
    assert "--max-upload-mb 0: the largest upload must be at least 1 MB" in words
    assert "use e.g. --max-upload-mb 200 (the default)" in words


def test_serve_names_a_host_that_is_no_address_of_this_machine() -> None:
    from staffpulse.errors import InputError
    from staffpulse.web.server import check_port

    with pytest.raises(InputError, match="not a host name or address") as bad:
        check_port("256.1.1.1", 8000)
    assert "another program" not in (bad.value.hint or "")


def test_live_fetch_runs_in_the_background(tmp_path: Path, monkeypatch: Any) -> None:
    seen: dict[str, Any] = {}

    class Report:
        def as_dict(self) -> dict[str, Any]:
            return {"posts": 5, "cost_usd": 0.0, "stopped": None}

    def fake_fetch(store: Any, handle: str, **kwargs: Any) -> Report:
        seen.update(handle=handle, **kwargs)
        kwargs["progress"]("posts", 5, 10)
        return Report()

    monkeypatch.setattr("staffpulse.fetch.bluesky.fetch_bluesky", fake_fetch)
    with make_client(tmp_path / "f.db") as client:
        token = csrf_token(client)
        response = client.post(
            "/import/fetch",
            data={"csrf_token": token, "platform": "bluesky", "handle": "@firm.bsky.social"},
        )
        assert response.status_code == 303
        job_id = response.headers["location"].rsplit("/", 1)[-1]
        client.app.state.web.jobs.wait(job_id)
        status = client.get(f"/api/jobs/{job_id}").json()
        bad = client.post(
            "/import/fetch", data={"csrf_token": token, "platform": "bluesky", "handle": ""}
        )
    assert (
        status["state"] == "done"
        and "Fetched 5 posts of @firm.bsky.social" in status["result"]["summary"]
    )
    assert seen["handle"] == "firm.bsky.social" and seen["max_posts"] == 200
    assert bad.status_code == 303 and bad.headers["location"].startswith("/import?platform=bluesky")
    assert "enter the handle of the Bluesky account" in client.get(bad.headers["location"]).text


def test_an_x_fetch_shows_its_cost_estimate_and_starts_only_when_confirmed(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from staffpulse.config import load_config
    from staffpulse.fetch.x_costs import Rates, estimate_cost, money

    calls: list[dict[str, Any]] = []

    class Report:
        def as_dict(self) -> dict[str, Any]:
            return {"posts": 40, "cost_usd": 0.5, "stopped": "budget"}

    def fake_fetch_x(store: Any, handle: str, **kwargs: Any) -> Report:
        calls.append({"handle": handle, **kwargs})
        return Report()

    monkeypatch.setattr("staffpulse.fetch.x.fetch_x", fake_fetch_x)
    form = {"platform": "x", "handle": "@acmestaffing", "max_posts": "150", "budget": "0.50"}
    with make_client(tmp_path / "x.db") as client:
        token = csrf_token(client)
        missing = client.post("/import/fetch", data={"csrf_token": token, **form})
        page = client.get(missing.headers["location"]).text
        assert "needs an X API bearer token" in page and "Settings page" in page
        monkeypatch.setenv("X_BEARER_TOKEN", "test-token-not-real")
        asked = client.post("/import/fetch", data={"csrf_token": token, **form})
        assert asked.status_code == 303
        assert (
            asked.headers["location"]
            == "/import/fetch/x?handle=acmestaffing&max_posts=150&budget=0.50"
        )
        confirm = client.get(asked.headers["location"]).text
        estimate = estimate_cost(Rates.from_config(load_config()), 150, 100)
        total = money(estimate["total"])
        if estimate["total"] > 0.50:  # the budget caps it, and the heading says so
            assert "It spends at most $0.50, your budget" in confirm and total in confirm
        else:
            assert f"It costs at most {total}" in confirm
        assert "cost_per_post_read" not in confirm  # no config-file syntax for a marketer
        # the form asks for no mentions: the page says why they are read and priced
        assert "(always read: the audit&#39;s Conversation pillar counts how you answer them)" in (
            confirm
        )
        assert "Everything asked for" not in confirm and "In all, at most" in confirm
        assert "Your budget is <strong>$0.50</strong>" in confirm
        assert 'name="confirmed" value="yes"' in confirm and calls == []  # nothing read yet
        started = client.post(
            "/import/fetch", data={"csrf_token": token, **form, "confirmed": "yes"}
        )
        job_id = started.headers["location"].rsplit("/", 1)[-1]
        client.app.state.web.jobs.wait(job_id)
        status = client.get(f"/api/jobs/{job_id}").json()
        # a Bluesky handle typed for X is refused before any paid request, with the way out
        wrong = client.post(
            "/import/fetch", data={"csrf_token": token, **form, "handle": "acme.bsky.social"}
        )
        refused = client.get(wrong.headers["location"]).text
    assert calls == [
        {
            "handle": "acmestaffing",
            "max_posts": 150,
            "budget": 0.5,
            "progress": calls[0]["progress"],
        }
    ]
    assert status["result"]["summary"] == (
        "Fetched 40 posts of @acmestaffing for about $0.50 (stopped early: the budget was "
        "reached; fetch again, with a higher budget, for more)."
    )
    assert "choose Bluesky as the platform and fetch acme.bsky.social" in refused
    assert "staffpulse fetch" not in refused


def test_a_live_fetch_lists_the_items_it_skipped(tmp_path: Path, monkeypatch: Any) -> None:
    class Report:
        def as_dict(self) -> dict[str, Any]:
            return {
                "posts": 1, "cost_usd": 0.0, "stopped": None, "skipped": 2,
                "skipped_messages": ["feed[1]: unreadable timestamp 'soon'"],
            }  # fmt: skip

    monkeypatch.setattr("staffpulse.fetch.bluesky.fetch_bluesky", lambda *a, **k: Report())
    with make_client(tmp_path / "f.db") as client:
        response = client.post(
            "/import/fetch",
            data={
                "csrf_token": csrf_token(client),
                "platform": "bluesky",
                "handle": "firm.bsky.social",
            },
        )
        job_id = response.headers["location"].rsplit("/", 1)[-1]
        client.app.state.web.jobs.wait(job_id)
        result = client.get(f"/api/jobs/{job_id}").json()["result"]
        page = client.get(f"/jobs/{job_id}").text
    assert "2 items could not be read or stored and were skipped" in result["summary"]
    assert result["skipped"] == 2 and result["more_problems"] == 1
    assert "Records we skipped (2)" in page and "unreadable timestamp &#39;soon&#39;" in page


def test_serve_warms_the_charts_before_the_first_audit(tmp_path: Path, monkeypatch: Any) -> None:
    """The charts' engine took about a second to start, added to the first audit page a
    marketer opened: the server starts it as it starts, away from any page."""
    import threading

    import uvicorn

    from staffpulse.report import chart_render

    drawn = threading.Event()
    real = chart_render._drawn

    def drawing(*args: Any, **kwargs: Any) -> Any:
        drawn.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(chart_render, "_drawn", drawing)
    monkeypatch.setattr(uvicorn.Server, "run", lambda *args, **kwargs: None)  # none to stop
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert drawn.wait(60)  # a chart was drawn though no page was asked for
