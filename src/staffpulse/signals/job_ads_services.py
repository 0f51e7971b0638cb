"""Someone sought as a service, not hired: "I'm looking for a good dentist in Boston",
"looking for a reliable plumber", "need a wedding photographer in Austin".

A customer looking for a provider words it as a recruiter words a hire ("looking for a ... in
Boston", "Need a Photographer ASAP!"), so the job-ad rules that take a person sought as an
ad (:mod:`staffpulse.signals.job_ads`, :mod:`staffpulse.listen.job_offers`) ask this first.
A customer says what a recruiter never does:

* how they want the provider to be for themselves: "a good dentist", "a reliable plumber",
  "an affordable accountant", "a trustworthy mechanic" (an ad says "experienced",
  "licensed", "skilled"), beside a provider's trade only: an employer wants "a reliable
  forklift driver" and "a good night nurse" too;
* the occasion it is for: "a wedding photographer", "a divorce lawyer", "a dog walker";
* whom or what it is for: "for my wedding", "for our kitchen", "for my taxes";
* or a recommendation asked for a provider: "any recommendations?", "who do you use?",
  "can anyone recommend an electrician?".

An ad that gives pay, a shift or a call to apply stays an ad: the rules ask this only where
a person sought is their whole cue.
"""

from __future__ import annotations

import re

__all__ = ["PROVIDERS", "seeks_a_service"]

_SEEK = (
    r"(?:looking for|look for|searching for|seeking|need|needs|needed|want|wants|find|"
    r"recommend|recommendations? for|recs? for|know|know of|suggest)"
)
_A = r"(?:an?|any|some|one|another|a new)"
# how a customer wants the provider to be for themselves
_FOR_ME = (
    r"(?:good|reliable|trustworthy|trusted|decent|affordable|cheap|cheaper|inexpensive|"
    r"honest|reputable|recommended)"
)
# the occasion or the pet a provider is sought for: no firm hires for these
_OCCASION = (
    r"(?:wedding|birthday|party|engagement|bachelorette|bachelor|divorce|custody|"
    r"personal injury|dui|pet|dog|cat|puppy)"
)
_PROVIDER = (
    r"(?:dentist|doctor|dr|gp|pediatrician|paediatrician|dermatologist|chiropractor|vet|"
    r"veterinarian|therapist|counsel+or|psychiatrist|plumber|electrician|mechanic|handyman|"
    r"contractor|roofer|locksmith|painter|landscaper|gardener|cleaner|cleaning (?:lady|service)|"
    r"movers?|photographer|videographer|dj|caterer|florist|baker|planner|lawyer|attorney|"
    r"solicitor|accountant|cpa|tax preparer|realtor|real estate agent|broker|babysitter|"
    r"sitter|nanny|tutor|walker|groomer|trainer|barber|hairdresser|hair ?stylist|stylist|"
    r"tailor|seamstress|tattoo artist|massage therapist)"
)
#: The trades a customer seeks for their own needs ("a dentist", "a nanny"), as a pattern
PROVIDERS = _PROVIDER
# whom or what it is for: the writer's own
_PURPOSE = (
    r"(?:for|to (?:do|fix|look at|help with))\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:wedding|"
    r"house|home|flat|apartment|kitchen|bathroom|basement|roof|garden|yard|car|dog|cat|pet|"
    r"kids?|son|daughter|baby|mom|mum|dad|wife|husband|partner|family|taxes|tax return|teeth|"
    r"tooth|back|hair|move|party|birthday|event)\b"
)
_SERVICE_RE = re.compile(
    # "a good dentist", "a reliable plumber", "an affordable wedding photographer": beside a
    # provider's trade only, as employers want "a reliable forklift driver" or "a good night nurse"
    rf"\b{_SEEK}\s+{_A}\s+(?:really\s+|very\s+|super\s+|truly\s+)?{_FOR_ME}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_PROVIDER}s?\b"
    # "a wedding photographer", "a divorce lawyer", "a dog walker"
    rf"|\b{_SEEK}\s+{_A}\s+(?:[\w-]+\s+)?{_OCCASION}\s+[\w-]+"
    # "... for my wedding", "... for our kitchen remodel", "... to do my taxes"
    rf"|\b{_SEEK}\s+{_A}\s+(?:[\w-]+\s+){{1,3}}?{_PURPOSE}"
    # "Plumbers needed for my bathroom"
    rf"|\b[\w-]+\s+(?:needed|wanted)\s+{_PURPOSE}",
    re.IGNORECASE,
)
# a provider's name asked of the room
_RECOMMENDATION_RE = re.compile(
    r"\b(?:any|some)\s+(?:good\s+)?(?:recommendations|recommends|recs|suggestions|referrals)\b|"
    r"\b(?:can|could) (?:any ?one|some ?one|any ?body|you) (?:recommend|suggest)\b|"
    r"\bwho (?:do|would) (?:you|y'?all|you guys|people) (?:use|recommend|suggest)\b|"
    r"\brecommend (?:me\s+)?(?:an?|any|one)\b|\bknow (?:of )?(?:an?|any) good\b",
    re.IGNORECASE,
)
_PROVIDER_SOUGHT_RE = re.compile(
    rf"\b{_SEEK}\s+{_A}\s+(?:[\w-]+\s+){{0,2}}?{_PROVIDER}s?\b", re.IGNORECASE
)


def seeks_a_service(text: str) -> bool:
    """The post seeks a provider for the writer's own needs (see the module docstring), not
    a person to hire."""
    if _SERVICE_RE.search(text):
        return True
    return bool(_RECOMMENDATION_RE.search(text) and _PROVIDER_SOUGHT_RE.search(text))
