"""What a ``fetch x`` (or ``refresh``) run will read below an earlier run's cap, said before its
first paid request.

A first run cut by its cap keeps where it stopped (``older``, :meth:`RangeCursor.walk`), and a
later run with a higher cap reads on below it. Leaving ``--max-posts`` out is the highest cap
(X's 3,200), so a plain re-run of a test run (``--max-posts 50``) reads thousands of older
posts where the same command used to read only the newest few: the estimate printed first
is the same either way, so that spending is said before the run starts, with how to avoid it.
"""

from __future__ import annotations

from collections.abc import Callable

from staffpulse.errors import StaffpulseError
from staffpulse.fetch.cursors import load_cursor_state
from staffpulse.fetch.x_costs import MENTIONS_CAP, TIMELINE_CAP, Rates, money
from staffpulse.report.counts import count_of
from staffpulse.store import Store

#: how to read only new posts, said from the earlier run's depth of each stream (``timeline``,
#: ``mentions``), or None when there is no way to: the command names its options, a page its
#: fields
Advice = Callable[[dict[str, int]], str | None]
_OPTIONS = {"timeline": "--max-posts", "mentions": "--max-mentions"}


def option_advice(depths: dict[str, int]) -> str:
    """The command's options that read only new posts: "give --max-posts 50 --max-mentions 20"."""
    return "give " + " ".join(f"{_OPTIONS[stream]} {depth}" for stream, depth in depths.items())


def older_reads(store: Store, account_id: str, caps: dict[str, int]) -> dict[str, tuple[int, int]]:
    """For each stream of ``caps`` (``timeline``, ``mentions``: this run's cap) that an
    earlier capped run left older posts in: (that run's depth, the most this run reads below
    it besides new posts). A stream whose cap does not go past the depth reads none of them."""
    found: dict[str, tuple[int, int]] = {}
    for stream, cap in caps.items():
        older = load_cursor_state(store, "x", account_id, stream).get("older")
        if not isinstance(older, dict) or not older.get("until_id"):
            continue
        depth = int(older.get("depth") or 0)
        if cap > depth:
            found[stream] = (depth, cap - depth)
    return found


def older_reads_note(
    store: Store,
    handle: str,
    rates: Rates,
    max_posts: int,
    max_mentions: int,
    *,
    advice: Advice = option_advice,
) -> str | None:
    """The sentence said before a run that reads below an earlier run's cap, None for one that
    does not: "@acme: an earlier run stopped at its cap (50 posts, 20 mentions), so this one
    also reads the older ones it left: up to 3,150 posts and 80 mentions, at most $16.95 of
    the estimate; to fetch only what is new, give --max-posts 50 --max-mentions 20" (the
    last words are ``advice``'s)."""
    try:
        account = store.find_account(handle, "x")
    except StaffpulseError:  # never fetched (or not one account): nothing was left below
        return None
    caps = {"timeline": min(max_posts, TIMELINE_CAP), "mentions": min(max_mentions, MENTIONS_CAP)}
    found = older_reads(store, account.id, {k: v for k, v in caps.items() if v > 0})
    if not found:
        return None
    nouns = {"timeline": "post", "mentions": "mention"}
    per_item = {"timeline": rates.post, "mentions": rates.post + rates.user}
    cost = sum(more * per_item[stream] for stream, (_, more) in found.items())
    held = ", ".join(count_of(depth, nouns[s]) for s, (depth, _) in found.items())
    reads = " and ".join(count_of(more, nouns[s]) for s, (_, more) in found.items())
    how = advice({stream: depth for stream, (depth, _) in found.items()})
    return (
        f"@{account.handle}: an earlier run stopped at its cap ({held}), so this one also"
        f" reads the older ones it left: up to {reads}, at most {money(cost)} of the estimate"
        + (f"; to fetch only what is new, {how}" if how else "")
    )
