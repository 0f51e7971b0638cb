"""Job ads in a staffing agency's everyday shapes, read beside the rules of
:mod:`staffpulse.signals.job_ads` (which call :func:`is_agency_ad` last).

A QA pass (28 November 2026) found a staffing firm's feed whose ads the model scored 0.02 to
0.4 and no rule read, so the audit's Mix counted too few of them. Each shape below pairs two
cues, as every staffing-ad rule does; one alone is talk about work:

* a named role wanted for an employer it describes: "Audit Supervisor wanted for a
  family-owned CPA firm", "Line cooks needed at our downtown hotel";
* interviews or offers on the spot, with a place or a time to come: "Open house at our Canton
  branch Friday 8-noon, interviews on the spot", "On-the-spot offers at our Akron branch, stop
  by";
* a question to people looking for work answered by an offer or a call: "Need weekend work?
  We've got warehouse shifts all month", "Need shifts in Lima? Text us";
* a roundup that counts openings by role, with a link: "Jobs this week: 4 welder, 2 packer
  and 1 driver roles in Toledo. All here: https://…";
* a team to join, with openings in a place: "Join the team! Openings in Akron and Canton:
  https://…".
"""

from __future__ import annotations

import re

from staffpulse.signals.job_words import ROLE_NOUNS, VERB_OR_HEADLINE

__all__ = ["AGENCY_WORDS", "is_agency_ad"]

#: Words, lower-cased, that every shape below holds ("wanted", "on the spot", a question, a
#: link): a post without any of them is no agency ad, and looking for them is far cheaper than
#: the shapes, which :func:`~staffpulse.signals.job_ads.looks_like_job_ad` asks of every post
AGENCY_WORDS = ("wanted", "needed", "spot", "?", "http")

_I = re.IGNORECASE
_ROLES = rf"(?:{ROLE_NOUNS}(?:e?s)?)"
_LINK = re.compile(r"https?://", _I)
# "Tax Manager wanted for a regional CPA firm": whom the role is for, an employer
_WANTED_FOR_EMPLOYER = re.compile(
    rf"\b{_ROLES} (?:wanted|needed) (?:for|at|to join) (?:an?|our|one of our|the) "
    r"(?:[\w&'-]+ ){0,4}?(?:firm|company|client|practice|agency|hospital|clinic|plant|"
    r"warehouse|manufacturer|team|office|distributor|facility|restaurant|hotel|store|"
    r"branch|site|startup)s?\b",
    _I,
)
_SENTENCE_END = re.compile(r"[^.!?\n]*[.!?]?")
_ON_THE_SPOT = re.compile(
    r"\b(?:interview(?:s|ed)?|offers?|hired) on the spot\b|"
    r"\bon[- ]the[- ]spot (?:interviews?|offers?|hiring|hires)\b",
    _I,
)
# where or when to come: the firm's own door, a day or an hour
_COME = re.compile(
    r"\b(?:come (?:to|by|see us|down|in)|stop by|drop by|walk[- ]ins? welcome|visit us|"
    r"bring (?:your|a|an) (?:id|resume|cv|photo id|license|licence)|open house|hiring event)\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b|"
    r"\b\d{1,2}\s?[-\u2013]\s?\d{1,2}\b",
    _I,
)
# a question to people looking for work: "Looking for work?", "Who's looking for weekend work?",
# "Need extra shifts?"
_SEEKER_QUESTION = re.compile(
    r"(?:^|[.!?\n]\s*)\W*(?:who'?s |who is |anyone |anybody |are you |you )?"
    r"(?:looking for|need|needing|want|searching for|in need of)\b"
    r"[^?.!\n]{0,50}?\b(?:work|jobs?|shifts|hours|gigs?)\b[^?.!\n]{0,30}\?",
    _I,
)
# the firm's answer to it: an offer, a call to apply or a door to come to
_OFFER = re.compile(
    r"\bwe(?:'ve| have) got\b|\bwe have (?:\w+ ){0,3}?(?:shifts|openings|jobs|roles|work|"
    r"positions)\b|\bwe'?re (?:hiring|placing)\b|\b(?:call|text|dm|message|email) us\b|"
    r"\bapply\b|\bsend (?:us|me) your\b|\bcome (?:to|by) our\b|\bstop by\b|\bdrop by\b|"
    r"\binterviews?\b",
    _I,
)
# openings counted by role: "3 forklift, 2 picker/packer and 1 maintenance roles"
_COUNTED = r"\d{1,3}\s+[\w/&-]+(?:\s+[\w/&-]+)?"
_ROUNDUP = re.compile(
    rf"\b{_COUNTED}(?:,\s*{_COUNTED})*,?\s+(?:and|&)\s+\d{{1,3}}\s+(?:[\w/&-]+\s+){{0,2}}?"
    r"(?:roles|openings|positions|jobs|vacancies|shifts)\b",
    _I,
)
_JOIN_TEAM = re.compile(r"\bjoin (?:our|the) (?:[\w-]+ )?team\b", _I)
_OPENINGS_IN_PLACE = re.compile(
    r"\b(?i:openings|roles|positions|vacancies|jobs) (?i:open )?(?i:in|at|across) [A-Z]"
)


def is_agency_ad(text: str) -> bool:
    """Whether ``text`` is a job ad in one of the shapes of the module docstring."""
    wanted = _WANTED_FOR_EMPLOYER.search(text)
    # "Why is a Senior Accountant wanted for a big firm so hard to find?" asks, offers nothing
    sentence = _SENTENCE_END.match(text, wanted.end()) if wanted else None
    if sentence and not sentence.group().endswith("?"):
        return True
    if _ON_THE_SPOT.search(text) and _COME.search(_ON_THE_SPOT.sub(" ", text)):
        return True
    question = _SEEKER_QUESTION.search(text)
    if question and _OFFER.search(text, question.end()):
        return True
    link = _LINK.search(text)
    if link:
        head = text[: link.start()]
        roundup = _ROUNDUP.search(head)
        if roundup and VERB_OR_HEADLINE.search(head) is None:
            return True
        if _JOIN_TEAM.search(head) and _OPENINGS_IN_PLACE.search(head):
            return True
    return False
