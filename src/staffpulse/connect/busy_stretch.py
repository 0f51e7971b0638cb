"""When an account talked with people most: the ranking date that brings its circle back.

Ranked as of its newest post, an archive whose conversations are years older than that post
(a personal X archive: hundreds of conversations in its first years, and a few posts years
later) finds every contact "talked with too rarely or long ago", and connect said that none of
its options would bring anyone back, though ``--as-of`` within those years does (QA s35). So
when nearly all of its conversations are older than the ranking date, the advice names the end
of its busiest stretch of conversations, with the options that bring someone back then: at
that date an archive's circle is mostly people it talked with whose posts were never imported,
and ``--as-of`` alone said nothing again, only with ``--include-contacts`` and
``--include-unseen`` (QA s35).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from staffpulse.connect.advice import CONTACTS, UNSEEN, HeldBack, Remedy
from staffpulse.connect.choices import ANY_ROLE
from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS, as_of_after
from staffpulse.connect.reasons import FOR_THEIR_ROLE
from staffpulse.next_steps import AS_OF_DAY, INCLUDE_CONTACTS, INCLUDE_UNSEEN, ROLE_ANY
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


# rankings run at the busy date besides the first, to widen the options and to trim them: each
# is a whole ranking
MOST_TRIES = 3


class Ranked(Protocol):
    """What :func:`remedy_at` reads of a ranking: whether it suggests anyone, and why the
    candidates were left out."""

    @property
    def suggestions(self) -> Sequence[object]: ...

    @property
    def held_back(self) -> HeldBack: ...


def remedy_at(rank: Callable[[Remedy], Ranked], busy: datetime) -> Remedy | None:
    """The options that bring someone back as of the day after ``busy`` (``rank``: a ranking
    with a remedy's options), or None when none does. The date alone first; else the options
    that lift every reason holding back the largest group left out then (as
    :mod:`staffpulse.connect.advice` offers them), added to those tried before, until someone
    comes back. Added, not tried one group at a time: on a personal archive the accounts
    that ``--include-contacts`` and ``--include-unseen`` bring back were then held back for
    their role, and the advice named the two options in one run and ``--role any`` only in
    the next (QA s38). At most :data:`MOST_TRIES` rankings besides the first, widening and
    trimming (:func:`_fewest`) alike."""
    _said, day = as_of_after(busy)
    tries = _Tries(rank)
    remedy = Remedy(as_of=day)
    while (ranked := tries.rank(remedy)) is not None:
        if ranked.suggestions:
            return _fewest(tries, remedy)
        wider = _lifting(remedy, ranked.held_back)
        if wider is None:
            return None  # nothing left out that an option brings back
        remedy = wider
    return None


class _Tries:
    """The rankings run at the busy date, each a whole ranking: the first and at most
    :data:`MOST_TRIES` besides it, whether they widen the options or trim them."""

    def __init__(self, rank: Callable[[Remedy], Ranked]) -> None:
        self._rank = rank
        self.left = MOST_TRIES + 1

    def rank(self, remedy: Remedy) -> Ranked | None:
        """The ranking with ``remedy``'s options; None once the rankings allowed are run."""
        if self.left <= 0:
            return None
        self.left -= 1
        return self._rank(remedy)


def _fewest(tries: _Tries, remedy: Remedy) -> Remedy:
    """``remedy`` without each option added to it that ranking shows to be needless: the
    largest group's options are added whole, and where ``--include-unseen`` alone brought
    someone back as of that date the advice also named ``--include-contacts``, which the
    advice of a run with that ``--as-of`` then left out (two hints for one circle, QA s39).
    Options left untried when the rankings allowed are used up stay: they work together."""
    for dropped in ({"include_contacts": False}, {"include_unseen": False}, {"role": None}):
        fewer = replace(remedy, **dropped)
        if fewer == remedy:
            continue
        ranked = tries.rank(fewer)
        if ranked is None:
            break
        if ranked.suggestions:
            remedy = fewer
    return remedy


def _lifting(remedy: Remedy, held: HeldBack) -> Remedy | None:
    """``remedy`` with the options that lift every reason of the largest group ``held``
    leaves out that it does not lift already; None when every group is lifted already."""
    for group, _n in held.groups.most_common():
        wider = replace(
            remedy,
            include_contacts=remedy.include_contacts or CONTACTS in group,
            include_unseen=remedy.include_unseen or UNSEEN in group,
            role=ANY_ROLE if group & FOR_THEIR_ROLE else remedy.role,
        )
        if wider != remedy:
            return wider
    return None


def remedy_options(remedy: Remedy) -> list[str]:
    """The options of a remedy as the command line takes them: ``--as-of 2016-04-16``,
    ``--include-contacts``."""
    named = [AS_OF_DAY.say(day=f"{remedy.as_of:%Y-%m-%d}")] if remedy.as_of else []
    if remedy.include_contacts:
        named.append(INCLUDE_CONTACTS.say())
    if remedy.include_unseen:
        named.append(INCLUDE_UNSEEN.say())
    if remedy.role == ANY_ROLE:
        named.append(ROLE_ANY.say())
    return named


def rerun_options(
    remedy: Remedy,
    role: str | None,
    inactive_days: int,
    *,
    include_contacts: bool = False,
    include_unseen: bool = False,
) -> list[str]:
    """The ranking's options with the remedy's applied, as connect takes them, for a command
    the user can copy whole (``--role any --as-of 2016-04-16 --include-contacts``): the
    options given before (``role``, ``inactive_days``, the includes) that the remedy keeps."""
    chosen = role if remedy.role is None else (remedy.role or None)
    args = ["--role", chosen] if chosen else []
    if remedy.as_of is not None:
        args += ["--as-of", f"{remedy.as_of:%Y-%m-%d}"]
    days = remedy.inactive_days or inactive_days
    if days != DEFAULT_INACTIVE_DAYS:
        args += ["--inactive-days", str(days)]
    if include_contacts or remedy.include_contacts:
        args.append(INCLUDE_CONTACTS.say())
    if include_unseen or remedy.include_unseen:
        args.append(INCLUDE_UNSEEN.say())
    return args
