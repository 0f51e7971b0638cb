"""What connect hands back: one :class:`Suggestion` per account worth following, and the
:class:`SuggestReport` around them (what was left out, how far the ranking looked, notes).

Kept apart from the ranking (:mod:`staffpulse.connect.suggest`) so that renderers, exports and
the web read the results without the ranking's machinery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from staffpulse.connect.advice import DEFAULT_INACTIVE_DAYS, HeldBack, Ranking, Remedy, next_step
from staffpulse.connect.citizen import RoleGuess, fewest_posts, judges_voice
from staffpulse.connect.explain import RECENT_DAYS
from staffpulse.connect.explanation import ROLE_UNKNOWN, Explanation
from staffpulse.connect.id_only import id_only_note
from staffpulse.connect.left_out import left_out_parts, left_out_text
from staffpulse.connect.score_text import format_score as format_score
from staffpulse.connect.ties import SharedRank, shared_ranks
from staffpulse.dates import format_day, plausible_post_sql
from staffpulse.handles import DID_RE, X_HANDLE_RE, parse_handle
from staffpulse.models import Account
from staffpulse.report.links import safe_link
from staffpulse.store import Store
from staffpulse.store.codec import format_time, parse_time

# a Mastodon address whose instance is a public domain ("jane@hr.social"), and a Bluesky
# domain handle ("rosa.bsky.social"): each names its profile page
_MASTODON_ADDRESS = re.compile(r"^([A-Za-z0-9_]+)@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})$")
_BLUESKY_HANDLE = re.compile(r"^(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")


def _mastodon_link(handle: str) -> str:
    """The profile page a Mastodon address on a public domain names, else ""."""
    if found := _MASTODON_ADDRESS.match(handle):
        return f"https://{found.group(2).lower()}/@{found.group(1)}"
    return ""


def bluesky_profile_link(handle: str, did: str) -> str:
    """``https://bsky.app/profile/<handle or DID>``, the one Bluesky profile link that the CSV,
    ``--json``, the web and the ``bluesky-handles`` export all give: by the domain handle, in
    lower case as Bluesky resolves it ("Rosa.bsky.social" is rosa.bsky.social), else by the DID
    (which bsky.app opens too, and which outlives a handle), else "" (a bare "rosa" names no
    profile: bsky.app answers "profile not found")."""
    if handle and _BLUESKY_HANDLE.match(handle):
        return f"https://bsky.app/profile/{handle.lower()}"
    return f"https://bsky.app/profile/{did}" if DID_RE.match(did) else ""


TALKS_HIRING = "talks hiring"
"""The role shown for a hiring manager: role ``other`` whose own posts talk hiring."""


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
    score: float  # 0-100: a share of the strongest link of any role, weighed by voice and talk
    pagerank: float
    voice: int | None
    conversation: int | None
    via: tuple[str, ...]  # handles of circle members who engage this account
    reasons: Explanation  # why, in parts: said by ``explanation`` and ``why``
    account: Account | None = field(default=None, compare=False, repr=False)
    # False for an account seen only by its id (a reply to a user id, a follow edge): its
    # ``handle`` is then that id, and ``as_dict`` gives an empty handle (as the CSV does), so
    # that a script never takes the id for a handle
    handle_known: bool = True
    role_score: float | None = None  # the model's score of ``role`` (0-1); None: not given
    # own posts ``voice`` and ``conversation`` were read from (None: untold); below
    # ``min_posts`` they are too few to judge (see voice_judged)
    judged: int | None = None
    # the user's [audit] min_posts when this was ranked (None: read it when asked)
    min_posts: int | None = None
    # role "other" kept because its own posts talk hiring (connect.hiring_talk): a hiring
    # manager, whose role column says so rather than "maybe outside hiring"
    talks_hiring: bool = False
    role_given: bool = False  # the role is the user's cohort file's (connect.cohort_roles)

    @property
    def voice_judged(self) -> bool:
        """Whether ``voice`` and ``conversation`` come from enough own posts to be given: when
        not, ``--json`` gives both as null, the CSV leaves both cells empty and the
        explanation (the terminal, the web) says "too few to judge"."""
        few = fewest_posts() if self.min_posts is None else self.min_posts
        return judges_voice(self.judged, few)

    @property
    def role_text(self) -> str:
        """The role as shown: ``vendor``, ``maybe vendor`` below the bar, "" when unknown;
        ``talks hiring`` for an account outside the trade kept for its hiring talk (the line
        then tells how many of its posts), not the ``maybe outside hiring`` that read as a
        reason to skip it."""
        if self.role == "other" and self.talks_hiring:
            return TALKS_HIRING
        return RoleGuess(self.role, self.role_score, self.role_given).label if self.role else ""

    @property
    def role_cell(self) -> str:
        """:attr:`role_text`, else ``role unknown`` where the line says it (as the terminal)."""
        return self.role_text or (ROLE_UNKNOWN if self.reasons.role_unknown else "")

    @property
    def explanation(self) -> str:
        """Why, in one line: ``recruiter · 2 people in your circle replied to them``."""
        return self.reasons.text()

    @property
    def why(self) -> str:
        """The explanation beside a cell that shows :attr:`role_text` (the dashboard's Connect
        page), without saying the role again (:meth:`Explanation.beside_role`)."""
        return self.reasons.beside_role()

    @property
    def score_text(self) -> str:
        """The score as shown: ``100.0``, ``17.4``, ``2.4``, ``0.3``, ``<0.1``. A far weaker
        suggestion than the best keeps a visible non-zero score instead of reading ``0``."""
        return format_score(self.score)

    @property
    def link(self) -> str:
        """An http(s) link to the account, the one ``--json``, the CSV and the web all give: the
        stored one, else the platform's address for a valid handle (X, Bluesky, a Mastodon
        user@instance), else, for an account known only by its id, the platform's address by
        id where it has one; "" when there is none (a ``javascript:`` or ``data:`` URL from an
        import is never given)."""
        link = safe_link(self.url)
        if link is not None:
            return link
        handle = self.handle.lstrip("@") if self.handle_known else ""
        # an account only mentioned has no stored address: a consultant's CSV of Mastodon
        # and Bluesky suggestions had an empty url column where the handle gives one
        if self.platform == "bluesky":
            return bluesky_profile_link(handle, self.account_id)
        if self.platform == "mastodon":
            return _mastodon_link(handle)
        if self.platform == "x" and self.handle_known:
            return f"https://x.com/{handle}" if X_HANDLE_RE.match(handle) else ""
        if self.platform == "x" and self.account_id.isascii() and self.account_id.isdigit():
            # X's address by numeric id: it opens the profile under its current handle
            return f"https://x.com/i/user/{self.account_id}"
        return ""

    @property
    def label(self) -> str:
        """How to show the account: ``@handle``, or its id when no handle is stored."""
        return f"@{self.handle}" if self.handle_known else f"account id {self.account_id}"

    def as_dict(self, shared: SharedRank | None = None) -> dict[str, Any]:
        """For ``--json``; ``shared`` is its rank among the others (:func:`shared_ranks`):
        a tie shares one rank, as in the CSV, where the terminal shows ``=2``."""
        judged = self.voice_judged
        return {
            "rank": self.rank if shared is None else shared.rank,
            "tied_with": 0 if shared is None else shared.tied_with,  # others of that rank
            "platform": self.platform,
            "id": self.account_id,
            "handle": self.handle if self.handle_known else "",
            "display_name": self.display_name,
            "url": self.link or None,  # as the CSV: https://x.com/handle when none is stored
            "role": self.role,
            "role_score": None if self.role_score is None else round(self.role_score, 2),
            "role_sure": None if self.role is None else RoleGuess(self.role, self.role_score).sure,
            "score": float(f"{self.score:.3g}"),  # 3 significant digits: 0.00047, not 0.0
            "pagerank": self.pagerank,
            "voice": self.voice if judged else None,
            "conversation": self.conversation if judged else None,
            "own_posts": self.judged,  # read for voice and conversation (null: untold)
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
    excluded: dict[str, int] = field(default_factory=dict)  # by the first reason each failed
    left_out_names: dict[str, list[str]] = field(default_factory=dict)  # reasons.NAMED
    notes: list[str] = field(default_factory=list)
    held_back: HeldBack = field(default_factory=HeldBack)  # by every reason (for the advice)
    ranking: Ranking | None = None
    # The ranking stops once no unexamined candidate can make the list: "excluded" counts
    # only the ``looked_at`` nearest of the ``reached`` candidates (0: not counted)
    looked_at: int = 0
    reached: int = 0
    # the advice when nothing is suggested, its options tried by the ranking (None: built
    # from the counts when asked, for a report made by hand)
    advice: str | None = None
    # the options that advice names as one set, tried and found to suggest someone (a page
    # offers them as one link that fills its fields); None when the advice names no such set
    retry: Remedy | None = None
    # every candidate that passed the filters, shown or not; when the ranking stopped early
    # (``candidates_exact`` False) the accounts it never read may add more, so it is a floor:
    # counting them all would read every reached account's posts, the cost the stop saves
    candidates: int = 0
    candidates_exact: bool = True

    def said_notes(self, folded: int = 0) -> list[str]:
        """The notes as said: the ranking's own, then, when some suggestions are known only by
        their id, the note that tells how to see who each is (``folded``: how many of them a
        table counts in one row instead of showing: :func:`id_only_note`)."""
        unnamed = id_only_note(self.suggestions, folded)
        return [*self.notes, unnamed] if unnamed is not None else list(self.notes)

    @property
    def shown_of(self) -> ShownOf | None:
        """How many suggestions are shown of how many passed the filters, and how many to ask
        for to see more; None when every one is shown (or there are none)."""
        shown = len(self.suggestions)
        total = max(self.candidates, shown)  # a report made by hand counts its suggestions
        if shown == 0 or (self.candidates_exact and total == shown):
            return None
        return ShownOf(shown, total, self.candidates_exact)

    @property
    def as_of_line(self) -> str | None:
        """``Ranked as of 3 Nov 2024 (...)`` unless ranked as of today: "this month" in the
        reasons meant that date's month, which the terminal never named (a 2024 feed)."""
        if self.as_of.astimezone(UTC).date() == datetime.now(UTC).date():
            return None
        given = self.ranking is not None and self.ranking.as_of_given
        why = "" if given else " (the newest post of the account or the people it talks with)"
        month = f'"this month" is the {RECENT_DAYS} days before'
        return f"Ranked as of {format_day(self.as_of)}{why}: {month}"

    @property
    def left_out_line(self) -> str:
        """``Left out: 2 already followed, 1 inactive`` when every candidate reached was
        looked at; else it says the counts are of the nearest ones only (they grow with
        ``--limit``), so that they do not read as totals."""
        counts = left_out_text(self.excluded, self.left_out_names)
        if not counts or self.looked_at >= self.reached:
            return f"Left out: {counts}" if counts else ""
        return (
            f"Left out among the {self.looked_at:,} nearest of the {self.reached:,} accounts "
            f"reached (the ranking stops once the list is settled): {counts}"
        )

    @property
    def next_step(self) -> str | None:
        """What to do when there is nothing to suggest: the options that bring back the
        largest groups of left-out candidates (:mod:`staffpulse.connect.advice`)."""
        if self.suggestions:
            return None
        if self.advice is not None:
            return self.advice
        account = self.account
        run = self.ranking or Ranking(
            f"@{account.handle}", account.platform, self.as_of, True, DEFAULT_INACTIVE_DAYS, None
        )
        held = self.held_back
        if not held.groups and self.excluded:  # a report built by hand: its counts are all
            held = HeldBack()
            for reason, n in self.excluded.items():
                for _ in range(n):
                    held.add([reason])
        return next_step(held, run)

    def as_dict(self) -> dict[str, Any]:
        # left out by reason: ``excluded`` counts them under names for scripts
        # ("job_ad_bot"); ``excluded_reasons`` adds the words people read ("3 job-ad bots")
        left_out = left_out_parts(self.excluded, self.left_out_names)
        return {
            "account": {"platform": self.account.platform, "handle": self.account.handle},
            "as_of": format_time(self.as_of),
            "circle_size": self.circle_size,
            "excluded": {part["reason"]: part["count"] for part in left_out},
            "excluded_reasons": left_out,
            "looked_at": self.looked_at,
            "reached": self.reached,
            "next_step": self.next_step,
            # shown of how many passed the filters; "candidates" is a floor when not exact
            "shown": len(self.suggestions),
            "candidates": max(self.candidates, len(self.suggestions)),
            "candidates_exact": self.candidates_exact,
            "notes": self.said_notes(),
            "suggestions": [
                s.as_dict(shared)
                for s, shared in zip(self.suggestions, shared_ranks(self.suggestions), strict=True)
            ],
        }


