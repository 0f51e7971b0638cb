"""What a fetch that stopped early says about going on: what it stored, then how to resume,
or, when it stored nothing (offline from its first request), to try again, never "everything
fetched so far is stored" over nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from staffpulse.next_steps import RESUME as RESUME_STEP
from staffpulse.report.counts import count_of

if TYPE_CHECKING:  # only annotated: common imports this module
    from staffpulse.fetch.common import FetchReport

RESUME = RESUME_STEP.say()
OFFLINE_RETRY = "try again once this computer is online"
NOTHING_FETCHED = "nothing was fetched"


def stored_so_far(report: FetchReport) -> str:
    """What a stopped fetch kept, to start its hint: "the 120 posts fetched so far are
    stored", or that nothing was, so that no one is told something was kept when it failed
    on its first request (offline)."""
    kept = [
        count_of(n, noun) for n, noun in ((report.posts, "post"), (report.follows, "follow")) if n
    ]
    if not kept:
        return "only the profile was fetched" if report.accounts else NOTHING_FETCHED
    one = len(kept) == 1 and (report.posts or report.follows) == 1
    return f"the {' and '.join(kept)} fetched so far {'is' if one else 'are'} stored"


def resume_hint(
    report: FetchReport, *, resume: str = RESUME, otherwise: str = OFFLINE_RETRY
) -> str:
    """How to go on after a fetch stopped early: what it stored, then ``resume`` when that is
    something, else ``otherwise`` (there is nothing to resume from)."""
    kept = stored_so_far(report)
    return f"{kept}; {resume if report.posts or report.follows else otherwise}"
