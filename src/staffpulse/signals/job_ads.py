"""Job ads told by their wording: patterns that back up the job-opening model.

The model learned from 2015 and 2022 tweets, whose ads mostly say "#hiring" or "apply now".
Staffing firms write ads another way ("Looking for a Registered Nurse in Dallas, 3x12
nights, $55/hr. DM me your resume!"), and the model scores those low. Two rules:

* :func:`find_staffing_ads` (a whole batch at once): wording that only an ad uses. It is
  precise enough to overrule the model (:class:`staffpulse.signals.text.TextSignals` raises
  such a post to :data:`PATTERN_SCORE` as a job opening and a work topic, and lowers its
  personality and humor as the labelling guidelines do for every job ad): on the 498 dev posts
  it fires on 4 job ads and no other post, and on 2 of 28,538 other real tweets (humor sets,
  customer care, CrowdFlower), both ads: an internship ad and a careers office's invitation
  (``scripts/eval_job_patterns.py``). A post is an ad when it has

  - a call to apply that needs nothing else: "DM me your resume", "resumes to jobs@…",
    "our client is seeking", "walk-in interviews", "immediate start", "now accepting
    applications", "we have openings for";
  - or someone sought for a role ("Seeking a Payroll Specialist", "Forklift operators
    wanted!", "Welders wanted in Commerce City", "Calling all welders", "Contract role:",
    "Dispatcher role available", "We're hiring a Controller") next to pay, a salary, terms or
    a call to act; trades sought ("Glaziers needed for a high-rise") also next to a link,
    unless reported ("…, says the union");
  - or pay ("$19/hr", "per diem", "weekly pay") next to a call to act ("Interested? DM us",
    "Apply today"), unless its sentence reports it ("Nurse pay up 12% to $48/hr, new survey
    shows. Link in bio": news or a figure, :func:`~staffpulse.signals.job_words.reports_around`);
  - or an opening written as a listing, with the pay among its fragments and no verb:
    "Roofers in Fort Collins, $26/hr", "Site superintendent, Denver Tech Center, $110k",
    "Medical Assistant - Phoenix - $21/hr", "Position: Shipping Clerk. Location: … Pay: …";
  - or, as one recruiter writes them (rules added after a QA pass): "Hiring:", "Now hiring"
    or "We're hiring" followed by a named role ("Hiring: travel nurse, 13 weeks, Columbus");
    a direct message asked for ("DM me", "message me", "slide into my DMs", "ping me") next to
    pay, or from a candidate ("if you know Java", "if you're a welder", "if you have 2+
    years") with a skill, a role, a place or remote work; a named role "needed" next to pay or
    terms; "Open role:" next to a call to act; a referral asked for a role ("Know a great CNC
    machinist? Send them our way"; :mod:`staffpulse.signals.job_ads_recruiter`);
  - or one of a staffing agency's everyday shapes (:mod:`staffpulse.signals.job_ads_agency`:
    "X wanted for a regional firm", interviews on the spot, a weekly roundup of openings);
  - or an invitation to work for a named employer with nothing after it but a link or a call
    to apply ("Want to work at Bellweather Foods? Apply here: https://…";
    :mod:`staffpulse.signals.job_ads_invitations`);
  - or an offer of work after whatever the post opens with, a feeling, praise, a question, emoji
    or hashtags ("Proud of our nurses! Now recruiting RNs for nights", "Who wants weekends off?
    Machine operators, Mon-Fri days, $20/hr"; :mod:`staffpulse.signals.job_ads_offers`).

  One cue alone is talk about work ("Minimum wage is $7.25/hr", "Night shift nurses, DM me
  your tips", "DM me your favourite podcast", "message me if you want the slides", "hiring
  is broken", "Hiring managers: stop ghosting"), and so is a listing with a verb or a
  headline word ("Nurses in Texas make $40/hr", "Breaking News - Denver - $15/hr minimum wage passes").

* :func:`looks_like_job_ad` (one text): the broad rule for when no model score is at hand
  (listening's opening posts, Connect without the model). It adds the cues job-board bots
  use: ``#hiring`` (not ``#hiringtips``), ``#jobs`` (not on news of jobs made or lost: "will bring
  300 new jobs to the county #jobs"), "we're hiring", "apply now", a pay range per hour (not
  in a sentence that reports it: "Welders earn $25-$30/hr in Texas, survey finds"),
  "Hiring:" opening the post, and "new job" or "open position" next to a link or ``#jobs``
  ("I start my new job Monday" is not an ad; a job-board bot always links), none of them on
  news of jobs or of hiring slowing ("Tech hiring slows as firms freeze open positions
  <link>"). These cues also fire on hashtag spam,
  which the guidelines do not count as an ad, so they never overrule the model. It also
  takes the bare listings of :mod:`staffpulse.signals.job_listings`, which do overrule it.

A curly apostrophe reads as a straight one ("We\u2019re hiring" as "We're hiring"), as phones
and X type it.

Ads in German, Spanish and French ("Stellenangebot: Pflegefachkraft (m/w/d), Vollzeit", "Se
busca camarero/a con experiencia. Interesados enviar CV") are read by the rules of
:mod:`staffpulse.signals.job_ads_other_languages`, within both functions.

A bare "hiring" is not a cue, even with a link: "How is hiring going?" and "Why hiring is slow
(article)" are what listening looks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.accents import straighten_quotes
from staffpulse.signals.batch_scan import holds, posts_matching
from staffpulse.signals.job_ad_triggers import (
    CALL_TO_ACT_WORDS,
    CALL_TO_APPLY_WORDS,
    PAY_WORDS,
    SERVICE_WORDS,
    SOUGHT_WORDS,
    TERMS_WORDS,
    TRIGGERS,
    WANTED_WORDS,
)
from staffpulse.signals.job_ads_agency import REPORTED, TEAM_EVENT_AFTER, is_agency_ad
from staffpulse.signals.job_ads_invitations import invites_to_work_for
from staffpulse.signals.job_ads_offers import offers_work
from staffpulse.signals.job_ads_other_languages import is_other_language_staffing_ad
from staffpulse.signals.job_ads_plain import is_plain_agency_ad
from staffpulse.signals.job_ads_recruiter import is_recruiters_ad
from staffpulse.signals.job_ads_services import seeks_a_service
from staffpulse.signals.job_listings import is_job_listing
from staffpulse.signals.job_seekers import speaks_as_seeker
from staffpulse.signals.job_words import (
    LINK_RE,
    OPEN_TO_NO_ONE,
    PAY_TERMS,
    ROLES,
    SAID_TOO_LOW,
    VERB_OR_HEADLINE,
    drop_calls_for_views,
    find_offered_pay,
    reports_around,
    tells_jobs_news,
)

__all__ = [
    "APPLY_CALLS",
    "PATTERN_BOUNDS",
    "PATTERN_SCORE",
    "SEEKERS_WANTS",
    "find_staffing_ads",
    "looks_like_job_ad",
]

#: The job-opening score of a post the staffing-ad patterns recognise (above the threshold).
PATTERN_SCORE = 0.9
#: (lowest, highest) score of each signal for such a post: the labelling guidelines make a job
#: ad a job opening about work, with no human voice (43 of the 44 dev ads are labelled so).
PATTERN_BOUNDS: dict[str, tuple[float, float]] = {
    "job_opening": (PATTERN_SCORE, 1.0),
    "work_topic": (PATTERN_SCORE, 1.0),
    "personality": (0.0, 1.0 - PATTERN_SCORE),
    # no dev ad is labelled funny (0 of 44): a winking emoji in an ad is no joke
    "humor": (0.0, 1.0 - PATTERN_SCORE),
}

_I = re.IGNORECASE
#: What someone looking for work (or for help with it) looks for: never a person hired ("I'm
#: looking for a new role in Berlin", "looking for a mentor"). Read here and by the inbox's
#: job offers (:mod:`staffpulse.listen.job_offers`), each adding the things it must tell apart.
SEEKERS_WANTS = (
    r"(?:jobs?|roles?|positions?|gigs?|careers?|opportunit(?:y|ies)|internships?|mentors?|"
    r"coach(?:es)?|roommates?)"
)
_RESUME = r"(?:resume|r\u00e9sum\u00e9|cv)s?"
#: How a post asks its reader to apply: "apply", a CV or an application asked for, a direct
#: message asked for ("email me" and "text us" ask for views as often: "Email me your thoughts"). Read by the inbox's job offers (a call for candidates) and by the talk about
#: hiring (:mod:`staffpulse.signals.job_ads_talk`: with one, a question may be an ad after all).
APPLY_CALLS = (
    r"\bapply\b"
    r"|\b(?:send|email|submit) (?:me |us )?(?:your |a )?(?:cv|resume|r\u00e9sum\u00e9|application)s?\b"
    r"|\b(?:dm|message|inbox) (?:me|us)\b"
)
_APPLY_CALL_RE = re.compile(APPLY_CALLS, re.IGNORECASE)
# what a seeker looks for, or a thing before "in": never a person hired ("a venue in Austin")
_NO_HIRE = (
    rf"(?:{SEEKERS_WANTS}|apartments?|flats?|places?|homes?|venues?|offices?|spaces?|shops?|"
    r"books?|conferences?|events?|challenges?|change|start|way)"
)
# an ad on its own
_CALL_TO_APPLY = re.compile(
    rf"\b(?:dm|message|email|send|text|inbox)\s+(?:me|us)\s+(?:your\s+)?(?:updated\s+)?{_RESUME}\b|"
    rf"\b{_RESUME}\s+to\s+\S+@\S+|"
    r"\bour client\b[^.!?\n]{0,60}?\b(?:is\s+)?(?:seeking|looking for|hiring|needs|requires|"
    r"searching for|recruiting)\b|"
    r"\bwalk-?in interviews?\b|\bimmediate (?:start|openings?|hire|hiring)\b|"
    r"\baccepting applications\b|\bhave (?:an? |several |\d+ )?(?:job )?openings? for\b",
    _I,
)
# someone sought in a place, an ad on its own unless a service is sought ("I'm looking for a
# good dentist in Boston"). The word before "in" says who is sought: not a seeker's own "a new
# job in marketing", "a senior position in Finance" nor "a mentor in HR", while "a Placement
# Coordinator in Leeds" or "a Careers Advisor" is a hire
_LOOKING_IN_PLACE = re.compile(
    r"\b(?:i'?m|we'?re) looking for (?:an?|two|three|four|five|\d+) "
    rf"(?![\w -]{{0,40}}?\b{_NO_HIRE}\s+in [A-Z])[\w -]{{3,40}}\bin [A-Z]",
    _I,
)
# someone sought for a role; case matters for the job title ("Seeking a Payroll Specialist")
_SOUGHT = re.compile(
    r"\b(?i:seeking|looking for|need|needs|hiring)\s+(?:an?|\d+)\s+(?i:experienced\s+|senior\s+|"
    r"junior\s+|qualified\s+|certified\s+|licensed\s+|registered\s+|skilled\s+)?[A-Z][\w/-]+|"
    r"\b[Ss]eeking an? [a-z]+ [A-Z]\w+|\b\w+s (?:wanted|needed)\b\s*[!:.]|"
    r"\b(?i:contract|temp|perm|permanent|full-time|part-time) (?i:role|position|job)\s*[:!-]|"
    # "Open role: Quality Inspector" (not "New role:", which is how people announce their own)
    r"\b(?i:open (?:role|position|req))\s*[:!-]|"
    # not a seeker's own "open to roles in Columbus", "looking for a new position in Ohio"
    r"(?<!(?i:open to ))(?<!(?i:open to new ))(?<!(?i:looking for ))(?<!(?i:looking for new ))"
    r"(?<!(?i:seeking new ))(?<!(?i:looking for a ))(?<!(?i:looking for a new ))"
    r"\b(?:role|position|opening|vacanc(?:y|ie))s? (?:in|at|based in) [A-Z]|"
    r"\b(?i:calling all \w+s)\b|\b(?i:(?:great|new) (?:job )?opportunity)\s*[:!-]|"
    r"\b(?i:exciting (?:job )?opportunity)\b|"
    rf"\b(?i:role|position|opening|job)s? (?i:available|open)\b(?! to {OPEN_TO_NO_ONE})|"
    r"\b(?i:now hiring|we'?re hiring|we are hiring)\b(?! (?:is|was|has been|freeze)\b)|"
    # "Welders wanted in Commerce City": a trade sought in a place (singular: "CNA needed in")
    r"\b\w+ (?i:wanted|needed) (?i:in|for|at|near) (?:an? |the )?[A-Z0-9]"
)
# plural trades sought, which an ad may follow with nothing but a link ("Glaziers needed for a
# high-rise in LoDo. https://..."); what else people say is "needed" is no job
_TRADES_SOUGHT = re.compile(
    r"\b(?!(?:volunteers|prayers|donations|donors|votes|signatures|answers|suggestions|ideas|"
    r"tips|thoughts|recommendations|reviews|hands|tickets)\b)[a-z]{3,}s (?:wanted|needed)\b"
    r"(?=\s*(?:[!:.,(]|in\b|for\b|at\b|near\b|asap\b|now\b|today\b|$))",
    _I,
)
_PAY = re.compile(
    r"\$\s?\d[\d,.]*k?(?:\s?[-\u2013]\s?\$?\d[\d,.]*k?)?\s*(?:/|per\s|an\s|a\s)\s*"
    r"(?:hr|hour|wk|week|yr|year|annum)\b|"
    rf"{PAY_TERMS}|\bcompetitive (?:pay|salary|rates?)\b|\bper diem\b|(?-i:\bDOE\b)|"
    r"\breferral bonus\b|\bbenefits (?:package|included)\b",
    _I,
)
# a yearly salary ("$55k", "$68-75k", "$110,000"): pay only next to a role (money raised,
# owed or won is written the same way)
_SALARY = re.compile(
    r"\$\s?\d{2,3}(?:k|,\d{3})(?:\s?[-\u2013]\s?\$?\d{2,3}(?:k|,\d{3}))?\b|"
    # "$85-95k": the thousands written once, after the range
    r"\$\s?\d{2,3}\s?[-\u2013]\s?\$?\d{2,3}k\b",
    _I,
)
_TERMS = re.compile(
    r"\b\d(?:st|nd|rd|th) shifts?\b|\b(?:night|day|weekend|evening|overnight|swing) shifts?\b|"
    r"\b3x12s?\b|\b(?:full|part)[- ]time\b|\bmon(?:day)?\s*-\s*fri(?:day)?\b|"
    r"\b\d+[- ](?:month|week|wk)s?\b[^.!?\n]{0,12}\bcontract\b|"
    r"\bcontract\b[^.!?\n]{0,40}\b\d+ (?:months|weeks)\b|\b(?:temp|contract)[- ]to[- ](?:hire|perm)\b|"
    r"\((?:remote|hybrid|on-?site)\)|\bhybrid\b|\b(?:OT|overtime) available\b|\bhome daily\b|"
    r"\bpaid training\b|\bno experience (?:necessary|needed|required)\b|\bpiece rate\b|"
    r"\bweekends off\b|\btools provided\b|\bprevailing wage\b|\b\d+[- ]week (?:job|project)\b",
    _I,
)
# An ad written as a listing: "Roofers in Fort Collins, $26/hr", "Site superintendent, Denver
# Tech Center, $110k", "Registered Nurse - ICU - Tampa FL - $48/hr", "Position: Shipping
# Clerk. Location: Louisville. Pay: $17/hr". Its opening names a role and a place or terms in
# fragments, with no verb: one that has a verb is talk ("Nurses in Texas make $40/hr").
_FRAGMENTS = re.compile(
    r"^\W*[A-Z](?:[^.!?\n:]{0,40}:\s|[^.!?\n]{0,80}?(?:\s(?:in|near)\s+[A-Z]|,[^,]{1,40},|"
    r"\s[-\u2013|]\s[^-\u2013|]{1,40}\s[-\u2013|]\s))"
)
_LABELLED = re.compile(
    r"\b(?:position|role|job title|title)\s*:\s*[A-Z][^\n]{0,80}?\b(?:location|pay|salary|rate|"
    r"shift|schedule)\s*:",
    _I,
)
_CALL_TO_ACT = re.compile(
    r"\binterested\s*\?|\b(?:dm|message|call|text|contact|email)\s+(?:me|us)\b|\breach out\b|"
    r"\blink in bio\b|\bcall\s+\(?\d{3}|\btext\s+\w+\s+to\s+\d+|"
    r"\bstart(?:s|ing)?\s+(?:monday|tomorrow|asap|immediately|next week)\b|\basap\b|"
    r"\bfor details\b|\bapply (?:now|today|here|online|at|on|via|in person)\b|\bapply\s*:",
    _I,
)
# a named role sought ("CNC Machinist needed, 3+ yrs exp, $24-28/hr"), with pay, terms or a call;
# not a volunteer ("Volunteer drivers needed Saturday, DM us") nor a verb with its object
# ("... night shift, nurses needed a medal")
_ROLE_NEEDED = re.compile(
    rf"(?<!volunteer )\b{ROLES} (?:needed|wanted)\b"
    r"(?! (?:a|an|the|my|his|her|their|some|more|it|them|this|that)\b)",
    _I,
)


def _is_listing(text: str) -> bool:
    """The post opens as a listing (see ``_FRAGMENTS``) whose fragments hold the pay."""
    head = LINK_RE.split(text, maxsplit=1)[0][:160]
    if _FRAGMENTS.match(head) is None:
        return bool(_LABELLED.search(text))
    if not (_PAY.search(head) or _SALARY.search(head)):
        return False
    return VERB_OR_HEADLINE.search(head) is None


# IGNORECASE matches "i" to "\u0130" and "\u0131" and "s" to "\u017f", which lower-case to
# something else: a post holding one is read by every rule
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def _is_staffing_ad(text: str) -> bool:
    """Whether ``text`` (quotes straightened), not a seeker's own post (asked first by both
    callers), has an ad's wording; a message asked for a view is no call."""
    lowered = None if _FOLDS_APART.search(text) else text.lower()
    text, lowered = drop_calls_for_views(text, lowered)
    return _reads_as_staffing_ad(text, lowered)


