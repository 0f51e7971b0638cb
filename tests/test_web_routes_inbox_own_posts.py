"""The Inbox page of a store that holds only the firm's own posts (its X archive): its replies
count as joined, but the page must not say the firm has been through every conversation."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.models import Account, Post  # noqa: E402
from staffpulse.sources.base import provenance  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import make_client, reader_words  # noqa: E402

_AT = datetime.now(UTC) - timedelta(hours=2)


def _own_post(pid: str, text: str, to: str | None = None) -> Post:
    """A post of @acme's; with ``to``, its reply to a post of theirs the store does not hold."""
    return Post(platform="x", id=pid, author_id="acme-x", author_handle="acme", text=text,
                created_at=_AT, kind="reply" if to else "original",
                reply_to_post_id=f"9{pid}" if to else None, reply_to_handle=to)  # fmt: skip


def test_an_own_archive_is_told_where_other_peoples_conversations_come_from(
    tmp_path: Path,
) -> None:
    rows = [
        Account(platform="x", id="acme-x", handle="acme"),
        _own_post("1", "Recruiters: how fast should you reply to a job applicant?"),
        _own_post("2", "@ana Our recruiters reply to every job candidate the same day.", "ana"),
    ]
    with open_store(tmp_path / "own.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
    with make_client(tmp_path / "own.db") as client:
        page = reader_words(client.get("/inbox?as=acme").text)
    assert "been through every conversation" not in page
    assert "The store holds only your own posts" in page
    assert "listed as joined, whose other posts aren't stored" in page
    assert "Import more posts by others on the Import page" in page
    assert "staffpulse listen" not in page and "staffpulse fetch" not in page
