"""Which posts by others wait for the account's answer, and whether and how fast it answered.

Every post by others that names the account (a mention, or a reply to it) falls in one group:

* **Thanks**: a short closing thanks or acknowledgement with no question ("Thank you! Trying
  this tomorrow.", "Got it 👍"), or a short word that the problem is gone ("Great help -
  problem solved 😀", "works now"). It closes the exchange: nothing to answer, never counted as
  unanswered, never shown as a post holding the account back.
* **Replies received**: replies to a post the account started (an original post or a quote,
  not a reply of its own) that ask it nothing, such as the answers others gave to its
  question. They answer the account: not mentions waiting for its answer. The audit counts
  them, and those it did not answer, apart.
* **Replies to others**: a reply to someone else that names the account only among the @names
  it opens with. X and Mastodon carry every name of a thread into each reply ("@brook
  @dana_lee @marta_ops Welcome brook!"): it answers someone else and waits for their answer,
  not the account's. Named in its own words ("@brook ask @dana_lee"), it is a mention.
* **Mentions**: everything else, and a reply received that asks a question ("?"). A reply to
  the account's own reply continues a conversation it took part in (a customer's "still not
  working" after the help desk's answer): it waits for an answer too. The responsiveness part
  of Conversation is scored on the mentions.

An answer dated before the post it answers (a wrong clock or a mixed-up import) still counts
as an answer, but has no answer time: it is left out of the median and counted apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from staffpulse.audit.types import Frame
from staffpulse.models import Post

# Words that thank or acknowledge. A closing note is short: a longer text says more than that.
_THANKS = re.compile(
    r"\b(thanks?|thank\s+you|thx|tysm|ty|cheers|appreciated?|appreciate\s+(it|this|that)"
    r"|got\s+it|will\s+do|sounds\s+good|noted|merci|danke|gracias|obrigad[oa])\b"
    r"|[\U0001F64F\U0001F44D\U0001F64C\u2764]",  # folded hands, thumbs up, raised hands, heart
    re.IGNORECASE,
)
# ...unless it asks for something: "please fix it 🙏" waits for an answer
_REQUEST = re.compile(
    r"\b(please|pls|plz|fix|still|issue|problem|broken|not\s+working|can'?t|"
    r"cannot|won'?t|doesn'?t|didn'?t)\b",
    re.IGNORECASE,
)
# ...or says the problem is gone. Its "problem" or "issue" asks for nothing, so the request
# words are read in the rest of the post: "works now but I still can't log in" still waits
_RESOLVED = re.compile(
    r"\b(problem|issue|it|that|everything|all)(\s+(is|was|got|has\s+been|now))?\s+"
    r"(solved|resolved|fixed|sorted)\b"
    r"|(\b(it|that|everything|all)(\s+is|'s)?\s+|^\s*)(works?|working)\s+(now|again|fine)\b"
    r"|\bthat\s+(worked|did\s+it|did\s+the\s+trick)\b"
    r"|\ball\s+(good|sorted)\s+now\b",
    re.IGNORECASE,
)
# ("works fine on desktop, not on mobile" reports where it still fails)
_CONTRAST = re.compile(r"\b(but|though|although|except|however|only|not)\b", re.IGNORECASE)
# ...nor when its clause asks, as a tweet often does without "?": "when will it work again",
# "does it work now", "is the problem solved"
_ASKING = re.compile(
    r"\b(when|how|why|what|where|does|do|did|will|would|should|could|can|is|are|has|have)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!,;:\n-]")
_HANDLES_AND_LINKS = re.compile(r"(?<!\w)@[\w.@-]+|https?://\S+")
_WORD = re.compile(r"\w+")
# the @names a post opens with: on X and Mastodon the thread's names, carried into each reply
_LEADING_HANDLES = re.compile(r"^(?:\s*@[\w.@-]+)+")
CLOSING_MAX_WORDS = 12


def asks(text: str) -> bool:
    """Whether a post asks something (a "?" outside its links)."""
    return "?" in _HANDLES_AND_LINKS.sub(" ", text)


def is_closing(text: str) -> bool:
    """Whether a post only thanks or acknowledges, or says the problem is solved (short, no
    question, no request): it needs no answer. A post of emoji alone (no words) closes too."""
    return _closes(_HANDLES_AND_LINKS.sub(" ", text))


def _closes(body: str) -> bool:
    """:func:`is_closing` of a text whose handles and links are blanked out."""
    if "?" in body:
        return False
    words = _WORD.findall(body)
    if not words:
        return bool(body.strip())  # a reaction without words; an empty text is no post
    # "works fine but all after the slash is lost" reports the next problem
    resolved = _CONTRAST.search(body) is None and any(
        _ASKING.search(_CLAUSE_END.split(body[: found.start()])[-1]) is None
        for found in _RESOLVED.finditer(body)
    )
    return (
        len(words) <= CLOSING_MAX_WORDS
        and (resolved or _THANKS.search(body) is not None)
        # its "problem" is read when it asks ("thanks, is the problem fixed" waits)
        and _REQUEST.search(_RESOLVED.sub(" ", body) if resolved else body) is None
    )


def answers_someone_else(post: Post, me: frozenset[str]) -> bool:
    """Whether ``post`` is a reply to another account that names the account (``me``: its
    names in lower case, the handle first-class) only among the @names it opens with."""
    target = (post.reply_to_handle or post.reply_to_account_id or "").lower()
    if post.kind != "reply" or not target or target in me or not me:
        return False
    body = post.text[m.end() :] if (m := _LEADING_HANDLES.match(post.text)) else post.text
    # "@dana_lee" names dana_lee@mastodon.social too: the instance is often left out
    names = {name.split("@")[0] for name in me} | me
    return not any(
        re.search(rf"(?<![\w@])@{re.escape(name)}(?![\w-])", body, re.IGNORECASE) for name in names
    )


@dataclass(slots=True)
class Answers:
    """The account's answers to what others sent it (see the module docstring)."""

    mentions: list[Post] = field(default_factory=list)  # waiting for an answer
    answered: int = 0
    hours: list[float] = field(default_factory=list)  # hours to answer, dated answers only
    unanswered: list[Post] = field(default_factory=list)
    replies: list[Post] = field(default_factory=list)  # replies to its posts asking nothing
    replies_answered: int = 0
    unanswered_replies: list[Post] = field(default_factory=list)
    thanks: list[Post] = field(default_factory=list)
    to_others: list[Post] = field(default_factory=list)  # replies to others, names carried
    dated_before: int = 0  # answers dated before the post they answer: no answer time
    # whether each text sorted asks something: the evidence and the examples ask again, and
    # reading every mention three times was a tenth of a benchmark's audits
    asked: dict[str, bool] = field(default_factory=dict, repr=False)

    def asks(self, post: Post) -> bool:
        """Whether ``post`` asks something (:func:`asks`)."""
        found = self.asked.get(post.text)
        if found is None:
            found = self.asked[post.text] = asks(post.text)
        return found