def _has_terms(text: str, lowered: str | None) -> bool:
    """The post gives the terms of a job: looked for only in a post holding one of their words,
    as the pattern is tried at every character."""
    return holds(lowered, TERMS_WORDS) and _TERMS.search(text) is not None


def _is_paid(text: str, pay: bool, lowered: str | None) -> bool:
    """The post gives pay (``pay``: already found), a salary or terms."""
    return pay or _SALARY.search(text) is not None or _has_terms(text, lowered)


def _seeks_a_service(text: str, lowered: str | None) -> bool:
    """A customer seeks a provider as a recruiter seeks a hire: only pay, a salary or terms
    say it is work offered. Asked only of a post in which someone is sought (a third of
    :func:`looks_like_job_ad`'s time when asked of every post)."""
    return holds(lowered, SERVICE_WORDS) and seeks_a_service(text)


def _reads_as_staffing_ad(text: str, lowered: str | None) -> bool:
    # cheapest and most telling cues first: most posts read here are no ad
    if holds(lowered, CALL_TO_APPLY_WORDS) and _CALL_TO_APPLY.search(text):
        return True
    paid = find_offered_pay(_PAY, text) if holds(lowered, PAY_WORDS) else None
    # "Nurse pay up 12% to $48/hr, new survey shows. Link in bio": pay reported, not offered;
    # "We're hiring again and nobody will work for $15 an hour": pay complained of, passed over
    # by find_offered_pay; with no other pay offered, no salary or terms make the post paid
    too_low = paid is None and SAID_TOO_LOW.search(text) is not None
    pay = paid is not None and not reports_around(text, paid.start(), paid.end())
    looking = holds(lowered, ("looking for ",)) and _LOOKING_IN_PLACE.search(text)
    if looking and (not _seeks_a_service(text, lowered) or _is_paid(text, pay, lowered)):
        return True
    act = holds(lowered, CALL_TO_ACT_WORDS) and _CALL_TO_ACT.search(text) is not None
    if pay and act:
        return True
    if is_recruiters_ad(text, lowered, pay):
        return True
    wanted = holds(lowered, WANTED_WORDS)
    # someone sought, asked last: the pattern is tried at every character, and most posts read
    # here give neither a call nor pay
    offered = (act and not _seeks_a_service(text, lowered)) or (
        not too_low and _is_paid(text, pay, lowered)
    )
    if offered and (
        (holds(lowered, SOUGHT_WORDS) and _SOUGHT.search(text))
        or (wanted and _ROLE_NEEDED.search(text))
    ):
        return True
    # "Nurses wanted at every hospital, says the union <link>" is news
    if wanted and _TRADES_SOUGHT.search(text) and REPORTED.search(text) is None:
        link = LINK_RE.search(text) is not None and not _seeks_a_service(text, lowered)
        if pay or link or _has_terms(text, lowered):
            return True
    if _is_listing(text) or is_other_language_staffing_ad(text):
        return True
    return (
        is_agency_ad(text, lowered)
        or is_plain_agency_ad(text, lowered)
        or (holds(lowered, ("work", "career", "job", "intern")) and invites_to_work_for(text))
        or offers_work(text, lowered, pay)
    )


