"""What to do when connect has nothing to suggest, from *every* reason each candidate was left
out for.

"Left out" counts each candidate once, under the first filter it failed. Advice built on those
counts alone misleads: accounts counted as "already talking with" may also have no stored post,
so ``--include-contacts`` alone brings none of them back, and the next run calls the same
accounts "never seen". So suggest.py records all the reasons that hold each candidate back
(:class:`HeldBack`) and the advice names, for the largest groups first, the options that would
bring that group back together: ``--include-contacts``, ``--include-unseen`` (or importing
their posts), ``--as-of``/``--inactive-days`` for accounts silent as of the ranking date, and a
wider ``--role`` (or ``--role any`` for the accounts of role other, left out by default).
Candidates that no option brings back (already followed, job-ad bots) get no advice.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.connect.explain import ROLE_LABELS
from staffpulse.models import platform_name
from staffpulse.report.counts import count_of, join_and

CONTACTS = "already talking with"
UNSEEN = "never seen"
INACTIVE = "inactive"
OTHER_ROLE = "other role"
# role ``other`` (brands, public figures: outside the hiring world), left out unless --role any
OUTSIDE_HIRING = "other"
# an anonymized dataset's stand-in for a person (``twcs:105855``): no handle, cannot be followed
ANONYMIZED = "anonymized (no handle)"
# reached by the walk from the circle no more than by chance (below the uniform teleport level)
WEAK = "weak link"
PERMANENT = frozenset({"already followed", "job-ad bot", ANONYMIZED, WEAK})
ORDER = (CONTACTS, UNSEEN, INACTIVE, OTHER_ROLE, OUTSIDE_HIRING)
MOST_STEPS = 3
# How each reason reads after its count ("3 job-ad bots", "2 of another role"); the others are
# adjectives ("2 inactive", "1 already followed")
_LEFT_OUT_WORDS = {
    "job-ad bot": ("job-ad bot", "job-ad bots"),
    OTHER_ROLE: ("of another role",) * 2,
    OUTSIDE_HIRING: (
        "other outside hiring (use --role any to see it)",
        "others outside hiring (use --role any to see them)",
    ),
    WEAK: ("too weakly linked to your circle", "too weakly linked to your circle"),
}
_FETCH_HOW = "(staffpulse add-handles FILE fetches a list)"


@dataclass
class HeldBack:
    """The candidates left out, grouped by the whole set of reasons holding each back."""

    groups: Counter[frozenset[str]] = field(default_factory=Counter)
    last_posts: dict[frozenset[str], list[datetime]] = field(default_factory=dict)
    # the roles found in each group left out for its role
    roles: dict[frozenset[str], Counter[str]] = field(default_factory=dict)
    anonymized: int = 0  # left out for good, but said: they are why a contact is missing

    def add(
        self, reasons: Iterable[str], last_post: datetime | None = None, role: str | None = None
    ) -> None:
        held = frozenset(reasons)
        if ANONYMIZED in held:
            self.anonymized += 1
        if not held or held & PERMANENT:
            return  # no option brings it back
        self.groups[held] += 1
        if INACTIVE in held and last_post is not None:
            self.last_posts.setdefault(held, []).append(last_post)
        if OTHER_ROLE in held:
            self.roles.setdefault(held, Counter())[role or "unknown"] += 1


@dataclass(frozen=True, slots=True)
class Ranking:
    """What the advice needs to know about the run."""

    who: str  # "@handle"
    platform: str
    as_of: datetime
    as_of_given: bool  # --as-of was given (else: the newest post of the platform)
    inactive_days: int
    role: str | None  # the --role as typed


def next_step(held: HeldBack, run: Ranking) -> str:
    """One sentence per group of held-back candidates, the largest groups first."""
    ranked = sorted(
        held.groups.items(),
        key=lambda item: (-item[1], [ORDER.index(r) for r in sorted(item[0], key=ORDER.index)]),
    )
    steps = [_step(group, n, held, run) for group, n in ranked[:MOST_STEPS]]
    said = False  # how to fetch a list is said once
    for i, step in enumerate(steps):
        if _FETCH_HOW in step:
            steps[i] = step.replace(" " + _FETCH_HOW, "") if said else step
            said = True
    if held.anonymized:
        steps.append(_anonymized(held.anonymized))
    if not steps:
        steps.append(
            f"import posts that mention or reply to {run.who}, or the posts of the people "
            "it talks with: suggestions come from the conversations around it"
        )
    return "; ".join(steps) + "."


def _anonymized(n: int) -> str:
    """Said, never advised on: no option or fetch brings back someone the data left nameless."""
    were = "was" if n == 1 else "were"
    return (
        f"{count_of(n, 'anonymized account')} without a handle {were} left out: the data "
        "names them only by an id, so they cannot be followed or fetched"
    )


def _accounts(n: int) -> str:
    return count_of(n, "account")


def _step(group: frozenset[str], n: int, held: HeldBack, run: Ranking) -> str:
    have = "has" if n == 1 else "have"
    them = "it" if n == 1 else "them"
    if group == {UNSEEN}:
        return (
            f"{_accounts(n)} around {run.who} {have} no posts in the store: import or fetch "
            f"their posts {_FETCH_HOW}, or include them anyway with --include-unseen"
        )
    if group == {CONTACTS}:
        were = "was" if n == 1 else "were"
        return (
            f"{_accounts(n)} you already talk with {were} left out: --include-contacts shows {them}"
        )
    subject = _accounts(n) + (" you already talk with" if CONTACTS in group else "")
    facts: list[str] = []
    options: list[str] = ["--include-contacts"] if CONTACTS in group else []
    if UNSEEN in group:
        facts.append(f"{have} no posts in the store")
        options.append("--include-unseen")
    if INACTIVE in group:
        facts.append(_silence(run))
        options.extend(_reach_back(held.last_posts.get(group, []), run))
    if OTHER_ROLE in group:
        found = held.roles.get(group, Counter())
        facts.append(f"{have} another role than {_role_words(run.role)}{_roles_found(found)}")
        # without --role, role other stays left out: only "any" brings those back
        options.append(
            "a wider --role (or --role any)" if found["other"] else "a wider --role (or none)"
        )
    if OUTSIDE_HIRING in group:
        facts.append(f"{have} the role other (brands, public figures: outside the hiring world)")
        options.append("--role any")
    sentence = f"{subject} {join_and(facts)}: "
    if UNSEEN in group:
        sentence += f"import or fetch their posts {_FETCH_HOW}, or "
    return sentence + (f"show {them} with " if len(options) > 1 else "use ") + join_and(options)


def _silence(run: Ranking) -> str:
    when = f"{run.as_of:%Y-%m-%d}"
    if not run.as_of_given:
        when += f" (the newest {platform_name(run.platform)} post in the store)"
    return f"posted nothing in the {run.inactive_days} days before {when}"


def inactive_default_note(
    run: Ranking | None, inactive: int, own_newest: datetime | None
) -> str | None:
    """Said even when some suggestions remain: ranked as of the platform's newest post (the
    default), candidates of an account whose own posts are older look inactive, because
    another import is newer. None when that is not what happened."""
    if run is None or run.as_of_given or not inactive or own_newest is None:
        return None
    if (run.as_of - own_newest).total_seconds() <= run.inactive_days * 86400:
        return None  # the account itself is active as of that date: its circle may be quiet
    return (
        f"ranked as of {run.as_of:%Y-%m-%d}, the newest {platform_name(run.platform)} post in "
        f"the store; {run.who}'s own newest post is {own_newest:%Y-%m-%d}, so "
        f"{count_of(inactive, 'account')} around it counted as inactive: try "
        f"--as-of {own_newest:%Y-%m-%d}"
    )


def _reach_back(last_posts: list[datetime], run: Ranking) -> list[str]:
    """``--as-of`` the newest of their last posts (ranks as of their time), or the
    ``--inactive-days`` that keeps all of them."""
    if not last_posts:
        return ["a larger --inactive-days"]
    newest, oldest = max(last_posts), min(last_posts)
    days = math.floor((run.as_of - oldest).total_seconds() / 86400) + 1
    return [f"--as-of {newest:%Y-%m-%d} (or --inactive-days {days})"]


def _roles_found(roles: Counter[str]) -> str:
    if not roles:
        return ""
    shown = ", ".join(f"{ROLE_LABELS.get(r, r)} {n:,}" for r, n in roles.most_common(3))
    return f" (found: {shown})"


def _role_words(typed: str | None) -> str:
    """``--role hr_pro,vendor`` in words: "HR pro or vendor" ("industry" stays as it is)."""
    parts = [p.strip() for p in (typed or "").split(",") if p.strip()]
    words = [ROLE_LABELS.get(p, p.replace("_", " ")) for p in parts]
    return " or ".join(words) if words else "the one asked for"


def left_out_text(excluded: Mapping[str, int]) -> str:
    """The candidates left out, by reason: "2 already followed, 3 job-ad bots, 1 inactive"."""
    parts = []
    for reason, n in sorted(excluded.items()):
        one, many = _LEFT_OUT_WORDS.get(reason, (reason, reason))
        parts.append(f"{n:,} {one if n == 1 else many}")
    return ", ".join(parts)
