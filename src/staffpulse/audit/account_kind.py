"""The kind of account an audit grades, as its pillars' advice needs it: an automated job
feed, a help desk, or any other account (a firm or a person, told apart by Face's reading of
the display name).

Each pillar writes a piece of advice once, in the words its kind can act on. An automated job
feed (its name or bio says so: :func:`staffpulse.signals.role_job_bot.is_job_bot`) is graded
as any account, but its openings are its product and no one writes them by hand: a feed whose
bio reads "Automated feed of job postings ... Not monitored" was told to "Alternate each job
post with a tip", to "Spend 10 minutes a day answering recruiters", to share a light moment
about "the office dog", and to put "Rosa at" before its name. Its advice keeps the finding
(:func:`for_a_feed`) with what a feed can do, or is left out when nothing in it fits a feed
(:func:`kept_for`); the header says why (:func:`job_feed_caution`). The headlines were once
fitted afterwards, by their first words: one renamed in its pillar reached feeds unfitted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from staffpulse.audit.canned_replies import is_help_desk
from staffpulse.audit.name_advice import first_name_alone, names_an_institution
from staffpulse.audit.names import name_score
from staffpulse.audit.types import Advice, Answering
from staffpulse.models import Account
from staffpulse.signals.role_job_bot import is_job_bot

_SENTENCE = re.compile(r"^(.*?[.!?])(?:\s|$)")

#: The post in a person's voice that a job feed's advice gives as its example: a tip in the
#: feed's own "we", since a job board or a job centre has no "I" that tells candidates things
#: ("Here's what I tell every candidate" was every job board's fix in a real cohort). A tip as
#: a headline ("Tip for job seekers: tailor your resume <link>") reads as a broadcast to the
#: personality model (0.01), so a post a week of it would not count as a human one; this reads
#: as a person (0.96; tests/test_audit_account_kind.py scores it)
FEED_TIP_EXAMPLE = (
    "The question we get most this week: should you meet the team before you say yes? We think so."
)


class AccountKind(StrEnum):
    """What an account is, as far as its advice goes."""

    JOB_FEED = "job feed"  # says it is an automated feed of jobs
    HELP_DESK = "help desk"  # answers others and posts nothing of its own
    PERSON = "person"  # its display name is a person's: never a help desk
    INSTITUTION = "institution"  # a university, an association, a library: no candidates
    ANY = "any"  # a firm, or an account whose name says neither


def is_job_feed(account: Account) -> bool:
    """Whether the account says it is an automated feed of jobs (its name or its bio)."""
    return is_job_bot(account.display_name, account.bio)


def kind_of(account: Account, read_as: str | None = None) -> AccountKind:
    """The account's kind as its profile says it (a help desk is known from its posts:
    :func:`desk_or`). A display name that reads as a person's, or a first name alone as Face
    reads it, makes a person: a woman whose 4 posts were replies to friends was told to "find
    posts about your service that do not tag you" and to lighten her replies "when a
    customer's problem is solved". An account the role model reads as a job board
    (``read_as``, said in the audit's header) is a job feed too, unless its name is a
    person's: its header said "Read as a job board" above "Spend 10 minutes a day answering
    recruiters" and "Rosa at" before its name."""
    if is_job_feed(account):
        return AccountKind.JOB_FEED
    name = account.display_name or ""
    if account.name_known and (name_score(name)[0] >= 0.9 or first_name_alone(account)):
        return AccountKind.PERSON
    if read_as == "job_board":
        return AccountKind.JOB_FEED
    # a help desk's posts say it is one before its name does (:func:`desk_or`)
    if names_an_institution(account):
        return AccountKind.INSTITUTION
    return AccountKind.ANY


def desk_or(kind: AccountKind, talk: Mapping[str, Any]) -> AccountKind:
    """``kind``, or a help desk when the account answers others and posts nothing of its own
    (its Conversation evidence ``talk``: :func:`~staffpulse.audit.canned_replies.
    is_help_desk`) and its profile says it is neither a job feed nor a person."""
    if kind in (AccountKind.ANY, AccountKind.INSTITUTION) and is_help_desk(talk):
        return AccountKind.HELP_DESK
    return kind


def feed_or(kind: AccountKind, ads: int, originals: int) -> AccountKind:
    """``kind``, or any account when its profile reads as a job feed but at most half of its
    ``originals`` (original posts and quotes) are job ``ads``: a media brand whose bio lists
    a feed of jobs among its courses and news, its one post a tip for job seekers, was told
    it "says it is an automated feed of jobs" and to add a tip "among the ads" it has not got.
    A feed with no post of its own to read stays one (its profile is all there is)."""
    if kind is AccountKind.JOB_FEED and originals and 2 * ads <= originals:
        return AccountKind.ANY
    return kind


def job_feed_caution(account: Account) -> str:
    """The header's word on a job feed's grade and advice: a feed by its own name or bio
    says it is one; one the role model reads as a job board has that said in the header
    already ("Read as a job board"), so its advice is said to follow."""
    said = (
        "says it is an automated feed of jobs" if is_job_feed(account) else "reads as a job board"
    )
    return (
        f"@{account.handle} {said}: it is graded as any account is, and its advice is what"
        " a job feed can do (its openings are its product)."
    )


def _finding(advice: str) -> str:
    """The advice's first sentence: the finding ("All 262 of your original posts are job ads.")."""
    found = _SENTENCE.match(advice)
    return found.group(1) if found else advice


def for_a_feed(advice: Advice, tip: str, headline: str = "", *, fact: bool = True) -> Advice:
    """``advice`` as a job feed can act on it: its finding (with ``fact``) then ``tip``, under
    ``headline`` with the finding of the advice's own headline ("Make each ad worth reading:
    all 14 original posts are job ads"), or under the advice's own headline."""
    said = f"{_finding(advice)} {tip}" if fact else tip
    about = (advice.headline or "").partition(": ")[2]
    head = f"{headline}: {about}".rstrip(": ") if headline else advice.headline
    # answering stays answering (a league table's fix of a desk); a job ad turning up is no
    # news in a job feed, so nothing else is pressing
    said_as = Answering if isinstance(advice, Answering) else Advice
    return said_as(said, head, gain=advice.gain)


def kept_for(recs: Sequence[str], not_for_this_kind: Sequence[str]) -> list[str]:
    """``recs`` without the pieces in ``not_for_this_kind`` (advice nothing of which fits the
    account's kind, "Add some humor" to a job feed); a pillar whose every piece is such keeps
    them all, better than no advice at all."""
    kept = [r for r in recs if not any(r is left for left in not_for_this_kind)]
    return kept or list(recs)
