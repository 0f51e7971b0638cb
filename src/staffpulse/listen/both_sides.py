"""Two parties of either side named together on work ("Republicans and Democrats agree the
skilled trades need more workers", "Labour and the Conservatives both pledge a higher minimum
wage"): a report of where both stand, no side taken. The inbox offers it with a caution (not
left out as partisan); connect keeps the recruiter who shares it."""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import names_work_matter, plain_text

_PARTY = (
    r"(republicans?|democrats?|democratic|gop|dems|labour|conservatives?|tory|tories"
    r"|liberals?|lib\s+dems?|greens?|ndp|snp)"
)
_BOTH_SIDES_RE = re.compile(rf"\b{_PARTY}\s+(?:and|&)\s+(?:the\s+)?{_PARTY}\b", re.IGNORECASE)
# workers wanted, which the work vocabulary leaves to context ("workers" alone is too often
# a protest's or a union's word): "the skilled trades need more workers", "short of workers"
_WORKERS_WANTED_RE = re.compile(
    r"\b(?:skilled trades?|(?:need|needs|needed|short of|shortage of|hire|hiring|train|"
    r"training)\s+(?:for\s+)?(?:more\s+|enough\s+)?(?:skilled\s+)?workers)\b",
    re.IGNORECASE,
)


def names_both_sides_on_work(text: str) -> bool:
    """Whether the post names two different parties together ("Republicans and Democrats")
    and a work matter (hiring, wages, jobs, workers wanted)."""
    plain = plain_text(text)
    return any(
        pair[1][:3].lower() != pair[2][:3].lower() for pair in _BOTH_SIDES_RE.finditer(plain)
    ) and (names_work_matter(plain) or _WORKERS_WANTED_RE.search(plain) is not None)
