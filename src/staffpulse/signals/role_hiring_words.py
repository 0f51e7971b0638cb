"""A recruiter, an HR person or a staffing firm says some word of the hiring world.

The heads learned from 2015 Twitter bios, short ones; the long bios of Mastodon and Bluesky,
full of hashtags and titles, can push an account that has nothing to do with hiring into a
role of the industry group: a geographer of immigration law ("Assistant Professor …
#immigration #borders #law") came out a recruiter, a pastor and inventory controller too. The
guidelines give those roles to accounts whose job is recruiting, HR or placing workers, and
such an account's name, bio or posts say so in some word: recruiting, hiring, talent, staff,
HR, people, payroll, careers, jobs, candidates, CV, workforce, employment, search, placing …
(:data:`_HIRING_WORDS`, broad on purpose: it only has to be absent), or the bio is one that the
staffing, recruiting and HR cues of :mod:`staffpulse.signals.role_cues` read (in seven other
languages too) or an agency's slogan (:mod:`staffpulse.signals.role_placement_bio`).

So when the tagger's role is recruiter, hr_pro or staffing_firm and none of those words is in
the name, the bio or the posts, the scores of those three roles go to other; kind and the
other scores stay. vendor is not touched: the guidelines' vendors include trainers, coaches
and funders that need no hiring word. Prior knowledge, like the other rules after the heads,
so nothing is retrained; what it changed on the dev and CrowdFlower files is in
``docs/models/roles.md`` (stop 32).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_cues import TRADE_CUES
from staffpulse.signals.role_features import sample_posts
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_placement_bio import describes_placing_workers
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["GATED_ROLES", "drop_roles_without_hiring_words", "says_a_hiring_word"]

#: the roles that need a word of the hiring world somewhere in the account
GATED_ROLES = ("recruiter", "hr_pro", "staffing_firm")
_GATED = [ROLES.index(r) for r in GATED_ROLES]
_OTHER = ROLES.index("other")

_HIRING_WORDS = re.compile(
    r"recruit|hiring|\bhire|talent|staff|(?-i:\bHR)|\bhr\b|human\s*resource|\bpeople\b|payroll"
    r"|benefits|onboard|headhunt|\bsourc(?:e|er|ers|ing)\b|placement|placing|\bplace[sd]?\b"
    r"|career|\bjobs?\b|candidate|interview|resume|\bcvs?\b|workforce|employ|personnel"
    r"|(?-i:ATS)|\bsearch\b|\bl&d\b|learning\s*(?:&|and)\s*development|compensation|shrm|cipd"
    r"|\btemps?\b|locum|vacanc|linkedin|workplace|workers?\b|labou?r|consult|position|\broles?\b"
    r"|opening|apply|seek|laid\s*off|open\s*to\s*work|freelanc|\bgigs?\b|\breqs?\b|requisition"
    # employment and openings in French, Spanish, Portuguese, German, Dutch and Italian
    r"|emploi|empleo|emprego|stellenan|jobborse|vacature|\bvagas\b|\blavoro\b",
    re.IGNORECASE,
)
# the learned cues of staffing, recruiting and HR, which hold their words in seven other
# languages too ("Agence d'interim", "Zeitarbeit", "ressources humaines")
_CUES_OF_THE_TRADE = re.compile(TRADE_CUES, re.IGNORECASE)


def says_a_hiring_word(name: str | None, bio: str | None, posts: TextInput = None) -> bool:
    """Some word of the hiring world is in the name, the bio or the posts."""
    text, _ = sample_posts(posts)
    folded = to_ascii(bio or "")
    whole = " ".join((split_name(name or ""), folded, to_ascii(text)))
    return (
        _HIRING_WORDS.search(whole) is not None
        or _CUES_OF_THE_TRADE.search(folded) is not None
        # an agency's slogan names workers and clients ("We connect great nurses with great
        # hospitals across Ohio."): role_placement_bio reads it
        or describes_placing_workers(bio or "")
    )


def drop_roles_without_hiring_words(
    names: Sequence[str | None],
    bios: Sequence[str | None],
    posts: Sequence[TextInput],
    scores: np.ndarray,
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged recruiter, hr_pro or
    staffing_firm that says no hiring word has those roles' scores moved to other (module
    docstring). Only those few accounts are read; ``scores`` is not changed."""
    tagged = rows_tagged(scores, _GATED)
    unrelated = [i for i in tagged if not says_a_hiring_word(names[i], bios[i], posts[i])]
    return move_role_scores(scores, unrelated, _GATED, _OTHER)
