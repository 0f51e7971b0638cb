"""What connect's advice is about and what it offers: the run it advises on
(:class:`Ranking`), the options a piece of advice names (:class:`Remedy`), which the ranking
tries before the advice offers them (:data:`Works`), and the advice as said (:class:`Advice`).
Kept apart from :mod:`staffpulse.connect.advice`, which chooses the advice, so that the
sentences for one group (:mod:`staffpulse.connect.group_advice`) and the busy-stretch advice
(:mod:`staffpulse.connect.busy_stretch`) speak of the same things."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Ranking:
    """What the advice needs to know about the run."""

    who: str  # "@handle"
    platform: str
    as_of: datetime
    as_of_given: bool  # --as-of was given (else: the newest post of the account or its circle)
    inactive_days: int
    role: str | None  # the --role as typed


@dataclass(frozen=True, slots=True)
class Remedy:
    """The options one piece of advice names, for the ranking to try before offering them."""

    include_contacts: bool = False
    include_unseen: bool = False
    inactive_days: int | None = None  # None: as it was
    as_of: datetime | None = None  # None: as it was
    role: str | None = None  # None: as it was; "": no --role; choices.ANY_ROLE


Works = Callable[[Remedy], bool]
"""Whether ranking again with a remedy's options suggests at least one account."""


class Advice(NamedTuple):
    """The advice as said, and the options it names, tried and found to bring someone back
    (None: it names none, or none was tried): every advice with options gets a command to copy."""

    text: str
    remedy: Remedy | None
