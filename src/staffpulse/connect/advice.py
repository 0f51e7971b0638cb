"""What to do when connect has nothing to suggest, from *every* reason each candidate was left
out for.

"Left out" counts each candidate once, under the first filter it failed. Advice built on those
counts alone misleads: accounts counted as "already talking with" may also have no stored post,
so ``--include-contacts`` alone brings none of them back, and the next run calls the same
accounts "never seen". So suggest.py records all the reasons that hold each candidate back
(:class:`~staffpulse.connect.held_back.HeldBack`) and the advice names (each group's sentence:
:mod:`~staffpulse.connect.group_advice`), for the largest groups first, the options that would
bring that group back together: ``--include-contacts``, ``--include-unseen`` (or importing
their posts), ``--inactive-days``/``--as-of`` for accounts silent as of the ranking date, and a
wider ``--role`` (or ``--role any`` for the accounts of role other, left out by default).
Candidates that no option brings back (already followed, job-ad bots) get no advice. Only the
option that brings back the largest group is named, then how many more are left out and where
the other options are: on a real account every group named made a 110-word wall of option lists.
A group held back by some of the largest group's reasons only comes first, since fewer of the
same options show someone.

Even the options of a group's every reason may bring back nothing: a changed ``--as-of``
changes the graph (an earlier date drops the later edges that linked the group), and an
account brought back by one filter can fall to another (a weak link). So each piece of advice
carries its options as a :class:`Remedy`, and the ranking tries it (``works``) before the
advice offers it; a group none of whose remedies works gets no advice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from staffpulse.connect.advice_words import others_held_too
from staffpulse.connect.group_advice import FETCH_HOW, group_steps

# Re-exported: the record of what held each candidate back, which callers import from here
from staffpulse.connect.held_back import ORDER as ORDER
from staffpulse.connect.held_back import HeldBack as HeldBack
from staffpulse.connect.held_back import filter_order

# Re-exported: the bound belongs with the ways of reaching back, callers import it from here
from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS as DEFAULT_INACTIVE_DAYS
from staffpulse.connect.reach_back import MOST_INACTIVE_DAYS as MOST_INACTIVE_DAYS

# Re-exported: the reasons are defined once (connect.reasons), callers import them from here too
from staffpulse.connect.reasons import ALREADY_FOLLOWED as ALREADY_FOLLOWED
from staffpulse.connect.reasons import ANONYMIZED as ANONYMIZED
from staffpulse.connect.reasons import BROADCAST as BROADCAST
from staffpulse.connect.reasons import CONTACTS as CONTACTS
from staffpulse.connect.reasons import INACTIVE as INACTIVE
from staffpulse.connect.reasons import JOB_FEED as JOB_FEED
from staffpulse.connect.reasons import MOSTLY_ADS as MOSTLY_ADS
from staffpulse.connect.reasons import OTHER_ROLE as OTHER_ROLE
from staffpulse.connect.reasons import OUTSIDE_HIRING as OUTSIDE_HIRING
from staffpulse.connect.reasons import PERMANENT as PERMANENT
from staffpulse.connect.reasons import STALE as STALE
from staffpulse.connect.reasons import UNKNOWN_ROLE as UNKNOWN_ROLE
from staffpulse.connect.reasons import UNSEEN as UNSEEN
from staffpulse.connect.reasons import WEAK as WEAK

# Re-exported: what the advice is about and offers, which callers import from here
from staffpulse.connect.remedy import Advice as Advice
from staffpulse.connect.remedy import Ranking as Ranking
from staffpulse.connect.remedy import Remedy as Remedy
from staffpulse.connect.remedy import Works as Works
from staffpulse.dates import format_day
from staffpulse.next_steps import (
    ANY_CONNECT_OPTION,
    EVEN_WITH_CONTACTS,
    INCLUDE_CONTACTS,
    OTHER_CONNECT_OPTIONS,
    USE_OPTIONS,
)
from staffpulse.report.counts import count_of, join_or

MOST_STEPS = 1  # said in full; the groups after it are counted, not listed
MOST_TRIES = 8  # rankings run to check advice: each is a whole ranking


def next_step(held: HeldBack, run: Ranking, works: Works | None = None) -> str:
    """The advice's words alone (:func:`choose_advice`)."""
    return choose_advice(held, run, works).text


