"""The parts of a suggestion's explanation, kept as data until it is said.

``recruiter · 4 people in your circle replied to them this month · voice 82`` is said by
:meth:`Explanation.text`; the dashboard's Connect page, which shows the role in a cell of its
own, says it without the role (:meth:`Explanation.beside_role`), and an exported file, read
long after the ranking, says "this month" as the month it meant (:meth:`Explanation.dated`).
Each view renders the sentence from the same parts, so none of them rewrites another's words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from staffpulse.dates import format_day
from staffpulse.report.counts import count_of

THIS_MONTH = "this month"
# The circle holds accounts the firm only reposts or follows and accounts that engage it, so
# "people you talk with" (replied to, mentioned or quoted: --include-contacts) overstated it
CIRCLE = "in your circle"
PART_SEP = " · "  # between the parts of an explanation
# said in place of the role of an account with nothing to read (citizen.guess_roles)
ROLE_UNKNOWN = "role unknown"


def count_people(n: int) -> str:
    """``1 person``, ``2 people``, with thousands separators as every count people read."""
    return count_of(n, "person", "people")


@dataclass(frozen=True, slots=True)
class CircleTie:
    """``2 people in your circle replied to them this month``: how many members of the circle
    engage the candidate in one way (``verb``), and whether all of them did so recently (within
    connect's RECENT_DAYS of the ranking date)."""

    people: int
    verb: str
    recent: bool = False

    def text(self, month_to: datetime | None = None) -> str:
        """The part as said; ``month_to`` says "this month" as the month to that date."""
        said = f"{count_people(self.people)} {CIRCLE} {self.verb} them"
        if not self.recent:
            return said
        if month_to is None:
            return f"{said} {THIS_MONTH}"
        return f"{said} in the month to {format_day(month_to)}"


@dataclass(frozen=True, slots=True)
class HiringTalk:
    """In place of the role: an account outside the trade whose own posts talk hiring (a
    hiring manager), ``posts`` of the ``judged`` own posts read."""

    posts: int
    judged: int

    def text(self, *, beside_role: bool = False) -> str:
        """``outside the trade, talks hiring (2 of 2 posts)``; beside a role cell that already
        says "talks hiring", ``outside the trade (2 of 2 posts about hiring)``."""
        if beside_role:
            return f"outside the trade ({self.posts} of {self.judged} posts about hiring)"
        return f"outside the trade, talks hiring ({self.posts} of {self.judged} posts)"


Part = str | CircleTie


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an account is suggested: its role as people read it (``maybe vendor``; a
    :class:`HiringTalk` for a hiring manager; None when none is said), then the other parts in
    the order said. ``role_unknown``: the model read the account and had next to nothing to
    read (no post, hardly a bio), so the line says :data:`ROLE_UNKNOWN` where the role goes."""

    role: str | HiringTalk | None = None
    parts: tuple[Part, ...] = ()
    # "this month" is said as the month to this date (an exported file); None: "this month"
    month_to: datetime | None = None
    role_unknown: bool = False

    def _said_parts(self) -> list[str]:
        return [p if isinstance(p, str) else p.text(self.month_to) for p in self.parts]

    @property
    def said_role(self) -> str | None:
        """The role as the line says it: ``maybe vendor``, :data:`ROLE_UNKNOWN`, or None."""
        if isinstance(self.role, HiringTalk):
            return self.role.text()
        return self.role or (ROLE_UNKNOWN if self.role_unknown else None)

    def text(self) -> str:
        """The whole line: ``recruiter · 2 people in your circle replied to them``."""
        role = self.said_role
        return PART_SEP.join([role, *self._said_parts()] if role else self._said_parts())

    def beside_role(self) -> str:
        """The line for a view that shows the role in a cell of its own: the role is left out,
        and a hiring manager's part reads ``outside the trade (2 of 2 posts about hiring)``."""
        if isinstance(self.role, HiringTalk):
            return PART_SEP.join([self.role.text(beside_role=True), *self._said_parts()])
        if self.said_role and self.parts:
            return PART_SEP.join(self._said_parts())
        return self.text()

    def dated(self, as_of: datetime) -> Explanation:
        """The same explanation with "this month" said as the month to ``as_of``: "replied to
        them in the month to 3 Nov 2024". An exported file is read long after the ranking (a
        CSV of a 2024 feed read in 2026 said "this month"), and the ranking date is not in it."""
        return replace(self, month_to=as_of)
