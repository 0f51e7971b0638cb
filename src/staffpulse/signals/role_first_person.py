"""A person's name over a bio in the first person singular is a person's account.

The heads read a long bio about a department, an agency or a team as an organization's, even
when a person speaks in it under their own name: a Mastodon profile with a Swedish person's
name, whose bio tells in the first person of the IT department of a public agency where they
work, was an organization (p_org 0.84) and an employer, which ``connect`` then showed as
"maybe employer". A name shaped like a person's
(:func:`staffpulse.signals.role_person_name.reads_as_a_persons_name`: "Jane Smith",
``janesmith``, names of other countries) together with "I", "I'm", "my" or "me" in the bio is
a person's: on the 15,531 CrowdFlower accounts 296 of the 305 such accounts labeled brand,
male or female are people (97%; Wilson 95% interval 0.94–0.98), and all 15 of the dev accounts.

So where the heads said more, ``p_org`` is lowered to :data:`FIRST_PERSON_P_ORG` and the
roles only an organization plays (staffing_firm, job_board, employer) are ruled out. Prior
knowledge after the heads, like the other rules: nothing is retrained (``docs/models/roles.md``,
stop 32).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_person_name import handle_user, reads_as_a_persons_name
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["FIRST_PERSON_P_ORG", "find_first_person_accounts"]

#: The most ``p_org`` left to a person's name over a first-person bio: the same cut as for a
#: solo recruiter (role_placement_bio), far under the 0.94 share of people found
FIRST_PERSON_P_ORG = 0.3

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|my|me|myself|i've|i'll|i'd)\b", re.IGNORECASE)


def find_first_person_accounts(
    names: Sequence[str | None], bios: Sequence[str | None]
) -> np.ndarray:
    """For each account, whether its name reads as a person's and its bio says "I" or "my"."""
    return np.fromiter(
        (
            _FIRST_PERSON.search(to_ascii(bio or "")) is not None
            and reads_as_a_persons_name(split_name(name or ""), handle_user(name or ""))
            for name, bio in zip(names, bios, strict=True)
        ),
        dtype=bool,
        count=len(names),
    )
