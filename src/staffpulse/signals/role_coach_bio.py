"""A coach or consultant who serves job seekers is no job seeker.

The job-seeker cue of :mod:`staffpulse.signals.role_cues` reads "job seeker" and "resume"
wherever they stand, so a bio that *offers* help to seekers carries a seeker's words: "Career
coach. Help for job seekers using LinkedIn." was tagged job_seeker (0.70), and so were a
résumé writer and a job-search coach. By the guidelines a job seeker is a person who is
after work, which one who coaches seekers is not. Nor is such a coach a vendor: the
guidelines' vendors sell to those who hire (employers, recruiters, HR), not to seekers, and
the annotators labeled the dev accounts of career coaches and career experts ``other``.

So when the tagger's role is job_seeker and the bio names a service for seekers (a career,
job-search, résumé or interview coach, consultant, adviser, writer …; or helping, coaching or
serving job seekers, career changers or graduates; founding a community for them, "Founder of
JobSeekerHub") and says nothing of the account's own
search ("looking for", "seeking", "open to work", "need a job", "on the market", …, the words of
seekers the bio serves left out: "people who are looking for work"), the job_seeker score
goes to other. Kind and the other scores stay, so a coach who also sells to employers keeps
the heads' vendor score. Prior knowledge after the heads, like the other rules; what it
changed on the dev and CrowdFlower files is in ``docs/models/roles.md`` (stop 33).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_seeker_role_of_coaches", "serves_job_seekers"]

_SEEKER = ROLES.index("job_seeker")
_OTHER = ROLES.index("other")

_SEEKERS = r"(?:job[\s-]*seekers|jobseekers|job[\s-]*hunters|career[\s-]*changers|graduates|grads)"
_SERVES_SEEKERS = re.compile(
    # a title or service of careers: "career coach", "resume writer", "interview coaching"
    r"\b(?:careers?|job[\s-]*search|job[\s-]*seekers?|jobseekers?|resumes?|cvs?|interviews?"
    r"|outplacement|employability|career[\s-]*(?:change|transition)s?)\s+"
    r"(?:coach\w*|consult\w*|advi[sc]\w*|counsel\w*|strategist|writ\w*|expert|mentor\w*"
    r"|specialist|trainer|training|makeovers?|reviews?|services?|help|tips|workshops?)\b"
    # help offered to seekers: "I help job seekers", "Help for job seekers using LinkedIn"
    r"|\b(?:help|helps|helping|coach|coaches|coaching|support|supports|supporting|serve|serves"
    r"|serving|empower\w*|guid\w*|prepar\w*|train|trains|training|mentor\w*|teach\w*|for)\s+"
    rf"(?:[\w&'-]+\s+){{0,2}}?{_SEEKERS}\b"
    # the founder of a service or community for seekers: "Founder @ JobSeekerHub"
    r"|\b(?:co-?founder|founder|creator)\s+(?:of|@|at)\s+#?\w*job[\s-]*seekers?\w*",
    re.IGNORECASE,
)
# the account's own search (as in the job-seeker cue), once the seekers it serves are left out
_OTHERS_SEARCH = re.compile(
    r"\b(?:who|that)(?:\s+are|'re|\s+is)?\s+(?:actively\s+)?(?:looking|seeking|searching)\b"
    rf"|\b{_SEEKERS}\s+(?:looking|seeking|searching)\b",
    re.IGNORECASE,
)
_OWN_SEARCH = re.compile(
    r"looking\s+for|seeking|open\s+to|open\s*to\s*work|unemployed|\bmy\s+(?:resume|cv)\b"
    r"|available\s+(?:for|immediately|now)|laid\s+off|let\s+go|redundan|between\s+jobs"
    r"|job\s*hunt(?:ing)?\b|actively|\bmy\s+job\s+search|aspiring|hire\s*me|in\s+search\s+of"
    r"|\b(?:need|want)(?:s|ing)?\s+(?:a\s+)?(?:new\s+)?job\b|\bon\s+the\s+(?:job\s+)?market\b"
    r"|\bsucht?\b|\bbusco\b|\bcherche|werkzoekend|\bcerco\b",
    re.IGNORECASE,
)


def serves_job_seekers(bio: str | None) -> bool:
    """The bio offers a service to job seekers and says nothing of a search of its own."""
    text = to_ascii(bio or "")
    if _SERVES_SEEKERS.search(text) is None:
        return False
    return _OWN_SEARCH.search(_OTHERS_SEARCH.sub(" ", text)) is None


def drop_seeker_role_of_coaches(bios: Sequence[str | None], scores: np.ndarray) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged job_seeker whose bio serves
    job seekers (:func:`serves_job_seekers`) has its job_seeker score moved to other. Only the
    accounts tagged job_seeker are read; ``scores`` is not changed."""
    coaches = [i for i in rows_tagged(scores, [_SEEKER]) if serves_job_seekers(bios[i])]
    return move_role_scores(scores, coaches, [_SEEKER], _OTHER)
