"""A bio that describes a product: an organization, whatever the learned weights say.

The role tagger learned organization vs person from CrowdFlower accounts, most of them people,
and from bios with "we", "our", "company" or "Inc.". A product's bio has none of these: it
names what the product is and whom it serves ("Enterprise cloud applications for finance and
HR.", "The #1 platform for hiring hourly workers.", "Recruiting software for modern talent
teams."), and with a one-word name ("Workvault") the model read such accounts as persons
(p_org 0.27). No person's bio opens so: a person names a title ("Software engineer at …"), a
life ("Mom of two …"), or speaks in the first person.

So a bio that *opens* with a noun phrase whose head is a product word (software, platform,
applications, solutions, tools, app, API, marketplace, …) followed by whom or what it is for
("for", "to", "that", "built for", "powering"), or with "the #1 …" / "the leading …", and that
holds no first-person-singular word, family word or "views are my own", raises the account's
probability of being an organization to at least :data:`PRODUCT_BIO_P_ORG`, and rules out the
roles only a person plays (recruiter, HR professional, job seeker): a product is none of them. This is prior
knowledge, like the job-ad patterns of the post signals: it changes no feature, so the model
needs no retraining. Its precision is measured in ``docs/models/roles.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.role_text import to_ascii

__all__ = ["PRODUCT_BIO_P_ORG", "describes_a_product", "find_product_bios", "names_a_person"]

#: The probability of being an organization given to an account whose bio describes a
#: product (when the model says less): the lower end of the 95% (Wilson) interval of the share
#: of organizations among the CrowdFlower accounts whose bio does so, 9 of 9 "brand"
#: (docs/models/roles.md). Few accounts, so a cautious figure, still above the 0.5 threshold.
PRODUCT_BIO_P_ORG = 0.7

_PRODUCT = (
    r"(?:software|platform|platforms|app|apps|application|applications|solution|solutions|"
    r"tool|tools|toolkit|technology|technologies|api|apis|marketplace|saas|crm|suite|"
    r"system|systems|services|network|engine|products?|plugin|extension)"
)
# "for", "to", "that" after the head says whom or what the product serves; so do a few verbs
_PURPOSE = (
    r"(?:for|to|that|which|built\s+for|made\s+for|designed\s+for|powering|helping|connecting|"
    r"used\s+by|trusted\s+by)"
)
_OPENS_WITH_PRODUCT = re.compile(
    # at most three words before the head ("Enterprise cloud", "Recruiting", "AI-powered HR"),
    # none of them a person's word ("engineer", "developer" are no product)
    rf"^\W*(?:(?:the|a|an|your)\s+)?(?:(?:#1|no\.?\s*1|number\s+one|leading|world'?s\s+\w+)\s+)?"
    rf"(?:[\w&+-]+\s+){{0,3}}?{_PRODUCT}\s+{_PURPOSE}\b|"
    r"^\W*the\s+(?:#1|no\.?\s*1|number\s+one|leading|world'?s\s+(?:leading|largest|first|#1))\s",
    re.IGNORECASE,
)
# a person speaks, is spoken of ("He helps vendors …"), or names a family, own views or a
# title: then the bio is a person's after all
_PERSON = re.compile(
    r"\b(?:i|i'm|im|my|me|mine|myself|i've|i'll|i'd|he|she|his|her|him)\b|"
    r"\b(?:mom|mum|mother|dad|father|husband|wife|son|daughter|grandma|grandpa|married|kids)\b|"
    r"\b(?:views?|opinions?|tweets?)\b[^.]{0,20}\b(?:own|mine)\b|"
    r"\b(?:engineer|developer|designer|manager|director|founder|ceo|consultant|recruiter)\b",
    re.IGNORECASE,
)


def names_a_person(text: str) -> bool:
    """A person speaks in ``text`` or is spoken of, or it names a family, own views or a title."""
    return _PERSON.search(text) is not None


def describes_a_product(bio: str) -> bool:
    """The bio opens by describing a product and no person speaks in it (module docstring)."""
    text = to_ascii(bio or "")
    return bool(_OPENS_WITH_PRODUCT.search(text)) and not names_a_person(text)


def find_product_bios(bios: Sequence[str | None]) -> npt.NDArray[np.bool_]:
    """For each bio, whether it describes a product (see :func:`describes_a_product`)."""
    return np.fromiter((describes_a_product(b or "") for b in bios), dtype=bool, count=len(bios))
