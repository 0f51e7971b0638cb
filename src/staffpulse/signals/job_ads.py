"""Job ads told by their wording: the one pattern rule for when a model's score is not at hand.

Listening flags the opening post of a conversation with it (a job ad is not a conversation to
join), and Connect uses it for the job share of a candidate's posts when the post-signals
model is missing. Two kinds of cue:

* phrases that make a post an ad on their own: ``#hiring``, "we're hiring", "apply now",
  "apply:", "job alert", "job vacancy", a pay range per hour, "Hiring:" opening the post...;
* words that do so only next to a link or ``#jobs``: "new job" and "open position" also
  occur in talk about work ("I start my new job Monday"), while a job-board bot always links.

A bare "hiring" is not a cue, even with a link: "How is hiring going?" and "Why hiring is slow
(article)" are what listening looks for.
"""

from __future__ import annotations

import re

_AD_RE = re.compile(
    r"#hiring|#job(s|opening)?\b|#nowhiring|\bwe'?re hiring\b|\bnow hiring\b|\bhiring now\b|"
    r"^\W*hiring\s*[:!\u2013-]|\bis (now )?hiring( an?\b| for\b|!|:)|"
    r"\bapply (now|today|here|at|via|online)\b|\bapply:|\bjob (opening|alerts?|vacanc(y|ies))\b|"
    r"\bposition (available|open)\b|\bjoin our team\b|\bshameless plug\b|"
    r"\$\d[\d,.]*k?\s*(-|\u2013|to)\s*\$?\d[\d,.]*k?\s*/\s*(hr|hour)\b|"
    r"\b(i'?m|we'?re) looking for an? [\w -]{3,40}\bin [A-Z]|\bwe are looking for an? \w+|"
    r"\bopen (role|position)s?\b.*https?://",
    re.IGNORECASE,
)
_NEEDS_LINK_RE = re.compile(r"\bnew jobs?\b|\bopen positions?\b", re.IGNORECASE)
_LINK_RE = re.compile(r"https?://|#jobs?\b", re.IGNORECASE)


def looks_like_job_ad(text: str) -> bool:
    """The text reads as a job ad (see the module docstring for the cues)."""
    if _AD_RE.search(text):
        return True
    return bool(_NEEDS_LINK_RE.search(text) and _LINK_RE.search(text))
