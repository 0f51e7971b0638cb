"""The Settings page (routes_settings) speaks to a marketer (QA17 F8, F9): no commands,
config-file sections or start-up options outside the part folded away for whoever set
staffpulse up; a save says what was saved; a refused token names which token, and a token of
characters no token has (markup, quotes, accents) is refused; a refused handle is echoed as
typed, with the forms a handle takes, and stays in the field."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client  # noqa: E402

TECHNICAL = ("staffpulse inbox", "[listen]", "[mastodon]", "default_instance", "--max-upload-mb",
             "config file")  # fmt: skip


def _words(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def client(tmp_path: Path, monkeypatch: Any) -> Any:
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "home"))
    with make_client(tmp_path / "t.db") as c:
        yield c


def test_technical_details_are_only_in_the_part_for_whoever_set_it_up(client: Any) -> None:
    page = client.get("/settings").text
    main = page.split("<main", 1)[1]
    marketer, admin = main.split('<details class="admin">', 1)
    assert not [word for word in TECHNICAL if word in html.unescape(marketer)]
    admin_words = _words(admin.split("</details>")[0])
    assert admin_words.startswith("For whoever set up staffpulse")
    assert (
        "Saved in this store (the Database above), so each client's store keeps its" in admin_words
    )
    assert "for example staffpulse serve --max-upload-mb 500" in admin_words  # one example
    # config names said plainly, not as the file's sections and keys
    assert not [word for word in ("[listen]", "[mastodon]", "default_instance") if word in admin]


def test_where_a_set_token_comes_from_is_said_in_plain_words(client: Any, monkeypatch: Any) -> None:
    """A saved token showed "from the config file", and one given at start "from the
    environment variable MASTODON_ACCESS_TOKEN", in the marketer's part of the page: now
    "saved on this computer" and "given when staffpulse was started", the variable named in the
    part for whoever set staffpulse up."""
    form = {
        "name": "x_bearer_token",
        "value": "AAAAAAAAAAAAAAAAbcd1234",
        "csrf_token": csrf_token(client),
    }
    client.post("/settings/tokens", data=form)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "envtokenenvtokenenv5678")
    main = client.get("/settings").text.split("<main", 1)[1]
    marketer, admin = main.split('<details class="admin">', 1)
    words = _words(marketer)
    assert "set ••••••••1234 saved on this computer" in words
    assert "set ••••••••5678 given when staffpulse was started" in words
    assert "Whoever started staffpulse gave it a token of its own: that one is used" in words
    assert not [word for word in TECHNICAL if word in html.unescape(marketer)]
    assert not re.search(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", words)  # no variable's name
    assert "MASTODON_ACCESS_TOKEN (set now)" in _words(admin)


def test_saving_a_token_says_which(client: Any) -> None:
    form = {"name": "mastodon_access_token", "value": "abcDEF123456", "csrf_token":
            csrf_token(client, "/settings")}  # fmt: skip
    saved = client.post("/settings/tokens", data=form)
    assert "Saved the Mastodon access token." in _words(client.get(saved.headers["location"]).text)
    removed = client.post("/settings/tokens", data={**form, "action": "clear"})
    words = _words(client.get(removed.headers["location"]).text)
    assert "Removed the Mastodon access token." in words


def test_saving_the_account_does_not_mention_a_command(client: Any) -> None:
    data = {"csrf_token": csrf_token(client, "/settings"), "account": "@acme_staffing",
            "action": "save", "back": "/settings"}  # fmt: skip
    page = client.get(client.post("/settings/account", data=data).headers["location"]).text
    flash = _words(page.split('<div class="flash', 1)[1].split("</div>", 1)[0])
    assert "Saved @acme_staffing" in flash and "staffpulse" not in flash


@pytest.mark.parametrize("typed", ["abc<def>", "not a handle at all <b>x</b>"])
def test_a_refused_handle_is_echoed_as_typed_and_kept_in_the_field(client: Any, typed: str) -> None:
    data = {"csrf_token": csrf_token(client, "/settings"), "account": typed, "action": "save",
            "back": "/settings"}  # fmt: skip
    page = client.get(client.post("/settings/account", data=data).headers["location"]).text
    words = _words(page)
    assert f"“{typed}” is not a handle" in words
    assert "acme.bsky.social" in words and "@acme@mastodon.social" in words
    assert f'value="{html.escape(typed)}"' in page  # kept, escaped
    assert "<b>x</b>" not in page
    assert "Remove" not in page.split('id="account"')[1].split("</section>")[0]  # nothing saved


@pytest.mark.parametrize(
    ("typed", "warned"),
    [("@postsonly", False), ("https://x.com/PostsOnly", False), ("@ghostfirm", True)],
)
def test_the_not_in_store_warning_on_saving_agrees_with_the_inbox(
    client: Any, tmp_path: Path, typed: str, warned: bool
) -> None:
    """The firm is decided by resolve_firm on saving as on the Inbox: posts signed with the
    handle (a posts file stores no account row) make it known, so no warning is shown."""
    from datetime import UTC, datetime

    from staffpulse.models import Post
    from staffpulse.sources.base import provenance
    from staffpulse.store import open_store

    with open_store(tmp_path / "t.db") as store:
        post = Post(platform="x", id="p1", author_id="9", author_handle="postsonly", text="Hi",
                    created_at=datetime(2026, 3, 1, tzinfo=UTC))  # fmt: skip
        store.upsert([post], provenance("test", "t"))
    data = {"csrf_token": csrf_token(client, "/settings"), "account": typed, "action": "save",
            "back": "/settings"}  # fmt: skip
    page = client.get(client.post("/settings/account", data=data).headers["location"]).text
    words = _words(page)
    assert ("not in the store yet" in words) is warned
    assert ("Saved:" in words) is not warned


def test_a_refused_token_names_which_token(client: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    form = {"name": "mastodon_access_token", "value": "abc def<script>"}
    sent = client.post("/settings/tokens", data={**form, "csrf_token": csrf_token(client)})
    page = _words(client.get(sent.headers["location"]).text)
    assert "The Mastodon access token was not saved: that does not look like a token" in page


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", '"AAAA"', "tok;en", "naïve"])
def test_a_token_of_other_characters_is_refused(
    tmp_path: Path, monkeypatch: Any, value: str
) -> None:
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    with make_client(tmp_path / "t.db") as c:
        token = csrf_token(c, "/settings")
        form = {"name": "x_bearer_token", "value": value, "csrf_token": token}
        page = c.get(c.post("/settings/tokens", data=form).headers["location"]).text
        assert "The X API bearer token was not saved:" in page
        assert "letters, digits and the signs" in page
        ok = c.post("/settings/tokens", data={**form, "value": "AAAA%2Bb-c_d.e~f+g/h=="})
        assert ok.headers["location"].startswith("/settings?flash=")
        assert "Saved the X API bearer token." in c.get(ok.headers["location"]).text


@pytest.mark.parametrize(
    "pasted",
    ["Bearer AAAAAAAAAAAAAAAAAAAAAQ%3Dz9Xw", "Authorization: bearer AAAAAAAAAAAAAAAAAAAAAQ%3Dz9Xw"],
)
def test_a_token_pasted_with_bearer_in_front_is_saved_without_it(
    tmp_path: Path, monkeypatch: Any, pasted: str
) -> None:
    """ "Bearer AAAA…" (copied from an example request) was refused for its space: the token
    is the last word, and that is what is saved."""
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    from staffpulse.config import get_secret

    with make_client(tmp_path / "t.db") as c:
        form = {"name": "x_bearer_token", "value": pasted, "csrf_token": csrf_token(c)}
        words = _words(c.get(c.post("/settings/tokens", data=form).headers["location"]).text)
    assert "Saved the X API bearer token." in words and "set ••••••••z9Xw" in words
    assert get_secret("x_bearer_token") == "AAAAAAAAAAAAAAAAAAAAAQ%3Dz9Xw"


def test_the_x_token_says_where_it_is_made_with_a_link(client: Any) -> None:
    """ "Create it in the X developer portal" named a place with no way to get there."""
    page = client.get("/settings").text
    assert "generate the Bearer Token and copy it" in _words(page)
    assert (
        '<a href="https://developer.x.com/en/portal/dashboard" target="_blank"'
        ' rel="noopener noreferrer">Open the X developer portal</a>'
    ) in page


@pytest.mark.parametrize("pasted", ["xvz1evFS4wEEPTGEFPHBog", "1234567890-AbCdEfGhIjKlMnOp"])
def test_an_x_key_that_is_no_bearer_token_is_saved_with_a_warning(
    tmp_path: Path, monkeypatch: Any, pasted: str
) -> None:
    """The API Key or the Access Token, which sit beside the Bearer Token in X's "Keys and
    tokens", were saved as "Saved the X API bearer token.": X refused them only at the first
    fetch, after its cost was confirmed (QA s26). Saved still, and said at once."""
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    from staffpulse.config import get_secret

    with make_client(tmp_path / "t.db") as c:
        form = {"name": "x_bearer_token", "value": pasted, "csrf_token": csrf_token(c)}
        words = _words(c.get(c.post("/settings/tokens", data=form).headers["location"]).text)
    assert "Saved the X API bearer token, but it does not look like one:" in words
    assert f"this one is {len(pasted)} characters long and begins otherwise" in words
    assert "copy the Bearer Token (not the API Key, its Secret or the Access Token)" in words
    assert get_secret("x_bearer_token") == pasted
