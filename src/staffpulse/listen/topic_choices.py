"""The topics ``--topic`` can pick: those with conversations to join now, the busiest first
and "Other conversations" last, and the notes that name them when a topic has nothing to
join or a query matches none (:mod:`staffpulse.listen.window` re-exports them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_themes import OTHER_LABEL

TOPIC_CHOICES_SHOWN = 12  # topics named when --topic matches none (the JSON lists them all)


@dataclass(frozen=True, slots=True)
class TopicChoice:
    """A topic ``--topic`` can pick: how many conversations in it can be joined now."""

    id: int
    label: str
    open: int


def topic_choices(
    joinable: Sequence[Conversation],
    topic_of: dict[tuple[str, str], int],
    topics: Mapping[int, Any],
) -> list[TopicChoice]:
    """Topics with conversations to join now, the busiest first and "Other conversations"
    last (what ``--topic`` can pick)."""
    sizes = Counter(topic_of[key] for c in joinable if (key := (c.platform, c.id)) in topic_of)
    return topic_choices_of(sizes, topics)


def topic_choices_of(
    open_by_topic: Mapping[int, int], topics: Mapping[int, Any]
) -> list[TopicChoice]:
    """:func:`topic_choices` from a count of conversations to join in each topic (topic id ->
    how many), for a caller that keeps counts rather than conversations (the dashboard)."""
    choices = [
        TopicChoice(tid, topics[tid].label, n)
        for tid, n in open_by_topic.items()
        if tid in topics and n > 0
    ]
    return sorted(choices, key=lambda c: (c.label == OTHER_LABEL, -c.open, c.id))


def topic_list(choices: Sequence[TopicChoice]) -> str:
    """``Interviews (4), Pay & salary (2), and 3 more``: the topics one can pick."""
    shown = ", ".join(f"{t.label} ({t.open})" for t in choices[:TOPIC_CHOICES_SHOWN])
    more = len(choices) - TOPIC_CHOICES_SHOWN
    return shown + (f", and {more} more" if more > 0 else "")


def other_topics_note(choices: Sequence[TopicChoice]) -> str:
    """The note of an inbox whose topics have nothing to join now, when others have."""
    return f"other topics with conversations to join: {topic_list(choices)}"


def no_topic_note(query: str, choices: Sequence[TopicChoice]) -> str:
    if not choices:
        return f"no topic matches '{query}', and no topic has conversations to join now"
    return f"no topic matches '{query}'; topics with conversations to join: {topic_list(choices)}"