@dataclass(frozen=True, slots=True)
class ShownOf:
    """``shown`` suggestions of ``total`` candidates (at least ``total`` unless ``exact``)."""

    shown: int
    total: int
    exact: bool

    @property
    def ask_for(self) -> int:
        """The list size that shows them all, or, past a floor, that looks further."""
        return self.total if self.total > self.shown else self.shown * 2

    def line(self, ask: str, most: int | None = None) -> str:
        """``Showing 20 of 55 suggestions: ASK shows them all``; ``ask`` is how the reader asks
        for :attr:`ask_for` of them (``--limit 55`` in a terminal, the form's words on a page)
        or, past ``most`` (the largest list the reader can ask for), for ``most``."""
        if self.exact and most is not None and self.total > most:
            return f"Showing {self.shown:,} of {self.total:,} suggestions: {ask} shows more"
        if self.exact:
            return f"Showing {self.shown:,} of {self.total:,} suggestions: {ask} shows them all"
        settled = "the ranking stops reading accounts once the list is settled"
        if self.total > self.shown:
            return (
                f"Showing {self.shown:,} of at least {self.total:,} suggestions ({settled}): "
                f"{ask} shows more"
            )
        noun = "suggestion" if self.shown == 1 else "suggestions"
        return (
            f"Showing the top {self.shown:,} {noun}; more accounts may pass the filters "
            f"({settled}): {ask} looks further"
        )


