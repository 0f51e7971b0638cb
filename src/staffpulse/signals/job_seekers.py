"""A seeker's own post, which can read like an ad: "Senior Buyer, 10 years in retail, open to
roles in Dayton. $65-75k. CV: https://…" opens as a listing, with a role, a place and pay, and
the listing rule of :mod:`staffpulse.signals.job_ads` took it for an opening. The guidelines
make it no job opening: it offers no job, it asks for one.

The seeker's wording wins over every ad cue: "open to roles" (or positions, opportunities,
offers, work), "my CV" or "my résumé", "I'm available for work" (or hire, roles, contracts,
interviews), "looking for my next role", ``#opentowork``. Not when the reader is the one asked
("Are you open to new roles? We're hiring", "if you're open to new opportunities, DM me": how
a recruiter's ad speaks to candidates), nor "available for" anything else ("I'm available for
questions about the role", which a recruiter's ad may close with), nor in a post that calls for
applicants itself ("We're hiring", "Apply now", "join our team": "Now hiring line cooks, open
to part-time work schedules" is the employer's ad).

On the 95,899 real texts read for the rules (dev posts, CrowdFlower tweets and bios, humor
sets, customer care) 5 use such wording, and no ad rule fired on any of them.
"""

from __future__ import annotations

import re

from staffpulse.accents import straighten_quotes

__all__ = ["SEEKER_RE", "SEEKER_WORDS", "speaks_as_seeker"]

#: Words, lower-cased, that every seeker's wording below holds: a post with none of them is
#: not read further (the rule runs on every post :func:`~.job_ads.looks_like_job_ad` reads)
SEEKER_WORDS = ("open to ", "my cv", "my resume", "my r\u00e9sum\u00e9", "available for ",
                "looking for my ", "#opentowork")  # fmt: skip

#: The seeker's wording (a batch may be scanned for it: :func:`~staffpulse.signals.batch_scan.
#: posts_matching`); a phone's curly apostrophe is read straight by :func:`speaks_as_seeker`
SEEKER_RE = re.compile(
    # the writer open to roles; not the reader asked ("are you", "if you're", "anyone")
    r"(?<!\byou're )(?<!\byou are )(?<!\bare you )(?<!\banyone )(?<!\bwho's )(?<!\bwho is )"
    r"\bopen to (?:new |other |remote |hybrid |contract |full-time |part-time )?"
    r"(?:roles|positions|opportunities|offers|work|jobs|contracts)\b(?!-)"
    r"|\bmy (?:cv|resume|r\u00e9sum\u00e9)\b"
    r"|\b(?:i'm|im|i am) (?:currently |now )?available for (?:work|hire|roles?|jobs?|"
    r"new (?:roles|opportunities|projects)|contracts?|freelance|interviews?)\b"
    r"|\blooking for my (?:next|new|first) (?:role|job|position|gig|opportunity|challenge)\b"
    r"|#opentowork\b",
    re.IGNORECASE,
)


# an employer's own call for applicants: "Now hiring line cooks ... open to part-time work
# schedules", "Hiring reps, open to work-from-home applicants. Apply now": its "open to" is the
# employer's, and the post is the ad it reads as
_CALLS_APPLICANTS_RE = re.compile(
    r"\b(?:we're|we are|now|currently) #?hiring\b|#nowhiring\b|#wearehiring\b"
    r"|\bapply (?:now|today|here|at|via|online|within)\b|\bapply\s*(?::|https?://)"
    r"|\bjoin (?:our|the) (?:\w+ )?team\b",
    re.IGNORECASE,
)


def speaks_as_seeker(text: str) -> bool:
    """The writer speaks as someone looking for work (see the module docstring)."""
    lowered = text.lower()
    if not any(word in lowered for word in SEEKER_WORDS):
        return False
    plain = straighten_quotes(text)
    return SEEKER_RE.search(plain) is not None and _CALLS_APPLICANTS_RE.search(plain) is None
