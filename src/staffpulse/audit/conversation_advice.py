"""Conversation's advice: what the account is told, and the league table's headline of it,
from the pillar's evidence (:mod:`.conversation` scores it). Apart from the scoring so that
rewording a piece of advice is one module's change."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from staffpulse.audit.account_kind import AccountKind, desk_or, for_a_feed, kept_for
from staffpulse.audit.conversation_evidence import REPLIES_TO_ANSWER
from staffpulse.audit.types import Advice, Answering, Praise
from staffpulse.dates import format_day
from staffpulse.report.rounding import pct, whole

_Said = TypeVar("_Said", bound=Advice)  # a piece of advice, of its own kind


def talked_with(ev: dict[str, Any], target: int) -> Advice | None:
    """The advice's finding on how many accounts the account talked with, when below
    ``target``; None when enough. An account gone quiet is judged on its last 90 days of
    posting, and said so: "0 different accounts in the last 90 days" of an account that posted
    nothing in them read as a finding about how it talks."""
    active = ev.get("last_active_90d")
    if ev["accounts_engaged_90d"] is None:  # no dated post: no window to count in
        return None
    if not active:
        n = int(ev["accounts_engaged_90d"])
        if n >= target:
            return None
        accounts = f"{n:,} account{'' if n == 1 else 's'}"
        return Advice(
            f"You talked with {_different_accounts(n)} in the last 90 days",
            f"Talk with more people: {accounts} in 90 days",
        )
    n = int(active["accounts_engaged"])
    if n >= target:
        return None
    until = datetime.fromisoformat(active["until"])
    accounts = _different_accounts(n)
    period = f"the 90 days up to its last post ({format_day(until)})"
    # the league table marks the account as gone quiet beside it: no date needed here
    headline = (
        f"Talk with more people: {n:,} account{'' if n == 1 else 's'} in its last 90 days of "
        "posting"
    )
    if int(ev.get("posts_90d", 1)) == 0:
        return Advice(
            f"The account posted nothing in the last 90 days; in {period} it talked with "
            f"{accounts}",
            headline,
        )
    return Advice(f"In {period}, the account talked with {accounts}", headline)


def _different_accounts(n: int) -> str:
    """``12 different accounts``; none reads "no one", not "0 different accounts"."""
    return f"{n:,} different account{'' if n == 1 else 's'}" if n else "no one"


# whom to answer: a staffing firm's niche, or an institution's members and peers ("answering
# recruiters, candidates and HR people" was told to a training institute for librarians)
_ANSWER_NICHE = (
    " Spend 10 minutes a day answering recruiters, candidates and HR people in your niche."
)
_ANSWER_PEERS = (
    " Spend 10 minutes a day answering the people you serve and your peers in your field."
)
_PICK_PEERS = (
    "Pick 5 people a week (members, partners, peers in your field) and reply to them, or quote "
    "a post of theirs with a line of your own."
)
# an account the role model reads as outside staffing (a developer, a brand): its people are
# its field's, not "clients, candidates, HR voices"
_PICK_FIELD = (
    "Pick 5 people a week (peers in your field and people you want to reach) and reply to "
    "them, or quote a post of theirs with a line of your own."
)


def _reply_advice(ev: dict[str, Any], reply_target: float, *, institution: bool = False) -> Advice:
    """Reply more: how many of the posts the account wrote are replies, against the share to
    aim for. Reposts are left out, as the header's "posts you wrote" leaves them out: "None
    of your 30 posts are replies" of 2 written and 28 reposted read as a miscount."""
    posts, written, replies = ev["posts"], ev["posts_written"], ev["replies"]
    # the share and the target: "Only 420 of your 1,986 posts" alone says neither how far off
    # the account is nor what is enough
    target = f"aim for about {whole(100 * reply_target)}%"
    share = f"({pct(ev['reply_share'])}; {target})."
    # with reposts beside them, the posts counted are named as the header names them
    reposted = written < posts
    many = f"the {written:,} posts you wrote" if reposted else f"your {written:,} posts"
    of_own = " of its own" if reposted else ""
    one = "The one post you wrote" if reposted else "Your one post"
    if not written:
        finding, headline = _reposts_only(posts, target)
    elif written == 1 and ev.get("replies_to_self"):  # a reply, though to itself
        finding = f"{one} continues {_own_threads(1)}: it is not a reply to anyone else."
        headline = f"its one post{of_own} is not a reply to others"
    elif written == 1:
        finding = f"{one} is not a reply to anyone."
        headline = f"its one post{of_own} is not a reply"
    elif not replies and ev.get("replies_to_self"):  # its replies all continue its threads
        own = int(ev["replies_to_self"])
        finding, headline = _own_threads_only(written, own, (many, of_own), target)
    elif not replies and written == 2:  # "None of your 2 posts" is no English
        finding = f"Neither of {many} is a reply to others ({target})."
        headline = f"neither of 2 posts{of_own} is a reply"
    elif not replies:
        finding = f"None of {many} are replies to others ({target})."
        headline = f"none of {written:,} posts{of_own} is a reply"
    elif replies == 1:
        finding = f"Only 1 of {many} is a reply to others {share}"
        headline = f"only 1 of {written:,} posts{of_own} is a reply"
    else:
        finding = f"Only {replies:,} of {many} are replies to others {share}"
        headline = f"only {replies:,} of {written:,} posts{of_own} are replies"
    opening = int(ev.get("original_posts_opening_with_a_name") or 0)
    if not replies and not ev.get("replies_to_self") and opening:
        # a sheet of id, author and text says no post is a reply: "Your one post is not a
        # reply to anyone" was read under "@dana fantastic news, give us a call"
        # "1 of them open ... if they answer" was no English
        if written == 1:
            these, they = "It opens", "it answers"
        elif opening == 1:
            these, they = "1 of them opens", "it answers"
        else:
            these, they = f"{opening:,} of them open", "they answer"
        finding += (
            f" ({these} with an @name, yet the data marks no post as a reply: if {they} "
            "someone, import a file that says so, such as your X archive.)"
        )
    where = (
        " Start with the open conversations in your inbox: you have joined none of them yet."
        if ev.get("inbox_conversations_joined") == 0
        else ""
    )
    return Advice(
        finding + (_ANSWER_PEERS if institution else _ANSWER_NICHE) + where,
        f"Reply to others: {headline}",
    )


