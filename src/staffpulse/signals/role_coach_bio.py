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

A network marketer is no vendor either (since stop 40): a real account's bio naming network
marketing beside a social-media coaching title was tagged vendor (0.70), and ``connect --role
vendor`` could suggest one. Multi-level marketing sells its products and its "opportunity" to
consumers, not to those who hire; so an account tagged vendor whose bio names network or
multi-level marketing, MLM, a home business or being your own boss, and sells nothing to
the hiring trade (:func:`~staffpulse.signals.role_vendor_bio.sells_to_agencies`), has its
vendor score moved to other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii
from staffpulse.signals.role_vendor_bio import sells_to_agencies

__all__ = [
    "drop_seeker_role_of_coaches",
    "drop_vendor_role_of_network_marketers",
    "markets_a_network",
    "serves_job_seekers",
]

_SEEKER = ROLES.index("job_seeker")
_OTHER = ROLES.index("other")
_VENDOR = ROLES.index("vendor")
# what a network marketer calls the trade, or offers its recruits
_NETWORK_MARKETING = re.compile(
    r"\bnetwork[\s-]*marketing\b|#?networkmarketers?\b|\bnetwork[\s-]*marketers?\b|\bmlm\b"
    r"|\bmulti[\s-]*level[\s-]*marketing\b|#?home[\s-]*business(?:es)?\b"
    r"|\bhome[\s-]*based[\s-]*business\b|\bbe\s+your\s+own\s+boss\b",
    re.IGNORECASE,
)

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


def markets_a_network(bio: str | None) -> bool:
    """The bio names network or multi-level marketing (or its offer: a home business, being
    your own boss) and sells nothing to agencies, recruiters or HR teams."""
    text = to_ascii(bio or "")
    return _NETWORK_MARKETING.search(text) is not None and not sells_to_agencies(text)


def drop_vendor_role_of_network_marketers(
    bios: Sequence[str | None], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged vendor whose bio markets a
    network (:func:`markets_a_network`) has its vendor score moved to other. Only the
    accounts tagged vendor are read; ``scores`` is not changed."""
    marketers = [i for i in rows_tagged(scores, [_VENDOR]) if markets_a_network(bios[i])]
    return move_role_scores(scores, marketers, [_VENDOR], _OTHER)
