"""Who to follow: candidates ranked by personalized PageRank, filtered, weighed and explained.

The pipeline for one account (``docs/connect.md`` explains each choice):

1. build the platform's interaction graph with recency decay (:mod:`staffpulse.connect.graph`);
2. personalized PageRank from the account and its circle (everyone it talks with either way);
3. drop the account itself, accounts it already follows, accounts it already talks with
   (``include_contacts`` keeps them), accounts whose posts we have never seen
   (``include_unseen`` keeps them), inactive accounts (no post in ``inactive_days``),
   job-ad bots (role ``job_board`` or a job-opening share of at least ``job_bot_share``)
   and, with ``role``, every other role;
4. weigh in the good-citizen signals: ``score = pagerank * (1 - w + w * citizen)`` where
   ``citizen`` is the mean of voice and conversation (0-1, 0.5 when unknown) and ``w`` is
   ``citizen_weight``;
5. explain each suggestion in one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from staffpulse.connect.citizen import (
    Citizen,
    RoleModelLike,
    TextScorerLike,
    citizen_signals,
    default_role_model,
    default_text_scorer,
    predict_roles,
)
from staffpulse.connect.explain import explain
from staffpulse.connect.graph import HALF_LIFE_DAYS, circle_pagerank, load_graph
from staffpulse.errors import InputError, ModelError
from staffpulse.models import INDUSTRY_ROLES, ROLES, Account
from staffpulse.store import Store
from staffpulse.store.codec import parse_time

ROLE_GROUPS: dict[str, tuple[str, ...]] = {"industry": INDUSTRY_ROLES}


@dataclass(frozen=True, slots=True)
class SuggestOptions:
    """Thresholds of the ranking; each default is explained in docs/connect.md."""

    inactive_days: int = 90
    half_life_days: float = HALF_LIFE_DAYS
    include_contacts: bool = False
    include_unseen: bool = False
    job_bot_share: float = 0.6
    min_posts_for_bot: int = 3
    citizen_weight: float = 0.3
    batch: int = 200


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One account worth following, with why."""

    rank: int
    platform: str
    account_id: str
    handle: str
    display_name: str
    url: str | None
    role: str | None
    score: float  # 0-100, relative to the best suggestion
    pagerank: float
    voice: int | None
    conversation: int | None
    via: tuple[str, ...]  # handles of circle members who engage this account
    explanation: str
    account: Account | None = field(default=None, compare=False, repr=False)
    # False for an account seen only by its id (a reply to a user id, a follow edge): its
    # ``handle`` is then that id
    handle_known: bool = True

    @property
    def label(self) -> str:
        """How to show the account: ``@handle``, or its id when no handle is stored."""
        return f"@{self.handle}" if self.handle_known else f"account id {self.account_id}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "platform": self.platform,
            "id": self.account_id,
            "handle": self.handle,
            "display_name": self.display_name,
            "url": self.url,
            "role": self.role,
            "score": round(self.score, 1),
            "pagerank": self.pagerank,
            "voice": self.voice,
            "conversation": self.conversation,
            "via": list(self.via),
            "explanation": self.explanation,
        }


