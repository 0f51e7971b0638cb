"""What X's answers say, for the cases the fetch tests leave aside: errors about referenced
posts alone do not make a timeline "refused", a refusal without words still is one, a long
reason without a sentence end is cut with "...", and requests go to the configured host."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import tweepy
from requests.adapters import HTTPAdapter

from staffpulse.fetch.x_client import lookup_error, make_client, refusal, rejection_reason


def test_only_errors_about_the_posts_themselves_refuse_a_timeline() -> None:
    deleted_quote = {"title": "Not Found Error", "section": "includes", "detail": "gone"}
    assert refusal({"data": [], "errors": [deleted_quote]}) is None
    assert refusal({"data": [{"id": "1"}], "errors": [{"detail": "x"}]}) is None
    assert refusal({"errors": [{"section": "data"}]}) == "no reason"
    assert refusal({}) is None


def test_a_lookup_says_why_no_one_was_found_or_nothing() -> None:
    said = {"errors": [{"detail": "User has been suspended: [acme]. "}]}
    assert lookup_error(said) == "User has been suspended: [acme]."
    assert lookup_error({"errors": "odd"}) == "" and lookup_error({}) == ""


def _refused(body: bytes) -> tweepy.HTTPException:
    response = requests.Response()
    response.status_code, response._content = 400, body
    response.reason = "Bad Request"
    return tweepy.BadRequest(response)


def test_a_long_reason_without_a_sentence_end_is_cut_short() -> None:
    reason = rejection_reason(_refused(b'{"detail": "' + b"x" * 300 + b'"}'))
    assert len(reason) == 200 and reason.endswith("...")
    assert rejection_reason(_refused(b"<html>proxy</html>")) == ""


def test_requests_go_to_the_configured_host_with_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent: dict[str, Any] = {}

    def record(_adapter: HTTPAdapter, request: requests.PreparedRequest, **kw: Any) -> Any:
        sent.update(url=request.url, timeout=kw.get("timeout"))
        return requests.Response()

    monkeypatch.setattr(HTTPAdapter, "send", record)  # what would go on the wire
    client = make_client("token", "http://127.0.0.1:9/x-api/", timeout=7.5)
    client.session.get("https://api.twitter.com/2/users/me")
    assert sent == {"url": "http://127.0.0.1:9/x-api/2/users/me", "timeout": 7.5}
