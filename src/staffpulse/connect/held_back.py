"""What held each candidate connect left out back: the whole set of reasons per candidate,
grouped, that :mod:`staffpulse.connect.advice` turns into advice.

"Left out" counts each candidate once, under the first filter it failed; this record keeps
every reason, so that the advice names the options that bring a group back together (a contact
that is also inactive needs both ``--include-contacts`` and a larger ``--inactive-days``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.connect.reasons import (
    ALREADY_FOLLOWED,
    ANONYMIZED,
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    PERMANENT,
    STALE,
    UNKNOWN_ROLE,
    UNSEEN,
    strongest_permanent,
)

# The reasons an option lifts, in the order connect's filters run (the first of a candidate's
# reasons is the one the "Left out" line counts it under)
ORDER = (CONTACTS, UNSEEN, INACTIVE, OTHER_ROLE, UNKNOWN_ROLE, OUTSIDE_HIRING)


def filter_order(reason: str) -> tuple[int, str]:
    """Sorts reasons as :data:`ORDER` runs them, any other after them."""
    return (ORDER.index(reason) if reason in ORDER else len(ORDER), reason)


@dataclass
class HeldBack:
    """The candidates left out, grouped by the whole set of reasons holding each back."""

    groups: Counter[frozenset[str]] = field(default_factory=Counter)
    last_posts: dict[frozenset[str], list[datetime]] = field(default_factory=dict)
    # of inactive accounts whose posts all come after the ranking date: their first post
    next_posts: dict[frozenset[str], list[datetime]] = field(default_factory=dict)
    # the roles found in each group left out for its role
    roles: dict[frozenset[str], Counter[str]] = field(default_factory=dict)
    anonymized: int = 0  # left out for good, but said: they are why a contact is missing
    # left out for good and neither followed nor talked with (bots, weak links): while there
    # are none, everyone found is someone the account already knows, and the advice says so
    strangers: int = 0
    # of those the "Left out" line counts under a reason an option lifts (its first), the ones
    # a reason no option lifts holds back too, by that reason: why "4 accounts posted nothing"
    # stands beside "6 inactive" (the other 2 also an automated job feed, a broadcast-only one)
    for_good_too: dict[str, Counter[str]] = field(default_factory=dict)

    def add(
        self,
        reasons: Iterable[str],
        last_post: datetime | None = None,
        role: str | None = None,
        next_post: datetime | None = None,
    ) -> None:
        ordered = list(reasons)
        held = frozenset(ordered)
        if ANONYMIZED in held:
            self.anonymized += 1
        if ordered and ordered[0] in ORDER and held & PERMANENT:
            lasting = strongest_permanent(held)
            self.for_good_too.setdefault(ordered[0], Counter())[lasting] += 1
        if not held or held & PERMANENT:
            if held - {ALREADY_FOLLOWED} and not held & {CONTACTS, STALE}:
                self.strangers += 1
            return  # no option brings it back
        self.groups[held] += 1
        if INACTIVE in held and last_post is not None:
            self.last_posts.setdefault(held, []).append(last_post)
        elif INACTIVE in held and next_post is not None:
            self.next_posts.setdefault(held, []).append(next_post)
        if OTHER_ROLE in held and role is not None:  # a role left unknown is a reason apart
            self.roles.setdefault(held, Counter())[role] += 1
