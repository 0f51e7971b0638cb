"""A staffing agency's plainest ads, read by :mod:`staffpulse.signals.job_ads` beside the agency
shapes of :mod:`staffpulse.signals.job_ads_agency`.

A QA pass (28 November 2026) found the ads a staffing firm posts all day scored 0.02 to 0.10
by the model, which learned job ads from "#hiring" tweets: "Pickers needed Monday 6am",
"Night shifts available, DM for details", "Forklift drivers, Leeds, \u00a312.50/h". Each shape
below pairs two cues, as every staffing-ad rule does; one alone is talk about work:

* a role needed, wanted or required, then (in the same sentence, nothing but a place, a time
  or terms between) a day, an hour, nights or days, a start, or a call: "Care assistants
  wanted - days and nights - Harrogate", "Pickers needed Monday 6am". Not "Drivers needed to
  stop texting", "Volunteer drivers needed Saturday", "Why are nurses needed on nights?";
* "we need" a number of a role, with terms, a time or a call: "We need 5 warehouse operatives
  for nights in Bradford. Call ...". Not "we need 5 more nurses on every ward, says the
  union";
* shifts available, with a call to act: "Night shifts available, DM for details". Not "No
  shifts available this week" or a question;
* a role in fragments, then its hourly pay in pounds, dollars or euros: "Forklift drivers,
  Leeds, \u00a312.50/h". Not "Forklift drivers earn \u00a312.50/h in Leeds" (a verb: talk), nor
  pay that the rest of its sentence reports ("Welders: $30/hr average in Texas, new data
  shows": news or a figure, no offer).
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import holds
from staffpulse.signals.job_ads_agency import REPORTED, asks_from
from staffpulse.signals.job_words import LISTED_ROLES, VERB_OR_HEADLINE, reports_around

__all__ = ["is_plain_agency_ad"]

_I = re.IGNORECASE
# the role nouns of UK agency ads that the lists lack ("operatives", "carers")
_ROLE = (
    rf"(?:{LISTED_ROLES}|operative|carer|support worker|care worker|hgv driver|labourer|"
    r"(?:bar|kitchen|care|warehouse|catering|cleaning|retail|event) staff)"
)
_ROLES = rf"(?:{_ROLE}(?:e?s)?)"
# a day, an hour, nights or days, a start: when the work is
_WHEN = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\d{1,2}(?::\d\d|\.\d\d)?\s?(?:am|pm)|"
    r"nights|days|weekends|mornings|early mornings|evenings|tonight|(?:night|day|early|late|evening|weekend|twilight|back) shifts?|"
    r"asap|immediate(?:ly)? start|start(?:ing)? (?:monday|tomorrow|asap|immediately|next week)|"
    r"tomorrow|this week|next week|urgently|immediately)"
)
# a call to act: a message, a number, an application, a registration
_CALL = (
    r"(?:(?:dm|pm|message|inbox|call|text|ring|phone|email|contact)\s+(?:us|me|now|today|"
    r"the (?:office|branch|team)|for (?:details|info|more))|"
    r"(?:call|text|ring|phone|whatsapp)\s*:?\s*\+?\(?\d{3,5}|"
    r"apply (?:now|today|here|online|in person|via|at|through)|apply\s*:|register (?:now|today|"
    r"with us|online|here|at)|send (?:us|me) your (?:cv|resume)|link in bio|for details)"
)
# what may stand between the role wanted and its time or call: a place, the count, the terms
_BETWEEN = (
    r"(?:[\s,\-\u2013|:/!&()]+(?:(?:in|at|for|from|near|on|across|to start|-)\b\s*)?"
    r"(?-i:[A-Z])[\w'-]*(?:\s(?-i:[A-Z])[\w'-]*)?){0,2}"
)
# "needed", "wanted", "required", then the role before it and the time or call after it (the
# role nouns are tried only in the few words before the verb, not at every word of the post)
_WANTED = re.compile(r"\b(?:needed|wanted|required)\b", _I)
_ROLE_BEFORE = re.compile(rf"\b{_ROLES}\s+\Z", _I)
_WHEN_OR_CALL_AFTER = re.compile(
    rf"{_BETWEEN}[\s,\-\u2013|:/!&()]*(?:for |from |on |starting |to start )?"
    rf"(?:{_WHEN}|{_CALL})\b",
    _I,
)
_WE_NEED = re.compile(
    rf"\bwe (?:urgently )?need \d{{1,3}}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_ROLES}\b",
    _I,
)
_WHEN_RE = re.compile(rf"\b{_WHEN}\b", _I)
_CALL_RE = re.compile(rf"\b{_CALL}", _I)
_SHIFTS_AVAILABLE = re.compile(
    r"(?<!\bno )(?<!\bany )\b(?:(?:night|day|early|late|evening|weekend|twilight|extra|"
    r"immediate|regular|ongoing)\s+)?shifts (?:are |still )?available\b",
    _I,
)
# hourly pay in pounds, dollars or euros: "\u00a312.50/h", "$18 ph", "\u20ac14 p/h", "12.50 an hour"
_HOURLY = (
    r"(?:[\u00a3$\u20ac]\s?\d{1,3}(?:\.\d\d)?\s?(?:/\s?h(?:ou)?r?|p/?h|ph|per hour|an hour|"
    r"p\.h\.?)(?![a-z]))"
)
_ROLE_THEN_PAY = re.compile(
    rf"(?:^|[.!\n]\s*)\W*(?:[\w-]+\s+){{0,2}}?{_ROLES}(?:\s+(?:needed|wanted|required))?\s*[,\-\u2013|:]\s*"
    rf"[^.!?\n]{{0,60}}?{_HOURLY}",
    _I,
)
_UNPAID = re.compile(r"\bvolunteer|\bunpaid\b", _I)
# an hourly rate written with a slash, a space after it or not ("£13/hr", "$19 / hour"): a post
# holding none, nor the rate's words below, is not tried for a role then pay
_PER_H = re.compile(r"/\s?h")


def is_plain_agency_ad(text: str, lowered: str | None = None) -> bool:
    """Whether ``text`` is a plain agency ad in one of the shapes of the module docstring
    (``lowered``: the text lower-cased, or None when not known: then every shape is tried)."""
    # "... needed on every ward, says the union" is news; "Volunteer drivers needed Saturday
    # 9am" asks for no paid work (asked last: most posts read here match no shape)
    return (
        _has_a_shape(text, lowered)
        and REPORTED.search(text) is None
        and _UNPAID.search(text) is None
    )


def _has_a_shape(text: str, lowered: str | None) -> bool:
    # each shape's role nouns are tried at every word: only posts holding its words are tried
    if holds(lowered, ("needed", "wanted", "required")):
        for wanted in _WANTED.finditer(text):
            role = _ROLE_BEFORE.search(text, max(0, wanted.start() - 40), wanted.start())
            if role is None or _WHEN_OR_CALL_AFTER.match(text, wanted.end()) is None:
                continue
            if not asks_from(text, role.start()):
                return True
    if holds(lowered, ("we need", "we urgently need")):
        need = _WE_NEED.search(text)
        if need and not asks_from(text, need.start()):
            rest = text[need.end() :]
            if _WHEN_RE.search(rest) or _CALL_RE.search(rest):
                return True
    if holds(lowered, ("available",)):
        shifts = _SHIFTS_AVAILABLE.search(text)
        if shifts and not asks_from(text, shifts.start()) and _CALL_RE.search(text):
            return True
    if holds(lowered, ("ph", "per hour", "an hour", "p.h")) or _PER_H.search(lowered or ""):
        paid = _ROLE_THEN_PAY.search(text)
        # "Welders: $30/hr average in Texas, new data shows": its sentence reports
        if (
            paid
            and VERB_OR_HEADLINE.search(paid.group()) is None
            and not reports_around(text, paid.start(), paid.end())
        ):
            return True
    return False
