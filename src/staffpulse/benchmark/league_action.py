"""The league table's "Fix first" for each account: the headline of its audit's first action,
said about the account, not to it (``top_action``).

A job board's feed of openings is its product, not a fault: "Post fewer job ads" is the advice
of a staffing firm drowning its feed, and in a real cohort it was the "Fix first" of 24 of its
30 job boards, which told a client nothing it could use. So an account its cohort file puts
in the ``job_board`` segment is given the first action of another pillar, and, when only Mix
has something to fix, how to make each ad worth reading (the advice of a healthy feed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.audit.advice import top_actions
from staffpulse.audit.types import AuditResult

# when Mix alone has something to fix on a job board: what makes its ads better, not fewer
JOB_BOARD_ADS = "Make each ad worth reading: the pay, the shift and a line about the team"


def league_action(audit: AuditResult, segment: str, weights: Mapping[str, Any]) -> str:
    """The headline of the action a league table shows for ``audit``'s account in ``segment``
    ("" when there is nothing to do); ``weights``: the audit's pillar weights."""
    actions = audit.top_actions
    if segment != "job_board":
        return str(actions[0]["headline"]) if actions else ""
    others = [a for a in actions if a["pillar"] != "mix"]
    if not others:  # the audit listed only Mix's advice: the other pillars' next
        pillars = {name: p for name, p in audit.pillars.items() if name != "mix"}
        others = top_actions(pillars, weights, limit=1)
    if others:
        return str(others[0]["headline"])
    return JOB_BOARD_ADS if actions else ""
