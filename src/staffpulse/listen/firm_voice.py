"""Whose words an angle speaks in: the role of the account the inbox is for (``--as``).

An angle tells the firm what to add from its own work. A staffing firm has recruiters to draw a
story from; a solo recruiter has only their own desk, an HR person their HR work, and a job feed
has no stories at all: it can add a relevant opening or a resource, never a reply that is only
an ad (QA s40: all three were told "a story from your recruiters' experience"). The account's
role is read as the audit reads it (:func:`staffpulse.audit.segment_guesses.read_segment`: a
cohort file's segment kept in the store, else the role model's guess), and :data:`VOICES` maps
it to words, here only. No role read (no ``--as``, an account with no row, another role): the
staffing firm's words, as before.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from staffpulse.signals.role_inputs import RoleModelLike
    from staffpulse.store import Store

_NO_AD = " (never a reply that is only an ad)"


@dataclass(frozen=True, slots=True)
class Voice:
    """The words an angle uses for what the firm adds and who it is."""

    source: str  # whose stories: "your recruiters"
    experience: str  # "your recruiters' experience"
    desk: str  # where a plain fact comes from: "your desk"
    knowers: str  # who knows the rules: "your recruiters"
    solo: bool = False  # one person's account (or a feed's): "you", not "your firm"
    feed: bool = False  # a job feed: an opening or a resource, not a story

    def does(self, verb: str) -> str:
        """Who does ``verb`` ("know"): "your firm knows", "you know"."""
        return f"you {verb}" if self.solo else f"your firm {verb}s"

    @property
    def you_know(self) -> str:
        return self.does("know")

    @property
    def someone_knows(self) -> str:
        """Who reaches out to someone in crisis: one who knows them."""
        return "you know" if self.solo else "someone at your firm knows"

    @property
    def you_have(self) -> str:
        return "you have" if self.solo else "your firm has"

    @property
    def its(self) -> str:
        """Something of "its" (the firm's) or "your" own to add."""
        return "your" if self.solo else "its"

    def story(self, subject: str | None) -> str:
        """What to add to a post ("one data point or story on pay from your recruiters")."""
        on = f" on {subject}" if subject else ""
        if self.feed:
            return f"one relevant opening or resource{on}{_NO_AD}"
        return f"one data point or story{on} from {self.source}"

    @property
    def evidence(self) -> str:
        """What to agree or push back with."""
        if self.feed:
            return f"a relevant opening or resource{_NO_AD}"
        return f"a data point or a story from {self.source}"

    @property
    def example(self) -> str:
        """What to add to a post that names a work matter but no subject."""
        if self.feed:
            return f"one relevant opening or resource{_NO_AD}"
        return f"one concrete example from {self.experience}"


FIRM_VOICE = Voice("your recruiters", "your recruiters' experience", "your desk", "your recruiters")


def _solo(source: str, feed: bool = False) -> Voice:
    """The words for one person's account (or a feed's): "you", with ``source`` to draw on."""
    return Voice(source, source, source, "you", solo=True, feed=feed)


# the audit's segments (segment_guesses.ROLE_SEGMENTS) and the role model's names alike
VOICES: dict[str, Voice] = {
    "staffing_firm": FIRM_VOICE,
    "recruiter": _solo("your own desk"),
    "hr": _solo("your HR work"),
    "hr_pro": _solo("your HR work"),
    "job_board": _solo("your feed", feed=True),
}


def voice_of(role: str | None) -> Voice:
    """The words for an account of ``role``; the staffing firm's for any other or none."""
    return VOICES.get(role or "", FIRM_VOICE)


def read_firm_voice(
    store: Store, own: Collection[tuple[str, str]], model: RoleModelLike | None
) -> Voice:
    """The voice of the firm's own accounts (``own``: (platform, id)), by the role the audit
    reads the first stored one as; the staffing firm's when none is stored or none is read."""
    from staffpulse.audit.loader import posts_by
    from staffpulse.audit.segment_guesses import read_segment
    from staffpulse.audit.types import AccountData

    for platform, account_id in sorted(own):
        account = store.get_account(platform, account_id)
        if account is None:
            continue
        data = AccountData(account, posts_by(store, account, None), [], {})
        reading = read_segment(store, data, model)
        return voice_of(reading.segment if reading is not None else None)
    return FIRM_VOICE
