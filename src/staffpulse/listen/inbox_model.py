"""What an inbox holds: its open and joined items, topics, counts and notes, and their JSON.

Built by :func:`staffpulse.listen.inbox.build_inbox`; rendered by ``report/terminal_inbox.py``,
``report/inbox_html.py`` and the dashboard.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from staffpulse.errors import NotFoundError
from staffpulse.listen.author_names import name_author
from staffpulse.listen.looks import Look
from staffpulse.listen.snooze import SnoozedItem
from staffpulse.listen.topic_match import TopicMatch
from staffpulse.listen.topic_themes import OTHER_LABEL, THEME_LABELS
from staffpulse.listen.window import DEFAULT_MAX_AGE, TopicChoice, no_platform_conversations
from staffpulse.report.counts import count_of
from staffpulse.signals.role_labels import role_label
from staffpulse.store.codec import format_time

if TYPE_CHECKING:
    from staffpulse.listen.inbox_left_out import LeftOutItem

# the workplace themes' names: a theme reads well over one conversation
_THEMES = frozenset(THEME_LABELS.values())


@dataclass(frozen=True, slots=True)
class InboxItem:
    platform: str
    conversation_id: str
    url: str | None
    topic_id: int | None
    topic_label: str
    opening_text: str
    author_handle: str
    author_id: str
    role: str | None
    started_at: datetime | None
    last_activity: datetime | None
    replies: int
    participants: int
    score: float
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]
    angle: str
    state: str  # open | joined | dismissed
    flags: dict[str, bool] = field(default_factory=dict)
    # False when the post that started the conversation is not stored: the opening shown is
    # then the earliest reply we have, and ``root_author`` wrote the missing post (if known)
    root_stored: bool = True
    root_author: str | None = None
    # True when the opening is a reply whose parent post is gone: the source names the account
    # it answered (``root_author``), not the post, which was deleted or never given an id; the
    # conversation id is then the reply's own
    root_gone: bool = False
    # came into the store since the firm last looked at its inbox (:mod:`.looks`)
    new: bool = False

    @property
    def author_label(self) -> str:
        """``@handle``, ``anonymized customer twcs:105847`` or ``unknown author``: an id is
        never written as a handle, nor is a Bluesky DID ("a Bluesky account (open the link)":
        :mod:`staffpulse.listen.author_names`)."""
        return name_author(self.author_handle, self.author_id, linked=self.url is not None)

    @property
    def role_label(self) -> str | None:
        """The opener's role as Connect writes it ("HR pro", "job board"), or None: no sure
        role, or "other" (someone outside the industry: nothing worth saying)."""
        if not self.role or self.role == "other":
            return None
        return role_label(self.role)

    @property
    def missing_root_note(self) -> str | None:
        """ "reply to a post by @X that isn't stored", when the opening post is missing; "reply
        to a post by @X that was deleted or isn't stored" when the source names no such post."""
        if self.root_stored:
            return None
        who = (
            f" by {name_author(self.root_author, self.root_author, linked=False)}"
            if self.root_author
            else ""
        )
        gone = "was deleted or " if self.root_gone else ""
        return f"reply to a post{who} that {gone}isn't stored"

    @property
    def replies_label(self) -> str:
        """ "3 replies"; "at least 3 replies" when the first post is not stored: the stored
        posts are all replies to it, and the ones we never saw are not counted."""
        count = count_of(self.replies, "reply", "replies")
        return count if self.root_stored else f"at least {count}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "conversation_id": self.conversation_id,
            "url": self.url,
            "topic": {"id": self.topic_id, "label": self.topic_label},
            "opening": {
                "text": self.opening_text,
                "author_handle": self.author_handle,
                "author_id": self.author_id,
                "author_role": self.role,
                "created_at": format_time(self.started_at),
            },
            "last_activity": format_time(self.last_activity),
            "replies": self.replies,
            "participants": self.participants,
            "score": self.score,
            "reasons": list(self.reasons),
            "cautions": list(self.cautions),
            "angle": self.angle,
            "state": self.state,
            "flags": self.flags,
            "root_stored": self.root_stored,
            "root_author": self.root_author,
            "root_gone": self.root_gone,
            "new": self.new,
        }


