"""Accounts that give the role model next to nothing to read: no post and hardly a bio.

From a name alone the heads answer anyway, and often confidently: a default handle
(``jsmith84``) is "other" at 0.99 and a person known by a nickname or a theatre's name sits
near ``p_org`` 0.5, as sure in print as an account with a bio and twenty posts. Connect and the
benchmark read such an answer as a finding ("outside hiring", a guessed segment), so they ask
:func:`role_is_no_finding` first and leave the role unknown instead. ``staffpulse roles`` keeps its
contract (a kind and a role for every record) and is not changed by this.

A name that names the trade is something to read: ``tmj_ny_jobs`` or "Acme Staffing" with no
bio are the name cues of :mod:`~staffpulse.signals.role_cues` (a job feed's prefix, "jobs",
"careers", "hiring", "recruit", "staff", "HR"). So is a bio of a word or two that says the
trade ("Recruiter.", "HR Manager", "Headhunter 🎯", "Zeitarbeit", "Recursos Humanos",
"#OpenToWork": the words of :func:`~staffpulse.signals.role_hiring_words.says_a_hiring_word`).
The model's hiring role for them stands ("Recruiter." is a recruiter at 0.98, ``tmj_ny_jobs`` a
job board at 0.91), but not its ``other``: from "Acme Staffing", "Acme Recruiting" or "CHRO"
alone it says other at 0.79 to 0.87, which Connect would show as "outside hiring";
:func:`role_is_no_finding` leaves that role unknown too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from staffpulse.signals.role_cues import CUES
from staffpulse.signals.role_hiring_words import says_a_hiring_word
from staffpulse.signals.role_person_name import handle_user
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["MIN_BIO_WORDS", "names_the_trade", "reads_little", "role_is_no_finding"]

#: Words a bio needs before it counts as something to read ("she/her", "🌸", a city or a
#: link do not): fewer, and with no post, the model reads the name alone.
MIN_BIO_WORDS = 3
# the name cues that say the account is in the hiring trade (not "name_media": a news name
# says what the account is not, and the heads read it without help)
_TRADE_NAME_CUES = (
    "tmj_prefix",
    "name_jobs",
    "name_careers",
    "name_hiring",
    "name_recruit",
    "name_staff",
    "name_hr",
)
# a word of two letters or more, once links and @mentions are gone
_WORD = re.compile(r"[A-Za-z]{2,}")
_LINK_OR_MENTION = re.compile(r"https?://\S+|www\.\S+|@\w+", re.IGNORECASE)


@cache
def _trade_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = {name: (field, pattern) for name, field, pattern in CUES}
    return tuple((found[n][0], re.compile(found[n][1], re.IGNORECASE)) for n in _TRADE_NAME_CUES)


def names_the_trade(name: str) -> bool:
    """Whether the screen name holds one of the role model's trade cues (``tmj_``, "jobs",
    "careers", "hiring", "recruit", "staff", "HR"), read as the model reads it."""
    raw, split = to_ascii(handle_user(name)), split_name(name)
    return any(p.search(raw if field == "N" else split) for field, p in _trade_cues())


def _has_posts(posts: str | Sequence[str] | None) -> bool:
    if posts is None:
        return False
    if isinstance(posts, str):
        return bool(posts.strip())
    return any(p.strip() for p in posts)


def _reads_a_word_or_two(bio: str, posts: str | Sequence[str] | None) -> bool:
    """No post, and a bio of fewer than :data:`MIN_BIO_WORDS` words: the name is most of it."""
    if _has_posts(posts):  # most accounts: their bio need not be read
        return False
    return len(_WORD.findall(to_ascii(_LINK_OR_MENTION.sub(" ", bio or "")))) < MIN_BIO_WORDS


def reads_little(name: str, bio: str, posts: str | Sequence[str] | None) -> bool:
    """Whether the model would read next to nothing of the account: no post, a bio of fewer
    than :data:`MIN_BIO_WORDS` words that says no word of the hiring world, and a name that
    does not name the trade."""
    return (
        _reads_a_word_or_two(bio, posts)
        and not names_the_trade(name)
        # a one-word bio can say it all ("Recruiter."): the model reads that word
        and not says_a_hiring_word(None, bio)
    )


def role_is_no_finding(role: str, name: str, bio: str, posts: str | Sequence[str] | None) -> bool:
    """Whether the model's ``role`` for the account is a guess to leave unknown: it read next
    to nothing (:func:`reads_little`), or it read a word or two that name the trade and still
    said ``other`` (outside hiring), as it does from "Acme Staffing" alone (0.79)."""
    if not _reads_a_word_or_two(bio, posts):
        return False  # the posts or the bio it read make its answer a finding
    return role == "other" or (not names_the_trade(name) and not says_a_hiring_word(None, bio))
