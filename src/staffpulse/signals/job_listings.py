"""Job ads written as a bare listing: a job title, where or on what terms, and a link.

An applicant tracking system, a job board or a staffing firm's scheduler posts its openings as
the listing itself: "Registered Nurse - ICU - Tampa, FL https://…", "Senior Java Developer |
Remote | Contract https://…", "Accounts Payable Specialist at Acme Staffing https://…",
"Home Health Aides (Full-time & Part-time) https://…". The job-opening model learned ads from
tweets that say "#hiring" or "apply now", and scores these about 0.2-0.4, so a feed of nothing
but openings would pass for a healthy mix. :func:`find_job_listings` tells them by their shape,
which nothing but a listing has:

* a link (the listing's page), and no question, no verb and no pronoun in the words before it
  (:data:`~staffpulse.signals.job_words.VERB_OR_HEADLINE`: "Uber driver in Tampa arrested" or
  "Meet our new Marketing Coordinator" are news and people, not openings);
* a job title in title case that ends in a role noun ("Registered Nurse", "Home Health Aides",
  "Assistant Professor of Chemistry"), optionally after a label ("New job:", "Job alert:",
  "Now hiring:");
* then only the listing's details, each a short fragment: a place or an employer in title case
  ("Tampa, FL", "at Acme Staffing", "ICU"), or terms ("Full-time", "Contract", "2nd shift",
  "Remote", pay). A title with a seniority ("Senior", "Entry Level") needs none.

A title alone with a link ("Graphic Designer https://…") is left to the model: it is as often
someone's portfolio or profile. So is a listing with no link, which offers nothing to open.

A feed that repeats the title after the details ("Lecturer in Physics | <a college> US - OH -
Dayton, Lecturer in Phys… https://…") is cut off by the network's length limit:
the last fragment, cut off mid-word before the link, is set aside when its other words are
in title case with no verb, so the listing before it is read as one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.accents import straighten_quotes
from staffpulse.signals.batch_scan import posts_matching
from staffpulse.signals.job_words import LISTED_ROLES, VERB_OR_HEADLINE

__all__ = ["find_job_listings", "is_job_listing"]

_LONGEST = 400  # characters of a listing with its link, hashtags and a quoted tweet's address
# the words before a listing's link: capitalised, numbers, pay, brackets, separators, small
# words and lower-case terms, after an optional label ("New job:")
_SHAPE = re.compile(
    r"\x1e\W*(?:(?i:new job|job alert|job|now hiring|hiring|opening|vacancy|position|role)"
    r"\s*[:!|\u2013-]\s*)?"
    r"(?>(?:[A-Z0-9$(\[][^\s\x1e]*+|of|and|for|the|to|in|on|at|with|de|near|&|[-\u2013\u2014|/:,.\u2022]"
    r"|(?:full|part)-time|contract|remote|hybrid|on-?site|nights|days|weekends|shifts?|temp"
    r"|perm|hire|weeks?|months?|wks?|per diem|travel|locum|&amp;)[),.:;]*+\s+){1,16}+"
    # a last word cut off by the length limit ("Lecturer in Phys… https://…")
    r"(?:[^\s\x1e]*(?:\u2026|\.\.\.|\u00db_)\s+)?https?://"
)
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)
# the last fragment, cut off before the link by the length limit ("…", or "\u0089\u00db_" as a
# double-encoded "…" reads in 2015 tweets)
_CUT_OFF = re.compile(r"[,;]\s+([^,;|]{1,80}?)(?:\u2026|\.\.\.|\u0089?\u00db_)\s*$")
# what may stand after the listing: hashtags, mentions, "via @board", an ellipsis, emoji
_TAIL = re.compile(r"(?:\s*(?:#\w+|@\w+|via|\.\.\.|\u2026|[^\w\s$()&,.:|/-]))+\s*$")
_LABEL = re.compile(
    r"^\W*(?:(?:new|hot|latest|featured|urgent|today'?s)\s+)?"
    r"(?:job(?:\s+(?:alert|opening|opportunity|posting|of the (?:day|week)))?|opening|vacancy|"
    r"position|open role|role|now hiring|hiring|we'?re hiring|check out this job)\s*[:!|\u2013-]\s*",
    re.IGNORECASE,
)
_SENIORITY = re.compile(
    r"^(?:senior|sr\.?|junior|jr\.?|lead|principal|chief|head|entry[- ]level|graduate|trainee|"
    r"assistant|associate|staff|interim|travel|per diem|contract|temporary|temp|part[- ]time|"
    r"full[- ]time)\b",
    re.IGNORECASE,
)
# where a listing's fragments part: " - ", " | ", ", ", "(", ")", " at ", " in "
_SPLIT = re.compile(
    r"\s+[-\u2013\u2014|\u2022/]\s+|\s*[,;()\[\]]\s*|\s+[|\u2022]\s*|\s+(?:at|in|near|@)\s+",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset({"of", "and", "&", "for", "the", "to", "in", "on", "with", "de", "-"})
_TERMS = re.compile(
    r"^(?:(?:full|part)[- ]time|contract(?:[- ]to[- ](?:hire|perm))?|temp(?:orary)?|perm(?:anent)?|"
    r"freelance|remote|hybrid|on-?site|onsite|travel|locum|per diem|seasonal|internship|"
    r"(?:\d+(?:st|nd|rd|th)|day|night|nights|days|evening|weekend|overnight|swing) shifts?|"
    r"nights|days|weekends|\d+\s*(?:weeks?|months?|wks?|mos?)|immediate start|"
    r"\$\s?\d[\d,.]*k?(?:\s?[-\u2013]\s?\$?\d[\d,.]*k?)?(?:\s*(?:/|per\s|an?\s)\s*\w+)?|"
    r"not specified|multiple locations|various locations|nationwide|us|usa|uk)$",
    re.IGNORECASE,
)
_ROLE = re.compile(rf"{LISTED_ROLES}(?:e?s)?", re.IGNORECASE)
# "Assistant Professor of Chemistry", "Director for Sales": the role comes before "of"
_OF = re.compile(r"\s+(?:of|for)\s+", re.IGNORECASE)
# A job title never opens with these: "The Night Manager - Official Trailer", "Top Recruiter -
# Jane Smith", "Our Director at the SHRM conference" are titles of films, praise and people
_TITLE_NEVER_OPENS = (
    "the a an top best our my your this that meet welcome congrats congratulations happy "
    "dear hey hi hello thanks thank"
)
# Words of what is written about a job, not of an opening: a guide, a review, an award, an
# episode ("Project Manager - Skills, Salary, Career Path", "Nurse of the Year")
_WRITTEN_ABOUT_A_JOB = (
    "trailer episode season chapter review guide skills career tips podcast webinar video "
    "book interview interviews questions quiz spotlight award awards winner month year week "
    "salary salaries course template description"
)
_NOT_A_TITLE_START = frozenset(_TITLE_NEVER_OPENS.split())
_ABOUT_A_JOB = frozenset(_WRITTEN_ABOUT_A_JOB.split())
_WORD = re.compile(r"[\w&$.'’+#-]+")


def _title_case(words: Sequence[str]) -> bool:
    return all(
        w.lower() in _SMALL_WORDS or not any(c.isalpha() for c in w) or w[0].isupper()
        for w in words
    )


def _ends_in_role(title: str) -> bool:
    """Whether the title's last one, two or three words name a role ("Nurse", "Crew Member",
    "Customer Service Rep")."""
    words = title.split()
    return any(_ROLE.fullmatch(" ".join(words[-n:])) for n in (1, 2, 3) if n <= len(words))


def _is_detail(fragment: str) -> bool:
    """A place, an employer, a department or terms: a short fragment, in title case unless it
    is terms."""
    words = _WORD.findall(fragment)
    if not words or len(words) > 5:
        return False
    return _TERMS.match(fragment.strip(" .")) is not None or _title_case(words)


def _drop_cut_off(body: str) -> str:
    """``body`` without its last fragment when the length limit cut it off mid-word and its
    other words are in title case with no verb (a feed repeating the title); else unchanged:
    "Tampa, arrested after a…" is news, not a listing's detail."""
    cut = _CUT_OFF.search(body)
    if cut is None:
        return body
    whole = _WORD.findall(cut.group(1))[:-1]  # the last word is cut: "Lecturer i…" is no "I"
    if not _title_case(whole) or VERB_OR_HEADLINE.search(" ".join(whole)):
        return body
    return body[: cut.start()]


