"""Tokens in messages: an answer that echoes the request never shows the token (CLI and
web), a refused token is named where it came from, and the config mistakes that used to pass
silently (a token in quotes, a key outside [secrets], a STAFFPULSE_CONFIG that names no file,
no token at all) are told, before any estimate."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from staffpulse import config_secrets
from staffpulse.cli import app
from staffpulse.config import Config, get_secret, load_config
from staffpulse.config_secrets import hide_secrets
from staffpulse.web.security import SecretMaskFilter
from staffpulse.web.wording import web_text

ENV_TOKEN = "ENVXSECRETtoken5555666677778888"
FILE_TOKEN = "FILEXSECRETtoken1111222233334444"


def _echo_authorization(httpserver: HTTPServer, status: int = 400) -> None:
    """A server (a proxy, a debug endpoint) whose error answer quotes the request's header."""

    def echo(request: Request) -> Response:
        body = {"detail": f"bad header: {request.headers.get('Authorization')}"}
        return Response(
            __import__("json").dumps(body), status=status, content_type="application/json"
        )

    httpserver.expect_request("/2/users/by/username/acme").respond_with_handler(echo)


def _config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base_url: str, extra: str = ""
) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'{extra}[x]\nbase_url = "{base_url}"\nmax_wait_seconds = 1\n[fetch]\ntimeout_seconds = 2\n'
    )
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    return config


def _fetch(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, [*args, "fetch", "x", "@acme", "--max-mentions", "0", "--db", str(tmp_path / "d.db")]
    )
    return result.exit_code, result.output


def test_an_echoed_env_token_is_masked_in_the_error_and_the_debug_traceback(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _echo_authorization(httpserver)
    _config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("X_BEARER_TOKEN", ENV_TOKEN)
    for flags in ([], ["--debug"]):
        code, output = _fetch(tmp_path, *flags)
        assert code == 65, output
        assert "bad header: Bearer ••••••••8888" in output
        assert ENV_TOKEN not in output


def test_an_echoed_config_token_is_masked_too(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _echo_authorization(httpserver)
    _config(
        tmp_path,
        monkeypatch,
        httpserver.url_for("").rstrip("/"),
        extra=f'[secrets]\nx_bearer_token = "{FILE_TOKEN}"\n',
    )
    code, output = _fetch(tmp_path)
    assert code == 65, output
    assert FILE_TOKEN not in output and "••••••••4444" in output


def test_the_web_wording_masks_a_token_as_a_last_defence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "mastodonSECRET98765")
    said = web_text("the instance said: Authorization: Bearer mastodonSECRET98765")
    assert "mastodonSECRET98765" not in said and "••••••••" in said
    assert hide_secrets("nothing secret here") == "nothing secret here"


@pytest.mark.parametrize("origin", ["env", "config"])
def test_a_refused_token_is_named_where_it_came_from(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, origin: str
) -> None:
    httpserver.expect_request("/2/users/by/username/acme").respond_with_json(
        {"title": "Unauthorized"}, status=401
    )
    base = httpserver.url_for("").rstrip("/")
    if origin == "env":
        _config(tmp_path, monkeypatch, base)
        monkeypatch.setenv("X_BEARER_TOKEN", ENV_TOKEN)
        where = "X_BEARER_TOKEN in the environment"
    else:
        config = _config(
            tmp_path, monkeypatch, base, extra=f'[secrets]\nx_bearer_token = "{FILE_TOKEN}"\n'
        )
        where = f"[secrets] x_bearer_token in {config}"
    code, output = _fetch(tmp_path)
    assert code == 77, output
    flat = " ".join(output.split())
    assert f"X refused the bearer token from {where} (HTTP 401)" in flat
    assert f"check {where}" in flat
    if origin == "config":
        assert "X_BEARER_TOKEN" not in flat


def test_a_token_pasted_with_its_quotes_loses_them_with_a_notice(
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sent: list[str] = []

    def user(request: Request) -> Response:
        sent.append(str(request.headers.get("Authorization")))
        return Response('{"data": {"id": "7", "username": "acme", "name": "Acme"}}',
                        content_type="application/json")  # fmt: skip

    httpserver.expect_request("/2/users/by/username/acme").respond_with_handler(user)
    httpserver.expect_request("/2/users/7/tweets").respond_with_json({"meta": {}})
    _config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("X_BEARER_TOKEN", f'"{ENV_TOKEN}"')
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        assert get_secret("x_bearer_token") == ENV_TOKEN
    assert "X_BEARER_TOKEN is wrapped in quotes" in caplog.text
    code, output = _fetch(tmp_path)
    assert code == 0, output
    assert sent == [f"Bearer {ENV_TOKEN}"]


def test_a_token_above_every_table_is_told_where_it_belongs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'x_bearer_token = "{FILE_TOKEN}"\n[x]\nmax_wait_seconds = 5\n')
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        load_config(config)
    assert "x_bearer_token is outside any table, so it is ignored" in caplog.text
    assert "put it under a header line [secrets]" in caplog.text
    assert FILE_TOKEN not in caplog.text


def test_a_staffpulse_config_naming_no_file_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "conifg.toml"
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(missing))
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        config = load_config()
    assert config.source is None
    assert f"STAFFPULSE_CONFIG names {missing}, which does not exist" in caplog.text


