"""``fetch mastodon`` and the instances it asks: the saved access token goes to the user's own
instance alone, a rejected one is named as such, and each instance has its own client."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mastodon_fetch_helpers import INSTANCE, TIMEOUT, FakeMastodon
from staffpulse.errors import AuthError
from staffpulse.fetch import mastodon
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.store import Store


class SignedInMastodon(FakeMastodon):
    """Also records the Authorization header each request came with."""

    def __init__(self, server: HTTPServer) -> None:
        self.authorizations: list[str | None] = []
        super().__init__(server, n=3)

    def handle(self, request: Request) -> Response:
        self.authorizations.append(request.headers.get("Authorization"))
        return super().handle(request)


def _signed_in(server: HTTPServer, store: Store, home: str) -> MastodonFetcher:
    config = {
        "fetch": TIMEOUT,
        "mastodon": {"default_instance": home},
        "secrets": {"mastodon_access_token": "token-from-settings"},
    }
    return MastodonFetcher(store, config=config, base_url=server.url_for("").rstrip("/"))


def test_the_saved_access_token_goes_to_the_users_own_instance_only(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)  # the one of Settings is used
    fake = SignedInMastodon(httpserver)
    _signed_in(httpserver, store, home=INSTANCE).fetch(f"@acme@{INSTANCE}")
    assert fake.authorizations and set(fake.authorizations) == {"Bearer token-from-settings"}
    fake.authorizations.clear()  # another instance is never sent the user's token
    _signed_in(httpserver, store, home="elsewhere.example").fetch(f"@acme@{INSTANCE}")
    assert fake.authorizations and set(fake.authorizations) == {None}


def test_a_rejected_access_token_is_named_as_such(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)
    SignedInMastodon(httpserver).fail[1] = (401, {})
    with pytest.raises(AuthError, match="rejected the Mastodon access token") as caught:
        _signed_in(httpserver, store, home=INSTANCE).fetch(f"@acme@{INSTANCE}")
    assert "Settings" in str(caught.value.hint)


def test_each_instance_is_asked_through_its_own_client(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeMastodon(httpserver, n=3)
    made: list[str] = []
    real_client = mastodon.make_client

    def to_the_test_server(base_url: str, timeout: float, token: str | None = None) -> Any:
        made.append(base_url)  # https://<instance>, answered by the local server
        return real_client(httpserver.url_for("").rstrip("/"), timeout, token)

    monkeypatch.setattr(mastodon, "make_client", to_the_test_server)
    fetcher = MastodonFetcher(store, config={"fetch": TIMEOUT})
    fetcher.fetch("@acme@one.example")
    report = fetcher.fetch_hashtag("hiring", "two.example")
    fetcher.fetch("@acme@one.example")
    assert made == ["https://one.example", "https://two.example"]
    assert report.target == "#hiring@two.example" and fake.requests
    filed = store.conn.execute("SELECT id FROM posts WHERE id LIKE 'two.example:%'").fetchall()
    assert len(filed) == 3  # the hashtag's posts are filed under the instance they came from
