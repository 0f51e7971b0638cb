"""Which post makes a conversation about work, and whether enough of the thread is.

A conversation enters the inbox when any of its posts is judged relevant, so one reply can
bring in a whole thread: a celebrity's charity promo because one customer answers "I lost my
job", a 59-reply thread on an app's features because one reply mentions a "work computer".
The rule (docs/listen.md, "About work"):

* a post is **about work** when it names a work matter in unambiguous words
  (:func:`~staffpulse.listen.work_terms.names_work_matter`: "applicant", "offer letters",
  "laid off") and was judged relevant, or matched a keyword of the relevance filter: the
  classifier alone says yes to "Working with spreadsheets? Three shortcuts...", "Client-side
  rendering compared" and "last day in the office before the holidays" on words such as
  "work", "client" and "office"; nor is the writer's workday said in passing ("at work",
  "leaving for work"): work is where the writer is, not what the post is about, and a
  staffing firm has no line to add to it;
* a bare caption over what a post shows ("Acme employees today:" over a quoted post or a
  picture: :func:`~staffpulse.listen.work_terms.is_bare_caption`) names no work matter: its
  point is in what it shows, which listening cannot read, and its lone work word is said in
  passing (the classifier is sure of "employees today" all the same);
* the opening is about work by that rule, or when it names a work matter although the
  classifier said no (it misses some: "How fast do you reply to a new applicant?"); it is
  **clearly not** when it was judged and is not; an opening never judged (no text: an image,
  a link card) is neither;
* a conversation whose opening is clearly not about work is about work only when at least
  :data:`MIN_WORK_SHARE` of its judged posts are about work (a two-post thread whose reply is
  about work stays; one reply among three posts or more does not carry the thread). The rest
  are left out of the open items and counted (:data:`OFF_WORK`), like job ads;
* when the opening is not about work, the relevant post that carries the work talk (the most
  relevant, the earliest of equals) is named in the reasons and the angle is written for it;
* two kinds of reply never carry a thread, nor count as its work talk: the opening's author
  answering themself ("back to work now."), who is not someone else to talk with, and a
  brand's customer-care desk (:func:`looks_like_customer_care`: "@AskeBay", "Rest assured our
  team is working on it"), whose stock reply says nothing about anyone's work;
* the firm's own replies are not counted at all (``firm_replies``): a thread is offered, and
  an audit credits the firm for joining it, for what others said there, so its banter with a
  friend ("@sam total boss move") neither carries a two-post thread nor thins out one that is
  about work, nor keeps one under an opening never judged (a photo) when it is all the thread
  says about work;
* a reply that is not public (a Mastodon followers-only or direct reply:
  :mod:`staffpulse.listen.followers_only`) never carries a thread either: the reasons would
  quote it, and an inbox may be shared beyond its author's followers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from staffpulse.authors import describe_author
from staffpulse.listen.customer_care import looks_like_customer_care
from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import is_bare_caption, names_work_matter, work_words
from staffpulse.models import Post
from staffpulse.report.one_line import one_line

# classify's own figure-of-speech kind, read as it reads it (not copied: one wording to keep)
from staffpulse.signals.job_ads_talk import JOB_FIGURE

# At least this share of the judged posts must be about work when the opening is not.
MIN_WORK_SHARE = 0.5
# The inbox's "left out" reason for such a thread, and its names in the note.
OFF_WORK = "off_work"
OFF_WORK_NAMES = ("conversation not about work", "conversations not about work")
QUOTE_CHARS = 80

_LEADING_MENTIONS_RE = re.compile(r"^(?:\s*@[\w.\-@]+[\s,:]*)+")
# a job asked for in public, by a reply to an employer's or anyone's post
_ASKS_FOR_WORK_RE = re.compile(
    r"\b(?:what|which|any)\s+(?:positions?|roles?|jobs?|openings?|vacanc(?:y|ies))\s+"
    r"(?:do\s+|does\s+)?(?:you|u|y['\u2019]?all)\s+(?:guys\s+)?(?:have|got)\s+(?:open|available)\b|"
    r"\b(?:are|r)\s+(?:you|u|y['\u2019]?all)\s+(?:guys\s+)?(?:still\s+)?hiring\b|"
    r"\bhow\s+(?:do|can|would)\s+i\s+apply\b|"
    r"\bi\s+(?:want|would love|['\u2019]d love|wanna)\s+to\s+(?:join|work\s+(?:for|at|with))\s+"
    r"(?:the\s+|your\s+)?(?:team|company|@\w+)",
    re.IGNORECASE,
)


# a plan made with the reader ("maybe we can grab a bite if you come", "wanna hang out after?")
_PLANS_WITH_FRIEND_RE = re.compile(
    r"\b(?:(?:we|u and me|you and me) (?:can|could|should) (?:do something|hang out|hang|chill|"
    r"meet up|link up|go out|grab)|let['\u2019]?s (?:do something|hang out|hang|chill|meet up|"
    r"link up|go out|grab)|if (?:you|u) (?:come|came|wanna come|want to come|are free|r free)|"
    r"(?:wanna|want to) (?:come|hang out|hang|chill|go out|grab)|come (?:over|through|out with))\b",
    re.IGNORECASE,
)


_SHIFT_RE = re.compile(r"\bshifts?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ThreadWork:
    """How much of a conversation is about work (from the stored relevance verdicts)."""

    judged: int  # posts with a verdict
    relevant: int  # of them, about work (judged relevant and naming a work matter)
    opening_work: bool | None  # None: the opening was not judged (no text)
    focus: Post | None = None  # the post with the work talk, when it is not the opening
    seeker: bool = False  # a reply asks for a job (:func:`asks_for_work`)
    # the opening never judged (an image), the firm's own replies the only posts judged
    # relevant: the thread would not be in the inbox without them
    firm_only: bool = False

    @property
    def off_work(self) -> bool:
        """The opening is clearly not about work, and fewer than half the posts are, none of
        them someone asking for a job; or only the firm's own replies are about work."""
        return self.firm_only or (
            self.opening_work is False
            and self.relevant < MIN_WORK_SHARE * self.judged
            and not self.seeker
        )