def _own_threads_only(
    written: int, own: int, named: tuple[str, str], target: str
) -> tuple[str, str]:
    """The finding and headline of posts none of which answers anyone else, ``own`` of them
    replies in the account's own threads. Its audit header said "All of them are replies (all
    in your own threads)" while the league table's fix read "none of 3 posts is a reply": a
    thread's continuation is the account's own post, said so in both. ``named``: the posts
    as the finding and the headline name them ("your 3 posts", " of its own")."""
    many, of_own = named
    if own >= written:
        said = "both continue" if written == 2 else f"all {written:,} continue"
    else:
        said = f"{own:,} continue{'s' if own == 1 else ''}"
    none = "Neither" if written == 2 else "None"
    finding = f"{none} of {many} answers someone else: {said} {_own_threads(own)} ({target})."
    none = "neither" if written == 2 else "none"
    its = _own_threads(own, yours=False)
    return finding, f"{none} of {written:,} posts{of_own} answers someone else ({said} {its})"


def _own_threads(replies: int, *, yours: bool = True) -> str:
    """The threads ``replies`` of the account continue, one wording for every advice here:
    "a thread of your own", "threads of your own"; not ``yours`` (a headline about the
    account), "a thread of its own", "its own threads"."""
    if replies == 1:
        return "a thread of your own" if yours else "a thread of its own"
    return "threads of your own" if yours else "its own threads"


def _reposts_only(posts: int, target: str) -> tuple[str, str]:
    """The finding and headline of a feed of reposts only: none of them is a reply."""
    if posts == 1:
        return (
            f"Your one post is a repost, no reply to anyone ({target}).",
            "its one post is a repost",
        )
    if posts == 2:
        return (
            f"Both your posts are reposts: neither is a reply to others ({target}).",
            "both posts are reposts",
        )
    return (
        f"All {posts:,} of your posts are reposts: none is a reply to others ({target}).",
        f"all {posts:,} posts are reposts",
    )


