"""A person whose own posts tell of recruiting for clients is a recruiter, whatever the bio.

Many recruiters leave the bio empty or write only of their life ("Mom. Runner. Coffee."),
and the heads, trained on one tweet per account, read such an account as ``other`` even when
its posts are all recruiting: "My client, a fintech in Austin, is hiring two data engineers.
Send me your CV." The placement rule (:mod:`staffpulse.signals.role_placement_bio`) reads
such posts only next to a bio that places workers. Here, an account that the heads call a
person (``p_org`` under 0.5) and tag ``other``, with at least one post of its own (not a
retweet) in which a recruiter speaks of their own work for clients, becomes a recruiter: the
role scores but vendor's go to recruiter, as for a solo recruiter.

The phrases are narrower than the placement rule's, since no bio backs them: a client who is
hiring or has a role ("my client is hiring", "my client … has a senior role"), "I'm
recruiting", "I have 3 open roles / reqs / vacancies", "I just placed a candidate".
Not "I'm hiring", "DM me" nor "send me your CV" (an owner hires for their own shop), not "my
clients" alone (a lawyer's or a hairdresser's), not "my candidate" (an election's), not
"I'm recruiting participants / volunteers / players / PhD students" (a study, a charity, a
team or a lab recruits too), not "I have two roles" (an actor's, a parent's). On the dev and
CrowdFlower files no post holds them (``docs/models/roles.md``, stop 33).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_features import sample_posts
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_score_moves import move_role_scores, persons_tagged, roles_but
from staffpulse.signals.role_text import to_ascii

__all__ = ["find_recruiters_by_posts", "posts_recruit_for_clients"]

_OTHER = ROLES.index("other")
_RECRUITER = ROLES.index("recruiter")
_MOVED = roles_but("recruiter", "vendor")

_COUNT = r"(?:one|two|three|four|five|six|several|\d+)"
_NUMBER = rf"(?:a|an|{_COUNT})"
# whom else a person recruits: "I'm recruiting participants for my study", "… volunteers"
_NOT_STAFF = (
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:participants?|volunteers?|players?|subjects?|respondents?"
    r"|members?|students?|phd|postdocs?|athletes?|testers?|interviewees?|people\s+for\s+(?:my|our)"
    r"|for\s+(?:my|our)\s+(?:study|research|lab|team|club|league|band|choir|survey|project"
    r"|campaign|group|guild|podcast))\b)"
)
_RECRUITS_FOR_CLIENTS = re.compile(
    r"\bmy\s+clients?\b(?:\s*,[^,.!?\n]{0,40},)?[^.!?\n]{0,40}?"
    r"\b(?:is|are|'s|'re)\s+(?:now\s+|urgently\s+|currently\s+)?(?:hiring|recruiting)\b"
    r"|\bmy\s+clients?\b[^.!?\n]{0,50}?\b(?:has|have)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:roles?|positions?|vacanc\w*|openings?|reqs?)\b"
    rf"|\bi(?:'?m|\s+am)\s+(?:currently\s+|now\s+)?recruiting\b{_NOT_STAFF}"
    # open roles, not "I have two roles in the play"
    rf"|\bi(?:\s+have|'ve)(?:\s+got)?\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:open\s+(?:roles|positions)|roles\s+to\s+fill|reqs|vacancies|requisitions)\b"
    r"|\bi\s+(?:just\s+|have\s+just\s+|'ve\s+just\s+)?placed\s+"
    rf"(?:another|my|a|an|{_COUNT})\s+(?:[\w-]+\s+){{0,2}}?candidates?\b",
    re.IGNORECASE,
)
_RETWEET = re.compile(r"\s*RT\s+@", re.IGNORECASE)


def posts_recruit_for_clients(posts: TextInput) -> bool:
    """One of the account's own posts (not a retweet) tells of recruiting for clients."""
    text, _ = sample_posts(posts)
    return any(
        _RECRUITS_FOR_CLIENTS.search(to_ascii(line)) is not None
        for line in text.split("\n")
        if line and not _RETWEET.match(line)
    )


def find_recruiters_by_posts(
    posts: Sequence[TextInput], p_org: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which a person tagged other whose posts recruit for
    clients (:func:`posts_recruit_for_clients`) is a recruiter. Only those accounts' posts are
    read; ``scores`` is not changed."""
    tagged = persons_tagged(scores, p_org, [_OTHER])
    found = [i for i in tagged if posts[i] and posts_recruit_for_clients(posts[i])]
    return move_role_scores(scores, found, _MOVED, _RECRUITER)
