"""The X API v2 client: a real ``tweepy.Client`` aimed at a configurable base URL, and the
fields staffpulse asks for."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import requests
import tweepy
from requests.adapters import HTTPAdapter

TWEEPY_HOST = "https://api.twitter.com"
SNOWFLAKE_EPOCH_MS = 1288834974657
SEARCH_EXPANSIONS = ["author_id", "referenced_tweets.id", "referenced_tweets.id.author_id"]
SEARCH_USER_FIELDS = ["description", "name", "profile_image_url", "public_metrics", "username"]
USER_FIELDS = [
    "created_at", "description", "entities", "location", "name", "pinned_tweet_id",
    "profile_image_url", "protected", "public_metrics", "url", "username", "verified",
]  # fmt: skip
TWEET_FIELDS = [
    "author_id", "conversation_id", "created_at", "edit_history_tweet_ids", "entities",
    "in_reply_to_user_id", "lang", "public_metrics", "referenced_tweets",
]  # fmt: skip


def snowflake_time(post_id: str | None) -> datetime | None:
    """When an X post id (a snowflake) was created; None for ids that are not snowflakes."""
    if not post_id or not post_id.isdigit() or int(post_id) < 1 << 32:
        return None
    return datetime.fromtimestamp(((int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS) / 1000, UTC)


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