def test_fetch_x_without_a_token_says_so_before_any_estimate(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(tmp_path, monkeypatch, httpserver.url_for("").rstrip("/"))
    code, output = _fetch(tmp_path)
    assert code == 77, output
    assert "no X bearer token" in output
    # where such a token comes from, and that it is paid for: "bearer token" alone said neither
    assert "X's developer portal (https://developer.x.com)" in " ".join(output.split())
    # where the steps are, and the free way to the firm's own posts, which needs no token
    assert "serve) walks through it" in " ".join(output.split())
    assert "docs/" not in output
    assert "importing its X archive is free and needs no token" in " ".join(output.split())
    assert "Estimated cost" not in output


def test_the_missing_token_error_carries_the_free_way_and_json_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive route was added to the hint by the fetch command alone: the library's
    error carries it now, and every way the CLI tells the error says it, JSON too."""
    from staffpulse.errors import MissingTokenError
    from staffpulse.fetch.x import require_x_token

    monkeypatch.delenv("X_BEARER_TOKEN", raising=False)
    with pytest.raises(MissingTokenError) as caught:
        require_x_token({})
    assert "importing its X archive is free" in (caught.value.free_way or "")
    assert "archive" not in (caught.value.hint or "")  # a step the dashboard words its own way
    _config(tmp_path, monkeypatch, "http://127.0.0.1:9")
    result = CliRunner().invoke(
        app, ["fetch", "x", "@acme", "--json", "--db", str(tmp_path / "d.db")]
    )
    document = json.loads(result.stdout)
    assert result.exit_code == 77 and document["error"]["exit_code"] == 77
    assert "importing its X archive is free and needs no token" in document["error"]["hint"]


def test_a_bare_token_in_the_file_is_told_to_go_in_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[secrets]\nx_bearer_token = {FILE_TOKEN}\n")
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    code, output = _fetch(tmp_path)
    assert code == 78, output
    flat = " ".join(output.split())
    assert "not valid TOML" in flat and "put text values in quotes" in flat
    assert FILE_TOKEN not in output


def test_an_unexpected_error_quoting_a_token_is_masked_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("X_BEARER_TOKEN", ENV_TOKEN)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"request failed: Authorization: Bearer {ENV_TOKEN}")

    monkeypatch.setattr("staffpulse.cli.commands.store.import_paths", broken)
    data = tmp_path / "posts.csv"
    data.write_text("id,author,text\n1,acme,hello\n")
    result = CliRunner().invoke(
        app, ["--debug", "import", str(data), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 70
    assert "Traceback" in result.stderr and "RuntimeError" in result.stderr
    assert ENV_TOKEN not in result.output and "Bearer ••••••••8888" in result.stderr


def test_the_config_file_is_read_once_while_it_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[secrets]\nx_bearer_token = "{FILE_TOKEN}"\n', encoding="utf-8")
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    reads: list[Path | None] = []
    real_load = config_secrets.load_config

    def counted(path: Path | None = None) -> Config:
        reads.append(path)
        return real_load(path)

    monkeypatch.setattr(config_secrets, "load_config", counted)
    for _ in range(20):  # a page shows a message and its hint for many jobs
        assert FILE_TOKEN not in hide_secrets(f"echoed: Bearer {FILE_TOKEN}")
    assert len(reads) == 1
    # a token edited in the file is masked from the next message on
    new_token = "NEWXSECRETtoken9999000011112222"
    config.write_text(f'[secrets]\nx_bearer_token = "{new_token}"\n', encoding="utf-8")
    os.utime(config, ns=(config.stat().st_mtime_ns + 10**9,) * 2)
    assert hide_secrets(f"echoed: Bearer {new_token}") == "echoed: Bearer ••••••••2222"
    assert len(reads) == 2


def test_a_secret_shorter_than_six_characters_is_not_masked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "hire")  # masking it would blank "hired"
    assert hide_secrets("we hired two nurses") == "we hired two nurses"


def test_an_x_token_quoted_decoded_is_masked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """X's bearer tokens hold %2B and %3D; a server that decoded the header before quoting it
    showed the token with + and = in the message, whole."""
    monkeypatch.setenv("X_BEARER_TOKEN", "AAAAfakeBearer%2BSECRETpart%3DTAILwxyz")
    said = hide_secrets("proxy: bad header Bearer AAAAfakeBearer+SECRETpart=TAILwxyz")
    assert "SECRETpart" not in said and "bad header Bearer ••••••••wxyz" in said


def test_a_token_that_begins_with_another_is_masked_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """One token set holds another (the X token pasted cut short as the Mastodon one): masked
    shorter first, the longer one's end would stay on the screen and in the dashboard's log."""
    longer = "SHAREDstart1234LEAKEDpart9876"
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "SHAREDstart1234")
    monkeypatch.setenv("X_BEARER_TOKEN", longer)
    assert hide_secrets(f"bad header: Bearer {longer}") == "bad header: Bearer ••••••••9876"
    record = logging.LogRecord("staffpulse.web", logging.ERROR, __file__, 1, "%s", (longer,), None)
    SecretMaskFilter().filter(record)
    assert record.getMessage() == "••••••••"