@dataclass
class SuggestReport:
    """The suggestions plus what was left out and why."""

    account: Account
    as_of: datetime
    suggestions: list[Suggestion]
    circle_size: int
    excluded: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def next_step(self) -> str | None:
        """What to do when there is nothing to suggest, from what was left out and why."""
        if self.suggestions:
            return None
        who = f"@{self.account.handle}"
        unseen = self.excluded.get("never seen", 0)
        contacts = self.excluded.get("already talking with", 0)
        steps = []
        if unseen:
            steps.append(
                f"{unseen} account{'s' if unseen != 1 else ''} around {who} "
                f"{'have' if unseen != 1 else 'has'} no posts in "
                "the store: import or fetch their posts (staffpulse add-handles FILE fetches "
                "a list), or include them anyway with --include-unseen"
            )
        if contacts:
            steps.append(
                f"{contacts} account{'s' if contacts != 1 else ''} you already talk with "
                f"{'were' if contacts != 1 else 'was'} left out: --include-contacts shows "
                f"{'them' if contacts != 1 else 'it'}"
            )
        if not steps:
            steps.append(
                f"import posts that mention or reply to {who}, or the posts of the people "
                "it talks with: suggestions come from the conversations around it"
            )
        return "; ".join(steps) + "."

    def as_dict(self) -> dict[str, Any]:
        return {
            "account": {"platform": self.account.platform, "handle": self.account.handle},
            "as_of": self.as_of.isoformat(),
            "circle_size": self.circle_size,
            "excluded": dict(self.excluded),
            "notes": list(self.notes),
            "suggestions": [s.as_dict() for s in self.suggestions],
        }


def parse_roles(role: str | None) -> set[str] | None:
    """``"recruiter"``, ``"recruiter,hr_pro"`` or ``"industry"`` -> a set of role names."""
    if not role:
        return None
    wanted: set[str] = set()
    for part in role.replace(" ", "").lower().split(","):
        name = part.replace("-", "_")
        if name in ROLE_GROUPS:
            wanted.update(ROLE_GROUPS[name])
        elif name in ROLES:
            wanted.add(name)
        elif name:
            choices = ", ".join((*ROLES, *ROLE_GROUPS))
            raise InputError(f"unknown role '{part}'", hint=f"choose one of: {choices}")
    return wanted or None


def latest_post_time(store: Store, platform: str) -> datetime | None:
    row = store.conn.execute(
        "SELECT MAX(created_at) FROM posts WHERE platform = ?", (platform,)
    ).fetchone()
    return parse_time(row[0]) if row and row[0] else None


def suggest_accounts(
    store: Store,
    handle: str,
    platform: str | None = None,
    role: str | None = None,
    limit: int = 20,
    now: datetime | None = None,
    role_model: RoleModelLike | None = None,
    scorer: TextScorerLike | None = None,
    options: SuggestOptions | None = None,
) -> list[Suggestion]:
    """The accounts ``handle`` should follow, best first (see :func:`suggest_report`)."""
    return suggest_report(
        store, handle, platform, role, limit, now, role_model, scorer, options
    ).suggestions


