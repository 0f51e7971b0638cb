"""Pages speak to a marketer, not a developer (staffpulse.web.wording, on the pages and on
typed examples): no command-line options, no Python module paths, no exception class names, no
snake_case role names; terminal advice rewritten as the page's own controls, and a hint that
does not repeat what the message says. (How each family of the library's messages is worded for
a page, from the library's own words: test_web_wording_sources.py.)"""

from __future__ import annotations

import re
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.sources.x_archive import lone_part  # noqa: E402
from staffpulse.web.wording import web_hint  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    page_words,
    sample_store,
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with make_client(sample_store(tmp_path_factory.mktemp("plain"))) as c:
        yield c


def test_a_missing_x_token_leads_to_settings_in_the_librarys_current_words(store: Any) -> None:
    from staffpulse.errors import AuthError
    from staffpulse.fetch.x import XFetcher

    with pytest.raises(AuthError) as caught:
        XFetcher(store, config={})  # no X_BEARER_TOKEN (conftest clears it), none in the file
    hint = web_hint(caught.value.message, caught.value.hint)
    # "start again": the same step ends a refresh's X line, where nothing is called a fetch
    assert hint == "add the X token on the Settings page, then start again"


def test_a_refused_x_token_is_checked_on_settings_not_in_the_environment(
    store: Any, httpserver: Any
) -> None:
    from staffpulse.errors import AuthError
    from staffpulse.fetch.x import XFetcher
    from staffpulse.fetch.x_client import make_client as make_x_client

    httpserver.expect_request(re.compile(r"^/2/.*")).respond_with_json(
        {"title": "Unauthorized", "status": 401}, status=401
    )
    client = make_x_client("wrong-token", httpserver.url_for(""), 0.3)
    with pytest.raises(AuthError) as caught:
        XFetcher(store, config={}, client=client, retries=0).fetch("@acme")
    hint = web_hint(caught.value.message, caught.value.hint)
    assert "X_BEARER_TOKEN" not in hint
    assert hint.startswith("check the X token on the Settings page")


def test_an_unknown_conversation_id_says_reload_not_a_command(store: Any) -> None:
    from staffpulse.errors import NotFoundError
    from staffpulse.listen.states import set_state

    with pytest.raises(NotFoundError) as caught:
        set_state(store, "no-such-conversation", "joined")
    assert web_hint(caught.value.message, caught.value.hint) == "reload the inbox page"


def test_an_unknown_inbox_platform_names_no_option(client: Any) -> None:
    page = client.get("/inbox", params={"platform": "facebook"})
    assert page.status_code == 400
    text = page_words(page.text)
    assert "unknown platform" in text and "choose X, Bluesky or Mastodon" in text
    assert "--platform" not in text and "csv names accounts" not in text


def test_an_unknown_role_lists_no_snake_case(client: Any) -> None:
    text = page_words(client.get("/connect", params={"role": "bogus"}).text)
    assert "unknown role &#39;bogus&#39;" in text
    assert "choose a role in the “Role” list, or “Any role”" in text
    for name in ("staffing_firm", "hr_pro", "job_board", "job_seeker"):
        assert name not in text


def test_the_audit_footer_names_models_not_module_paths(client: Any) -> None:
    footer = client.get("/audit/x/brightpathstaff").text.split("<footer")[1]
    assert "Models: " in footer
    assert "staffpulse.signals" not in footer and "docs/models" not in footer


def test_an_x_fetch_offline_says_so_like_bluesky(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.fetch.common import Backoff

    with socket.socket() as probe:  # a port nobody listens on: the network is "down"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "config.toml"
    config.write_text(f'[x]\nbase_url = "http://127.0.0.1:{port}"\n[fetch]\ntimeout_seconds = 2\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    monkeypatch.setattr(Backoff, "retry", lambda self, message: False)  # fail at once
    form = {"platform": "x", "handle": "@acme", "max_posts": "5", "confirmed": "yes"}
    with make_client(tmp_path / "offline.db") as c:
        status = finished_job(
            c, c.post("/import/fetch", data={"csrf_token": csrf_token(c), **form})
        )
        page = page_words(c.get(f"/jobs/{status['id']}").text)
    assert status["state"] == "error"
    assert "X could not be reached: check that this computer is online" in page
    assert "ConnectionError" not in page and "network error" not in page


def test_a_hint_does_not_repeat_what_the_message_says() -> None:
    message = "@acme: X could not be reached at api.x.com (no connection)"
    hint = (
        "check your connection and [x] base_url; everything fetched so far is stored; "
        "run the same command again to resume"
    )
    shown = web_hint(message, hint)
    assert "online" not in shown
    assert shown == (
        "everything fetched so far is stored; start the same fetch again on the Import page "
        "to resume"
    )
    assert web_hint("no account 'x' in the store", "check the handle") == "check the handle"
    assert web_hint("X could not be reached: check that this computer is online", None) == ""


def test_web_wording_replaces_terminal_advice() -> None:
    from staffpulse.web.wording import mentions_formats, web_text

    cases = {
        "import its posts first (staffpulse import FILE), or run: staffpulse accounts": (
            "Import page",
            "staffpulse",
        ),
        "3 open conversation(s) quiet for more than 30 days left out (--max-age to change)": (
            "Quiet for at most",
            "--max-age",
        ),
        "nothing in it was active in the last 30 days; --as-of now shows the live view": (
            "Rank as of",
            "--as-of",
        ),
        "2 accounts you already talk with were left out: --include-contacts shows them": (
            "Include people you already talk with",
            "--include",
        ),
        "everything fetched so far is stored; run the same command again to resume": (
            "start the same fetch again",
            "command",
        ),
        "posts of @a: Bluesky request to public.api.bsky.app failed (NetworkError)": (
            "could not be reached",
            "Error",
        ),
        "supported formats: X archive, staffpulse CSV (staffpulse import --help says what each"
        " is)": ("Supported formats", "--help"),
        "check your connection and [x] base_url; everything fetched so far is stored": (
            "check that this computer is online",
            "[x]",
        ),
        "check the handle and [bluesky] appview_url": ("the Bluesky address", "[bluesky]"),
        f"tweet.js: {lone_part('tweet', 70)}": (
            "choose it together with account.js",
            "data folder",
        ),
        lone_part("tweets", 1986): ("so its 1,986 posts were not read: choose it", "import the"),
        lone_part("tweets", 0): ("so nothing in it was read: choose it", "import the"),
    }
    for text, (present, absent) in cases.items():
        shown = web_text(text)
        assert present in shown and absent not in shown, shown
    # the page links its formats under a hint that sends the terminal to the import's help
    assert mentions_formats(None, "(staffpulse import --help lists the formats)")
    assert mentions_formats(None, "(see docs/formats.md)") and not mentions_formats("x", None)
