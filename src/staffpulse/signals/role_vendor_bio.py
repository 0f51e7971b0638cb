"""A bio that sells a product or a service to agencies, recruiters or HR teams is a vendor's.

The labeling guidelines define ``vendor`` as a firm or a human that sells to the hiring trade
(firms that hire, their HR, recruiters): applicant tracking and HR platforms, background checks
and more. The
learned cues read "staffing" and "agency" as a staffing firm's words, and a vendor to agencies
names them as its customers: "The ATS for executive search firms.", "Invoice factoring for
staffing companies.", "Payroll funding for staffing agencies." came out staffing_firm, other and
even hr_pro (a person), so connect offered a software company as a staffing firm to follow.

So a bio that names what it sells (software, a platform, an ATS or CRM, funding, factoring,
payroll, back office, insurance, background checks, training) and whom it is for (staffing or
recruiting agencies and firms, search firms, recruiters, HR or talent teams), or that trains or
coaches them ("We train recruiters to write better outreach."), is read as a vendor's: ``p_org`` is raised to at least :data:`VENDOR_BIO_P_ORG` and the scores of the roles
a company selling to agencies cannot have (staffing_firm, job_board, employer, other) go to
vendor. Never when a person speaks or is described (first person, he/she, family, "views my
own"), since a consultant who sells to agencies may be labelled by what else the bio says.
Prior knowledge from the guidelines, like :mod:`staffpulse.signals.role_placement_bio`: no
feature changes, so the model needs no retraining (docs/models/roles.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.models import ROLES
from staffpulse.signals.role_product_bio import names_a_person
from staffpulse.signals.role_text import to_ascii

__all__ = ["VENDOR_BIO_P_ORG", "find_vendor_bios", "move_to_vendor", "sells_to_agencies"]

#: As for product and placement bios: a cautious floor above the 0.5 threshold.
VENDOR_BIO_P_ORG = 0.7

_VENDOR = ROLES.index("vendor")
# roles a company selling to agencies cannot have (the person-only roles are left to p_org)
_MOVED = [ROLES.index(r) for r in ("staffing_firm", "job_board", "employer", "other")]

_SOLD = re.compile(
    r"\b(?:software|platform|(?-i:ATS|CRM|VMS|MSP)|saas|app|tools?|technology|api|funding"
    r"|factoring|financing|payroll|back[- ]office|insurance|background\s+(?:checks?|screening)"
    r"|training|analytics|automation|marketplace|job\s+distribution)\b",
    re.IGNORECASE,
)
_CUSTOMERS = re.compile(
    r"\b(?:for|to|help|helping|helps|serving|serves|built\s+for|made\s+for|designed\s+for|trusted"
    r"\s+by|used\s+by)\s+(?:[\w&'-]+\s+){0,3}?"
    r"(?:(?:staffing|recruiting|recruitment|search|temp|employment)\s+(?:agencies|firms|companies"
    r"|industry|owners|professionals)|agencies|recruiters|(?:hr|talent|recruiting)\s+teams)\b",
    re.IGNORECASE,
)

# a service sold as a verb, the customers its object: "We train recruiters to write better
# outreach." (an HR trainer, vendor by the guidelines) names neither "training" nor "for"
_TRAINS = re.compile(
    r"\b(?:train|trains|coach|coaches|teach|teaches|upskill|upskills|certify|certifies)\s+"
    r"(?:[\w&'-]+\s+){0,2}?(?:recruiters|(?:hr|talent|recruiting|people)\s+teams"
    r"|hiring\s+managers|(?:staffing|recruiting|recruitment|search)\s+(?:agencies|firms))\b",
    re.IGNORECASE,
)

# a substring every customer phrase needs, tested first: most bios have none (keeps it cheap)
_STEMS = ("agenc", "recruit", "staffing", "search", "temp", "employment", "team", "hiring")


def sells_to_agencies(bio: str) -> bool:
    """The bio sells a product or service to agencies, recruiters or HR teams, and no person
    speaks in it."""
    text = to_ascii(bio or "")
    lowered = text.lower()
    if not any(stem in lowered for stem in _STEMS):
        return False
    sells = _CUSTOMERS.search(text) is not None and _SOLD.search(text) is not None
    if not sells and _TRAINS.search(text) is None:
        return False
    return not names_a_person(text)


def find_vendor_bios(bios: Sequence[str | None]) -> npt.NDArray[np.bool_]:
    """For each bio, whether it sells to agencies (:func:`sells_to_agencies`)."""
    return np.fromiter((sells_to_agencies(b or "") for b in bios), dtype=bool, count=len(bios))


def move_to_vendor(scores: np.ndarray) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` with staffing_firm, job_board, employer and other added
    to vendor."""
    out = np.array(scores, dtype=np.float64, copy=True)
    out[:, _VENDOR] += out[:, _MOVED].sum(axis=1)
    out[:, _MOVED] = 0.0
    return out