def suggest_report(
    store: Store,
    handle: str,
    platform: str | None = None,
    role: str | None = None,
    limit: int = 20,
    now: datetime | None = None,
    role_model: RoleModelLike | None = None,
    scorer: TextScorerLike | None = None,
    options: SuggestOptions | None = None,
) -> SuggestReport:
    """Suggestions plus exclusion counts. ``now`` defaults to the newest post on the platform.

    ``role_model`` and ``scorer`` default to the shipped models when they are installed.
    """
    opts = options or SuggestOptions()
    if limit < 1:
        raise InputError(f"--limit must be at least 1 (got {limit})")
    wanted = parse_roles(role)
    account = store.find_account(handle, platform)
    plat = account.platform
    as_of = now or latest_post_time(store, plat) or datetime.now(UTC)
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)
    notes: list[str] = []
    model = role_model if role_model is not None else default_role_model()
    text = scorer if scorer is not None else default_text_scorer()
    if model is None:
        if wanted:
            raise ModelError(
                "filtering by role needs the role model, which is not available",
                hint="run without --role, or install a staffpulse build that ships it",
            )
        notes.append("role model not available: roles are not shown")
    if text is None:
        notes.append("post-signals model not available: voice and job-ad shares are unknown")

    graph = load_graph(store, plat, now=as_of, half_life_days=opts.half_life_days)
    report = SuggestReport(account=account, as_of=as_of, suggestions=[], circle_size=0, notes=notes)
    if account.id not in graph.index:
        notes.append(f"@{account.handle} has no interactions in the store yet")
        return report
    circle = graph.circle(account.id)
    report.circle_size = len(circle)
    followed = store.follows_of(plat, account.id)
    contacts = set(graph.out_neighbours(account.id))
    scores = circle_pagerank(graph, [account.id])
    positive = np.flatnonzero(scores > 0)
    order = [int(i) for i in positive[np.argsort(-scores[positive], kind="stable")]]

    excluded: dict[str, int] = {}
    id_only: set[str] = set()

    def skip(reason: str) -> None:
        excluded[reason] = excluded.get(reason, 0) + 1

    def cheap_filter(node: str) -> Account | None:
        """Filters that need no posts; None when the node is left out."""
        if node == account.id:
            return None
        if node in followed:
            skip("already followed")
            return None
        if node in contacts and not opts.include_contacts:
            skip("already talking with")
            return None
        known = None if node.startswith("@") else store.get_account(plat, node)
        if known is None and not opts.include_unseen:
            skip("never seen")
            return None
        if known is None and not node.startswith("@"):
            id_only.add(node)  # seen only as an id (a reply to a user id): no handle to show
        return known or _stub(plat, node)

    w = opts.citizen_weight
    cutoff = as_of - timedelta(days=opts.inactive_days)
    weighted: list[tuple[float, str, Account, str | None, Citizen]] = []
    position = 0
    while position < len(order):
        # Weighted scores never exceed the raw PageRank, so once the next raw score is below
        # the limit-th weighted score, no unexamined candidate can enter the list: stop.
        if len(weighted) >= limit:
            floor = sorted((item[0] for item in weighted), reverse=True)[limit - 1]
            if float(scores[order[position]]) < floor:
                break
        chunk: list[tuple[str, Account]] = []
        while position < len(order) and len(chunk) < opts.batch:
            node = graph.nodes[order[position]]
            position += 1
            acc = cheap_filter(node)
            if acc is not None:
                chunk.append((node, acc))
        posts = [store.posts_by(plat, node) for node, _ in chunk]
        roles = predict_roles(model, [acc for _, acc in chunk], posts)
        citizens = citizen_signals(text, posts)
        for (node, acc), acc_role, cit in zip(chunk, roles, citizens, strict=True):
            if cit.posts == 0 and not opts.include_unseen:
                skip("never seen")
            elif cit.last_post is not None and cit.last_post < cutoff:
                skip("inactive")
            elif acc_role == "job_board" or (
                cit.job_share is not None
                and cit.posts >= opts.min_posts_for_bot
                and cit.job_share >= opts.job_bot_share
            ):
                skip("job-ad bot")
            elif wanted is not None and acc_role not in wanted:
                skip("other role")
            else:
                parts = [v / 100 for v in (cit.voice, cit.conversation) if v is not None]
                good = sum(parts) / len(parts) if parts else 0.5
                value = float(scores[graph.index[node]]) * (1 - w + w * good)
                weighted.append((value, node, acc, acc_role, cit))
    weighted.sort(key=lambda item: (-item[0], item[2].handle.lower()))
    best = weighted[0][0] if weighted else 1.0
    for rank, (value, node, acc, acc_role, cit) in enumerate(weighted[:limit], start=1):
        line, via = explain(store, graph, account, node, acc_role, cit, circle, as_of)
        report.suggestions.append(
            Suggestion(
                rank=rank,
                platform=plat,
                account_id=node,
                handle=acc.handle,
                display_name=acc.display_name,
                url=acc.url,
                role=acc_role,
                score=100.0 * value / best if best > 0 else 0.0,
                pagerank=float(scores[graph.index[node]]),
                voice=cit.voice,
                conversation=cit.conversation,
                via=via,
                explanation=line,
                account=acc,
                handle_known=node not in id_only,
            )
        )
    report.excluded = excluded
    return report


def _stub(platform: str, node: str) -> Account:
    handle = node[1:] if node.startswith("@") else node
    return Account(platform=platform, id=node, handle=handle)
