"""One-line explanations of suggestions, from the edges behind the PageRank score.

Example: ``recruiter · 4 people in your circle replied to them this month · voice 82``.
"This month" means within :data:`RECENT_DAYS` of the ranking date; an exported file, read
months later, says that date instead (:meth:`Explanation.dated`). "Your circle" is every
account the firm engages or is engaged by (:meth:`InteractionGraph.circle`: reposts and follows
too), so it is never called "people you talk with", which means replies, mentions and quotes.
The parts travel as an :class:`~staffpulse.connect.explanation.Explanation`, said once by
whichever view shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from staffpulse.authors import describe_author, is_anonymized
from staffpulse.connect.citizen import Citizen, RoleGuess, fewest_posts, judges_voice
from staffpulse.connect.explanation import (
    CIRCLE,
    CircleTie,
    Explanation,
    HiringTalk,
    Part,
    count_people,
)
from staffpulse.connect.graph import FOLLOW_WEIGHT, KIND_WEIGHTS, Edge, InteractionGraph
from staffpulse.models import Account
from staffpulse.report.counts import count_of
from staffpulse.store import Store

RECENT_DAYS = 30
VERBS = {
    "reply": "replied to",
    "mention": "mentioned",
    "repost": "reposted",
    "quote": "quoted",
    "follow": "follow",
}


def _handle(store: Store, graph: InteractionGraph, platform: str, node: str) -> str:
    if node.startswith("@"):
        return node
    if is_anonymized(node):  # a dataset's stand-in for a person: no handle to write
        return describe_author("", node)
    account = store.get_account(platform, node)
    return "@" + (account.handle if account else graph.names.get(node, node))


# what one direct interaction is called, after "you" or before "you"/"them"
_DIRECT = {"reply": "replied to", "mention": "mentioned", "repost": "reposted", "quote": "quoted"}


def _engaged(kinds: Mapping[str, int], whom: str) -> str | None:
    """``reposted you 1×``, ``replied to you 2×``, or ``engaged you 3× (2 replies, 1
    mention)`` when the kinds are mixed; None for a follow alone."""
    counts = {k: n for k, n in kinds.items() if k in _DIRECT and n}
    if not counts:
        return None
    if len(counts) == 1:
        ((kind, n),) = counts.items()
        return f"{_DIRECT[kind]} {whom} {n}×"
    order = sorted(counts, key=lambda k: (-counts[k], k))
    detail = ", ".join(count_of(counts[k], k) for k in order)
    return f"engaged {whom} {sum(counts.values())}× ({detail})"


# Below this mean weight of their ages (older than one half-life on average), the engagements
# are said to be old: the score weighs each by its age, and "you reposted them 4×" at 36.9
# under "you reposted them 1×" at 75.0 read as a wrong order (QA s40: the four were months
# old, the one a day old)
_OLD_ON_AVERAGE = 0.5


def _long_ago(edge: Edge) -> str:
    """``, mostly long ago (weighs less)`` when the edge's engagements are older than one
    half-life on average (``, long ago`` for one); "" when recent, undated or never decayed
    (an infinite half-life)."""
    counts = {k: n for k, n in edge.kinds.items() if k in _DIRECT and n}
    full = sum(KIND_WEIGHTS[k] * n for k, n in counts.items())
    if full <= 0:
        return ""
    # a follow adds its own weight, which never decays
    recency = (edge.weight - (FOLLOW_WEIGHT if edge.kinds.get("follow") else 0.0)) / full
    if recency >= _OLD_ON_AVERAGE:
        return ""
    return f", {'long ago' if sum(counts.values()) == 1 else 'mostly long ago'} (weighs less)"


def _theirs(edge: Edge) -> str | None:
    """What the candidate does to you: ``follows you``, ``replied to you 1×``, or both (``follows
    you and replied to you 1×``): a follow is a standing interest a reply does not replace."""
    kinds = edge.kinds
    engaged = _engaged(kinds, "you")
    engaged = engaged + _long_ago(edge) if engaged else None
    if not kinds.get("follow"):
        return engaged
    return f"follows you and {engaged}" if engaged else "follows you"


def _seen_since(when: datetime | None, since: datetime) -> bool:
    return when is not None and when >= since


# Below these shares a figure says nothing good ("voice 0"): said in words instead
LOW_VOICE = 20
LOW_CONVERSATION = 10
# From these shares the account stands out as someone to talk with
LIVELY_VOICE = 60
TALKATIVE = 30
# From this share of job ads an account is left out unless asked for (connect.ad_posters)
MOSTLY_ADS_SHARE = 0.6
# From this share of its last posts hostile, NSFW or on party politics, and at least this
# many, the account is left out (or, under --role any, ranked last with a caution): one such
# post in twenty is an aside, four in ten a habit. Half its posts or more is a habit too, from
# one: an account whose only post seen is NSFW is no one to suggest (QA s40)
CROSSING_SHARE = 0.2
FEWEST_CROSSING = 2
MOSTLY_CROSSING_SHARE = 0.5


def crosses_often(citizen: Citizen) -> bool:
    """Whether enough of the candidate's last posts cross the line the inbox keeps a firm
    away from (hostile, NSFW, party politics) for connect to leave it out or caution."""
    judged = citizen.judged
    if not judged:
        return False
    n = citizen.crossing_posts  # read here only: each post takes a moment
    if n >= FEWEST_CROSSING and n >= CROSSING_SHARE * judged:
        return True
    return n >= 1 and n >= MOSTLY_CROSSING_SHARE * judged


def caution(citizen: Citizen) -> str | None:
    """``caution, ranked last: 4 of their 10 posts hostile, NSFW or party politics`` for an
    account that :func:`crosses_often`; else None."""
    if not crosses_often(citizen):
        return None
    n, judged = citizen.crossing_posts, citizen.judged or 0
    of = "their one post seen is" if judged == 1 else f"{n} of their {count_of(judged, 'post')}"
    # shown only under --role any, below every account without a caution (candidates.py)
    return f"caution, ranked last: {of} hostile, NSFW or party politics"


def describe_citizen(
    citizen: Citizen, min_posts: int | None = None, *, you_reposted: bool = False
) -> list[str]:
    """What the candidate's last posts say of it, in words: "a lively voice (82% of their
    posts personal)", "talks with people (48% replies)", "rarely replies to anyone". Unknown
    figures say nothing; from no own post, that none was seen (or, ``you_reposted``, that the
    ones you reposted are all there is); from fewer own posts than
    ``min_posts`` (None: the user's, :func:`fewest_posts`), only that they are too few. From
    the last posts only (connect.citizen): not the audit's Voice and Conversation pillar
    scores."""
    said: list[str] = []
    voice, talk = citizen.voice, citizen.conversation
    judged = citizen.judged
    few = fewest_posts() if min_posts is None else min_posts
    if judged == 0:
        # seen only reposting (17 of a real account's 20 suggestions): the line said nothing
        # of a voice no post showed, and its score weighs it as middling, not as good
        if you_reposted:
            # after "you reposted them 7×", "no post of their own seen" read as a contradiction
            return ["their posts seen only as your reposts: voice and conversation unknown"]
        return ["no post of their own seen: voice and conversation unknown"]
    if not judges_voice(judged, few) and (voice, talk) != (None, None):
        # "a lively voice (100)" from one post is a guess: too few to judge, as the audit says
        return [
            f"only {count_of(judged, 'post')} of their own: too few to judge voice and conversation"
        ]
    if citizen.job_share is not None and citizen.job_share >= MOSTLY_ADS_SHARE:
        # kept by --role or --include-job-ads: the reader should know it is mostly ads
        said.append(f"mostly job ads ({round(100 * citizen.job_share)}% of their posts)")
    if voice is not None:
        # a share of their posts, said as one: "voice 38" read as the audit's Voice pillar;
        # never praised beside a caution (:func:`caution`)
        if voice >= LIVELY_VOICE and caution(citizen) is None:
            said.append(f"a lively voice ({voice}% of their posts personal)")
        elif voice >= LOW_VOICE:
            said.append(f"{voice}% of their posts personal")
        else:
            said.append("little personal voice in their posts")
    if talk is not None:
        if talk >= TALKATIVE:
            said.append(f"talks with people ({talk}% replies)")
        elif talk >= LOW_CONVERSATION:
            said.append(f"replies now and then ({talk}% of posts)")
        else:
            said.append("rarely replies to anyone")
    return said


def _role_part(role: RoleGuess, citizen: Citizen) -> str | HiringTalk:
    """The role as people read it, or, for an account outside the trade whose posts talk
    hiring (kept by default: a hiring manager), what its posts say: ``outside the trade,
    talks hiring (2 of 2 posts)`` (talking hiring takes posts judged)."""
    posts, judged = citizen.hiring_posts, citizen.judged
    if role.role != "other" or not citizen.talks_hiring or posts is None or judged is None:
        return role.label  # talking hiring takes both counts: never None here
    return HiringTalk(posts, judged)


def explain(
    store: Store,
    graph: InteractionGraph,
    account: Account,
    node: str,
    role: RoleGuess | str | None,
    citizen: Citizen,
    circle: Mapping[str, float],
    as_of: datetime,
    min_posts: int | None = None,
    *,
    role_unknown: bool = False,
) -> tuple[Explanation, tuple[str, ...]]:
    """The explanation and the handles of the circle members who engage ``node``; a
    role the model is not sure of reads ``maybe vendor``, and with no ``role``, one the model
    had next to nothing to read of (``role_unknown``) reads "role unknown"; voice and
    conversation are said from ``min_posts`` own posts (None: the user's ``[audit] min_posts``)."""
    if isinstance(role, str):
        role = RoleGuess(role, None)
    warned = caution(citizen)
    parts: list[Part] = [warned] if warned else []  # first: what a recruiter must know
    recent_since = as_of - timedelta(days=RECENT_DAYS)
    into = {
        m: graph.edges[(m, node)]
        for m in circle
        if m != node and m != account.id and (m, node) in graph.edges
    }
    out_of = [m for m in circle if m != node and m != account.id and (node, m) in graph.edges]
    if into:
        by_kind: dict[str, list[str]] = {}
        for member, edge in into.items():
            for kind in edge.kinds:
                by_kind.setdefault(kind, []).append(member)
        top = max(by_kind, key=lambda k: (len(by_kind[k]), KIND_WEIGHTS.get(k, 0.0)))
        members = by_kind[top]
        recent = [m for m in members if _seen_since(into[m].last_seen, recent_since)]
        verb = VERBS[top]
        if top == "follow":  # follows carry no date
            recent = []
            verb = "follows" if len(members) == 1 else "follow"
        if recent:
            parts.append(CircleTie(len(recent), verb, recent=True))
        else:
            parts.append(CircleTie(len(members), verb))
        if len(into) > len(recent or members):  # the "via" list names them all
            # the same group as the part before names: "2 of your circle ... in all" read as
            # a second, unexplained group
            parts.append(f"{count_people(len(into))} {CIRCLE} engage them in total")
    elif out_of:
        parts.append(f"engages {count_people(len(out_of))} {CIRCLE}")
    back = graph.edges.get((node, account.id))
    mine = graph.edges.get((account.id, node))
    theirs = _theirs(back) if back is not None else None
    yours = _engaged(mine.kinds, "them") if mine is not None else None
    yours = yours + _long_ago(mine) if yours and mine is not None else yours
    if not into and not out_of and not theirs and not yours:
        # reached only through longer paths: no one in the circle engages them, nor they you
        parts.append("in the wider network of your circle")
    parts.extend(text for text in (theirs, f"you {yours}" if yours else None) if text)
    you_reposted = mine is not None and bool(mine.kinds.get("repost"))
    parts.extend(describe_citizen(citizen, min_posts, you_reposted=you_reposted))
    ranked = sorted(into, key=lambda m: -into[m].weight)
    via = tuple(_handle(store, graph, account.platform, m) for m in ranked[:5])
    said = _role_part(role, citizen) if role else None
    return Explanation(said, tuple(parts), role_unknown=not role and role_unknown), via