class DismissedConversation(NamedTuple):
    """A conversation the firm dismissed, as the inbox lists it ("inbox reopen ID")."""

    conversation_id: str
    opening_text: str
    author_handle: str | None
    author_id: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "conversation_id": self.conversation_id,
            "opening": {
                "text": self.opening_text,
                "author_handle": self.author_handle,
                "author_id": self.author_id,
            },
        }


@dataclass(frozen=True, slots=True)
class InboxTopic:
    id: int
    label: str
    size: int


@dataclass
class Inbox:
    items: list[InboxItem]  # open, most joinable first
    joined: list[InboxItem]
    topics: dict[int, InboxTopic]
    generated_at: datetime
    ranked_as_of: datetime
    account: str | None = None
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    replay: bool = False  # ranked as of the newest activity in the store, not the real time
    max_age: timedelta | None = DEFAULT_MAX_AGE  # the age window open items were taken from
    topic_query: str | None = None
    topic_matched: bool = True  # False: --topic matched no topic label at all
    topic_choices: list[TopicChoice] = field(default_factory=list)  # with joinable items
    # the topics ``topic_query`` names, the best match first (:mod:`.topic_match`)
    topic_matches: list[TopicMatch] = field(default_factory=list)
    # open conversations left out as not conversations to join, by reason
    # (``left_out.REASONS``: not public, the kinds of ``moderation.LEAVE_OUT``, customer care,
    # not about work)
    left_out: dict[str, int] = field(default_factory=dict)
    # the conversations ``left_out`` counts, one by one (``inbox --left-out``; not in the JSON)
    left_out_items: list[LeftOutItem] = field(default_factory=list)
    # posts in other languages read in the window and not kept, by language code ("es"): the
    # classifier reads English (:mod:`.languages`; its note is among ``notes``)
    other_languages: dict[str, int] = field(default_factory=dict)
    # the note saying that ``account`` is neither a stored account nor the author of stored
    # posts (also among ``notes``), so that a page can show it as the warning it is
    account_note: str | None = None
    # what time the inbox is ranked as of when it is not now (also among ``notes``): "a
    # replay, not live: ranked as of ..., and why"; a header says it, so once, not again below
    clock_note: str | None = None
    # "read 2,073 stored posts for the first time, to judge what is about work" (also among
    # ``notes``): what this run did, for the terminal; a report or a page leaves it out
    work_note: str | None = None
    # conversations snoozed for this firm and not back yet, the first to come back first
    snoozed: list[SnoozedItem] = field(default_factory=list)
    platform: str | None = None  # the one platform asked for, else every platform
    # conversations by platform, when ``platform`` has none in the store at any date but
    # others have some: the inbox is empty for the platform chosen, not for the store
    elsewhere: dict[str, int] = field(default_factory=dict)
    # the look the items' "new" marks are from (None: none marked); the terminal and the page
    # record it (:func:`staffpulse.listen.looks.record_look`)
    look: Look | None = None
    # conversations in the store whose posts never mention work (never judged relevant): not
    # counted among those left out; counted only when asked (``inbox --left-out``), else None
    never_work: int | None = None
    # the conversations the firm dismissed, newest first
    dismissed: list[DismissedConversation] = field(default_factory=list)

    @property
    def new_since(self) -> datetime | None:
        """The time "new" is measured from: the firm's last look before this sitting; None on
        its first look (or with no look), when nothing is new."""
        return None if self.look is None else self.look.since

    @property
    def new_count(self) -> int:
        """Open items shown that came in since the last look."""
        return sum(1 for item in self.items if item.new)

    @property
    def account_label(self) -> str | None:
        """The firm as the terminal names it, ``@harborline``: a report headed "for harborline"
        read as a word, not the account."""
        if not self.account:
            return None
        return self.account if self.account.startswith("@") else f"@{self.account}"

    @property
    def open_total(self) -> int:
        """Open conversations to join, shown or not (``items`` holds the top ``--limit``)."""
        return max(self.counts.get("open", 0), len(self.items))

    def platform_problem(self) -> NotFoundError | None:
        """Why an inbox of one platform is empty when the store has conversations only on
        others ("no Mastodon conversations in the store (it has 1,200 on X)"), or None: the
        terminal exits with it, the dashboard says it where the list would be."""
        if self.platform is None or not self.elsewhere:
            return None
        message, hint = no_platform_conversations(self.platform, self.elsewhere)
        return NotFoundError(message, hint=hint)

    def by_topic(self) -> list[tuple[str, list[InboxItem]]]:
        """Open items grouped by topic label, named topics ordered by their best item and
        "Other conversations" last (a catch-all first read as the inbox's main topic, and
        hid the named ones below it); for a topic query, the topic that matches it best comes
        first. A topic of one item that is no workplace theme ("Dream / goin") joins "Other
        conversations": a heading over each conversation groups nothing (63 topics for 66
        real conversations)."""
        place = {m.id: n for n, m in enumerate(self.topic_matches)}
        sizes = Counter(item.topic_label or OTHER_LABEL for item in self.items)

        def label_of(item: InboxItem) -> str:
            label = item.topic_label or OTHER_LABEL
            alone = sizes[label] == 1 and label not in _THEMES and item.topic_id not in place
            return OTHER_LABEL if alone else label

        groups: dict[str, list[InboxItem]] = {}
        for item in self.items:
            groups.setdefault(label_of(item), []).append(item)

        def order(group: tuple[str, list[InboxItem]]) -> tuple[int, bool, float]:
            ranks = [place.get(i.topic_id, len(place)) for i in group[1] if i.topic_id is not None]
            return min(ranks, default=len(place)), group[0] == OTHER_LABEL, -group[1][0].score

        return sorted(groups.items(), key=order)

    def as_dict(self) -> dict[str, Any]:
        return {
            "generated_at": format_time(self.generated_at),
            "ranked_as_of": format_time(self.ranked_as_of),
            "replay": self.replay,
            # items[].new: came into the store after this time; null on a first look
            "new_since": format_time(self.new_since),
            "max_age_days": None if self.max_age is None else self.max_age.total_seconds() / 86400,
            "account": self.account,
            # false: the account named is not in the store, so nothing counts as joined by it
            "account_found": None if self.account is None else self.account_note is None,
            "counts": self.counts,
            "notes": self.notes,
            "topics": [
                {"id": t.id, "label": t.label, "size": t.size}
                for t in sorted(
                    self.topics.values(), key=lambda t: (t.label == OTHER_LABEL, -t.size)
                )
            ],
            "topic_query": self.topic_query,
            "topic_matched": self.topic_matched,
            "topic_choices": [
                {"id": t.id, "label": t.label, "open": t.open} for t in self.topic_choices
            ],
            "topic_matches": [
                {"id": t.id, "label": t.label, "open": t.open, "found_by": t.by or "name"}
                for t in self.topic_matches
            ],
            "left_out": self.left_out,
            "other_languages": self.other_languages,
            # the platform asked (None: every one); when it has no conversation, where they are
            "platform": self.platform,
            "conversations_elsewhere": self.elsewhere,
            "items": [i.as_dict() for i in self.items],
            "joined": [i.as_dict() for i in self.joined],
            "snoozed": [s.as_dict() for s in self.snoozed],
            # all of them: the terminal lists the newest 10 and says "--json lists all"
            "dismissed": [d.as_dict() for d in self.dismissed],
        }