def choose_advice(held: HeldBack, run: Ranking, works: Works | None = None) -> Advice:
    """One sentence per group of held-back candidates, the largest groups first; with
    ``works``, only options it confirms bring someone back (at most :data:`MOST_TRIES`
    rankings are run), and the first of those as the advice's remedy."""
    trials = _Trials(works)
    steps, more, remedy = _choose_steps(held, run, trials)
    remedy = remedy if works is not None else None
    offered = bool(steps)
    known = _only_known_left(held)
    if known and offered and set(held.groups) == {frozenset({CONTACTS})}:
        # the one group is the people it talks with: said as such, with where new names come from
        n = held.groups[frozenset({CONTACTS})]
        text = (
            f"everyone found around {run.who} is already followed or already talking with "
            f"you; to see the {n:,} you talk with, {USE_OPTIONS.say(options=INCLUDE_CONTACTS.say())}; "
            "for new names, "
            f"import conversations that mention or reply to {run.who}."
        )
        return Advice(text, remedy)
    if more:  # counted only after a step was chosen
        steps.append(f"for {more:,} more left out, {OTHER_CONNECT_OPTIONS.say()}")
    _say_fetch_how_once(steps)
    if held.anonymized and not offered:  # else the "Left out" line counts them
        steps.append(_anonymized(held.anonymized))
    import_around = (
        f"import posts that mention or reply to {run.who}, or the posts of the people it talks with"
    )
    if not offered and works is not None and held.groups:
        # the options were tried and bring no one back: what to do instead comes first, then
        # that they bring no one back, so that no one tries them
        left = sum(held.groups.values())
        if known:
            return Advice(_known_but_unranked(held, run, left, trials.capped), None)
        tried_how = (
            f"the {len(trials.tried)} options tried" if trials.capped else ANY_CONNECT_OPTION.say()
        )
        steps.insert(
            0,
            f"{import_around} (suggestions come from the conversations around it): none of the "
            f"{count_of(left, 'account')} left out for {_held_for(held)} as of {format_day(run.as_of)} "
            f"would come back with {tried_how}",
        )
    elif not steps:
        steps.append(f"{import_around}: suggestions come from the conversations around it")
    return Advice("; ".join(steps) + ".", remedy)


@dataclass
class _Trials:
    """The remedies ranked so far to check them (each a whole ranking: at most
    :data:`MOST_TRIES`), and whether some option went untried, in which case "none brings
    anyone back" would be a guess. Without ``works`` every remedy passes untried."""

    works: Works | None
    tried: dict[Remedy, bool] = field(default_factory=dict)
    capped: bool = False

    @property
    def used_up(self) -> bool:
        return self.works is not None and len(self.tried) >= MOST_TRIES

    def all_work(self, remedies: list[Remedy]) -> bool:
        if self.works is None:
            return True
        for remedy in remedies:
            if remedy not in self.tried:
                if len(self.tried) >= MOST_TRIES:
                    self.capped = True
                    return False
                self.tried[remedy] = self.works(remedy)
            if not self.tried[remedy]:
                return False
        return True


def _choose_steps(
    held: HeldBack, run: Ranking, trials: _Trials
) -> tuple[list[str], int, Remedy | None]:
    """For each group, largest first, the first advice whose remedies work, until
    :data:`MOST_STEPS` are found; how many accounts the groups after them hold (their
    options are not tried: each try is a whole ranking, and they are not named); and the
    advice's first remedy."""
    ranked = sorted(
        held.groups.items(),
        # of groups as large, the one with fewer reasons: fewer options to name
        key=lambda item: (
            -item[1],
            len(item[0]),
            [ORDER.index(r) for r in sorted(item[0], key=ORDER.index)],
        ),
    )
    steps: list[str] = []
    more = 0
    chosen: Remedy | None = None
    for group, n in _subsets_first(ranked):
        if len(steps) >= MOST_STEPS:
            more += n
            continue
        if trials.used_up:
            trials.capped = True
            break
        for text, remedies in group_steps(group, n, held, run):
            if trials.all_work(remedies):
                steps.append(text + _others_too(group, n, held))
                chosen = chosen or remedies[0]
                break
    return steps, more, chosen


