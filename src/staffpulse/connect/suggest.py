"""Who to follow: candidates ranked by personalized PageRank, filtered, weighed and explained.

The pipeline for one account (``docs/connect.md`` explains each choice):

1. build the platform's interaction graph as of the ranking date, with recency decay
   (:mod:`staffpulse.connect.graph`): nothing after that date counts, neither edges nor, in
   the steps below, posts;
2. personalized PageRank from the account and its circle (everyone it talks with either way);
3. drop the account itself, accounts it already follows, accounts it already talks with
   (``include_contacts`` keeps them), accounts whose posts we have never seen
   (``include_unseen`` keeps them), inactive accounts (no post in the ``inactive_days``
   before the ranking date, or posts only after it),
   job-ad bots (role ``job_board`` or a job-opening share of at least ``job_bot_share``)
   and, with ``role``, every other role; without it, role ``other`` (brands, public figures:
   outside the hiring world; ``role="any"`` keeps them). ``excluded`` counts each under the first filter it
   failed; every reason is kept too (:class:`~staffpulse.connect.advice.HeldBack`), so that
   when nothing is left the advice names options that do bring accounts back;
4. weigh in the good-citizen signals: ``score = pagerank * (1 - w + w * citizen)`` where
   ``citizen`` is the mean of voice and conversation (0-1, 0.5 when unknown) and ``w`` is
   ``citizen_weight``; shown as a share of the strongest raw PageRank of *any* role (100:
   that link with a full voice and conversation), so that the role filter does not change a
   candidate's figure and a candidate that never talks with anyone never reads 100;
5. explain each suggestion in one line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import numpy as np

from staffpulse.authors import is_anonymized
from staffpulse.connect.advice import (
    ANONYMIZED,
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    UNSEEN,
    WEAK,
    Ranking,
    Remedy,
    next_step,
)

# Re-exported: the web form checks --inactive-days against the same bound
from staffpulse.connect.advice import MOST_INACTIVE_DAYS as MOST_INACTIVE_DAYS
from staffpulse.connect.choices import find_connect_account, leaves_out_outsiders, parse_roles
from staffpulse.connect.citizen import (
    Citizen,
    RoleGuess,
    RoleModelLike,
    TextScorerLike,
    citizen_signals,
    fewest_posts,
    guess_roles,
    posts_up_to,
)
from staffpulse.connect.explain import explain
from staffpulse.connect.graph import DAMPING, HALF_LIFE_DAYS, circle_pagerank, load_graph

# Re-exported: callers import the results from here, where they are made
from staffpulse.connect.suggestion import Suggestion as Suggestion
from staffpulse.connect.suggestion import SuggestReport as SuggestReport
from staffpulse.connect.suggestion import (
    address_in_profile_url,
    id_only_note,
    latest_activity_time,
    stub_account,
)
from staffpulse.connect.suggestion import format_score as format_score
from staffpulse.connect.suggestion import latest_post_time as latest_post_time
from staffpulse.dates import require_plausible_date
from staffpulse.errors import InputError, ModelError
from staffpulse.models import Account
from staffpulse.signals.text import load_text_signals_or_none
from staffpulse.store import Store


@dataclass(frozen=True, slots=True)
class SuggestOptions:
    """Thresholds of the ranking; each default is explained in docs/connect.md."""

    inactive_days: int = 90
    half_life_days: float = HALF_LIFE_DAYS
    include_contacts: bool = False
    include_unseen: bool = False
    job_bot_share: float = 0.6
    min_posts_for_bot: int = 3
    # half the score: an account that posts without a voice and never replies reads at most
    # 50, below an otherwise-similar one that talks with people (0.3 let it read 70 alone)
    citizen_weight: float = 0.5
    batch: int = 200

    def __post_init__(self) -> None:
        # Told as bad input (exit 65), not left to fail as a date before year 1
        if not 1 <= self.inactive_days <= MOST_INACTIVE_DAYS:
            raise InputError(
                f"--inactive-days must be from 1 to {MOST_INACTIVE_DAYS:,} "
                f"(got {self.inactive_days})",
                hint="give a whole number of days, e.g. 90 (a quarter of silence)",
            )


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
    *,
    advise: bool = True,
) -> SuggestReport:
    """Suggestions plus exclusion counts. ``now`` defaults to the newest post of the account
    or its circle (:func:`~staffpulse.connect.suggestion.latest_activity_time`), else the
    newest post on the platform. With nothing to suggest and ``advise``, the advice is checked by
    ranking again with its options (see :mod:`staffpulse.connect.advice`).

    ``role_model`` and ``scorer`` default to the shipped models when they are installed.
    """
    opts = options or SuggestOptions()
    if limit < 1:
        raise InputError(f"--limit must be at least 1 (got {limit})")
    wanted = parse_roles(role)
    outsiders_out = leaves_out_outsiders(role)
    account = find_connect_account(store, handle, platform)
    plat = account.platform
    if now is None:
        store.refresh_interactions()  # its circle is read from the edges
    as_of = (
        now
        or latest_activity_time(store, plat, account.id)
        or latest_post_time(store, plat)
        or datetime.now(UTC)
    )
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)
    # told as bad input here, for every caller: far from our years the date arithmetic
    # below overflows (and no platform existed to rank anything)
    require_plausible_date("--as-of", as_of)
    notes: list[str] = []
    model = role_model if role_model is not None else load_shipped_role_model()
    text = scorer if scorer is not None else load_text_signals_or_none()
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
    report.ranking = Ranking(
        f"@{account.handle}", plat, as_of, now is not None, opts.inactive_days, role
    )
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
    report.reached = len(order) - (1 if account.id in graph.index else 0)
    # What a random jump gives every account of the graph: a candidate below it gets no
    # more from the circle than from chance (docs/connect.md, "Weak links")
    floor = (1.0 - DAMPING) / len(graph)

    excluded: dict[str, int] = {}
    held = report.held_back
    id_only: set[str] = set()
    # contacts left out before their posts were read: read only if the advice needs them
    unread_contacts: list[tuple[str, Account]] = []

    def skip(reasons: list[str], cit: Citizen | None = None, role: str | None = None) -> None:
        excluded[reasons[0]] = excluded.get(reasons[0], 0) + 1
        if cit is None:
            held.add(reasons)
        else:
            held.add(reasons, cit.last_post, role, cit.next_post)

    def cheap_filter(node: str) -> Account | None:
        """Filters that need no posts; None when the node is left out."""
        if node == account.id:
            return None
        if is_anonymized(node):  # no handle to follow, whatever --include-* asks
            skip([ANONYMIZED])
            return None
        if node in followed:
            skip(["already followed"])
            return None
        known = None if node.startswith("@") else store.get_account(plat, node)
        reasons = [CONTACTS] if node in contacts and not opts.include_contacts else []
        if known is None and not opts.include_unseen:
            reasons.append(UNSEEN)
        if reasons and known is not None:
            excluded[CONTACTS] = excluded.get(CONTACTS, 0) + 1
            unread_contacts.append((node, known))
            return None
        if reasons:
            skip(reasons)
            return None
        if known is None and not node.startswith("@") and not address_in_profile_url(plat, node):
            id_only.add(node)  # seen only as an id (a reply to a user id): no handle to show
        return known or stub_account(plat, node)

    def post_reasons(cit: Citizen, acc_role: str | None) -> list[str]:
        """Every filter that needs posts and leaves the candidate out, in the order counted."""
        reasons = []
        if cit.posts == 0 and cit.later_posts:
            # every post of it came after the ranking date: not active then (not unseen)
            reasons.append(INACTIVE)
        elif cit.posts == 0 and not opts.include_unseen:
            reasons.append(UNSEEN)
        if cit.last_post is not None and cit.last_post < cutoff:
            reasons.append(INACTIVE)
        if acc_role == "job_board" or (
            cit.job_share is not None
            and cit.posts >= opts.min_posts_for_bot
            and cit.job_share >= opts.job_bot_share
        ):
            reasons.append("job-ad bot")
        if wanted is not None and acc_role not in wanted:
            reasons.append(OTHER_ROLE)
        # Without a post the model judged the name alone, too little to call it outside hiring
        if outsiders_out and acc_role == "other" and cit.posts > 0:
            reasons.append(OUTSIDE_HIRING)
        return reasons

    def read(chunk: list[tuple[str, Account]]) -> list[tuple[RoleGuess | None, Citizen]]:
        # as of the ranking date: what the account wrote later says nothing of it then
        everything = [store.posts_by(plat, node) for node, _ in chunk]
        posts = [posts_up_to(own, as_of) for own in everything]
        guessed = guess_roles(model, [acc for _, acc in chunk], posts)
        # Known only by its id and without a post, an account gives the model nothing but
        # the digits of that id: its role is unknown (None), not the model's "other".
        roles = [
            None if node in id_only and not own else guess
            for (node, _), guess, own in zip(chunk, guessed, posts, strict=True)
        ]
        return list(zip(roles, citizen_signals(text, everything, as_of), strict=True))

    def is_weak(node: str) -> bool:
        """Below what a random jump gives any account, and engaged by no one in the circle:
        reached only through negligible paths. Checked last: a stale as-of can make a whole
        circle weak, and only the filters before have advice that brings it back."""
        if float(scores[graph.index[node]]) >= floor:
            return False
        return not any((m, node) in graph.edges for m in circle if m != account.id)

    w = opts.citizen_weight
    cutoff = as_of - timedelta(days=opts.inactive_days)
    weighted: list[tuple[float, str, Account, RoleGuess | None, Citizen]] = []
    # The strongest link of any role: shown scores are relative to it, so that a candidate
    # reads the same with and without --role (relative to the best *shown* one, a vendor read
    # 29 in the full list and 100 under --role vendor). Its raw PageRank, not its weighted
    # score: 100 is the strongest link with a lively voice and conversation, and a lone
    # candidate that never talks with anyone no longer reads as a perfect match. Exact despite
    # the early stop: every unexamined candidate's raw PageRank is below one already seen.
    strongest = 0.0
    position = 0
    while position < len(order):
        # Weighted scores never exceed the raw PageRank, so once the next raw score is below
        # the limit-th weighted score, no unexamined candidate can enter the list: stop.
        if len(weighted) >= limit:
            last_in = sorted((item[0] for item in weighted), reverse=True)[limit - 1]
            if float(scores[order[position]]) < last_in:
                break
        chunk: list[tuple[str, Account]] = []
        while position < len(order) and len(chunk) < opts.batch:
            node = graph.nodes[order[position]]
            position += 1
            acc = cheap_filter(node)
            if acc is not None:
                chunk.append((node, acc))
        for (node, acc), (guess, cit) in zip(chunk, read(chunk), strict=True):
            acc_role = guess.role if guess else None  # the best guess, sure or not
            reasons = post_reasons(cit, acc_role)
            if not reasons and is_weak(node):
                reasons = [WEAK]
            parts = [v / 100 for v in (cit.voice, cit.conversation) if v is not None]
            good = sum(parts) / len(parts) if parts else 0.5
            value = float(scores[graph.index[node]]) * (1 - w + w * good)
            if reasons in ([OTHER_ROLE], [OUTSIDE_HIRING]):
                if is_weak(node):  # no role brings it back: not advised as one
                    reasons = [WEAK]
                else:  # left out for its role alone: it still sets the scale (see below)
                    strongest = max(strongest, float(scores[graph.index[node]]))
            if reasons:
                skip(reasons, cit, acc_role)
                continue
            weighted.append((value, node, acc, guess, cit))
    if not weighted:
        # Nothing to suggest: what else holds the contacts back decides the advice
        # (--include-contacts alone would bring back no contact that is also inactive).
        for start in range(0, len(unread_contacts), opts.batch):
            chunk = unread_contacts[start : start + opts.batch]
            for guess, cit in read(chunk):
                acc_role = guess.role if guess else None
                held.add(
                    [CONTACTS, *post_reasons(cit, acc_role)], cit.last_post, acc_role, cit.next_post
                )
    report.looked_at = report.reached - (len(order) - position)
    weighted.sort(key=lambda item: (-item[0], item[2].handle.lower()))
    best = (
        max(strongest, *(float(scores[graph.index[item[1]]]) for item in weighted))
        if weighted
        else 1.0
    )
    few = fewest_posts()  # the user's [audit] min_posts, read once for the whole list
    for rank, (value, node, acc, guess, cit) in enumerate(weighted[:limit], start=1):
        line, via = explain(store, graph, account, node, guess, cit, circle, as_of, few)
        report.suggestions.append(
            Suggestion(
                rank=rank,
                platform=plat,
                account_id=node,
                handle=acc.handle,
                display_name=acc.display_name,
                url=acc.url,
                role=guess.role if guess else None,
                role_score=guess.score if guess else None,
                score=100.0 * value / best if best > 0 else 0.0,
                pagerank=float(scores[graph.index[node]]),
                voice=cit.voice,
                conversation=cit.conversation,
                via=via,
                explanation=line,
                account=acc,
                handle_known=node not in id_only,
                judged=cit.judged,
                min_posts=few,
            )
        )
    report.excluded = excluded
    if (unnamed := id_only_note(report.suggestions)) is not None:
        report.notes.append(unnamed)
    if advise and not report.suggestions:

        def works(remedy: Remedy) -> bool:
            """Whether ranking with the remedy's options suggests anyone (no advice of its
            own: one level of checking)."""
            tried = replace(
                opts,
                include_contacts=opts.include_contacts or remedy.include_contacts,
                include_unseen=opts.include_unseen or remedy.include_unseen,
                inactive_days=remedy.inactive_days or opts.inactive_days,
            )
            again = suggest_report(
                store,
                handle,
                plat,
                role if remedy.role is None else (remedy.role or None),
                1,
                remedy.as_of or as_of,
                model,
                text,
                tried,
                advise=False,
            )
            return bool(again.suggestions)

        report.advice = next_step(held, report.ranking, works)
    return report


def load_shipped_role_model() -> RoleModelLike | None:
    """The shipped role model, or None (told once) when it cannot be loaded; ``connect`` and
    ``add-handles`` both tag accounts with it."""
    # Imported on use: the role model pulls in scikit-learn, which only tagging needs.
    from staffpulse.signals.roles import load_role_model_or_none

    return load_role_model_or_none()
