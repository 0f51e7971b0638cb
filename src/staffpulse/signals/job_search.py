"""A post about the writer's job search is about work, whatever words the model knows.

The guidelines count job search, résumés and interviews as work topic, but the work_topic
model learned its words from tweets that rarely tell of a search: "third rejection email this
week, honestly not sure how much longer I can keep doing this" scored 0.07, "sent out 40
applications this month and heard back from two" 0.03, "another automated rejection at 2am"
0.18, so Listen left a job seeker's post out of a staffing firm's inbox. (None of the three
names a job, so they are left to the model now: a grad school sends such emails too.)

:func:`find_job_search_talk` marks a post naming a step of a job search in words that have no
other common sense: a number of job applications sent, applying to a number of jobs, a cover
letter, the job hunt or search, a job interview, offer, portal, board or fair, a phone, panel,
second or third interview (not one "with" someone, as the press has), a recruiter who ghosted
the writer, an entry-level role. A rejection email, an automated rejection or a number of
applications sent count only beside a job word (a job, role, position, interview, recruiter,
employer, hiring, career, résumé or CV, an application portal such as LinkedIn, the ATS, a
callback): grad schools, mortgages, housing lotteries, summer camps, literary magazines and
dating apps send and reject applications too. Each names its job: "my visa application", "the
interview with the band", "another rejection email from the literary magazine", "submitted 12
applications to grad schools", "got ghosted by my date" or "I'm hunting for a decent ramen
place" are none.
:data:`JOB_SEARCH_BOUNDS` lifts its work_topic to the threshold at least; its other signals
keep the model's scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import posts_matching, scan_for_words

__all__ = [
    "JOB_SEARCH_BOUNDS",
    "JOB_SEARCH_WORK_TOPIC",
    "find_job_search_talk",
    "names_job_search_step",
]

#: The lowest work_topic score of a post about a job search (the threshold is 0.55).
JOB_SEARCH_WORK_TOPIC = 0.6
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
JOB_SEARCH_BOUNDS: dict[str, tuple[float, float]] = {"work_topic": (JOB_SEARCH_WORK_TOPIC, 1.0)}

# a count of things sent or applied to: "40", "a dozen", "so many", "another 12"
_COUNT = (
    r"(?:\d+|another \d+|a dozen|dozens of|hundreds of|so many|too many|a few|a bunch of|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|a hundred)(?: more)?)"
)
_JOB_SEARCH = re.compile(
    r"\bjob (?:hunt\w*|search\w*|seek\w*|interviews?|offers?|portals?|boards?|"
    r"applications?|fairs?|rejections?)\b"
    rf"|\b(?:sent|sent out|submitted|filled out|put in|fired off) {_COUNT} job applications\b"
    rf"|\bappl(?:ied|ying) (?:to|for) {_COUNT} (?:more )?(?:jobs|roles|positions|openings)\b"
    r"|\bcover letters?\b"
    # (not a press interview: "in a second interview with the network, the senator ...")
    r"|\b(?:phone|panel|second|third|fourth|onsite|on-site) (?:round )?interviews?\b(?! with\b)"
    r"|\brecruiters? (?:just |has |have |finally )?ghost(?:ed|ing)?\b"
    r"|\bghosted (?:me |us )?(?:by|after) (?:a |the |another |this |that |my )?"
    r"(?:recruiter|hiring manager|interview)"
    r"|\bentry[- ]level (?:roles?|jobs?|positions?)\b",
    re.IGNORECASE,
)
# steps that other applications share (a grad school's rejection email, applications sent to
# a housing lottery): a job search's only beside a word of one (_JOB_WORD)
_SHARED_STEP = re.compile(
    r"\brejection (?:e-?mail|mail)s?\b|\b(?:automated|auto|generic|form) rejection"
    rf"|\b(?:sent|sent out|submitted|filled out|put in|fired off) {_COUNT} applications\b",
    re.IGNORECASE,
)
_JOB_WORD = re.compile(
    r"\b(?:jobs?|roles?|positions?|interview\w*|recruit\w*|employers?|employment|hiring|"
    r"hired|careers?|r[e\u00e9]sum[e\u00e9]s?|cvs?|internships?|linkedin|glassdoor|"
    r"workday|ats|applicant tracking|call-?backs?)\b",
    re.IGNORECASE,
)


# words, lower-cased, that every match of _JOB_SEARCH and _SHARED_STEP holds: the batch is scanned for them
# once, and only the few posts holding one are read (the pattern itself, tried at every
# character, cost twice the scan of the rest of the rules)
_SCAN = scan_for_words(("reject", "job", "applica", "cover letter", "interview", "ghost", "level"))


def find_job_search_talk(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it names a step of a job search (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    for i in posts_matching(texts, _SCAN, lower=True):
        out[i] = names_job_search_step(texts[i])
    return out


def names_job_search_step(text: str) -> bool:
    """Whether one text names a step of a job search (see the module docstring)."""
    if _JOB_SEARCH.search(text) is not None:
        return True
    return _SHARED_STEP.search(text) is not None and _JOB_WORD.search(text) is not None
