"""``fetch x`` checks what it is given before any request: handles and profile URLs, counts,
the budget and the config's types."""

from __future__ import annotations

import re

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.errors import (
    BudgetExceededError,
    ConfigError,
    InputError,
)
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.store import Store
from x_fetch_helpers import FakeX, x_fetcher


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("@@bad handle!!", "is not a valid X handle"),
        ("acme.bsky.social", "looks like a Bluesky one"),
        ("acme@mastodon.social", "looks like a Mastodon one"),
        ("sixteen_letters_", "is not a valid X handle"),
    ],
)
def test_bad_handles_never_reach_x(
    httpserver: HTTPServer, store: Store, handle: str, expected: str
) -> None:
    fake = FakeX(httpserver)
    with pytest.raises(InputError, match=expected) as caught:
        x_fetcher(httpserver, store, []).fetch(handle)
    assert caught.value.exit_code == 65 and caught.value.hint
    assert fake.requests == []


def test_profile_urls_are_handles(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    report = x_fetcher(httpserver, store, []).fetch(
        "https://x.com/AcmeStaffing/status/1", max_posts=5, max_mentions=0
    )
    assert fake.requests[0][0] == "/2/users/by/username/acmestaffing"
    assert report.target == "acmestaffing" and report.posts == 5
    kept = x_fetcher(httpserver, store, []).fetch("@AcmeStaffing", max_posts=5, max_mentions=0)
    assert kept.target == "AcmeStaffing"  # the case typed is kept


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [({"max_posts": 0}, "--max-posts 0"), ({"max_posts": -3}, "--max-posts -3"),
     ({"max_mentions": -1}, "--max-mentions -1")],
)  # fmt: skip
def test_counts_are_checked(
    httpserver: HTTPServer, store: Store, kwargs: dict[str, int], expected: str
) -> None:
    fake = FakeX(httpserver)
    with pytest.raises(InputError, match=expected):
        x_fetcher(httpserver, store, []).fetch("acme", **kwargs)
    assert fake.requests == []


@pytest.mark.parametrize("budget", [0.0, -5.0, float("nan")])
def test_budget_must_be_positive(httpserver: HTTPServer, store: Store, budget: float) -> None:
    with pytest.raises(InputError, match="must be more than 0") as caught:
        x_fetcher(httpserver, store, [], budget=budget)
    assert caught.value.exit_code == 65


def test_budget_messages_use_cents(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver)
    with pytest.raises(BudgetExceededError) as caught:
        x_fetcher(httpserver, store, [], budget=0.005).fetch("acme")
    assert "a budget of $0.005 does not cover even the user lookup ($0.01)" in str(caught.value)


def test_budget_stop_is_in_the_report_not_a_notice(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver, n=120)
    notices: list[str] = []
    report = x_fetcher(httpserver, store, [], budget=0.5, notify=notices.append).fetch("acme")
    assert report.stopped == "budget" and report.budget_usd == 0.5
    assert notices == []  # the CLI says it once (stderr, or in the JSON)


def test_wrong_config_types_are_config_errors(httpserver: HTTPServer, store: Store) -> None:
    client = make_client("secret-token", httpserver.url_for(""), 0.3)
    for config, expected in [
        ({"x": {"cost_per_post_read": "cheap"}}, '[x] cost_per_post_read = "cheap" is text'),
        ({"x": 5}, "x = 5 is a number; expected a table [x]"),
        ({"x": {"base_url": 8080}}, "[x] base_url = 8080 is a number; expected text"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(expected)):
            XFetcher(store, config=config, client=client)
    # a rate of 0 is allowed (a plan without per-read fees) and does not divide by zero
    free = XFetcher(store, config={"x": {"cost_per_post_read": 0}}, client=client, budget=1)
    assert free.rates.post == 0.0
