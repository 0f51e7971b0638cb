"""Job ads told by their wording: patterns that back up the job-opening model.

The model learned from 2015 and 2022 tweets, whose ads mostly say "#hiring" or "apply now".
Staffing firms write ads another way ("Looking for a Registered Nurse in Dallas, 3x12
nights, $55/hr. DM me your resume!"), and the model scores those low. Two rules:

* :func:`find_staffing_ads` (a whole batch at once): wording that only an ad uses. It is
  precise enough to overrule the model (:class:`staffpulse.signals.text.TextSignals` raises
  such a post to :data:`PATTERN_SCORE` as a job opening and a work topic, and lowers its
  personality as the labelling guidelines do for every job ad): on the 498 dev posts it fires on 2 job ads and no
  other post, and on none of 28,538 other real tweets (humor sets, customer care, CrowdFlower;
  ``scripts/eval_job_patterns.py``). A post is an ad when it has

  - a call to apply that needs nothing else: "DM me your resume", "resumes to jobs@…",
    "our client is seeking", "walk-in interviews", "immediate start", "now accepting
    applications", "we have openings for";
  - or someone sought for a role ("Seeking a Payroll Specialist", "Forklift operators
    wanted!", "Calling all welders", "Contract role:") next to pay, terms or a call to act;
  - or pay ("$19/hr", "per diem", "weekly pay") next to a call to act ("Interested? DM us").

  Either cue alone is talk about work ("Minimum wage is $7.25/hr", "Night shift nurses, DM
  me your tips"), so one is never enough.

* :func:`looks_like_job_ad` (one text): the broad rule for when no model score is at hand
  (listening's opening posts, Connect without the model). It adds the cues job-board bots
  use: ``#hiring``, "we're hiring", "apply now", a pay range per hour, "Hiring:" opening the
  post, and "new job" or "open position" next to a link or ``#jobs`` ("I start my new job
  Monday" is not an ad; a job-board bot always links). These also fire on hashtag spam, which
  the guidelines do not count as an ad, so they never overrule the model.

A bare "hiring" is not a cue, even with a link: "How is hiring going?" and "Why hiring is slow
(article)" are what listening looks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["PATTERN_BOUNDS", "PATTERN_SCORE", "find_staffing_ads", "looks_like_job_ad"]

#: The job-opening score of a post the staffing-ad patterns recognise (above the threshold).
PATTERN_SCORE = 0.9
#: (lowest, highest) score of each signal for such a post: the labelling guidelines make a job
#: ad a job opening about work, with no human voice (43 of the 44 dev ads are labelled so).
PATTERN_BOUNDS: dict[str, tuple[float, float]] = {
    "job_opening": (PATTERN_SCORE, 1.0),
    "work_topic": (PATTERN_SCORE, 1.0),
    "personality": (0.0, 1.0 - PATTERN_SCORE),
}

_I = re.IGNORECASE
_RESUME = r"(?:resume|r\u00e9sum\u00e9|cv)s?"
# an ad on its own
_CALL_TO_APPLY = re.compile(
    rf"\b(?:dm|message|email|send|text|inbox)\s+(?:me|us)\s+(?:your\s+)?(?:updated\s+)?{_RESUME}\b|"
    rf"\b{_RESUME}\s+to\s+\S+@\S+|"
    r"\bour client\b[^.!?\n]{0,60}?\b(?:is\s+)?(?:seeking|looking for|hiring|needs|requires|"
    r"searching for|recruiting)\b|"
    r"\bwalk-?in interviews?\b|\bimmediate (?:start|openings?|hire|hiring)\b|"
    r"\baccepting applications\b|\bhave (?:an? |several |\d+ )?(?:job )?openings? for\b|"
    r"\b(?:i'?m|we'?re) looking for (?:an?|two|three|four|five|\d+) [\w -]{3,40}\bin [A-Z]",
    _I,
)
# someone sought for a role; case matters for the job title ("Seeking a Payroll Specialist")
_SOUGHT = re.compile(
    r"\b(?i:seeking|looking for|need|needs|hiring)\s+(?:an?|\d+)\s+(?i:experienced\s+|senior\s+|"
    r"junior\s+|qualified\s+|certified\s+|licensed\s+|registered\s+|skilled\s+)?[A-Z][\w/-]+|"
    r"\b[Ss]eeking an? [a-z]+ [A-Z]\w+|\b\w+s (?:wanted|needed)\b\s*[!:.]|"
    r"\b(?i:contract|temp|perm|permanent|full-time|part-time) (?i:role|position|job)\s*[:!-]|"
    r"\b(?:role|position|opening|vacancy) (?:in|at|based in) [A-Z]|"
    r"\b(?i:calling all \w+s)\b|\b(?i:(?:great|new) (?:job )?opportunity)\s*[:!-]|"
    r"\b(?i:exciting (?:job )?opportunity)\b"
)
_PAY = re.compile(
    r"\$\s?\d[\d,.]*k?\s*(?:/|per\s|an\s|a\s)\s*(?:hr|hour|wk|week|yr|year|annum)\b|"
    r"\bweekly pay\b|\bcompetitive (?:pay|salary|rates?)\b|\bper diem\b|\bDOE\b|"
    r"\bsign[- ]on bonus\b|\breferral bonus\b|\bbenefits (?:package|included)\b",
    _I,
)
_TERMS = re.compile(
    r"\b\d(?:st|nd|rd|th) shifts?\b|\b(?:night|day|weekend|evening|overnight|swing) shifts?\b|"
    r"\b3x12s?\b|\b(?:full|part)[- ]time\b|\bmon(?:day)?\s*-\s*fri(?:day)?\b|"
    r"\b\d+[- ](?:month|week|wk)s?\b[^.!?\n]{0,12}\bcontract\b|"
    r"\bcontract\b[^.!?\n]{0,40}\b\d+ (?:months|weeks)\b|\b(?:temp|contract)[- ]to[- ](?:hire|perm)\b|"
    r"\((?:remote|hybrid|on-?site)\)|\bhybrid\b",
    _I,
)
_CALL_TO_ACT = re.compile(
    r"\binterested\s*\?|\b(?:dm|message|call|text|contact|email)\s+(?:me|us)\b|\breach out\b|"
    r"\blink in bio\b|\bcall\s+\(?\d{3}|\btext\s+\w+\s+to\s+\d+|"
    r"\bstart(?:s|ing)?\s+(?:monday|tomorrow|asap|immediately|next week)\b|\basap\b|"
    r"\bfor details\b",
    _I,
)
# Every ad above holds one of these. Each starts with a literal, which the regex engine skips
# to fast (one alternation of them all is several times slower): only the posts holding one
# are read in full.
_TRIGGERS = tuple(
    re.compile(p)
    for p in (
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
    )
)
_SEP = "\x1e"


def _is_staffing_ad(text: str) -> bool:
    if _CALL_TO_APPLY.search(text):
        return True
    pay = bool(_PAY.search(text))
    act = bool(_CALL_TO_ACT.search(text))
    if pay and act:
        return True
    return bool(_SOUGHT.search(text)) and (pay or act or bool(_TERMS.search(text)))


def find_staffing_ads(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether its wording makes it a job ad (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    if not texts:
        return out
    blob = _SEP.join(texts).lower()
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    hits = np.fromiter(
        (m.start() for trigger in _TRIGGERS for m in trigger.finditer(blob)), dtype=np.int64
    )
    # a post with no trigger cannot be an ad: only the few with one are read in full
    for i in np.unique(np.searchsorted(starts, hits, side="right") - 1):
        out[i] = _is_staffing_ad(texts[i])
    return out


_BOT_AD_RE = re.compile(
    r"#hiring|#job(s|opening)?\b|#nowhiring|\bwe'?re hiring\b|\bnow hiring\b|\bhiring now\b|"
    r"^\W*hiring\s*[:!\u2013-]|\bis (now )?hiring( an?\b| for\b|!|:)|"
    r"\bapply (now|today|here|at|via|online)\b|\bapply:|\bjob (opening|alerts?|vacanc(y|ies))\b|"
    r"\bposition (available|open)\b|\bjoin our team\b|\bshameless plug\b|"
    r"\$\d[\d,.]*k?\s*(-|\u2013|to)\s*\$?\d[\d,.]*k?\s*/\s*(hr|hour)\b|"
    r"\bwe are looking for an? \w+|\bopen (role|position)s?\b.*https?://",
    re.IGNORECASE,
)
_NEEDS_LINK_RE = re.compile(r"\bnew jobs?\b|\bopen positions?\b", re.IGNORECASE)
_LINK_RE = re.compile(r"https?://|#jobs?\b", re.IGNORECASE)


def looks_like_job_ad(text: str) -> bool:
    """The text reads as a job ad, by the broad rule (see the module docstring)."""
    if _BOT_AD_RE.search(text) or _is_staffing_ad(text):
        return True
    return bool(_NEEDS_LINK_RE.search(text) and _LINK_RE.search(text))
