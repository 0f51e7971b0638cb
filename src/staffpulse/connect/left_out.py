"""How connect says why candidates were left out: the words people read ("Left out: 2 already
followed, 3 job-ad bots" in the terminal and on the web page) and, for ``--json``, a name for
each reason that scripts can rely on (``job_ad_bot``), which stays put when the words change.
The reasons themselves are defined in :mod:`staffpulse.connect.reasons`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from staffpulse.connect.ad_posters import SHOWN_WITH
from staffpulse.connect.reasons import (
    ALREADY_FOLLOWED,
    ANONYMIZED,
    BROADCAST,
    CONTACTS,
    CROSSES_LINE,
    INACTIVE,
    JOB_FEED,
    MOSTLY_ADS,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    STALE,
    UNKNOWN_ROLE,
    UNSEEN,
    WEAK,
)
from staffpulse.next_steps import (
    INCLUDE_CONTACTS,
    INCLUDE_UNSEEN,
    LARGER_INACTIVE_DAYS,
    ROLE_ANY,
    USE_OPTIONS,
)
from staffpulse.report.counts import join_and

if TYPE_CHECKING:
    from staffpulse.connect.suggestion import SuggestReport

# How each reason reads after its count ("3 job-ad bots", "2 of another role"); the others are
# adjectives ("2 inactive", "1 already followed")
_LEFT_OUT_WORDS = {
    JOB_FEED: ("automated job feed", "automated job feeds"),
    MOSTLY_ADS: ("posting mostly job ads", "posting mostly job ads"),
    BROADCAST: ("broadcast-only account", "broadcast-only accounts"),
    CROSSES_LINE: (
        "posting often hostile, NSFW or party politics",
        "posting often hostile, NSFW or party politics",
    ),
    OTHER_ROLE: ("of another role",) * 2,
    # no post, hardly a bio (signals.role_thin): not known to be of another role
    UNKNOWN_ROLE: (
        "with too little to read to tell its role",
        "with too little to read to tell their role",
    ),
    OUTSIDE_HIRING: ("other outside hiring", "others outside hiring"),
    WEAK: ("too weakly linked to your circle", "too weakly linked to your circle"),
    # a contact the account engages, not a stranger: "weakly linked to your circle" misled
    STALE: (
        "contact talked with too rarely or long ago",
        "contacts talked with too rarely or long ago",
    ),
}
# What shows a reason's accounts, said in its own brackets ("2 others outside hiring (@a, @b;
# use --role any to see them)"), not on the "To see them" line: the web page's words for it
# ("choose “Any role” to see them") are made from these
_SEE_INLINE = {
    OUTSIDE_HIRING: (
        f"{USE_OPTIONS.say(options=ROLE_ANY.say())} to see it",
        f"{USE_OPTIONS.say(options=ROLE_ANY.say())} to see them",
    ),
}
# ``shown_with`` in --json of the reasons said in their own brackets
_SHOWN_INLINE = {OUTSIDE_HIRING: ROLE_ANY.say()}
# The options that lift a filter needing no --role: named on the "To see them" line with a
# caution, as an account may be held back by a second reason too (a contact that is also
# inactive). A weak link or a stale contact has no option: none is promised.
LIFTED_BY = {
    CONTACTS: INCLUDE_CONTACTS.say(),
    UNSEEN: INCLUDE_UNSEEN.say(),
    INACTIVE: LARGER_INACTIVE_DAYS.say(),
}
_LIFTED_CAUTION = "each lifts one reason: an account held back by another too stays out"
# Who each reason's accounts are, where its count's words alone do not say ("To see them:
# accounts of another role: --role any", not "of another role: ...")
_SHOWN_WHO = {
    OTHER_ROLE: "accounts of another role",
    UNKNOWN_ROLE: "accounts with too little to read to tell their role",
    CONTACTS: "accounts you already talk with",
    UNSEEN: "accounts never seen",
    INACTIVE: "inactive accounts",
    CROSSES_LINE: "accounts posting often hostile, NSFW or party politics (ranked last)",
}
# Each reason's name for scripts (``excluded`` in connect --json): snake_case that stays put
# when the words people read change
REASON_KEYS = {
    ALREADY_FOLLOWED: "already_followed",
    JOB_FEED: "job_ad_bot",
    MOSTLY_ADS: "mostly_job_ads",
    BROADCAST: "broadcast_only",
    CROSSES_LINE: "hostile_nsfw_or_partisan",
    CONTACTS: "already_talking_with",
    UNSEEN: "never_seen",
    INACTIVE: "inactive",
    OTHER_ROLE: "another_role",
    UNKNOWN_ROLE: "role_unknown",
    OUTSIDE_HIRING: "outside_hiring",
    ANONYMIZED: "anonymized",
    WEAK: "weak_link",
    STALE: "stale_contact",
}


# Accounts named after a reason's count: more are counted ("and 4 more"); --json names them all
NAMES_SHOWN = 3


def left_out_text(
    excluded: Mapping[str, int], names: Mapping[str, Sequence[str]] | None = None
) -> str:
    """The candidates left out, by reason: "2 already followed, 1 automated job feed
    (@jobwire), 1 inactive"; those of ``names`` (a reason's accounts) named after the count."""
    return ", ".join(part["said"] for part in left_out_parts(excluded, names))