def find_staffing_ads(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether its wording makes it a job ad (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    # a post with no trigger cannot be an ad: only the few with one are read in full
    for i in posts_matching(texts, TRIGGERS, lower=True):
        text = straighten_quotes(texts[i])
        # "Senior Buyer, open to roles in Dayton. $65-75k" is a seeker's: no opening
        out[i] = not speaks_as_seeker(text) and _is_staffing_ad(text)
    return out


# "#hiringtips" is no "#hiring"; a "#jobs" tag is read apart (below)
_BOT_AD_RE = re.compile(
    r"#hiring(?:now)?\b|#jobopening\b|#nowhiring|\bwe'?re hiring\b|\bnow hiring\b|\bhiring now\b|"
    r"^\W*hiring\s*[:!\u2013-]|\bis (now )?hiring( an?\b| for\b|!|:)|"
    r"\bapply (now|today|here|at|via|online)\b|\bapply:|\bjob (opening|alerts?|vacanc(y|ies))\b|"
    rf"\bposition (available|open)\b|\bjoin our team\b(?!{TEAM_EVENT_AFTER})|\bshameless plug\b|"
    r"\bwe are looking for an? \w+",
    re.IGNORECASE,
)
# a pay range per hour, a job board's cue unless its sentence reports it ("Welders earn
# $25-$30/hr in Texas, survey finds")
_PAY_RANGE_RE = re.compile(
    r"\$\d[\d,.]*k?\s*(?:-|\u2013|to)\s*\$?\d[\d,.]*k?\s*/\s*(?:hr|hour)\b", _I
)
_JOB_TAG_RE = re.compile(r"#jobs?\b", re.IGNORECASE)
_NEEDS_LINK_RE = re.compile(r"\bnew jobs?\b|\bopen (?:role|position)s?\b", re.IGNORECASE)


def _complains_of_pay(text: str) -> bool:
    """Pay said too low for anyone to take ("We're hiring again and nobody will work for $15 an
    hour"), with no other call to apply, pay offered nor a link: a complaint, not an ad."""
    low = SAID_TOO_LOW.search(text)
    if low is None or LINK_RE.search(text) or find_offered_pay(_PAY, text):
        return False
    return _APPLY_CALL_RE.search(f"{text[: low.start()]} {text[low.end() :]}") is None


def looks_like_job_ad(text: str) -> bool:
    """The text reads as a job ad, by the broad rule (see the module docstring)."""
    text = straighten_quotes(text)
    if speaks_as_seeker(text):  # a seeker's own post, whatever tags or listing it borrows
        return False
    if _complains_of_pay(text):  # whatever "we're hiring" says
        return False
    if _BOT_AD_RE.search(text) or _is_staffing_ad(text) or is_job_listing(text):
        return True
    paid = _PAY_RANGE_RE.search(text)
    if paid and not reports_around(text, paid.start(), paid.end()):
        return True
    # "new job" beside a "#jobs" tag is taken by the tag itself
    tagged = _JOB_TAG_RE.search(text) or (_NEEDS_LINK_RE.search(text) and LINK_RE.search(text))
    # news of jobs, however tagged or linked (read only then: it is slow on every post)
    return bool(tagged) and not tells_jobs_news(text)
