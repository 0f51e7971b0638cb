"""When an account talked with people most: the ranking date that brings its circle back.

Ranked as of its newest post, an archive whose conversations are years older than that post
(a personal X archive: hundreds of conversations in its first years, and a few posts years
later) finds every contact "talked with too rarely or long ago", and connect said that none of
its options would bring anyone back, though ``--as-of`` within those years does (QA s35). So
when nearly all of its conversations are older than the ranking date, the advice names the end
of its busiest stretch of conversations.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from staffpulse.store import Store
from staffpulse.store.codec import parse_time

# At most this share of the conversations in the days before the ranking date, and of those of
# its busiest stretch: they are "mostly older" than it (an account with a fifth of them recent is
# better told its options, and so is one that talked as much every season for years: its last
# days held 8% of three years' conversations, and no other date would bring more back)
RECENT_SHARE = 0.1


def busier_date(
    store: Store, platform: str, account_id: str, as_of: datetime, days: float
) -> datetime | None:
    """The end of the ``days``-long stretch in which most of the account's conversations (its
    interactions either way, each at the last time it was seen) fall, the later of equal
    stretches, when at most :data:`RECENT_SHARE` of them, and of that stretch's, fall in the
    ``days`` before ``as_of`` and that stretch ends before them; else None."""
    rows = store.conn.execute(
        "SELECT last_seen FROM interactions WHERE platform = :p AND last_seen IS NOT NULL"
        " AND (source_id = :a OR target_id = :a)",
        {"p": platform, "a": account_id},
    ).fetchall()
    times = sorted(at for row in rows if (at := parse_time(row[0])) is not None)
    width = timedelta(days=days)
    recent = sum(as_of - width <= at <= as_of for at in times)
    if not times or recent > RECENT_SHARE * len(times):
        return None
    best: tuple[int, datetime] | None = None
    start = 0
    for end, at in enumerate(times):
        while times[start] < at - width:
            start += 1
        if best is None or end - start + 1 >= best[0]:
            best = (end - start + 1, at)
    if best is None or recent > RECENT_SHARE * best[0]:
        return None  # as busy lately as ever: the date is not why no one is suggested
    return best[1] if best[1] < as_of - width else None
