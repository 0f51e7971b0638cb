"""The advice for one group of the candidates connect left out, held back by the same set of
reasons: what holds them back, in words, and the options that bring them back together, each
with the :class:`~staffpulse.connect.remedy.Remedy` the ranking tries before
:mod:`staffpulse.connect.advice` offers it. Inactive accounts get one sentence per way of
reaching back in time (``--inactive-days`` or ``--as-of``), best first."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from staffpulse.connect.advice_words import role_words, roles_found
from staffpulse.connect.choices import ANY_ROLE
from staffpulse.connect.held_back import HeldBack
from staffpulse.connect.reach_back import reach_back
from staffpulse.connect.reasons import (
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    UNKNOWN_ROLE,
    UNSEEN,
)
from staffpulse.connect.remedy import Ranking, Remedy
from staffpulse.dates import format_day
from staffpulse.next_steps import (
    CONTACTS_SHOWN,
    FETCH_A_LIST,
    INCLUDE_CONTACTS,
    INCLUDE_UNSEEN,
    INCLUDE_UNSEEN_ANYWAY,
    ROLE_ANY,
    SHOW_WITH,
    USE_OPTIONS,
    WIDER_ROLE,
    WIDER_ROLE_OR_ANY,
)
from staffpulse.report.counts import count_of, join_and

# how to fetch a list of accounts, said once in the advice (advice.py drops it from the rest)
FETCH_HOW = f"({FETCH_A_LIST.say()})"


def _accounts(n: int) -> str:
    return count_of(n, "account")


def group_steps(
    group: frozenset[str], n: int, held: HeldBack, run: Ranking
) -> list[tuple[str, list[Remedy]]]:
    """The advice for one group and the remedies it names (all of them must work): for
    inactive accounts one per way of reaching back in time, best first, else one."""
    have = "has" if n == 1 else "have"
    them = "it" if n == 1 else "them"
    if group == {UNSEEN}:
        text = (
            f"{_accounts(n)} around {run.who} {have} no posts in the store: import or fetch "
            f"their posts {FETCH_HOW}, {INCLUDE_UNSEEN_ANYWAY.say()}"
        )
        return [(text, [Remedy(include_unseen=True)])]
    if group == {CONTACTS}:
        were = "was" if n == 1 else "were"
        text = f"{_accounts(n)} you already talk with {were} left out: " + CONTACTS_SHOWN.say(
            them=them
        )
        return [(text, [Remedy(include_contacts=True)])]
    subject = _accounts(n) + (" you already talk with" if CONTACTS in group else "")
    facts: list[str] = []
    options: list[str] = [INCLUDE_CONTACTS.say()] if CONTACTS in group else []
    base = Remedy(include_contacts=CONTACTS in group, include_unseen=UNSEEN in group)
    if UNSEEN in group:
        facts.append(f"{have} no posts in the store")
        options.append(INCLUDE_UNSEEN.say())
    if INACTIVE in group:
        facts.append(_silence(run))
    if OTHER_ROLE in group:
        found = held.roles.get(group, Counter())
        facts.append(f"{have} another role than {role_words(run.role)}{roles_found(found)}")
        # without --role, role other stays left out: only "any" brings those back
        options.append(WIDER_ROLE_OR_ANY.say() if found["other"] else WIDER_ROLE.say())
        base = replace(base, role=ANY_ROLE if found["other"] else "")
    if UNKNOWN_ROLE in group:  # no post, hardly a bio: no wider --role shows it, only any
        facts.append(f"{have} too little to read to tell {'its' if n == 1 else 'their'} role")
        options.append(ROLE_ANY.say())
        base = replace(base, role=ANY_ROLE)
    if OUTSIDE_HIRING in group:
        facts.append(f"{have} the role other (brands, public figures: outside the hiring world)")
        options.append(ROLE_ANY.say())
        base = replace(base, role=ANY_ROLE)
    sentence = f"{subject} {join_and(facts)}: "
    if group & {UNSEEN, UNKNOWN_ROLE}:  # with their posts the role model has something to read
        sentence += f"import or fetch their posts {FETCH_HOW}, or "
    reaches: list[tuple[str | None, list[Remedy]]] = [(None, [base])]
    if INACTIVE in group:
        reaches = [
            (text, [replace(base, inactive_days=d, as_of=a) for d, a in ways])
            for text, ways in reach_back(
                held.last_posts.get(group, []), held.next_posts.get(group, []), run.as_of
            )
        ]
    out = []
    for reach, remedies in reaches:
        named = [*options, reach] if reach else options
        listed = join_and(named)
        said = (
            SHOW_WITH.say(them=them, options=listed)
            if len(named) > 1
            else USE_OPTIONS.say(options=listed)
        )
        out.append((sentence + said, remedies))
    return out


def _silence(run: Ranking) -> str:
    when = format_day(run.as_of)
    if not run.as_of_given:
        when += f" (the newest post of {run.who} or the people it talks with)"
    return f"posted nothing in the {run.inactive_days} days before {when}"
