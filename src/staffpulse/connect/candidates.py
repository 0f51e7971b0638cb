"""The candidates of one who-to-follow ranking, walked in PageRank order: filtered, read and
weighed (steps 3 and 4 of :mod:`staffpulse.connect.suggest`).

The walk reads posts in batches and stops as soon as no unexamined candidate can enter the
list, so that a large circle costs a few batches rather than every account's posts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import numpy as np

from staffpulse.authors import is_anonymized
from staffpulse.connect.ad_posters import ad_reason, broadcasts_only, posts_mostly_ads
from staffpulse.connect.advice import HeldBack
from staffpulse.connect.citizen import (
    Citizen,
    RoleGuess,
    RoleModelLike,
    TextScorerLike,
    citizen_signals,
    fewest_posts,
    guess_roles,
    with_crossing,
)
from staffpulse.connect.cohort_roles import CohortRoles, given_role, stored_cohort_roles
from staffpulse.connect.explain import crosses_often
from staffpulse.connect.graph import DAMPING, InteractionGraph, account_pagerank
from staffpulse.connect.left_out import name_left_out

# Re-exported: the walk's options are imported from here
from staffpulse.connect.options import RoleFilter as RoleFilter
from staffpulse.connect.options import SuggestOptions as SuggestOptions
from staffpulse.connect.own_posts import read_own_posts
from staffpulse.connect.reasons import (
    ALREADY_FOLLOWED,
    ANONYMIZED,
    BROADCAST,
    CONTACTS,
    CROSSES_LINE,
    INACTIVE,
    JOB_FEED,
    MOSTLY_ADS,
    NAMED,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    SHOWN_BY_ROLE_OR_ADS,
    STALE,
    UNKNOWN_ROLE,
    UNSEEN,
    WEAK,
)
from staffpulse.connect.suggestion import address_in_profile_url, stub_account
from staffpulse.models import Account
from staffpulse.store import Store


@dataclass(frozen=True, slots=True)
class Candidate:
    """An account that passed every filter, with its weighted score."""

    value: float  # raw PageRank weighed by the good-citizen signals
    node: str
    account: Account
    guess: RoleGuess | None
    citizen: Citizen
    cautioned: bool = False  # its posts often cross a line: shown last (--role any only)


def _shown_order(c: Candidate) -> tuple[bool, float, str]:
    """Best first, those cautioned after every other (:meth:`CandidateWalk._set_aside_crossing`)."""
    return (c.cautioned, -c.value, c.account.handle.lower())


PostReads = dict[tuple[str, datetime], tuple[RoleGuess | None, Citizen]]
"""Each account's role guess and good-citizen signals as of a ranking date, read once per
connect run: the rankings that check the advice reuse them (predicting the roles again was a
third of a Connect with nothing to suggest on 1,000 accounts)."""


class CandidateWalk:
    """One ranking's walk down the PageRank order from ``account`` and its circle.

    Counts each candidate left out under the first filter it failed (``excluded``) and keeps
    every reason in ``held`` for the advice.
    """

    def __init__(
        self,
        store: Store,
        graph: InteractionGraph,
        account: Account,
        as_of: datetime,
        opts: SuggestOptions,
        roles: RoleFilter,
        model: RoleModelLike | None,
        text: TextScorerLike | None,
        held: HeldBack,
        reads: PostReads | None = None,
    ) -> None:
        self.store = store
        self.reads: PostReads = {} if reads is None else reads
        self.graph = graph
        self.account = account
        self.as_of = as_of
        self.opts = opts
        # the user's --cohort file, else the segments the store kept from one benchmarked
        given = opts.cohort if opts.cohort is not None else stored_cohort_roles(store)
        self.given_roles: CohortRoles | None = given
        self.roles = roles
        self.model = model
        self.text = text
        self.held = held
        self.circle = graph.circle(account.id)
        self.followed = store.follows_of(account.platform, account.id)
        # those it replied to, mentioned or quoted: an account it only reposts is no one it
        # talks with (the audit says so too), and may be worth a first reply
        self.contacts = graph.talked_with(account.id)
        self.scores = account_pagerank(graph, account.id)
        positive = np.flatnonzero(self.scores > 0)
        self.order = [int(i) for i in positive[np.argsort(-self.scores[positive], kind="stable")]]
        # What a random jump gives every account of the graph: a candidate below it gets no
        # more from the circle than from chance (docs/connect.md, "How the ranking works": weak links)
        self.floor = (1.0 - DAMPING) / len(graph)
        self.cutoff = as_of - timedelta(days=opts.inactive_days)
        self.excluded: dict[str, int] = {}
        # who was left out for what it posts (reasons.NAMED): named, so a firm can be found
        self.named: dict[str, list[str]] = {}
        self.few = fewest_posts()  # own posts needed to judge voice (broadcast-only)
        # seen only as an id (a reply to a user id): no handle to show
        self.id_only: set[str] = set()
        # contacts left out before their posts were read: read only if the advice needs them
        self.unread_contacts: list[tuple[str, Account]] = []
        # The strongest link of any role: shown scores are relative to it, so that a candidate
        # reads the same with and without --role (relative to the best *shown* one, a vendor
        # read 29 in the full list and 100 under --role vendor). Its raw PageRank, not its
        # weighted score: 100 is the strongest link with a lively voice and conversation, and
        # a lone candidate that never talks with anyone no longer reads as a perfect match.
        # Exact despite the early stop: every unexamined candidate's raw PageRank is below one
        # already seen.
        self.strongest = 0.0
        self.position = 0  # how far down ``order`` the walk has examined
        # the accounts someone of the circle engages (:meth:`_is_weak`), found on first need
        self._engaged_by_circle: set[str] | None = None

    def pagerank(self, node: str) -> float:
        return float(self.scores[self.graph.index[node]])

    @property
    def unexamined(self) -> int:
        """Accounts reached but never examined, the walk having stopped early."""
        return len(self.order) - self.position

    def find_candidates(self, limit: int) -> list[Candidate]:
        """Every candidate that passes the filters, best first; walks only as far as one
        could still enter the first ``limit``."""
        candidates: list[Candidate] = []
        while self.position < len(self.order):
            if self._none_can_enter(candidates, limit):
                break
            chunk = self._next_chunk()
            for (node, acc), (guess, cit) in zip(chunk, self._read(chunk), strict=True):
                candidate = self._weigh(node, acc, guess, cit)
                if candidate is not None:
                    candidates.append(candidate)
            candidates = self._set_aside_crossing(candidates, limit)
        return candidates

    def _set_aside_crossing(self, candidates: list[Candidate], limit: int) -> list[Candidate]:
        """The candidates in :func:`_shown_order`, those of the first ``limit`` whose posts
        often cross a line (:func:`~staffpulse.connect.explain.crosses_often`) left out, or
        under --role any kept last, cautioned. Read only where one could be shown: each post
        takes a moment to read, too long for every candidate of a large circle."""
        candidates.sort(key=_shown_order)
        kept: list[Candidate] = []
        clean = 0
        for read in candidates:
            if read.cautioned or clean >= limit:
                kept.append(read)
                continue
            c = self._count_crossing(read)
            if not crosses_often(c.citizen):
                clean += 1
                kept.append(c)
            elif self.roles.shows_all:
                kept.append(replace(c, cautioned=True))
            else:  # left out for what it posts: it still sets the scale, as --role any shows it
                self.strongest = max(self.strongest, self.pagerank(c.node))
                self._name(CROSSES_LINE, c.account, by_id=c.node in self.id_only)
                self._skip([CROSSES_LINE], c.citizen, c.guess.role if c.guess else None)
        kept.sort(key=_shown_order)
        return kept

    def _count_crossing(self, c: Candidate) -> Candidate:
        """The candidate with its crossing posts counted (:func:`with_crossing`), kept with its
        read so that each chunk's re-sort, later rankings and the explanation count them once."""
        counted = with_crossing(c.citizen)
        if counted is not c.citizen:
            key = (c.node, self.as_of)
            if key in self.reads:
                self.reads[key] = (self.reads[key][0], counted)
            c = replace(c, citizen=counted)
        return c

    def hold_back_unread_contacts(self) -> None:
        """Read the contacts left out unread, so the advice knows what else holds each back
        (--include-contacts alone would bring back no contact that is also inactive)."""
        for start in range(0, len(self.unread_contacts), self.opts.batch):
            chunk = self.unread_contacts[start : start + self.opts.batch]
            for (_, acc), (guess, cit) in zip(chunk, self._read(chunk), strict=True):
                acc_role = guess.role if guess else None
                self.held.add(
                    [CONTACTS, *self._reasons_from_posts(cit, acc_role, acc)],
                    cit.last_post,
                    acc_role,
                    cit.next_post,
                )

    def _none_can_enter(self, candidates: list[Candidate], limit: int) -> bool:
        # Weighted scores never exceed the raw PageRank, so once the next raw score is below
        # the limit-th weighted score, no unexamined candidate can enter the list.
        values = sorted((c.value for c in candidates if not c.cautioned), reverse=True)
        if len(values) < limit:
            return False
        last_in = values[limit - 1]
        return float(self.scores[self.order[self.position]]) < last_in

    def _next_chunk(self) -> list[tuple[str, Account]]:
        """The next batch of candidates that pass the filters needing no posts."""
        chunk: list[tuple[str, Account]] = []
        while self.position < len(self.order) and len(chunk) < self.opts.batch:
            node = self.graph.nodes[self.order[self.position]]
            self.position += 1
            acc = self._filter_without_posts(node)
            if acc is not None:
                chunk.append((node, acc))
        return chunk

    def _weigh(
        self, node: str, acc: Account, guess: RoleGuess | None, cit: Citizen
    ) -> Candidate | None:
        """The candidate with its weighted score, or None when a filter leaves it out."""
        acc_role = guess.role if guess else None  # the best guess, sure or not
        reasons = self._reasons_from_posts(cit, acc_role, acc)
        if not reasons and self._is_weak(node):
            reasons = [self._weak_reason(node)]
        # left out only for what some --role (or --include-job-ads) shows: a weak link is
        # counted as one, never named with an option that would not show it
        if reasons and set(reasons) <= SHOWN_BY_ROLE_OR_ADS:
            if self._is_weak(node):  # no option brings it back: not advised as one
                reasons = [self._weak_reason(node)]
            elif JOB_FEED not in reasons:  # left out for its role alone: it sets the scale
                self.strongest = max(self.strongest, self.pagerank(node))
        if reasons:
            self._name(reasons[0], acc, by_id=node in self.id_only)
            self._skip(reasons, cit, acc_role)
            return None
        w = self.opts.citizen_weight
        parts = [v / 100 for v in (cit.voice, cit.conversation) if v is not None]
        good = sum(parts) / len(parts) if parts else 0.5
        return Candidate(self.pagerank(node) * (1 - w + w * good), node, acc, guess, cit)

    def _name(self, reason: str, acc: Account, by_id: bool = False) -> None:
        """Names the account left out for ``reason`` (:data:`NAMED`), so that a user can find
        whom each count holds: by its handle, else (``by_id``: no handle known) its id."""
        if reason in NAMED:
            said = name_left_out(acc.id, acc.handle, by_id=by_id)
            self.named.setdefault(reason, []).append(said)

    def _skip(
        self, reasons: list[str], cit: Citizen | None = None, role: str | None = None
    ) -> None:
        self.excluded[reasons[0]] = self.excluded.get(reasons[0], 0) + 1
        if cit is None:
            self.held.add(reasons)
        else:
            self.held.add(reasons, cit.last_post, role, cit.next_post)

    def _filter_without_posts(self, node: str) -> Account | None:
        """The filters that need no posts: the node's account, or None when it is left out."""
        if node == self.account.id:
            return None
        if is_anonymized(node):  # no handle to follow, whatever --include-* asks
            self._skip([ANONYMIZED])
            return None
        if node in self.followed:
            self._skip([ALREADY_FOLLOWED])
            return None
        plat = self.account.platform
        known = None if node.startswith("@") else self.store.get_account(plat, node)
        reasons = [CONTACTS] if node in self.contacts and not self.opts.include_contacts else []
        if known is None and not self.opts.include_unseen:
            reasons.append(UNSEEN)
        if reasons and known is not None:
            self._name(CONTACTS, known)
            self.excluded[CONTACTS] = self.excluded.get(CONTACTS, 0) + 1
            self.unread_contacts.append((node, known))
            return None
        if reasons:
            # named by the handle its replies give, else as the stub shows it (an id alone)
            stub = stub_account(plat, node)
            if (handle := self.graph.names.get(node)) is not None:
                stub = Account(platform=plat, id=node, handle=handle)
            by_id = handle is None and stub.handle == node
            self._name(reasons[0], stub, by_id=by_id)
            self._skip(reasons)
            return None
        if known is None and (named := self.graph.names.get(node)) is not None:
            # known by the id its replies answer, and by the handle they name
            return Account(platform=plat, id=node, handle=named)
        if known is None and not node.startswith("@") and not address_in_profile_url(plat, node):
            self.id_only.add(node)
        return known or stub_account(plat, node)

    def _reasons_from_posts(self, cit: Citizen, acc_role: str | None, acc: Account) -> list[str]:
        """Every filter that needs posts and leaves the candidate out, in the order counted."""
        opts = self.opts
        reasons = []
        if cit.posts == 0 and cit.later_posts:
            # every post of it came after the ranking date: not active then (not unseen)
            reasons.append(INACTIVE)
        elif cit.posts == 0 and not opts.include_unseen:
            reasons.append(UNSEEN)
        if cit.last_post is not None and cit.last_post < self.cutoff:
            reasons.append(INACTIVE)
        mostly_ads = posts_mostly_ads(cit, opts.job_bot_share, opts.min_posts_for_bot)
        kind = ad_reason(acc, acc_role, mostly_ads)
        ads = None if opts.include_job_ads else kind
        wanted = self.roles.wanted
        if ads == JOB_FEED and not (wanted and "job_board" in wanted):
            reasons.append(JOB_FEED)
        elif ads == MOSTLY_ADS and self.roles.outsiders_out:  # any --role asked shows it
            reasons.append(MOSTLY_ADS)
        # a feed that says it is automated is a job board whatever the model read in its ads
        feed_asked = kind == JOB_FEED and wanted is not None and "job_board" in wanted
        if wanted is not None and acc_role is None and not feed_asked:
            reasons.append(UNKNOWN_ROLE)  # nothing to read: not known to be another role
        elif wanted is not None and acc_role not in wanted and not feed_asked:
            reasons.append(OTHER_ROLE)
        # One whose posts talk hiring is a hiring manager, a staffing firm's buyer: kept. One
        # with too little to read has no role (None), so "other" was read from a bio or posts:
        # a brand with a bio and no post stored (with --include-unseen) is left out as one
        # with posts is, not listed as "outside hiring" under a line that says those are out
        if self.roles.outsiders_out and acc_role == "other" and not cit.talks_hiring:
            reasons.append(OUTSIDE_HIRING)
        # the faceless corporate feed, left out with the brands (docs/connect.md); not one the
        # account talks with: --include-contacts shows those whatever they post; nor one posting
        # mostly job ads, whose ads are its silence: --include-job-ads shows those
        talked_with = acc.id in self.contacts
        quiet = not mostly_ads and broadcasts_only(cit, self.few)
        if self.roles.outsiders_out and not talked_with and quiet:
            reasons.append(BROADCAST)
        return reasons

    def _read(self, chunk: list[tuple[str, Account]]) -> list[tuple[RoleGuess | None, Citizen]]:
        """The role guess and good-citizen signals of each account of ``chunk``, each read
        once per run (:data:`PostReads`)."""
        unread = [(node, acc) for node, acc in chunk if (node, self.as_of) not in self.reads]
        plat = self.account.platform
        # as of the ranking date: what the account wrote later says nothing of it then
        posts = [read_own_posts(self.store, plat, node, self.as_of) for node, _ in unread]
        guessed = guess_roles(self.model, [acc for _, acc in unread], [r.recent for r in posts])
        roles = [g.role if g else None for g in guessed]  # hiring talk matters for "other"
        signals = citizen_signals(self.text, posts, roles)
        for (node, _), guess, cit in zip(unread, guessed, signals, strict=True):
            self.reads[node, self.as_of] = (guess, cit)
        # Known only by its id and without a post, an account gives the model nothing but
        # the digits of that id: its role is unknown (None), not the model's "other".
        out: list[tuple[RoleGuess | None, Citizen]] = []
        for node, acc in chunk:
            guess, cit = self.reads[node, self.as_of]
            if (given := given_role(self.given_roles, acc)) is not None:
                guess = RoleGuess(given, None, given=True)  # the user's word over the model's
            out.append((None if node in self.id_only and not cit.posts else guess, cit))
        return out

    def _weak_reason(self, node: str) -> str:
        """A weak link the account engages itself is a contact talked with too rarely or
        long ago (kept by --include-contacts), not a stranger."""
        return STALE if node in self.contacts else WEAK

    def _is_weak(self, node: str) -> bool:
        """Below what a random jump gives any account, and engaged by no one in the circle:
        reached only through negligible paths. Checked last: a stale as-of can make a whole
        circle weak, and only the filters before have advice that brings it back."""
        if self.pagerank(node) >= self.floor:
            return False
        if self._engaged_by_circle is None:
            # one pass over the edges: asking each circle member of each weak candidate took
            # 558,000 checks for a circle of 800 (a third of a warm Connect)
            me = self.account.id
            self._engaged_by_circle = {
                dst for src, dst in self.graph.edges if src in self.circle and src != me
            }
        return node not in self._engaged_by_circle
