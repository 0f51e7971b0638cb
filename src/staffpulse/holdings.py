"""What a store holds, for a command or page that has nothing of its own to show.

Each view needs a different part of the store: the inbox needs posts (anyone's), the grading
views (accounts, benchmark, audit, connect) need accounts with posts of their own. A store
filled by ``listen bluesky --from FILE`` holds posts and no account (a recording of posts
carries no profile), so "the store has no account with posts yet" told a user that listening
kept nothing while the inbox had conversations to offer. The dashboard's pages
(:mod:`staffpulse.web.holdings`) and the terminal's benchmark say the same counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from staffpulse.models import platform_label
from staffpulse.report.counts import count_of, join_and


@dataclass(frozen=True)
class Holdings:
    """Counts of what a store holds, as a view that cannot show its own part tells them."""

    posts: tuple[tuple[str, int], ...]  # (platform, posts), busiest first
    accounts: int  # profiles, with posts or known only by name
    graded: int  # accounts with posts of their own: what the grading views need
    follows: int

    @property
    def post_total(self) -> int:
        return sum(n for _platform, n in self.posts)

    @property
    def is_empty(self) -> bool:
        return not (self.post_total or self.accounts or self.follows)

    def posts_said(self) -> str:
        """ "336 Bluesky posts", "40 X posts and 12 Bluesky posts"."""
        return join_and([count_of(n, f"{platform_label(p)} post") for p, n in self.posts])

    def others_said(self) -> str:
        """What the store holds besides posts: "12 accounts known only by name and 300
        follows", or "" when nothing."""
        parts = []
        if self.accounts:
            parts.append(
                count_of(self.accounts, "account")
                + (" known only by name" if not self.graded else "")
            )
        if self.follows:
            parts.append(count_of(self.follows, "follow"))
        return join_and(parts)


def holdings_of(stats: dict[str, Any], graded: int) -> Holdings:
    """The holdings in a store's counts (:meth:`~staffpulse.store.Store.stats`), with
    ``graded`` accounts that have posts of their own."""
    posts = sorted(
        ((platform, sum(kinds.values())) for platform, kinds in stats["posts"].items()),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return Holdings(
        posts=tuple((p, n) for p, n in posts if n),
        accounts=sum(stats["accounts"].values()),
        graded=graded,
        follows=sum(stats["follows"].values()),
    )
