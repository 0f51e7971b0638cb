"""Fixtures for the dashboard tests: an app on a tmp store, CSRF tokens, a tiny X archive."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from audit_helpers import FakeScorer

__all__ = ["FakeScorer"]

HOSTILE = "<script>alert(1)</script> we are #hiring, apply now"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_settings(db_path: Path, **overrides: Any) -> Any:
    from staffpulse.web import WebSettings

    options: dict[str, Any] = {
        "db_path": db_path,
        "scorer": FakeScorer(),
        "allowed_hosts": ["testserver", "127.0.0.1", "localhost"],
        "upload_dir": db_path.parent / "uploads",
    }
    options.update(overrides)
    return WebSettings(**options)


def make_client(db_path: Path, **overrides: Any) -> Any:
    from fastapi.testclient import TestClient

    from staffpulse.web import create_app

    return TestClient(create_app(make_settings(db_path, **overrides)), follow_redirects=False)


def csrf_token(client: Any, page: str = "/import") -> str:
    """Load a page (which sets the cookie) and read the token of its forms."""
    response = client.get(page)
    match = CSRF_RE.search(response.text)
    assert match, f"no CSRF field on {page}"
    return match.group(1)


def _ytd(name: str, items: list[dict[str, Any]]) -> str:
    return f"window.YTD.{name}.part0 = " + json.dumps(items, indent=1)


def tweet(i: int, text: str, day: int) -> dict[str, Any]:
    return {
        "tweet": {
            "id_str": str(1000 + i),
            "id": str(1000 + i),
            "created_at": f"Sun Mar {day:02d} 14:05:00 +0000 2026",
            "full_text": text,
            "favorite_count": "1",
            "retweet_count": "0",
            "entities": {"hashtags": [], "user_mentions": [], "urls": []},
            "lang": "en",
        }
    }


def x_archive_bytes(extra_members: dict[str, str] | None = None) -> bytes:
    """A small X archive: account, profile and a handful of tweets, one of them hostile."""
    texts = [
        HOSTILE,
        "Now hiring: warehouse associates in Dayton, apply today",
        "Honest question for recruiters: what made you love this job? My story in the thread",
        "We stopped posting salary ranges last year. Big mistake, lol. Here is what we learned",
        "Job alert: forklift operator, nights, apply now",
        "Proud of our team: 40 people placed this month!",
    ]
    tweets = [tweet(i, text, 1 + i) for i, text in enumerate(texts)]
    account = [
        {
            "account": {
                "username": "acmestaffing",
                "accountId": "9001",
                "createdAt": "2012-05-01T10:00:00.000Z",
                "accountDisplayName": "Acme <b>Staffing</b>",
            }
        }
    ]
    profile = [{"profile": {"description": {"bio": "We place people in great jobs."}}}]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/tweets.js", _ytd("tweets", tweets))
        archive.writestr("data/account.js", _ytd("account", account))
        archive.writestr("data/profile.js", _ytd("profile", profile))
        for name, text in (extra_members or {}).items():
            archive.writestr(name, text)
    return buffer.getvalue()
