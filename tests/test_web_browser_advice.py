"""The audit's advice as a marketer reads it in real headless Chromium: worded for the page,
with no command, option or backtick of the terminal's, whatever the handle looks like."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import LiveServer, finished_job, make_client, make_settings, upload_files  # noqa: E402

pytestmark = NEEDS_CHROMIUM

HANDLE = "acme@social.example:3000"  # a Mastodon server on a port of its own


def _account_with_a_picture_address() -> bytes:
    lines: list[dict[str, object]] = [
        {"type": "account", "platform": "mastodon", "handle": HANDLE, "display_name": "Acme",
         "avatar_url": "https://social.example:3000/avatars/acme.png"}
    ]  # fmt: skip
    lines += [
        {"type": "post", "platform": "mastodon", "id": f"p{n}", "author": HANDLE,
         "text": f"Post {n}: what do you ask in interviews?",
         "created_at": f"2026-03-{n + 1:02d}T10:00:00Z"}
        for n in range(12)
    ]  # fmt: skip
    return "\n".join(json.dumps(line) for line in lines).encode()


def test_the_picture_advice_of_a_handle_on_a_port_names_no_command(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    db = tmp_path / "store.db"
    with make_client(db) as client:
        finished_job(
            client, upload_files(client, [("acme.jsonl", _account_with_a_picture_address())])
        )
    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        url = f"{live.url}/audit/mastodon/{HANDLE.replace('@', '%40').replace(':', '%3A')}"
        with opened_page(url, 1280, 900) as page:
            advice = page.locator("li", has_text="could not check your picture").first
            text = advice.inner_text()
            link = advice.locator("a").first.get_attribute("href") or ""
    assert "--db" not in text and "staffpulse" not in text and "`" not in text
    assert "on the Import page" in text and link.startswith("/import?platform=mastodon")
