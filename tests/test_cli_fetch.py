"""The ``fetch`` commands: estimate printed first, budget respected, JSON counts for scripts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from staffpulse.cli.commands import fetch as fetch_cli


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
