"""Job ads in a staffing agency's everyday shapes, read beside the rules of
:mod:`staffpulse.signals.job_ads` (which call :func:`is_agency_ad` last).

A QA pass (28 November 2026) found a staffing firm's feed whose ads the model scored 0.02 to
0.4 and no rule read, so the audit's Mix counted too few of them. Each shape below pairs two
cues, as every staffing-ad rule does; one alone is talk about work:

* a named role wanted for an employer it describes: "Audit Supervisor wanted for a
  family-owned CPA firm", "Line cooks needed at our downtown hotel" (not as someone "told the
  paper" or "said");
* interviews or offers on the spot, with a place or a time to come: "Open house at our Canton
  branch Friday 8-noon, interviews on the spot", "On-the-spot offers at our Akron branch, stop
  by" (not in a question: "Who thinks interviews on the spot are a bad idea?");
* a question to people looking for work, with nothing but a place or a time after the work
  word, answered in the next sentence by an offer of work or a call: "Need weekend work?
  We've got warehouse shifts all month", "Need shifts in Lima? Text us". A vendor asks the
  same way ("Looking for work boots? … stop by", "Need shifts covered? We've got an app"), and
  a seeker answers it ("Need a job ASAP? Same.");
* a roundup that counts openings by role, with a link: "Jobs this week: 4 welder, 2 packer
  and 1 driver roles in Toledo. All here: https://…" (not the news of roles cut or lost);
* a team to join, with openings in a place: "Join the team! Openings in Akron and Canton:
  https://…" (not a team's night out).
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import holds
from staffpulse.signals.job_words import LINK_RE, ROLES, VERB_OR_HEADLINE

__all__ = ["REPORTED", "TEAM_EVENT_AFTER", "asks_from", "is_agency_ad"]

# Words, lower-cased, that each shape below holds: a post without them is not tried on that
# shape, far cheaper than the shapes, which :func:`~staffpulse.signals.job_ads.looks_like_job_ad`
# asks of every post ("?" and a link alone are in 4 posts of 10)
_WANTED_WORDS = ("wanted", "needed")
_SEEKS_WORDS = ("looking for", "need", "want", "searching for")
_WORK_WORDS = ("work", "job", "shifts", "hours", "gig")
_OPENINGS_WORDS = ("roles", "openings", "positions", "jobs", "vacancies", "shifts")

_I = re.IGNORECASE
# "Tax Manager wanted for a regional CPA firm": whom the role is for, an employer
_WANTED_FOR_EMPLOYER = re.compile(
    rf"\b{ROLES} (?:wanted|needed) (?:for|at|to join) (?:an?|our|one of our|the) "
    r"(?:[\w&'-]+ ){0,4}?(?:firm|company|client|practice|agency|hospital|clinic|plant|"
    r"warehouse|manufacturer|team|office|distributor|facility|restaurant|hotel|store|"
    r"branch|site|startup)s?\b",
    _I,
)
_SENTENCE_END = re.compile(r"[^.!?\n]*[.!?]?")
_NEXT_SENTENCE = re.compile(r"\s*[^.!?\n]*[.!?]?")
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
# "Need extra shifts?". After the work word only a place or a time may come ("in Lima", "this
# winter"): "work boots", "a job done on their roof", "shifts covered", "hours in your day" or
# "a gig for Friday night" is a vendor's question, whatever it offers after
_PLACE_OR_TIME = (
    r"(?:(?:in|near|around|across) (?:the )?(?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*)?|"
    r"(?:this|next|for the|over the) (?:week|weekend|month|winter|summer|spring|fall|season|"
    r"holidays)|today|tonight|now|right now|asap|nearby|near you|close to home)"
)
_SEEKER_QUESTION = re.compile(
    r"(?:^|[.!?\n]\s*)\W*(?:who'?s |who is |anyone |anybody |are you |you )?"
    r"(?:looking for|need|needing|want|searching for|in need of) (?:[\w-]+ ){0,3}?"
    rf"(?:work|jobs?|shifts|hours|gigs?)(?: {_PLACE_OR_TIME})?[ \t]*\?",
    _I,
)
# a reader who answers as a seeker ("Looking for work? Me too."): the post is theirs, no ad
_SEEKER_REPLY = re.compile(r"\s*\W*(?:me too|same|same here|me|i am|i do|same boat)\b", _I)
# the firm's answer to it, in the sentence after it: an offer, a call to apply or a door to
# come to ("We've got an app for that" and "I have interviews Monday" offer no work)
_OFFER = re.compile(
    r"\bwe(?:'ve| have)(?: got)? (?:\w+ ){0,3}?(?:shifts|openings|jobs|roles|work|positions)\b|"
    r"\bwe'?re (?:hiring|placing)\b|\b(?:call|text|dm|message|email) us\b|"
    r"\bapply\b|\bsend (?:us|me) your\b|\bcome (?:to|by) our\b|\bstop by\b|\bdrop by\b",
    _I,
)
# openings counted by role: "3 forklift, 2 picker/packer and 1 maintenance roles"
_COUNTED = r"\d{1,3}\s+[\w/&-]+(?:\s+[\w/&-]+)?"
_ROUNDUP = re.compile(
    rf"\b{_COUNTED}(?:,\s*{_COUNTED})*,?\s+(?:and|&)\s+\d{{1,3}}\s+(?:[\w/&-]+\s+){{0,2}}?"
    r"(?:roles|openings|positions|jobs|vacancies|shifts)\b",
    _I,
)
# jobs lost or left open, as news counts them: "3 plant and 1 office roles cut in Toledo"
_LOST = re.compile(
    r"\b(?:cut|cuts|lost|lose|losing|unfilled|laid off|layoffs?|eliminated|slashed|axed|shed|"
    r"gone|closing|closed|furloughed)\b",
    _I,
)
#: A role wanted as someone else tells it, news: "Chefs needed at the hotel, the owner told the
#: paper", "Nurses wanted everywhere, says the union" (read by :mod:`job_ads` too)
REPORTED = re.compile(
    r"\b(?:told|tells) (?:the |a |local )?(?:paper|press|reporters?|newspaper|news|media|"
    r"station|journalists?)\b|\b(?:said|says|according to|reportedly)\b",
    _I,
)
# what a team invites to that is no job ("a trivia night", "our 5k charity run"); not a night
# shift, nor a place or a crew named after events ("at the Akron event center as a server",
# "for game day staff"), which a venue's ad invites to
_TEAM_EVENTS = (
    r"(?:night(?! shifts?\b)|run|race|walk|game|party|trivia|event|fundraiser|tournament|match|"
    r"chat|meetup|webinar|picnic|bbq|potluck|quiz|gala|raffle|auction|bake sale|happy hour|"
    r"cookout|bowling|karaoke)\b"
    r"(?!\s+(?:cent(?:er|re)s?|venues?|halls?|days? staff|staff|crews?|shifts?|workers?|servers?|"
    r"security|planners?|coordinators?)\b)"
)
#: "join our team" then what it invites to, for or at it: "for a trivia night", "at our 5k
#: charity run" (read by :mod:`job_ads` and :mod:`job_ads_talk`: no call to work)
TEAM_EVENT_AFTER = rf"\s+(?:for|at)\b[^.!?\n]{{0,30}}?\b{_TEAM_EVENTS}"
# "Join our team for a trivia night" invites to an event, not to a job
_JOIN_TEAM = re.compile(
    rf"\bjoin (?:our|the) (?:[\w-]+ )?team\b(?![^.!?\n]{{0,30}}\b{_TEAM_EVENTS})", _I
)
_OPENINGS_IN_PLACE = re.compile(
    r"\b(?i:openings|roles|positions|vacancies|jobs) (?i:open )?(?i:in|at|across) [A-Z]"
)


def asks_from(text: str, at: int) -> bool:
    """Whether the sentence running on from ``at`` ends in a question mark."""
    sentence = _SENTENCE_END.match(text, at)
    return sentence is not None and sentence.group().endswith("?")


def _answers_a_seeker(text: str) -> bool:
    """A question to people looking for work, answered in the next sentence by an offer."""
    question = _SEEKER_QUESTION.search(text)
    if question is None or _SEEKER_REPLY.match(text, question.end()):
        return False
    answer = _NEXT_SENTENCE.match(text, question.end())
    return answer is not None and _OFFER.search(answer.group()) is not None


def is_agency_ad(text: str, lowered: str | None = None) -> bool:
    """Whether ``text`` is a job ad in one of the shapes of the module docstring (``lowered``:
    the text lower-cased, or None when a letter of it folds apart under IGNORECASE: then every
    shape is tried)."""
    # its role nouns are tried at every word (two thirds of the time here): asked only of a
    # post that says "wanted" or "needed"
    wanted = holds(lowered, _WANTED_WORDS) and _WANTED_FOR_EMPLOYER.search(text)
    # "Why is a Senior Accountant wanted for a big firm so hard to find?" asks, offers nothing
    if wanted and not asks_from(text, wanted.end()) and REPORTED.search(text) is None:
        return True
    spot = holds(lowered, ("spot",)) and _ON_THE_SPOT.search(text)
    # "Who else thinks interviews on the spot are a bad idea?" asks
    if spot and not asks_from(text, spot.end()) and _COME.search(_ON_THE_SPOT.sub(" ", text)):
        return True
    asked = holds(lowered, ("?",)) and holds(lowered, _SEEKS_WORDS) and holds(lowered, _WORK_WORDS)
    if asked and _answers_a_seeker(text):
        return True
    link = holds(lowered, _OPENINGS_WORDS) and LINK_RE.search(text)
    if link:
        head = text[: link.start()]
        roundup = _ROUNDUP.search(head)
        if roundup and VERB_OR_HEADLINE.search(head) is None and _LOST.search(head) is None:
            return True
        if _JOIN_TEAM.search(head) and _OPENINGS_IN_PLACE.search(head):
            return True
    return False
