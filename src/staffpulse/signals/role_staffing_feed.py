"""An agency's own job feed is a staffing firm, whatever its job-seeker pitch says.

The labeling guidelines count as ``staffing_firm`` an agency, one of its offices **and the feed
of its own openings**, and as ``job_board`` as a feed of *many employers'*
openings. Many agencies speak to job seekers first ("Apply to jobs near you", "Find your next
job"), so their bio carries the words of a job feed, and the role head, which learned job
feeds from 29 job boards and staffing firms from 6, called them job boards: ``AcmeJobs`` with "Find your next job
with Acme, a specialized staffing firm. Apply to jobs near you." came out job_board (0.78
against 0.22).

What tells the two apart is whether the account says that *it is* an agency: its bio calls it
one in the singular ("a staffing firm", "recruitment agency", "executive search",
"agence d'interim"; not "jobs from staffing agencies", nor "software for your staffing
agency", which are a job board's or a vendor's), or its screen name holds "staffing",
"personnel", "recruitment", "temps" or "temporaries" without "jobs" or "careers" (``AcmeStaffing``, not
``StaffingJobsDFW``). For such an account the job_board score is moved to staffing_firm: both
are organizations' roles, so the kind and the other scores stay as they are. A brand name
alone ("Kelly Services", "Adecco") says nothing here: there is no list of names, by design.

An agency that leaves its bio empty and only posts its openings ("Keystone Temps is hiring!
Warehouse Associate | Apply ...") says nothing the heads learned from, and they called it other
(0.81): Connect then read a temp agency as "outside the trade". Its name says what it is, and
its posts are the feed of its own openings, which the guidelines count as staffing_firm. So an
account whose name names an agency (the test above, "temps" and "temporaries" included: "Acme
Temps") and at least half of whose posts are job ads (:func:`find_named_agencies_posting_ads`),
tagged other, employer or job_board, is read as an organization with those three roles' scores
moved to staffing_firm; a vendor (HR media named "Personnel ...") and a person keep theirs. A
name alone is not enough: "Personnel" and "Temps" name magazines and weather pages too.

This is prior knowledge from the guidelines, like :mod:`staffpulse.signals.role_product_bio`:
it changes no feature, so the model needs no retraining. What it changes on real accounts is
measured in ``docs/models/roles.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.models import ROLES
from staffpulse.signals.role_cues import CUES
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = [
    "AGENCY_NAME_P_ORG",
    "find_agency_accounts",
    "find_named_agencies_posting_ads",
    "move_ads_of_named_agencies",
    "move_feed_to_staffing",
    "names_an_agency",
    "posts_mostly_job_ads",
    "says_it_is_an_agency",
]

_JOB_BOARD = ROLES.index("job_board")
_STAFFING = ROLES.index("staffing_firm")
# the roles a named agency posting its openings was read as, for want of a bio
_READ_AS = [ROLES.index(r) for r in ("job_board", "employer", "other")]
#: ``p_org`` at least, of an account whose name and job ads say it is an agency
AGENCY_NAME_P_ORG = 0.7
# the tagger's own cue of a job ad in a post ("now hiring", "apply today", "#jobs")
_JOB_AD = re.compile(next(p for cue, _, p in CUES if cue == "text_job_ad"), re.IGNORECASE)

# singular nouns only (\b after them): "staffing agencies" is what a job board or vendor
# talks about, "a staffing agency" what an agency says of itself
_SELF = re.compile(
    r"\b(?:staffing|recruitment|recruiting|employment|placement|temp|temporary|personnel|nursing"
    r"|locum)(?:\s+(?:and|&)\s+\w+)?\s+(?:firm|agency|company|corporation|group|provider)\b"
    r"|\bstaffing\s+(?:services|solutions|partner)\b|\bexecutive\s+search\b|\bsearch\s+firm\b"
    r"|\blabou?r\s+hire\b"
    # the same in German, French, Spanish, Dutch, Italian, Portuguese and Polish
    r"|personalvermittlung|personaldienstleister\b|zeitarbeitsfirma|"
    r"\b(?:agence|cabinet|societe)\s+(?:d'|de\s+)?(?:interim|recrutement|placement)\b"
    r"|empresa\s+de\s+trabajo\s+temporal|\bagencia\s+de\s+(?:empleo|colocacion|reclutamiento"
    r"|recrutamento)\b|uitzendbureau|\bagenzia\s+(?:per\s+il|di)\s+lavoro\b|\bagencja\s+pracy\b",
    re.IGNORECASE,
)
# "... for your staffing agency", "helping a recruitment agency ...": someone else's agency
_SERVES = re.compile(
    r"\b(?:for\s+(?:your|every|any|each)|serving|serves|helping|helps)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# a stem every pattern here needs, looked for first (plain substring tests: a regular
# expression over every bio cost the tagger about 15%); most accounts have none
_STEMS = (
    "staff",
    "recruit",
    "employ",
    "placement",
    "temp",
    "personnel",
    "nursing",
    "locum",
    "search",
    "labo",
    "personal",
    "zeitarbeit",
    "agenc",
    "cabinet",
    "soci",
    "empresa",
    "uitzend",
    "agenz",
)
_NAME_AGENCY = re.compile(r"\b(?:staffing|personnel|recruitment|temps|temporaries)\b")
_NAME_FEED = re.compile(r"\b(?:jobs?|careers?|hiring|vacanc\w*|work)\b")


def says_it_is_an_agency(name: str, bio: str) -> bool:
    """The name or the bio says the account is a staffing, recruiting or employment agency."""
    text = to_ascii(bio or "")
    folded = f"{to_ascii(name or '')} {text}".lower()
    if not any(stem in folded for stem in _STEMS):
        return False
    if names_an_agency(name):
        return True
    return any(_SERVES.search(text[: m.start()]) is None for m in _SELF.finditer(text))


def names_an_agency(name: str | None) -> bool:
    """The screen name holds "staffing", "personnel", "recruitment", "temps" or "temporaries"
    and no job feed's word (``AcmeStaffing``, "Keystone Temps"; not ``StaffingJobsDFW``)."""
    words = split_name(name or "")
    return bool(_NAME_AGENCY.search(words)) and not _NAME_FEED.search(words)