def _subsets_first(
    ranked: list[tuple[frozenset[str], int]],
) -> list[tuple[frozenset[str], int]]:
    """``ranked`` with each group's proper subsets found among them just before it, fewest
    reasons first: their options are some of its own and show someone too, so the advice asks
    no more than needed (a care desk's "--role any and --inactive-days 319" where "--role any"
    alone showed a list)."""
    out: list[tuple[frozenset[str], int]] = []
    for group, n in ranked:
        subsets = sorted(
            ((sub, k) for sub, k in ranked if sub < group),
            key=lambda item: (len(item[0]), -item[1]),
        )
        out += [item for item in [*subsets, (group, n)] if item not in out]
    return out


def _others_too(group: frozenset[str], n: int, held: HeldBack) -> str:
    """For a group held back by one reason, the others the "Left out" line counts under it
    (each held back by another reason too), so that its count and the advice's agree."""
    if len(group) != 1:
        return ""
    (reason,) = group
    counted = sum(k for g, k in held.groups.items() if g and min(g, key=filter_order) == reason)
    for_good = held.for_good_too.get(reason, Counter())
    said = others_held_too(reason, n, counted + sum(for_good.values()), for_good)
    return f"; {said}" if said else ""


def _say_fetch_how_once(steps: list[str]) -> None:
    """Keep how to fetch a list in the first step that says it, and drop it from the rest."""
    said = False
    for i, step in enumerate(steps):
        if FETCH_HOW in step:
            steps[i] = step.replace(" " + FETCH_HOW, "") if said else step
            said = True


# why the accounts an option could bring back were left out, as "none of the 525 accounts
# left out for …" says it
_HELD_FOR = {
    CONTACTS: "talking with you",
    UNSEEN: "having no posts in the store",
    INACTIVE: "being inactive",
    OTHER_ROLE: "having another role",
    UNKNOWN_ROLE: "having too little to read to tell their role",
    OUTSIDE_HIRING: "being outside hiring",
}


def _held_for(held: HeldBack) -> str:
    """ "talking with you or being inactive": why the accounts of ``held.groups`` were left
    out, each by the first of its reasons (ORDER is the order connect's filters run in), as the
    "Left out" line counts them. Those left out for good (already followed, job-ad bots) are not
    among them; unnamed, "525 accounts left out" would not add up to that line."""
    reasons = {min(group, key=filter_order) for group in held.groups if group}
    words = [_HELD_FOR.get(r, r) for r in sorted(reasons, key=filter_order)]
    return join_or(words)


def _only_known_left(held: HeldBack) -> bool:
    """Every account left out is already followed or already talked with."""
    return (
        bool(held.groups)
        and not held.strangers
        and not held.anonymized
        and all(CONTACTS in group for group in held.groups)
    )


def _known_but_unranked(held: HeldBack, run: Ranking, left: int, capped: bool) -> str:
    """Everyone found is known already, and even with the people it talks with shown (and
    whatever else holds them back lifted) none of them can be ranked."""
    why = ""
    if all(UNSEEN in group for group in held.groups):
        why = " (none of their posts is in the store)"
    even = EVEN_WITH_CONTACTS.say() if not capped else "with the options tried"
    return (
        f"everyone found around {run.who} is already followed or already talking with you, "
        f"and none of the {left:,} you talk with can be shown {even}{why}; for new names, "
        f"import conversations that mention or reply to {run.who}, or the posts of the "
        "people you talk with."
    )


def _anonymized(n: int) -> str:
    """Said, never advised on: no option or fetch brings back someone the data left nameless."""
    were = "was" if n == 1 else "were"
    return (
        f"{count_of(n, 'anonymized account')} without a handle {were} left out: the data "
        "names them only by an id, so they cannot be followed or fetched"
    )
