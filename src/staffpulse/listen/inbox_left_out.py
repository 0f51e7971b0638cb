"""The conversations the inbox left out, one by one: what ``inbox --left-out`` lists.

The inbox counts them in its note ("left out 3 job ads: not conversations to join"); here
each is named, with its reason in the note's words (:data:`~.left_out.KINDS`), so a marketer
can check a post dropped by mistake. They are the ones the count note counts: open, in the
window, of the topic and platform asked.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from staffpulse.errors import InputError
from staffpulse.listen.author_names import name_author
from staffpulse.listen.followers_only import FOLLOWERS_ONLY
from staffpulse.listen.left_out import KINDS, REASONS, reason_named
from staffpulse.listen.threads import load_conversations
from staffpulse.report.counts import count_of
from staffpulse.store import Store

if TYPE_CHECKING:
    from staffpulse.listen.rank import RankedConversation

ALL_REASONS = "all"  # what a bare ``--left-out`` means


@dataclass(frozen=True, slots=True)
class LeftOutItem:
    platform: str
    conversation_id: str
    url: str | None
    reason: str  # a name of ``left_out.REASONS``: "job_ad"
    # None for a post that is not public: never quoted, an inbox may be shared
    opening_text: str | None
    author_handle: str
    author_id: str
    score: float

    @property
    def kind(self) -> str:
        """The reason in the count note's words: "a job ad", "not about work"."""
        return KINDS[self.reason]

    @property
    def author_label(self) -> str:
        """The author as the inbox names it (``@handle``, never an id written as a handle)."""
        return name_author(self.author_handle, self.author_id, linked=self.url is not None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.conversation_id,
            "platform": self.platform,
            "reason": self.reason,
            "author": self.author_label,
            "text": self.opening_text,
            "url": self.url,
        }


def left_out_item(entry: RankedConversation) -> LeftOutItem:
    """One ranked conversation the inbox leaves out (``entry.left_out`` is set)."""
    conv = entry.conversation
    reason = entry.left_out or ""
    return LeftOutItem(
        platform=conv.platform,
        conversation_id=conv.id,
        url=conv.url,
        reason=reason,
        opening_text=None if reason == FOLLOWERS_ONLY else conv.opening.text,
        author_handle=conv.opening.author_handle,
        author_id=conv.opening.author_id,
        score=entry.score,
    )


def check_reason(name: str) -> str | None:
    """The reason ``--left-out NAME`` asks for ("hashtag-game" reads as ``hashtag_game``, the
    words the output prints, "job ad" or "job ads", as ``job_ad``), None for every one ("all",
    or no name: ``--left-out=`` is the bare flag, as a blank field of the page is); an unknown
    name is refused, naming the ones there are."""
    if name.strip().lower() in (ALL_REASONS, ""):
        return None
    wanted = reason_named(name)
    if wanted is None:
        raise InputError(
            f"--left-out {name}: no such reason",
            hint=f"use one of {', '.join(REASONS)}, or --left-out alone for every one",
        )
    return wanted


def list_left_out(items: Sequence[LeftOutItem], reason: str | None = None) -> list[LeftOutItem]:
    """The items of ``reason`` (None: all), by reason in the order of the count note, each
    reason's best ranked first."""
    place = {name: n for n, name in enumerate(REASONS)}
    chosen = [i for i in items if reason is None or i.reason == reason]
    return sorted(chosen, key=lambda i: (place.get(i.reason, len(place)), -i.score))


def count_unread_conversations(
    store: Store, platform: str | None, read: Collection[tuple[str, str]]
) -> int:
    """How many stored conversations (of ``platform``, None: every one) are not among
    ``read``, the (platform, id) of those the inbox read as about work: their posts never
    mention work, so they are neither offered nor counted as left out. Said under
    ``inbox --left-out`` so that its counts add up to the store (a help desk's 1,100 support
    threads were nowhere); it reads every stored post, so only when asked."""
    every = load_conversations(store, platform, relevant_only=False)
    return sum(1 for c in every if (c.platform, c.id) not in read)


def never_work_note(count: int | None) -> str | None:
    """ "400 other conversations never mention work (not counted above).": said under the
    left-out note, in the terminal and on the page alike, so that the counts add up to the
    store; None when they were not counted (:func:`count_unread_conversations`) or are none."""
    if not count:
        return None
    verb = "mentions" if count == 1 else "mention"
    return f"{count_of(count, 'other conversation')} never {verb} work (not counted above)."
