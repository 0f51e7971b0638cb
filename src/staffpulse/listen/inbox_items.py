"""One ranked conversation as an inbox item (what the terminal, the report and the page show)."""

from __future__ import annotations

from staffpulse.listen.inbox_model import InboxItem
from staffpulse.listen.rank import RankedConversation


def inbox_item(entry: RankedConversation, topic_id: int | None, state: str) -> InboxItem:
    conv = entry.conversation
    opening = conv.opening
    root_stored = conv.root is not None
    return InboxItem(
        platform=conv.platform,
        conversation_id=conv.id,
        url=conv.url,
        topic_id=topic_id,
        topic_label=entry.topic_label,
        opening_text=opening.text,
        author_handle=opening.author_handle,
        author_id=opening.author_id,
        role=entry.role,
        started_at=opening.created_at,
        last_activity=conv.last_activity,
        replies=len(conv.replies) if root_stored else len(conv.posts),
        participants=len(conv.participants),
        score=entry.score,
        reasons=entry.reasons,
        cautions=entry.cautions,
        angle=entry.angle,
        state=state,
        flags=entry.flags,
        root_stored=root_stored,
        root_author=None if root_stored else (opening.reply_to_handle or None),
        root_gone=conv.root_gone,
    )