def left_out_parts(
    excluded: Mapping[str, int], names: Mapping[str, Sequence[str]] | None = None
) -> list[dict[str, Any]]:
    """Each reason candidates were left out for, in the order :func:`left_out_text` says
    them: its name for scripts (:func:`reason_key`), the count, and what people read
    (``{"reason": "job_ad_bot", "count": 1, "said": "1 automated job feed (@jobwire)"}``);
    a reason whose accounts are named (:data:`~staffpulse.connect.reasons.NAMED`) lists
    them all under ``accounts`` and says what shows them under ``shown_with``."""
    parts = []
    for reason, n in sorted(excluded.items()):
        one, many = _LEFT_OUT_WORDS.get(reason, (reason, reason))
        said = f"{n:,} {one if n == 1 else many}"
        who = list((names or {}).get(reason, ()))
        # in brackets: the accounts named, then what shows them where the count's words say it
        bracket = [named] if (named := _name_accounts(who)) else []
        if reason in _SEE_INLINE:
            bracket.append(_SEE_INLINE[reason][0 if n == 1 else 1])
        said += f" ({'; '.join(bracket)})" if bracket else ""
        part: dict[str, Any] = {"reason": reason_key(reason), "count": n, "said": said}
        if who:
            part["accounts"] = who
        shown = SHOWN_WITH.get(reason) or _SHOWN_INLINE.get(reason) or LIFTED_BY.get(reason)
        if shown is not None:
            part["shown_with"] = shown
        parts.append(part)
    return parts


class KnownByDid(str):
    """An account the walk names by its Bluesky DID alone (``account id did:plc:...``,
    :meth:`~staffpulse.connect.candidates.CandidateWalk._name`): kept whole in --json, said in
    words to people, who can do nothing with "did:plc:u2nz..."."""

    __slots__ = ()


def name_left_out(account_id: str, handle: str, *, by_id: bool) -> str:
    """How a left-out account is named: ``@handle``, else (``by_id``: no handle known) ``account
    id 98765``, one known by a DID marked as such (:class:`KnownByDid`)."""
    if not by_id:
        return f"@{handle}"
    said = f"account id {account_id}"
    return KnownByDid(said) if account_id.startswith("did:") else said


def _name_accounts(who: Sequence[str]) -> str:
    """``@a, @b, @c and 4 more``; an account known only by a DID said as one ("@a, plus an
    account known only by its id"), never by the DID itself."""
    readable = [w for w in who if not isinstance(w, KnownByDid)]
    more = len(readable) - NAMES_SHOWN
    said = ", ".join(readable[:NAMES_SHOWN]) + (f" and {more:,} more" if more > 0 else "")
    if dids := len(who) - len(readable):
        by_id = (
            "an account known only by its id"
            if dids == 1
            else f"{dids:,} accounts known only by their ids"
        )
        said = f"{said}, plus {by_id}" if said else by_id
    return said


def shown_with_line(
    excluded: Mapping[str, int], shown_with: Mapping[str, str] | None = None
) -> str | None:
    """What shows the accounts left out: "posting mostly job ads: --include-job-ads or any
    --role; accounts you already talk with: --include-contacts (...)"; None when no option
    shows any. ``shown_with`` says it in other words (the dashboard's form: a box to tick, a
    Role to choose); by default the terminal's options, those of :data:`LIFTED_BY` too."""
    if shown_with is None:
        shown_with = {**SHOWN_WITH, **LIFTED_BY}
    # the groups one option shows are named together before it, so that no option is said
    # twice ("broadcast-only accounts and accounts of another role: --role any")
    groups: dict[str, list[str]] = {}
    for reason in sorted(excluded):
        if reason in shown_with:
            who = _SHOWN_WHO.get(reason) or _LEFT_OUT_WORDS[reason][1]
            groups.setdefault(shown_with[reason], []).append(who)
    said = [f"{join_and(who)}: {option}" for option, who in groups.items()]
    if not said:
        return None
    lifted = any(reason in LIFTED_BY and reason in shown_with for reason in excluded)
    return f"To see them: {'; '.join(said)}" + (f" ({_LIFTED_CAUTION})" if lifted else "")


def see_them_line(report: SuggestReport, shown_with: Mapping[str, str] | None = None) -> str | None:
    """:func:`shown_with_line` for ``report``, the terminal's and the page's alike; None beside
    advice checked by ranking again (nothing suggested), which names the options found to bring
    someone back: each option of this line alone may not ("none would come back with any
    option" above "To see them: --include-contacts" sent users round in circles)."""
    if not report.suggestions and report.advice is not None:
        return None
    return shown_with_line(report.excluded, shown_with)


def reason_key(reason: str) -> str:
    """The name scripts read for a reason (:data:`REASON_KEYS`); one not listed, as a report
    built by hand may hold, in snake_case ("not in the list" -> ``not_in_the_list``)."""
    return REASON_KEYS.get(reason) or "_".join(re.findall(r"[a-z0-9]+", reason.casefold()))
