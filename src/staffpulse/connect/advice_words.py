"""Words of connect's advice (:mod:`staffpulse.connect.advice`) that need no ranking: the
roles found and asked for, and why the advice brings back fewer accounts than the "Left out"
line counts under the same reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from staffpulse.connect.choices import ROLE_GROUPS, ROLE_SEPARATORS, role_key
from staffpulse.connect.left_out import left_out_text
from staffpulse.connect.reasons import (
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    OUTSIDE_HIRING,
    UNKNOWN_ROLE,
    UNSEEN,
)
from staffpulse.report.counts import join_or
from staffpulse.signals.role_labels import role_label

# each reason as the "Left out" line says it after a count ("6 inactive")
_LINE_WORDS = {
    CONTACTS: "already talking with",
    UNSEEN: "never seen",
    INACTIVE: "inactive",
    OTHER_ROLE: "of another role",
    UNKNOWN_ROLE: "with too little to read to tell their role",
    OUTSIDE_HIRING: "outside hiring",
}


def others_held_too(
    reason: str, n: int, counted: int, for_good: Mapping[str, int] | None = None
) -> str:
    """Why advice that brings back ``n`` accounts held back by ``reason`` alone speaks of
    fewer than the ``counted`` the "Left out" line puts under it: the others are held back by
    another reason too ("the other 2 of the 6 inactive are held back for another reason too
    (1 automated job feed, 1 broadcast-only account)"). ``for_good``: those of them no option
    brings back, by that reason, named when they are all the others. "" when none differ."""
    others = counted - n
    if others <= 0:
        return ""
    are = "is" if others == 1 else "are"
    said = f"the other {others:,} of the {counted:,} {_LINE_WORDS.get(reason, reason)} {are}"
    said += " held back for another reason too"
    if for_good and sum(for_good.values()) == others:
        said += f" ({left_out_text(for_good)})"
    return said


def roles_found(roles: Counter[str]) -> str:
    if not roles:
        return ""
    # a role left unknown is a reason of its own (reasons.UNKNOWN_ROLE), never counted here
    shown = ", ".join(f"{role_label(r)} {n:,}" for r, n in roles.most_common(3))
    return f" (found: {shown})"


def role_words(typed: str | None) -> str:
    """``--role hr_pro,vendor`` in words: "HR pro or vendor"; a group by its roles, since
    "another role than industry" said nothing of which roles that is."""
    keys = [role_key(p) for p in ROLE_SEPARATORS.split(typed or "") if p.strip()]
    words = list(dict.fromkeys(role_label(r) for k in keys for r in ROLE_GROUPS.get(k, (k,))))
    return join_or(words) or "the one asked for"
