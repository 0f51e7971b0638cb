"""How connect says why candidates were left out: the words people read ("Left out: 2 already
followed, 3 job-ad bots" in the terminal and on the web page) and, for ``--json``, a name for
each reason that scripts can rely on (``job_ad_bot``), which stays put when the words change.
The reasons themselves are :mod:`staffpulse.connect.advice`'s."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from staffpulse.connect.advice import (
    ANONYMIZED,
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    STALE,
    UNSEEN,
    WEAK,
)
from staffpulse.next_steps import ROLE_ANY, USE_OPTIONS

# How each reason reads after its count ("3 job-ad bots", "2 of another role"); the others are
# adjectives ("2 inactive", "1 already followed")
_LEFT_OUT_WORDS = {
    "job-ad bot": ("job-ad bot", "job-ad bots"),
    OTHER_ROLE: ("of another role",) * 2,
    OUTSIDE_HIRING: (
        f"other outside hiring ({USE_OPTIONS.say(options=ROLE_ANY.say())} to see it)",
        f"others outside hiring ({USE_OPTIONS.say(options=ROLE_ANY.say())} to see them)",
    ),
    WEAK: ("too weakly linked to your circle", "too weakly linked to your circle"),
    # a contact the account engages, not a stranger: "weakly linked to your circle" misled
    STALE: (
        "contact talked with too rarely or long ago",
        "contacts talked with too rarely or long ago",
    ),
}
# Each reason's name for scripts (``excluded`` in connect --json): snake_case that stays put
# when the words people read change
REASON_KEYS = {
    "already followed": "already_followed",
    "job-ad bot": "job_ad_bot",
    CONTACTS: "already_talking_with",
    UNSEEN: "never_seen",
    INACTIVE: "inactive",
    OTHER_ROLE: "another_role",
    OUTSIDE_HIRING: "outside_hiring",
    ANONYMIZED: "anonymized",
    WEAK: "weak_link",
    STALE: "stale_contact",
}


def left_out_text(excluded: Mapping[str, int]) -> str:
    """The candidates left out, by reason: "2 already followed, 3 job-ad bots, 1 inactive"."""
    return ", ".join(part["said"] for part in left_out_parts(excluded))


def left_out_parts(excluded: Mapping[str, int]) -> list[dict[str, Any]]:
    """Each reason candidates were left out for, in the order :func:`left_out_text` says
    them: its name for scripts (:func:`reason_key`), the count, and what people read
    (``{"reason": "job_ad_bot", "count": 3, "said": "3 job-ad bots"}``)."""
    parts = []
    for reason, n in sorted(excluded.items()):
        one, many = _LEFT_OUT_WORDS.get(reason, (reason, reason))
        parts.append(
            {"reason": reason_key(reason), "count": n, "said": f"{n:,} {one if n == 1 else many}"}
        )
    return parts


def reason_key(reason: str) -> str:
    """The name scripts read for a reason (:data:`REASON_KEYS`); one not listed, as a report
    built by hand may hold, in snake_case ("not in the list" -> ``not_in_the_list``)."""
    return REASON_KEYS.get(reason) or "_".join(re.findall(r"[a-z0-9]+", reason.casefold()))