# a post's date when it can be right: one dated 9999-12-31 made "as of" a date out of range
_DATED = f"CASE WHEN {plausible_post_sql()} THEN created_at END"


def latest_post_time(store: Store, platform: str, author_id: str | None = None) -> datetime | None:
    """The newest post stored on ``platform`` (by ``author_id`` when given), of those dated
    when a post can have been written (:func:`staffpulse.dates.plausible_post_sql`)."""
    row = store.conn.execute(
        f"SELECT MAX({_DATED}) FROM posts WHERE platform = ? AND (? IS NULL OR author_id = ?)",
        (platform, author_id, author_id),
    ).fetchone()
    return parse_time(row[0]) if row and row[0] else None


def latest_activity_time(store: Store, platform: str, account_id: str) -> datetime | None:
    """The newest post of the account or of its circle (everyone it replied to, mentioned,
    reposted or quoted, or who did so to it): the time its own conversations reach. The audit
    likewise judges an account as of its own last post; the circle counts too because the
    suggestions come from it. Another, newer import on the platform leaves it unchanged."""
    row = store.conn.execute(
        f"""
        WITH circle(id) AS (
            SELECT target_id FROM interactions WHERE platform = :p AND source_id = :a
            UNION SELECT source_id FROM interactions WHERE platform = :p AND target_id = :a
            UNION SELECT :a
        )
        SELECT MAX({_DATED}) FROM posts
        WHERE platform = :p AND author_id IN (SELECT id FROM circle)
        """,
        {"p": platform, "a": account_id},
    ).fetchone()
    return parse_time(row[0]) if row and row[0] else None


