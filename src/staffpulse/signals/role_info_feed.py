"""A feed of traffic, travel or weather news that also gives job alerts is news, not a job
board nor an agency.

By the guidelines a job board is a board or an aggregator of openings and a staffing firm
places staff; news is "other". A network of lorry drivers' news whose bio offers news of the
roads and the weather and, with them, job alerts (labeled other in the dev file) carries a
job feed's words, and the heads split it between job_board (0.36-0.43) and staffing_firm
(0.23-0.39), other second; given any post, staffing_firm came first, and Connect listed it
among agencies.

A bio that names traffic, roads, travel or weather news or alerts and, beside them, jobs
("job alerts", "jobs", "vacancies"), and says nothing of placing or recruiting staff
("staffing", "recruitment", "agency", "recruiter", "we place", "hiring for"), has the
scores of staffing_firm and job_board moved to other when one of the two is its top role.
A jobs feed that also lists job fairs and CV tips keeps its role (no traffic or
weather in it), and so do an agency of drivers that gives traffic news and a bio calling
itself a job board or a jobs site ("the city's job board: thousands of jobs, career advice and
travel updates"). Prior knowledge
after the heads, under the switch ``news_bios`` with the news outlets: nothing is retrained
(``docs/models/roles.md``, "News outlets").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_job_roles_of_info_feeds", "is_a_news_feed_with_jobs"]

_DAILY_NEWS = re.compile(
    r"\b(?:traffic|road|roadworks|travel|weather)\s+(?:news|alerts?|updates?|info\w*|reports?)\b"
    r"|\b(?:traffic|weather)\b(?=[^.]{0,60}\b(?:news|alerts?|updates?)\b)",
    re.IGNORECASE,
)
_JOBS = re.compile(r"\bjob\s+(?:alerts?|news|updates?)\b|\bjobs\b|\bvacancies\b", re.IGNORECASE)
# a board of jobs that also gives travel or weather news calls itself one: "the city's job
# board: thousands of jobs ... and travel updates" keeps its role
_JOB_BOARD = re.compile(
    r"\bjobs?\s?(?:board|site|portal|listings|search)\b|\bcareers?\s(?:site|portal)\b"
    r"|\bthousands of jobs\b|\bjobs\b[^.]{0,30}\b(?:daily|every day)\b",
    re.IGNORECASE,
)
_STAFFING = re.compile(
    r"\bstaffing\b|\brecruit\w*|\bagency\b|\bagencies\b|\bplac(?:e|es|ing)\s+(?:drivers|staff|workers)"
    r"|\bhiring\s+for\b|\bemployment\s+(?:agency|business)\b|\bheadhunt\w*",
    re.IGNORECASE,
)


def is_a_news_feed_with_jobs(bio: str | None) -> bool:
    """Whether the bio offers traffic, travel or weather news and jobs beside them, places
    no staff and calls itself no job board (module docstring)."""
    text = to_ascii(bio or "")
    return (
        _DAILY_NEWS.search(text) is not None
        and _JOBS.search(text) is not None
        and _STAFFING.search(text) is None
        and _JOB_BOARD.search(text) is None
    )


def drop_job_roles_of_info_feeds(bios: Sequence[str | None], scores: np.ndarray) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged staffing_firm or job_board
    whose bio is a news feed with jobs has those two scores moved to other (``scores`` is not
    changed)."""
    jobs = [ROLES.index("staffing_firm"), ROLES.index("job_board")]
    rows = [i for i in rows_tagged(scores, jobs) if is_a_news_feed_with_jobs(bios[i])]
    return move_role_scores(scores, rows, jobs, ROLES.index("other"))
