"""A bio that calls the account a brand's customer care is an organization's.

A care desk answers in the first person ("So sorry! DM me your email and I'll take a look.
-Ana"), and the heads read one such post as a person's: "KellyCares" with "Kelly Services
talent support team." went from an organization (p_org 0.78) to a person (0.38) and nearly a
recruiter with the post "DM me and I will help"; "ZipRecruiterCS" ("Customer care for job
seekers and employers.") became a person and a job seeker. The bio says whose voice it is:
"customer care", "customer support", "official … support", "support team", "help desk",
"here to help", "here to answer", "let us help", "this account is staffed", or a bio that opens
with whom it helps use the brand ("Help for job seekers and employers using Talento."). On the
15,531 CrowdFlower accounts 30 of the 31 such bios labeled brand, male or female are brands
(97%; Wilson 95% interval 0.84–0.99); the other is two people who give their names in the bio.

So such a bio, with no person speaking in it or named by a title ("Customer Experience
Professional", "I", "she", "views my own") and a ``p_org`` under :data:`CARE_BIO_P_ORG` from
the heads, gets that ``p_org``, and the roles only a person plays (recruiter, hr_pro,
job_seeker) are ruled out. Prior knowledge after the heads, like the other rules (``docs/models/roles.md``,
stop 32).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.role_product_bio import names_a_person
from staffpulse.signals.role_text import to_ascii

__all__ = ["CARE_BIO_P_ORG", "describes_customer_care", "find_care_bios"]

#: The least ``p_org`` of a customer-care bio: under the lower end of the Wilson interval
#: above (0.84), rounded down to the floor of the other organization rules
CARE_BIO_P_ORG = 0.7

# a person's title after the words ("Customer Experience Professional", "support specialist"),
# or the work a job seeker wants ("looking for customer service jobs")
_NOT_A_TITLE = (
    r"(?!\s+(?:professional|specialist|manager|lead|agent|rep|representative|advocate|expert"
    r"|consultant|engineer|analyst|director|coordinator|job|role|position|career)s?\b)"
)
_CARE = re.compile(
    r"\b(?:customer|client|member|guest|player|tech(?:nical)?)\s+"
    rf"(?:care|support|service|services|help|experience){_NOT_A_TITLE}"
    rf"|\b(?:official|dedicated)\s+(?:[\w&'-]+\s+){{0,3}}?(?:support|help|care){_NOT_A_TITLE}\b"
    r"|\bsupport\s+(?:team|desk|account|channel)\b|\bhelp\s*desk\b|\bhere\s+to\s+help\b"
    r"|\bwe'?re\s+here\s+for\s+you\b"
    # the desk's offer: "here to answer payroll questions", "tweet us and let us help", "this
    # account is staffed 8-6", and a bio that opens with whom it helps use the brand ("Help for
    # job seekers and employers using Talento.", "Support for Shiftly users.")
    r"|\bhere\s+to\s+answer\b|\blet\s+us\s+help\b"
    r"|\b(?:account|desk|team|line)\s+is\s+(?:operated|staffed|monitored)\b"
    r"|^\W*(?:help|support|answers|assistance)\s+for\s+(?:[\w&'-]+\s+){0,6}?"
    r"(?:using|users|customers|members|subscribers)\b",
    re.IGNORECASE,
)
# every branch of _CARE holds one of these words, so a bio without any of them (14,500 of the
# 15,531 CrowdFlower bios) is passed over by a substring test, five times faster than _CARE
_CARE_WORDS = (
    "care",
    "support",
    "servic",
    "help",
    "experienc",
    "here",
    "operated",
    "staffed",
    "monitored",
    "answers",
    "assistance",
)


def describes_customer_care(bio: str) -> bool:
    """The bio calls the account a care or support desk, and no person speaks in it."""
    text = to_ascii(bio or "")
    lower = text.lower()
    return (
        any(word in lower for word in _CARE_WORDS)
        and _CARE.search(text) is not None
        and not names_a_person(text)
    )


def find_care_bios(bios: Sequence[str | None]) -> npt.NDArray[np.bool_]:
    """For each bio, whether it is a customer-care desk's (:func:`describes_customer_care`)."""
    return np.fromiter(
        (describes_customer_care(b or "") for b in bios), dtype=bool, count=len(bios)
    )