def first_interaction_time(store: Store, platform: str, account_id: str) -> datetime | None:
    """When the account's oldest stored interaction (either way) was first seen; None when it
    has none."""
    row = store.conn.execute(
        "SELECT MIN(first_seen) FROM interactions WHERE platform = :p"
        " AND (source_id = :a OR target_id = :a)",
        {"p": platform, "a": account_id},
    ).fetchone()
    return parse_time(row[0]) if row and row[0] else None


def address_in_profile_url(platform: str, account_id: str) -> str | None:
    """``user@instance`` for a Mastodon account stored under its profile URL
    (``https://instance/@user``, as a reply to an unfetched account leaves it): the URL *is*
    the address, so it is shown and exported as one. None for any other id."""
    if platform != "mastodon" or not account_id.lower().startswith(("https://", "http://")):
        return None
    try:
        _platform, handle = parse_handle(account_id, "mastodon")
    except ValueError:
        return None
    return handle


def stub_account(platform: str, node: str) -> Account:
    """An account known only as a node of the graph (an id, ``@name`` or a Mastodon profile
    URL), so it can still be shown and followed."""
    address = address_in_profile_url(platform, node)
    if address is not None:  # a Mastodon profile URL: its address is its handle
        return Account(platform=platform, id=node, handle=address, url=node)
    handle = node[1:] if node.startswith("@") else node
    return Account(platform=platform, id=node, handle=handle)
