"""The conversations the firm opened itself, in an inbox shown ``--as`` the firm.

The inbox offers other people's conversations, so one the firm's own accounts began is not
listed; but one where someone else answered the firm and no post of the firm's came after
is the firm's best reply to make, so it is offered, its angle "reply to the person who
answered you". The rest are counted (``own_opened``) and said in a note, never dropped unsaid.

What the firm's own post is (a link, a job ad, a greeting, a post addressed to someone) says
nothing of the reply waiting under it: none of those kinds leaves such a conversation out.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence

from staffpulse.listen.customer_care import CUSTOMER_CARE
from staffpulse.listen.left_out import MOURNING
from staffpulse.listen.thread_work import OFF_WORK
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post
from staffpulse.report.counts import count_of

# what is read off the firm's own opening post, which no reply under it is
OPENING_KINDS = (
    "partisan",
    "greeting",
    "hashtag_game",
    "joke",
    "spam",
    "job_ad",
    "link_share",
    "addressed",
    MOURNING,
    CUSTOMER_CARE,
    OFF_WORK,
)


def opened_by_firm(conv: Conversation, own: Sequence[tuple[str, str]]) -> bool:
    """One of the firm's ``own`` accounts wrote the post that started ``conv``."""
    return any(conv.opened_by(acc) for plat, acc in own if plat == conv.platform)


def waiting_reply(conv: Conversation, own: Sequence[tuple[str, str]]) -> Post | None:
    """The newest post of a conversation the firm opened, when someone else wrote it (an
    answer to the firm that no post of the firm's came after), else None."""
    ids = {acc for plat, acc in own if plat == conv.platform}
    if not any(conv.opened_by(acc) for acc in ids) or len(conv.posts) < 2:
        return None
    last = conv.posts[-1]
    return None if last.author_id in ids else last


def clear_opening_kinds(flags: MutableMapping[str, bool]) -> None:
    """Drop the verdicts on the firm's own opening post from the flags of its own thread."""
    for name in OPENING_KINDS:
        flags[name] = False


def own_thread_reason(author: str) -> str:
    """The first reason of the firm's own thread: "your own conversation: @ana answered you
    and waits for your reply"."""
    return f"your own conversation: {author} answered you and waits for your reply"


def own_thread_angle(author: str, angle: str) -> str:
    """The angle of a reply waiting in the firm's own thread: "Reply to the person who
    answered you, @ana: ..." followed by the angle of that reply."""
    return f"Reply to the person who answered you, {author}: {angle[:1].lower()}{angle[1:]}"


def own_opened_note(count: int) -> str:
    """ "2 conversations you opened are not listed: nobody is waiting for your reply in them"."""
    verb = "is" if count == 1 else "are"
    where = "it" if count == 1 else "them"
    return (
        f"{count_of(count, 'conversation')} you opened {verb} not listed: nobody is waiting"
        f" for your reply in {where}"
    )
