"""X serves only the newest 3,200 posts of an account's timeline (:data:`TIMELINE_CAP`): a run
that has more than that to read since the last one cannot reach the older of them, and X ends
its pages there as if it had no more. Without a word the gap between the two runs would be
closed as read; this says which days it holds and that only the account's X archive has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.fetch.cursors import Gap, min_id
from staffpulse.fetch.resume import unread_days
from staffpulse.fetch.x_costs import TIMELINE_CAP
from staffpulse.sources.x_ids import time_of_tweet_id
from staffpulse.store import Store

# X counts posts since deleted or withheld toward its 3,200 and serves them no more: a
# timeline it ended within a tenth of that depth ended at its limit, not at the last run's posts
REACHED_SHARE = 0.9


@dataclass
class TimelineReach:
    """The ranges of one timeline fetch that X ended (no next page) short of a lower bound:
    each one's bound and the oldest post read in it."""

    store: Store
    account_id: str
    handle: str
    oldest: dict[tuple[str | None, str | None], str | None] = field(default_factory=dict)
    ended: list[tuple[str, str]] = field(default_factory=list)

    def page(self, since_id: str | None, until_id: str | None, ids: list[str], more: bool) -> None:
        """Note a page read of the range ``(since_id, until_id)``; ``more``: X has a next one."""
        key = (since_id, until_id)
        self.oldest[key] = min_id(self.oldest.get(key), *ids)
        reached = self.oldest[key] or until_id  # a range X served nothing of: its upper end
        if not more and since_id and reached:
            self.ended.append((since_id, reached))

    def depth(self, post_id: str) -> int:
        """How many of the account's stored posts are as new as ``post_id`` or newer."""
        row = self.store.conn.execute(
            "SELECT COUNT(*) FROM posts WHERE platform = 'x' AND author_id = ?"
            " AND (length(id) > length(?) OR (length(id) = length(?) AND id >= ?))",
            (self.account_id, post_id, post_id, post_id),
        ).fetchone()
        return int(row[0])

    def notes(self) -> list[str]:
        """What X's limit left out of this run, one note a range it cut."""
        return [
            out_of_reach_note(self.handle, time_of_tweet_id(since_id), time_of_tweet_id(oldest))
            for since_id, oldest in self.ended
            if self.depth(oldest) >= TIMELINE_CAP * REACHED_SHARE
        ]


def out_of_reach_note(handle: str, since_at: datetime | None, until_at: datetime | None) -> str:
    """That the posts between ``since_at`` (the last run's newest) and ``until_at`` (the
    oldest X served) are beyond what X serves, by their days, and where to get them."""
    gap = Gap(TIMELINE_CAP, since_at, until_at, resumed=False)
    return (
        f"X serves only the newest {TIMELINE_CAP:,} posts of an account, and @{handle} wrote"
        f" more since the last fetch: any of its posts before those, {unread_days(gap)}, are"
        " beyond what X serves, so no fetch can get them; import its X archive for them"
        " (staffpulse import FILE)"
    )
