"""Listen: find the live workplace/HR/recruiting conversations worth joining (docs/listen.md).

Its tables are created with every store (``staffpulse.store.part_tables``).

The names below are loaded when first used: the inbox and topic modules load scikit-learn
(seconds), which ``listen bluesky`` must not wait for to say that its ``--url`` is a typo.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.listen.inbox_model import Inbox, InboxItem
    from staffpulse.listen.jetstream import event_to_post, parse_event, parse_frame
    from staffpulse.listen.listener import JetstreamListener, ListenOptions, ListenStats
    from staffpulse.listen.relevance import Keywords, RelevanceFilter, load_keywords
    from staffpulse.listen.states import joined_conversation_ids, joined_conversations, set_state
    from staffpulse.listen.threads import Conversation, assemble, load_conversations
    from staffpulse.listen.topic_members import assign_topics
    from staffpulse.listen.topics import TopicModel

_MODULE_OF = {
    "Conversation": "threads",
    "Inbox": "inbox_model",
    "InboxItem": "inbox_model",
    "JetstreamListener": "listener",
    "Keywords": "relevance",
    "ListenOptions": "listener",
    "ListenStats": "listener",
    "RelevanceFilter": "relevance",
    "TopicModel": "topics",
    "assemble": "threads",
    "assign_topics": "topic_members",
    "build_inbox": "inbox",
    "event_to_post": "jetstream",
    "joined_conversation_ids": "states",
    "joined_conversations": "states",
    "load_conversations": "threads",
    "load_keywords": "relevance",
    "parse_event": "jetstream",
    "parse_frame": "jetstream",
    "set_state": "states",
}

__all__ = [
    "Conversation",
    "Inbox",
    "InboxItem",
    "JetstreamListener",
    "Keywords",
    "ListenOptions",
    "ListenStats",
    "RelevanceFilter",
    "TopicModel",
    "assemble",
    "assign_topics",
    "build_inbox",
    "event_to_post",
    "joined_conversation_ids",
    "joined_conversations",
    "load_conversations",
    "load_keywords",
    "parse_event",
    "parse_frame",
    "set_state",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"staffpulse.listen.{module}"), name)