def thread_work(
    conv: Conversation,
    verdicts: Mapping[str, tuple[float, bool]],
    keyword_hits: Collection[str] = frozenset(),
    not_public: Collection[str] = frozenset(),
    firm_replies: Collection[str] = frozenset(),
) -> ThreadWork:
    """``verdicts``: post id -> (relevance score, judged relevant), for the conversation's
    posts that were judged; ``keyword_hits``: the ids of those that matched a keyword of the
    relevance filter (the user's own terms are trusted as they are); ``not_public``: the ids
    of those not shared with the public, which never carry the thread; ``firm_replies``: the
    ids of the firm's own replies (:func:`firm_reply_ids`), read as if not there."""
    opening = conv.opening
    judged = [
        p
        for p in conv.posts
        if p.id in verdicts and (p.id == opening.id or p.id not in firm_replies)
    ]
    verdict = verdicts.get(opening.id)

    def about_work(post: Post) -> bool:
        return verdicts[post.id][1] and (post.id in keyword_hits or names_work(post.text))

    opening_work = (verdict is not None and about_work(opening)) or names_work(opening.text)
    relevant = [
        p
        for p in judged
        if about_work(p)
        and (p.id == opening.id or p.id not in not_public)
        and (opening_work or _may_carry_thread(p, opening))
    ]
    known = opening_work or verdict is not None
    focus = None
    if not opening_work and relevant:  # max keeps the first (earliest) of equal scores
        focus = max(relevant, key=lambda p: verdicts[p.id][0])
    seeker = any(p.id != opening.id and asks_for_work(p.text) for p in relevant)
    firm_only = (
        not known
        and not any(verdicts[p.id][1] for p in judged)
        and any(verdicts[i][1] for i in firm_replies if i in verdicts)
    )
    opening_known = opening_work if known else None
    return ThreadWork(len(judged), len(relevant), opening_known, focus, seeker, firm_only)


def firm_reply_ids(conv: Conversation, authors: Collection[str]) -> frozenset[str]:
    """The ids of the replies in ``conv`` written by ``authors`` (the firm's account ids),
    but for the opening shown when the post it answered is not stored: that one is all the
    thread there is (the inbox reads it as the firm's own chat or its answer on work)."""
    opening = conv.opening
    return frozenset(p.id for p in conv.posts if p.author_id in authors and p.id != opening.id)


def asks_for_work(text: str) -> bool:
    """Someone asks in public for a job ("What position do you have open?", "Are you
    hiring?", "How do I apply?", "I want to join the team!"): a candidate a staffing firm
    would want to meet, whatever the thread began with."""
    return _ASKS_FOR_WORK_RE.search(_LEADING_MENTIONS_RE.sub("", text)) is not None


def names_work(text: str) -> bool:
    """The post's own words name a work matter: not a bare caption over what it shows ("Acme
    employees today:" over a quoted post), whose lone work word is said in passing, nor a job
    as a figure of speech ("Owning a husky is a full time job"), whose "job" is the
    only one: no work is talked of, and a recruiter's angle on it reads as a pitch. Nor a plan
    made with a friend around a lone work word ("@sam swapping my late shift with Tom, maybe we
    can grab a bite if you come"): the shift is the plan's logistics."""
    if not names_work_matter(text) or is_bare_caption(text):
        return False
    if _PLANS_WITH_FRIEND_RE.search(text) and _names_only_a_shift(text):
        return False
    figures = len(JOB_FIGURE.findall(text))  # each names one "job": the others still count
    return not figures or len(work_words(text)) > figures


def _names_only_a_shift(text: str) -> bool:
    """The post's one work word is a shift ("my late shift", "night shifts"): when a plan is
    made around it, the hours it is made around, not "our hiring event" nor "the interview
    slot at 3", which are the plan's subject."""
    words = work_words(text)
    return len(words) == 1 and _SHIFT_RE.search(words[0]) is not None


def _may_carry_thread(post: Post, opening: Post) -> bool:
    """A reply by someone else than the opening's author, and not a care desk's stock reply."""
    if post.id == opening.id:
        return True
    if post.author_id and post.author_id == opening.author_id:
        return False
    return not looks_like_customer_care(post)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The words of a post, without the handles a reply starts with, cut at ``limit``."""
    plain = " ".join(_LEADING_MENTIONS_RE.sub("", text).split()) or text
    return one_line(plain, limit)


def focus_author(post: Post) -> str:
    """``@handle`` or ``anonymized customer twcs:N``: never an id written as a handle."""
    return describe_author(post.author_handle, post.author_id)


def focus_reason(post: Post) -> str:
    """ "the work talk is in a reply by @x: '…'"."""
    return f"the work talk is in a reply by {focus_author(post)}: '{quote(post.text)}'"
