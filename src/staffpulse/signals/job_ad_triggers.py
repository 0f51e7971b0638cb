"""The literal cues of the staffing-ad rules (:mod:`staffpulse.signals.job_ads`).

Every ad those rules recognise holds one of :data:`TRIGGER_SOURCES` (matched in the lower-cased
text): one scan of a whole batch for them (:data:`TRIGGERS`) finds the few posts worth reading
in full, and a post with none is no ad.
"""

from __future__ import annotations

from staffpulse.signals.batch_scan import merge_for_scan
from staffpulse.signals.job_ads_invitations import INVITATION_TRIGGERS
from staffpulse.signals.job_ads_offers import OFFER_TRIGGERS
from staffpulse.signals.job_ads_other_languages import OTHER_LANGUAGE_TRIGGERS

__all__ = [
    "CALL_TO_ACT_WORDS",
    "CALL_TO_APPLY_WORDS",
    "DM_WORDS",
    "PAY_WORDS",
    "SERVICE_WORDS",
    "SOUGHT_WORDS",
    "TERMS_WORDS",
    "TRIGGERS",
    "TRIGGER_SOURCES",
    "WANTED_WORDS",
]

# Each starts with a literal, which the regex engine skips to fast (one alternation of them all
# is several times slower); merge_for_scan looks for them by their rarer letters, in a third of
# the time.
TRIGGER_SOURCES = (
    r"resum",
    r"r\u00e9sum",
    r"cv",
    r"our client",
    r"walk[- ]in",
    r"immediate (?:start|open|hir)",
    r"accepting app",
    r"opening(?:s? for| in| at| based)",
    r"looking for",
    r"seeking",
    r"needs? (?:an?|\d)",
    r"hiring (?:an?|\d)",
    r"s wanted",
    r"s needed",
    r"calling all",
    r"opportunity ?[:!-]",
    r"exciting (?:job )?opp",
    r"contract (?:role|position|job)",
    r"temp (?:role|position|job)",
    r"perm(?:anent)? (?:role|position|job)",
    r"full-time (?:role|position|job)",
    r"part-time (?:role|position|job)",
    r"role (?:in|at|based)",
    r"position (?:in|at|based)",
    r"vacancy (?:in|at|based)",
    r"\$ ?\d[\d,.]*k? ?(?:/|per |an? )",
    r"weekly pay",
    r"competitive",
    r"per diem",
    r"doe\b",
    r"sign[- ]on",
    r"referral",
    r"benefits (?:pac|inc)",
    r"\$ ?\d{2,3}k",
    r"\$ ?\d[\d,.]*k? ?[-\u2013]",
    r"now hiring",
    r"re hiring",
    r"are hiring",
    r" wanted",
    r" needed",
    r"hiring",
    r"open (?:role|position|req)",
    r"dm me",
    r"pm me",
    r"message me",
    r"inbox me",
    r"ping me",
    r"text me",
    r"slide into",
    r"send me a",
    r"send us a",
    r"hit me up",
    r"dms are open",
    r"know a",
    r"know some",
    r"know any",
    # the agency shapes of job_ads_agency.py
    r"on the spot",
    r"on-the-spot",
    r"work ?\?",
    r"jobs? ?\?",
    r"shifts ?\?",
    r"hours ?\?",
    r"we have",
    r"we've got",
    r"call us",
    r"text us",
    r"and \d",
    r"& \d",
    # the plain agency ads of job_ads_plain.py
    r" required",
    r"we (?:urgently )?need \d",
    r"shifts (?:are |still )?available",
    # hourly pay in pounds or euros ("\u00a312.50/h", "\u20ac15 per hour"), one pass for both
    "[\u00a3\u20ac] ?\\d[\\d,.]*k? ?(?:/|p|per |an? )",
    r"join our",
    r"join the",
    *OFFER_TRIGGERS,
    # the pay of sales_calls.names_pay written with no currency ("18/hr", "45k a year"; not
    # "back a week", which brought posts to be read in full for nothing)
    r"/ ?h(?:r|our)",
    r"k(?<=\dk) ?(?:/ ?|per |an? )(?:hr|hour|wk|week|month|yr|year)",
    *INVITATION_TRIGGERS,
    *OTHER_LANGUAGE_TRIGGERS,
)
TRIGGERS = merge_for_scan(TRIGGER_SOURCES)

# Words that every match of a rule of job_ads.py holds, lower-cased: a post holding none of them cannot match
# it, and looking for the words is several times cheaper than running the rule, which is
# tried at every word (IGNORECASE gives the engine no literal to skip to).
CALL_TO_APPLY_WORDS = (
    "resume",
    "r\u00e9sum\u00e9",
    "cv",
    "our client",
    "walk",
    "immediate ",
    "accepting applications",
    "opening",
)
SERVICE_WORDS = ("look", "search", "seek", "need", "want", "find", "recommend", "rec", "know")
PAY_WORDS = ("$", "weekly pay", "daily pay", "day pay", "competitive ", "per diem", "doe", "bonus",
             "benefits ")  # fmt: skip
CALL_TO_ACT_WORDS = (
    "interested",
    "dm",
    "message",
    "call",
    "text",
    "contact",
    "email",
    "reach out",
    "link in bio",
    "start",
    "asap",
    "for details",
    "apply",
)
DM_WORDS = ("dm", "pm", "message", "inbox", "ping", "text", "slide into", "send ", "hit me up")
SOUGHT_WORDS = (
    "seeking",
    "looking for",
    "need",
    "hiring",
    "wanted",
    "role",
    "position",
    "job",
    "open",
    "vacanc",  # vacancy, vacancies
    "calling all",
    "opportunity",
)
WANTED_WORDS = ("wanted", "needed")
# the terms of a job ("2nd shift", "full-time", "Mon-Fri", "6-month contract", "temp-to-hire",
# "(remote)", "hybrid", "overtime available", "home daily", "paid training", "no experience
# needed", "piece rate", "weekends off", "tools provided", "prevailing wage", "a 2-week job")
TERMS_WORDS = ("shift", "3x12", "time", "fri", "contract", "temp", "remote", "hybrid", "site",
               "available", "home daily", "paid training", "no experience", "piece rate",
               "weekends off", "tools provided", "prevailing wage", "week job",
               "week project")  # fmt: skip