# how long after a mention a reply the data links to no post, only to the mention's author,
# still answers it (a CSV's or JSONL's ``reply_to_author`` alone). A week left a recruiter's
# "congrats, Jo!" ten days after Jo's post listed as "no answer found"; past a month (the
# report's shortest window) a reply to the same person is most likely about something else
_UNLINKED_ANSWER_HOURS = 30 * 24.0


class _Replies:
    """When the account replied: by the post replied to, by (conversation, person), and, for
    replies the data links to no post nor conversation, by person."""

    def __init__(self, frame: Frame) -> None:
        self.by_parent: dict[str, list[float]] = {}
        self.by_conv: dict[tuple[str, str], list[float]] = {}
        self.by_person: dict[str, list[float]] = {}
        for i in np.flatnonzero(frame.kind == "reply"):
            post, ts = frame.posts[int(i)], float(frame.ts[int(i)])
            if post.reply_to_post_id:
                self.by_parent.setdefault(post.reply_to_post_id, []).append(ts)
            if post.conversation_id and post.reply_to_handle:
                key = (post.conversation_id, post.reply_to_handle.lower())
                self.by_conv.setdefault(key, []).append(ts)
            if not post.reply_to_post_id and not post.conversation_id and post.reply_to_handle:
                self.by_person.setdefault(post.reply_to_handle.lower(), []).append(ts)

    def answer(self, post: Post) -> tuple[bool, float | None, bool]:
        """(answered, hours to the first answer, answered only before the post's date)."""
        ts = post.created_at.timestamp() if post.created_at else math.nan
        direct = self.by_parent.get(post.id, [])
        if not direct:
            # a later reply to its author in the same conversation answers it too; an earlier
            # one was about something else
            author = (post.author_handle or post.author_id).lower()
            key = (post.conversation_id or "", author)
            direct = [t for t in self.by_conv.get(key, []) if not t < ts]
            if not direct:
                # a reply to its author that names no post, in the month after: the data lost
                # the link (a real report listed such a mention as unanswered, its answer
                # shown under it as the reply to imitate); undated, it could be any
                direct = [
                    t
                    for t in self.by_person.get(author, [])
                    if ts <= t <= ts + _UNLINKED_ANSWER_HOURS * 3600.0
                ]
            if not direct:
                return False, None, False
        dated = [t for t in direct if not math.isnan(t)]
        if math.isnan(ts) or not dated:
            return True, None, False
        later = [t for t in dated if t >= ts]
        if not later:  # the reply names this post, yet is dated before it
            return True, None, True
        return True, (min(later) - ts) / 3600.0, False


def sort_answers(frame: Frame, posts: Iterable[Post], me: frozenset[str] = frozenset()) -> Answers:
    """Group the posts by others naming the account (``me``: its names in lower case, as
    :func:`staffpulse.audit.conversation_rules.own_names` gives them), and find its answers
    to them."""
    # the posts it started: a reply to one of them answers the account
    started = {frame.posts[int(i)].id for i in np.flatnonzero(frame.authored_original)}
    replies = _Replies(frame)
    out = Answers()
    for post in posts:
        if answers_someone_else(post, me):
            out.to_others.append(post)
            continue
        body = _HANDLES_AND_LINKS.sub(" ", post.text)
        if _closes(body):
            out.thanks.append(post)
            continue
        asking = out.asked[post.text] = "?" in body
        received = post.kind == "reply" and (post.reply_to_post_id or "") in started and not asking
        (out.replies if received else out.mentions).append(post)
        answered, hours, before = replies.answer(post)
        if received:
            out.replies_answered += answered
            if not answered:
                out.unanswered_replies.append(post)
            continue
        if not answered:
            out.unanswered.append(post)
            continue
        out.answered += 1
        out.dated_before += before
        if hours is not None:
            out.hours.append(hours)
    return out
