"""Listen: find the live workplace/HR/recruiting conversations worth joining (docs/listen.md).

Its tables are created with every store (``staffpulse.store.part_tables``).
"""

from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox, InboxItem
from staffpulse.listen.jetstream import event_to_post, parse_event, parse_frame
from staffpulse.listen.listener import JetstreamListener, ListenOptions, ListenStats
from staffpulse.listen.relevance import Keywords, RelevanceFilter, load_keywords
from staffpulse.listen.states import joined_conversation_ids, joined_conversations, set_state
from staffpulse.listen.threads import Conversation, assemble, load_conversations
from staffpulse.listen.topic_members import assign_topics
from staffpulse.listen.topics import TopicModel

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
