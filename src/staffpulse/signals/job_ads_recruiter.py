"""The casual job ads of one recruiter, read by :mod:`staffpulse.signals.job_ads` (rules added
after a QA pass): "Hiring:", "Now hiring" or "We're hiring" followed by a named role ("Hiring:
travel nurse, 13 weeks, Columbus"); a direct message asked for ("DM me", "message me", "slide
into my DMs", "ping me") next to pay, or from a candidate ("if you know Java", "if you're a
welder", "if you have 2+ years") with a skill, a role, a place or remote work; a referral asked
for a role ("Know a great CNC machinist? Send them our way").

One cue alone is talk: "DM me your favourite podcast", "message me if you want the slides",
"hiring is broken", "Hiring managers: stop ghosting".
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import holds
from staffpulse.signals.job_ad_triggers import DM_WORDS
from staffpulse.signals.job_words import ROLE_NOUNS, ROLES

__all__ = ["is_recruiters_ad"]

_I = re.IGNORECASE
# the casual ads of one recruiter name a skill where a listing would name pay ("DM me if you
# know Java and want to work remote")
_SKILL = (
    r"(?:java|javascript|typescript|python|golang|rust|ruby|php|c#|c\+\+|\.net|sql|react|"
    r"angular|node|aws|azure|gcp|kubernetes|terraform|salesforce|sap|workday|autocad|"
    r"solidworks|plc|cnc|quickbooks|epic|cerner|excel)"
)
# "Hiring: travel nurse", "Now hiring forklift operators", "We're hiring 3 CNC machinists":
# the role follows within a few words, in the same sentence ("hiring is broken" names none;
# "Hiring managers: stop ghosting" has no colon after "hiring")
_HIRING_ROLE = re.compile(
    r"(?:^\W*hiring\s*[:!\u2013-]|\b(?:now|we'?re|we are|i'?m)\s+#?hiring\b\s*[:!\u2013-]?)"
    rf"(?:\s*(?:an?|\d+|several|two|three|four|five)?\s*(?:[\w/&+-]+\s+){{0,3}}?){ROLES}\b",
    _I,
)
# a direct message asked for, the way one recruiter writes it
_DM = re.compile(
    r"\b(?:dm|pm|message|inbox|ping|text)\s+me\b|\bslide into (?:my|our) dms?\b|"
    r"\bsend (?:me|us) an? (?:dm|message)\b|\bhit me up\b|\bmy dms are open\b",
    _I,
)
# whom the message is for: a candidate ("if you know Java", "if you're a welder", "if you have
# 2+ years", "if you're looking for your next role"); "if you want the slides" is no one
_CANDIDATE = re.compile(
    rf"\bif you (?:know|have (?:used|worked with)|code in|speak) {_SKILL}\b|"
    rf"\bif you(?:'re| are) an? (?:[\w-]+\s+){{0,2}}?{ROLE_NOUNS}\b|"
    r"\bif you have \d+\+? (?:years?|yrs?)\b|"
    r"\bif you(?:'re| are) (?:looking for|open to) (?:work|a (?:new )?(?:job|role|gig|contract)|"
    r"(?:your|the) next (?:job|role|gig|contract)|new (?:roles|opportunities))\b",
    _I,
)
# what makes a candidate's message an opening: the work itself, a place, a role or pay
_OPENING_DETAIL = re.compile(
    r"\bwork (?:remote(?:ly)?|from home|nights|days|weekends)\b|\bremote\b|\bhybrid\b|"
    rf"\bin [A-Z][a-z]+|{_SKILL}\b|\b{ROLES}\b",
    _I,
)
# a referral asked for a role: "Know a great CNC machinist? Send them our way"
_REFERRAL = re.compile(
    rf"\bknow (?:an?|any|(?:some|any)(?:one|body) who(?:'d| would) (?:make|be) an?) "
    rf"(?:[\w-]+\s+){{0,3}}?{ROLES}\b[^.!?\n]{{0,20}}\?[^\n]{{0,40}}?"
    r"(?:send them (?:our|my) way|send them to (?:us|me)|link in bio|refer them|apply\b)",
    _I,
)


def is_recruiters_ad(text: str, lowered: str | None, pay: bool) -> bool:
    """Whether ``text`` is a recruiter's casual ad (see the module docstring); ``lowered``: the
    text lower-cased (None: every rule is tried), ``pay``: the post gives pay."""
    if holds(lowered, ("hiring",)) and _HIRING_ROLE.search(text):
        return True
    if holds(lowered, ("know ",)) and _REFERRAL.search(text):
        return True
    dm = holds(lowered, DM_WORDS) and _DM.search(text) is not None
    if dm and pay:
        return True
    return bool(
        dm and _CANDIDATE.search(text) and _OPENING_DETAIL.search(_CANDIDATE.sub(" ", text))
    )
