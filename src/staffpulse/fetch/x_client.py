"""The X API v2 client: a real ``tweepy.Client`` aimed at a configurable base URL, the fields
staffpulse asks for, and what X's error answers say."""

from __future__ import annotations

from typing import Any

import requests
import tweepy
from requests.adapters import HTTPAdapter

from staffpulse.errors import FetchError
from staffpulse.models import Account
from staffpulse.next_steps import CHECK_X_ADDRESS
from staffpulse.sources.twarc2 import rows_from_v2

TWEEPY_HOST = "https://api.twitter.com"
SEARCH_EXPANSIONS = ["author_id", "referenced_tweets.id", "referenced_tweets.id.author_id"]
SEARCH_USER_FIELDS = ["description", "name", "profile_image_url", "public_metrics", "username"]
USER_FIELDS = [
    "created_at", "description", "entities", "location", "name", "pinned_tweet_id",
    "profile_image_url", "protected", "public_metrics", "url", "username", "verified",
]  # fmt: skip
# note_tweet: a post over 280 characters comes whole only there ("text" is cut)
TWEET_FIELDS = [
    "author_id", "conversation_id", "created_at", "edit_history_tweet_ids", "entities",
    "in_reply_to_user_id", "lang", "note_tweet", "public_metrics", "referenced_tweets",
]  # fmt: skip


def json_object(response: requests.Response, what: str, host: str, stored: str) -> dict[str, Any]:
    """The JSON object of a 2xx answer; a proxy's or captive portal's HTML page is not one
    (and, not being a network error, is not retried). ``stored`` says what the fetch kept so
    far (:func:`staffpulse.fetch.resume.stored_so_far`), to end the hint."""
    try:
        payload = response.json()
    except ValueError:  # requests' JSONDecodeError
        kind = str(response.headers.get("content-type") or "no content type").split(";")[0]
        raise FetchError(
            f"{what}: X answered with something that is not JSON"
            f" (HTTP {response.status_code}, {kind})",
            hint=f"{CHECK_X_ADDRESS.say(host=host)} and any proxy on the way; {stored}",
        ) from None
    return payload if isinstance(payload, dict) else {}


def rejection_reason(exc: tweepy.HTTPException) -> str:
    """X's own words on a rejected request (its ``errors[].message`` or ``detail``), short."""
    messages = [str(m).strip() for m in exc.api_messages if str(m).strip()]
    if not messages:
        try:
            body = exc.response.json()
        except ValueError:
            return ""
        found = body.get("detail") or body.get("title") if isinstance(body, dict) else None
        messages = [str(found).strip()] if found else []
    text = messages[0] if messages else ""
    if len(text) <= 200:
        return text
    # whole sentences when they fit: X's longer reasons say the point first
    end = text.rfind(". ", 0, 200)
    return text[: end + 1] if end > 0 else text[:197] + "..."


def lookup_error(page: dict[str, Any]) -> str:
    """Why a user lookup found no one: X answers 200 with an ``errors`` list for unknown and
    suspended users (``User has been suspended: [name].``); empty when it says nothing."""
    errors = page.get("errors")
    first = errors[0] if isinstance(errors, list) and errors else None
    return str(first.get("detail") or "").strip() if isinstance(first, dict) else ""


def refusal(page: dict[str, Any]) -> str | None:
    """X's words when a page has no posts because X does not show the stream at all: a
    protected account's timeline ("Sorry, you are not authorized to see the user with id:
    [7].") or a suspended one's answer 200 with ``errors`` about the ``data`` section only.
    None for a page with posts, an empty page, or errors about referenced posts alone."""
    errors = page.get("errors")
    if page.get("data") or not isinstance(errors, list):
        return None
    for error in errors:
        if isinstance(error, dict) and error.get("section", "data") == "data":
            return str(error.get("detail") or error.get("title") or "").strip() or "no reason"
    return None


def user_of_lookup(page: dict[str, Any]) -> Account:
    """The user a ``users/by/username`` answer is about; ValueError when it cannot be read."""
    skipped: list[str] = []
    rows = rows_from_v2(page, errors=skipped)
    account = next((r for r in rows if isinstance(r, Account)), None)
    if account is None:
        raise ValueError(skipped[0] if skipped else "no user in the answer")
    return account


class _BaseUrlAdapter(HTTPAdapter):
    """Sends tweepy's ``https://api.twitter.com`` requests to the configured base URL."""

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__()
        self.base_url, self.timeout = base_url.rstrip("/"), timeout

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if request.url and request.url.startswith(TWEEPY_HOST):
            request.url = self.base_url + request.url[len(TWEEPY_HOST) :]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def make_client(token: str, base_url: str, timeout: float) -> tweepy.Client:
    """A real ``tweepy.Client`` (raw responses, no built-in waiting) aimed at ``base_url``."""
    client = tweepy.Client(
        bearer_token=token, wait_on_rate_limit=False, return_type=requests.Response
    )
    client.session.mount(TWEEPY_HOST, _BaseUrlAdapter(base_url, timeout))
    return client