def posts_mostly_job_ads(posts: TextInput) -> bool:
    """At least half of the posts, and at least one, hold a job ad's words."""
    texts = [posts] if isinstance(posts, str) else list(posts or ())
    texts = [t for t in texts if isinstance(t, str) and t.strip()]
    ads = sum(1 for t in texts if _JOB_AD.search(t))
    return ads > 0 and 2 * ads >= len(texts)


def find_named_agencies_posting_ads(
    names: Sequence[str | None], posts: Sequence[TextInput], scores: np.ndarray
) -> list[int]:
    """The rows tagged job_board, employer or other whose name names an agency
    (:func:`names_an_agency`) and whose posts are mostly job ads: an agency's feed of its own
    openings, a staffing firm by the guidelines."""
    return [
        i
        for i in rows_tagged(scores, _READ_AS)
        if names_an_agency(names[i]) and posts_mostly_job_ads(posts[i])
    ]


def move_ads_of_named_agencies(scores: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` with the job_board, employer and other scores of
    ``rows`` moved to staffing_firm; ``scores`` is not changed."""
    return move_role_scores(scores, rows, _READ_AS, _STAFFING)


def find_agency_accounts(
    names: Sequence[str | None], bios: Sequence[str | None]
) -> npt.NDArray[np.bool_]:
    """For each account, whether it says it is an agency (:func:`says_it_is_an_agency`)."""
    return np.fromiter(
        (says_it_is_an_agency(n or "", b or "") for n, b in zip(names, bios, strict=True)),
        dtype=bool,
        count=len(names),
    )


def move_feed_to_staffing(scores: np.ndarray) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` with each row's job_board score added to staffing_firm."""
    out = np.array(scores, dtype=np.float64, copy=True)
    out[:, _STAFFING] += out[:, _JOB_BOARD]
    out[:, _JOB_BOARD] = 0.0
    return out
