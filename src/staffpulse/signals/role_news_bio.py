"""A newspaper, a news site, a podcast or a blog is no employer.

By the guidelines an employer is an organization outside staffing and HR that posts mainly of
its own brand, and news is "other". The heads learned "an organization that says we" as
employer, so on the CrowdFlower accounts a town's newspaper, a newspaper's politics blog, a
national "news body" and two podcasts came out employers at 0.6-0.9, and Connect kept them
(it leaves out role other by default, never employers), reading "employer" beside a newspaper.

A bio that says what the account is as a publication ("the official newspaper of", "a news
site", "a news body", "a podcast about gardening", "the podcast where two friends ...", "the
blog run by") has its employer score moved to other; kind and the other scores stay (an outlet
is an organization). News as a brand's own updates is left alone: a city council's news and
notices and a shop's mailing list for news are employers by the labels, and so is a hotel's
"hotel news". Prior knowledge after the heads, like the other rules: nothing is retrained
(``docs/models/roles.md``, stop 36).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_employer_role_of_news_outlets", "names_a_news_outlet"]

_EMPLOYER = ROLES.index("employer")
_OTHER = ROLES.index("other")

_OUTLET = re.compile(
    r"\bnewspapers?\b"
    r"|\bnews\s+(?:body|site|website|source|outlet|portal|agency|network|channel|station)\b"
    # the account is the podcast or the blog, not a firm that has one ("our podcast")
    r"|\b(?:an?|the)\s+(?:(?:daily|weekly|monthly|new|comedy|political|independent)\s+)?podcast"
    r"\s+(?:about|in\s+which|that|bringing|where)\b"
    r"|\bblog\s+run\s+by\b",
    re.IGNORECASE,
)


def names_a_news_outlet(bio: str | None) -> bool:
    """Whether the bio says the account is a newspaper, a news site, a podcast or a blog."""
    return _OUTLET.search(to_ascii(bio or "")) is not None


def drop_employer_role_of_news_outlets(
    bios: Sequence[str | None], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose bio says it
    is a news outlet has its employer score moved to other. Only the accounts tagged employer
    are read; ``scores`` is not changed."""
    tagged = rows_tagged(scores, [_EMPLOYER])
    outlets = [i for i in tagged if names_a_news_outlet(bios[i])]
    return move_role_scores(scores, outlets, [_EMPLOYER], _OTHER)
