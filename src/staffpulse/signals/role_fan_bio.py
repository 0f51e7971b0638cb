"""A fan club, a supporters' club or a readers' group is no employer.

By the guidelines an employer is an organization that talks mainly of its own brand, and
sports, celebrities and everything that fits no role are "other". The heads learned "we" under
an organization's name as an employer, so on the CrowdFlower accounts a football club's fans
talking of their club, a supporters' club and a readers' group came out employers at
0.74-0.99, which Connect's default role filter keeps.

A display name or bio that calls the account a fan club ("fan club", "fanclub", "fansite",
"fan account", "fanmily"), a supporters' club or team ("Supporters Club", "Supporters FC"), a
readers' or reading group ("a readers' group open to everyone"), or that loves or supports a
football club by its name ("We love Riverside United") has its employer score moved to other;
kind and the other scores stay (a club is an organization). Not "fan page", which a brand's
own page is called too, nor a brand's "fan base", a shop's "fandom merch", a publisher's
"Readers Club" or a place's "City", "Town" or "County" ("We love Jersey City"). Prior
knowledge after the heads, like the other rules: nothing is retrained
(``docs/models/roles.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_score_moves import move_employers_to_other
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_employer_role_of_fan_clubs", "names_a_fan_club"]

_FANS = re.compile(
    # run into a name too: "RiversideFanclub", "OurFanmily"
    # not a bakery's "our amazing fan base" or a shop's "fandom merch"
    r"\bfan ?(?:club|site|account)s?\b|fan(?:club|site|mily)"
    r"|\bsupporters'?\s+(?:club|fc|team|group|association|trust|league)\b"
    # not a publisher's "join our Readers Club" (its offers)
    r"|\b(?:readers?'?s?|reading)\s+(?:group|circle)\b"
    # a football club by its name, loved or supported in "we": capitals, so "we love our team"
    # or a shop's "we love Main Street" is not one, nor a place's "City", "Town" or "County"
    # ("we love Jersey City", "we support Orange County families"), nor a cafe's "we love
    # Riverside United fans" (its customers on match days)
    r"|\bwe\s+(?:love|support)\s+(?-i:(?:[A-Z][a-z]+\s+){1,2}"
    r"(?:United|FC|AFC|Rovers|Athletic|Wanderers|Albion|Hotspur|Rangers|Celtic))\b"
    r"(?!\s+(?:fans|supporters)\b)",
    re.IGNORECASE,
)


def names_a_fan_club(profile: str | None) -> bool:
    """Whether the display name and bio (one text) call the account a fan club, a
    supporters' club or a readers' group (module docstring)."""
    return bool(profile) and _FANS.search(to_ascii(profile or "")) is not None


def drop_employer_role_of_fan_clubs(
    names: Sequence[str | None], bios: Sequence[str | None], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose name or bio
    names a fan club (:func:`names_a_fan_club`) has its employer score moved to other
    (``scores`` is not changed)."""
    profiles = [f"{name or ''}\n{bio or ''}" for name, bio in zip(names, bios, strict=True)]
    return move_employers_to_other(profiles, scores, names_a_fan_club)
