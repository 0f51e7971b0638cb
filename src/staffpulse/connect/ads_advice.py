"""The advice when the accounts connect left out for what they post (broadcast only, mostly
job ads: :mod:`~staffpulse.connect.ad_posters`) are all it takes to suggest someone: ``use
--role any``, with that remedy, so a command to copy comes with it as with every advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from staffpulse.connect.advice import Advice, Remedy, Works
from staffpulse.connect.choices import ANY_ROLE, leaves_out_outsiders
from staffpulse.connect.left_out import NAMES_SHOWN
from staffpulse.connect.reasons import BROADCAST, MOSTLY_ADS
from staffpulse.next_steps import ROLE_ANY, USE_OPTIONS
from staffpulse.report.counts import join_and

if TYPE_CHECKING:
    from staffpulse.connect.suggestion import SuggestReport


def ads_advice(report: SuggestReport, role: str | None, works: Works) -> Advice | None:
    """``use --role any`` and its remedy when ranking with it (``works``) suggests someone
    and accounts were left out for their posts under a ``role`` that leaves outsiders out;
    else None."""
    if not report.excluded.keys() & {BROADCAST, MOSTLY_ADS} or not leaves_out_outsiders(role):
        return None
    remedy = Remedy(role=ANY_ROLE)
    if not works(remedy):
        return None
    # named: the line below also names a job feed, which --role any does not show
    shown = [*report.left_out_names.get(BROADCAST, ()), *report.left_out_names.get(MOSTLY_ADS, ())]
    who = join_and(shown) if 0 < len(shown) <= NAMES_SHOWN else f"the {len(shown):,} named below"
    return Advice(f"{USE_OPTIONS.say(options=ROLE_ANY.say())}: it shows {who}", remedy)