def is_job_listing(text: str) -> bool:
    """Whether ``text`` is a job listing by its shape (see the module docstring)."""
    # X sends "&" as "&amp;" ("Dietary Aides (Full-time &amp; Part-time)")
    text = html.unescape(straighten_quotes(text))
    if _LINK.search(text) is None or "?" in text:
        return False
    core = _TAIL.sub("", _drop_cut_off(_LINK.sub(" ", text))).strip()
    core = _LABEL.sub("", core).strip(" .:-\u2013")
    if not core or len(core) > 140:
        return False
    title, *details = (f for f in _SPLIT.split(core) if f.strip(" .:"))
    title = title.strip(" .:")
    words = _WORD.findall(title)
    if not 1 <= len(words) <= 7 or not words[0][0].isupper() or not _title_case(words):
        return False
    if words[0].lower() in _NOT_A_TITLE_START or ":" in title or " of the " in title.lower():
        return False
    if any(w.lower() in _ABOUT_A_JOB for w in _WORD.findall(core)):
        return False
    # the cheapest telling test first: most candidates are headlines, whose last word is no role
    if not _ends_in_role(_OF.split(title, maxsplit=1)[0]):
        return False
    if not (details or _SENIORITY.match(title)) or not all(_is_detail(f) for f in details):
        return False
    return VERB_OR_HEADLINE.search(core) is None


def find_job_listings(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it is a job listing (:func:`is_job_listing`)."""
    out = np.zeros(len(texts), dtype=bool)
    # One scan of the whole batch finds the posts whose words before a link are all
    # capitalised, small or terms: only those few are read in full (reading every post with a
    # link cost as much as all the other job-ad rules together).
    for i in posts_matching(texts, (_SHAPE,)):
        out[i] = len(texts[i]) <= _LONGEST and is_job_listing(texts[i])
    return out