# nothing to judge in the period: replying comes before posting, as the easiest start
_NO_POSTS = Advice(
    "There are no posts in this period. Start small: reply to three people in your niche each "
    "week (a candidate, a client, an HR voice) before posting your own.",
    "Start posting: no posts in this period",
)
# "why it matters to your candidates" reached vendors and people with no candidates: the
# followers are whoever the account speaks to
_SHARE_MORE = Advice(
    "Share or quote a good post by a peer once or twice a week, with one line on why it "
    "matters to your followers.",
    "Share peers' posts: it hardly shares or quotes any",
)
# a help desk (its posts all replies) has customers, not candidates: what it can share is
# news they need. "Share useful posts" was the league table's fix of 20 of 23 care desks, a
# chore that read as beside their job; passing on an outage's status is part of it
_SHARE_HELP = (
    "Replies stay your main job. Now and then, pass on news your customers need: quote "
    "or repost a status update (an outage, a fix others keep asking about), with "
    "one line of your own on whom it helps, so people who never asked see you are there."
)


def _share_help(ev: dict[str, Any]) -> Advice:
    """A help desk's advice to share: news its customers need, the finding in its headline."""
    shared = "it shares none" if not ev["reposts_and_quotes_of_others"] else "it hardly shares any"
    return Advice(_SHARE_HELP, f"Pass on status updates and fixes: {shared}")


# a job feed answers questions about its listings, and no one there answers recruiters
# (:mod:`.account_kind`): "check your notifications every morning" was told to a feed whose
# bio says no one reads them
_FEED_REPLY = (
    "Job seekers ask about your listings in replies: check them once a day and answer, or "
    "say in your bio where to ask about a listing."
)
_FEED_MENTIONS = (
    "People who tag a job feed are asking about a listing: answer them once a day, or say "
    "in your bio where to ask about a listing."
)
_FEED_ANSWER = (
    "Replies to a job feed ask about a listing: answer them once a day, or say in your bio "
    "where to ask about a listing."
)
_FEED_SHARE = (
    "Share or quote a useful post for job seekers once or twice a week (a local employer's "
    "news, a tip on applying), with one line on whom it helps."
)


def conversation_advice(
    ev: dict[str, Any],
    settings: dict[str, Any],
    kind: AccountKind = AccountKind.ANY,
    *,
    staffing: bool = True,
) -> list[str]:
    """Up to three pieces of advice, the most pressing first: mentions left unanswered, too
    few replies, too few people talked with; then, while there is room, replies to the
    account's posts left unanswered and too few shares. Praise when none applies. A job feed
    (``kind``) is told what a feed can answer: where to ask about a listing; an account read
    as outside staffing (not ``staffing``) whom in its field to answer, not recruiters."""
    if ev["posts"] == 0:
        return [_NO_POSTS]
    feed = kind is AccountKind.JOB_FEED
    institution = kind is AccountKind.INSTITUTION
    field = not staffing and not institution
    recs: list[str] = []
    no_feed: list[str] = []
    known, answered = ev["mentions_known"], ev["mentions_answered"]
    if known >= int(settings["min_mentions"]) and answered < known:
        mentions = _mentions_advice(known - answered, known)
        mentions = _gaining(mentions, ev, settings, "responsiveness")
        recs.append(for_a_feed(mentions, _FEED_MENTIONS) if feed else mentions)
    replying = ev["reply_share"] < float(settings["reply_target"])
    if replying:
        reply = _reply_advice(ev, float(settings["reply_target"]), institution=institution or field)
        recs.append(for_a_feed(reply, _FEED_REPLY) if feed else reply)
    # a feed of replies only is a help desk's: the people to seek out are its customers
    desk = desk_or(kind, ev) is AccountKind.HELP_DESK
    # of one or two posts, "talked with no one" only says again that they reply to no one:
    # too few posts to judge apart (a one-post account was given both, a second action)
    few = int(ev["posts_written"]) < int(settings["min_mentions"])
    talked = None if replying and few else talked_with(ev, int(settings["engaged_target_90d"]))
    if talked is not None:
        recs.append(
            _gaining(
                _talk_advice(talked, desk, institution=institution, field=field),
                ev,
                settings,
                "engaged",
            )
        )
        if feed:  # said of its replies above
            no_feed.append(recs[-1])

    # the room left is counted without the advice a feed is not given: a job feed's talk
    # advice took the third place and was dropped after, leaving it two pieces
    def kept() -> list[str]:
        return kept_for(recs, no_feed)

    unanswered = ev["replies_received"] - ev["replies_received_answered"]
    if unanswered >= REPLIES_TO_ANSWER and len(kept()) < 3:
        answer = _answer_replies_advice(unanswered, ev["replies_received"])
        recs.append(for_a_feed(answer, _FEED_ANSWER) if feed else answer)
    if ev["share_share"] < float(settings["share_target"]) and len(kept()) < 3:
        share = _gaining(_share_help(ev) if desk else _SHARE_MORE, ev, settings, "shares")
        recs.append(for_a_feed(share, _FEED_SHARE, fact=False) if feed and not desk else share)
    return kept()[:3] or [_praise(ev)]


