"""A bot or an automated feed that posts jobs is a job board, and an organization.

By the guidelines a feed that posts many employers' jobs automatically is a job board, and a
bot or a feed is an organization. A feed of one trade's jobs names the trade,
and the heads read the trade's words: "RecruiterJobsBot" with "I tweet recruiter jobs.
Automated feed of recruiting openings." came out a person and a recruiter (p_org 0.34), and
"Automated: the latest recruiter and talent acquisition jobs." a vendor.

So when the bio says, in one sentence, that it is automated (a bot, "automated", "auto-posted",
a feed, an aggregator) and that it posts jobs (jobs, openings, listings, vacancies), or the
screen name ends in "bot" or "feed" and names jobs, and the top role is recruiter, hr_pro,
job_seeker, vendor or other, then ``p_org`` is raised to at least 0.7 and those roles' scores
go to job_board. Not for a careers account's own feed ("our openings", "careers": an employer)
nor for "not a bot"; an agency's own feed is staffing_firm already (``role_staffing_feed``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["JOB_BOT_P_ORG", "find_job_bots", "is_job_bot"]

#: the least ``p_org`` of a job bot: a bot or a feed is an organization by the guidelines
JOB_BOT_P_ORG = 0.7
_MOVED = [ROLES.index(r) for r in ("recruiter", "hr_pro", "job_seeker", "vendor", "other")]
_JOB_BOARD = ROLES.index("job_board")

# not "posting" alone: a feed of a forum's new posts is no job feed
_JOBS = r"(?:jobs?|job\s+post(?:s|ings?)?|openings?|listings?|vacanc(?:y|ies))"
_AUTOMATED = (
    r"(?:bot|automated|automatic(?:ally)?|auto-?(?:posted|tweet\w*|generated)|feed|aggregat\w*)"
)
# the two in one sentence, in either order
_BOT_BIO = re.compile(
    rf"\b{_AUTOMATED}\b[^.!?|\n]{{0,60}}?\b{_JOBS}\b|\b{_JOBS}\b[^.!?|\n]{{0,60}}?\b{_AUTOMATED}\b",
    re.IGNORECASE,
)
_JOBS_RE = re.compile(rf"\b{_JOBS}\b", re.IGNORECASE)  # jobs named in a bot's bio
_BOT_NAME = re.compile(r"\b(?:bots?|feed)$")
_NAME_JOBS = re.compile(r"\b(?:jobs?|careers?|hiring|openings?|vacanc\w+)\b")
# a careers account's own feed, or a bot denied
_NOT = re.compile(
    r"\bour\s+(?:\w+\s+)?(?:jobs?|openings?|vacanc\w+|roles?)\b|\bcareers?\b"
    r"|\bnot\s+(?:a\s+)?bots?\b|\bno\s+bots?\b",
    re.IGNORECASE,
)


def is_job_bot(name: str | None, bio: str | None) -> bool:
    """Whether the account says it is a bot or an automated feed of jobs (module docstring)."""
    text = to_ascii(bio or "")
    if _NOT.search(text):
        return False
    if _BOT_BIO.search(text):
        return True
    words = split_name(name or "")
    return bool(_BOT_NAME.search(words)) and bool(_NAME_JOBS.search(words) or _JOBS_RE.search(text))


def find_job_bots(
    names: Sequence[str | None], bios: Sequence[str | None], scores: np.ndarray
) -> list[int]:
    """The rows whose top role is one the rule moves and that :func:`is_job_bot`."""
    return [i for i in rows_tagged(scores, _MOVED) if is_job_bot(names[i], bios[i])]


def move_bots_to_job_board(scores: np.ndarray, rows: list[int]) -> np.ndarray:
    """Role scores in which ``rows`` have the moved roles' scores on job_board."""
    return move_role_scores(scores, rows, _MOVED, _JOB_BOARD)
