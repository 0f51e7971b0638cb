"""Inboxes made by hand for the tests of their renderers (terminal, HTML file, dashboard): an
item with every field filled, the inbox holding it, and what the terminal shows of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.console import Console

from staffpulse.listen.inbox_model import Inbox, InboxItem
from staffpulse.report.terminal_inbox import render_inbox

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
BSKY_ID = "at://did:plc:abc123/app.bsky.feed.post/3l7z4sedyej2g"


def item(conversation_id: str = BSKY_ID, replies: int = 1, **kw: object) -> InboxItem:
    fields: dict[str, object] = {
        "platform": "bluesky",
        "conversation_id": conversation_id,
        "url": "https://bsky.app/profile/ana.example/post/3l7z4sedyej2g",
        "topic_id": 1,
        "topic_label": "counteroffers",
        "opening_text": "How do you handle counteroffers?",
        "author_handle": "ana.example",
        "author_id": "did:plc:abc123",
        "role": "recruiter",
        "started_at": NOW - timedelta(hours=3),
        "last_activity": NOW - timedelta(hours=1),
        "replies": replies,
        "participants": 2,
        "score": 0.7,
        "reasons": ("asks a question",),
        "cautions": (),
        "angle": "Answer peer to peer.",
        "state": "open",
    }
    fields.update(kw)
    return InboxItem(**fields)  # type: ignore[arg-type]


def shown(inbox: Inbox) -> str:
    console = Console(record=True, width=120)
    render_inbox(console, inbox)
    return console.export_text()


def make(items: list[InboxItem], **kw: object) -> Inbox:
    return Inbox(items, [], {}, NOW, NOW, **kw)  # type: ignore[arg-type]