def _gaining(advice: _Said, ev: dict[str, Any], settings: dict[str, Any], part: str) -> _Said:
    """``advice`` that fixes one part of the score (``ev["parts"]``, 0-100 each), said to win
    only what that part is missing (:attr:`Advice.gain`): answering 1 mention of 37 left
    open was a care desk's first action at "+13 points", the whole pillar's gap, most of
    which its other parts miss. Unchanged when the part is not scored."""
    parts: dict[str, int] = ev.get("parts") or {}
    if part not in parts:
        return advice
    weights = settings["conversation_parts"]
    total = sum(float(weights[name]) for name in parts) or 1.0
    return advice.gaining(float(weights[part]) * (100 - parts[part]) / total)


def _mentions_advice(unanswered: int, known: int) -> Answering:
    check = (
        "Check your notifications every morning and reply to each one, even with a quick thanks."
    )
    if unanswered == known:  # "5 of 5 mentions of you got no answer" is no English
        who, got = _none_answered(known, "mention", "mentions")
        return Answering(f"{who} of you {got}. {check}", f"Answer mentions: {who.lower()} {got}")
    return Answering(
        f"{unanswered:,} of {known:,} mentions of you got no answer. {check}",
        f"Answer mentions: {unanswered:,} of {known:,} got no answer",
    )


def _talk_advice(
    talked: Advice, desk: bool = False, *, institution: bool = False, field: bool = False
) -> Advice:
    """Talk with more people, after the finding of :func:`talked_with` (and its headline); a
    help ``desk`` (replies only) seeks out its customers, not candidates and HR voices, an
    ``institution`` its members and peers, an account outside staffing (``field``) its
    field's people."""
    whom = (
        "Each week, find posts about your service that do not tag you and offer help in a reply."
        if desk
        else _PICK_PEERS
        if institution
        else _PICK_FIELD
        if field
        else "Pick 5 people a week (clients, candidates, HR voices) and reply to them, or quote "
        "a post of theirs with a line of your own."
    )
    return Advice(
        f"{talked} (a reply, a mention or a quote counts; a bare repost is not talking). {whom}",
        talked.headline,
    )


def _answer_replies_advice(unanswered: int, received: int) -> Answering:
    why = (
        "People took the time to answer you: a short reply (a thanks, a follow-up question) "
        "turns it into a conversation."
    )
    if unanswered == received:  # "3 of 3 replies ... got no answer", as mentions
        who, got = _none_answered(received, "reply", "replies")
        return Answering(
            f"{who} to your posts {got} from you. {why}",
            f"Answer replies: {who.lower()} to its posts {got}",
        )
    return Answering(
        f"{unanswered:,} of {received:,} {'reply' if received == 1 else 'replies'} to your posts "
        f"got no answer from you. {why}",
        f"Answer replies: {unanswered:,} of {received:,} replies to its posts got no answer",
    )


def _none_answered(n: int, one: str, many: str) -> tuple[str, str]:
    """Who got no answer of ``n`` and the verb, never "None of the 1 mentions" nor "of the 2"."""
    if n == 1:
        return f"The one {one}", "got no answer"
    return f"{'Neither' if n == 2 else 'None'} of the {n:,} {many}", "got an answer"


def _praise(ev: dict[str, Any]) -> Praise:
    engaged = ev["accounts_engaged_90d"]
    with_whom = "" if engaged is None else f"You engaged {engaged:,} accounts in 90 days and "
    yours = "the posts you wrote" if ev["posts_written"] < ev["posts"] else "your posts"
    replies = f"{whole(100 * ev['reply_share'])}% of {yours} are replies"
    return Praise(
        f"{with_whom}{replies}: keep showing up. Tag the "
        "people you learn from when you share their ideas."
    )
