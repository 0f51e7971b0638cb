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


# what the two are reported to do, a word or two after them ("both pledge", "governors both
# back", "strike a deal", "on jobs"): not a verdict ("will both wreck jobs", "are bought by"),
# nor a comma or a colon that turns to a side ("Unlike Labour and the Tories, Reform will ...")
_REPORTED_RE = re.compile(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:agree\w*|pledg\w*|back\w*|support\w*|propos\w*|unveil\w*|"
    r"announc\w*|debat\w*|discuss\w*|clash\w*|argu\w*|strik\w*|struck|reach\w*|sign\w*|split|"
    r"differ\w*|talk\w*|call\w*|want\w*|say|says|said|promis\w*|push\w*|weigh\w*|vot\w*|"
    r"pass\w*|approv\w*|introduc\w*|unit\w*|team\w*\s+up|on)\b",
    re.IGNORECASE,
)
_SIDES = (
    r"(?:republicans?|democrats?|gop|dems|labour|conservatives?|tory|tories|liberals?|greens?|"
    r"ndp|snp|reform|trump|biden|harris|obama|starmer|farage|sunak|trudeau|poilievre)"
)
# a side taken beside the report: a call to vote ("; vote Reform", "Go vote Republican",
# "#VoteBlue"; not "vote for us", an award's, "go vote today", nor the news' "Vote tally",
# "Vote was 52-48", "Voters will decide"), one side praised ("only Trump delivered", "Biden
# delivered", "Reform will actually protect jobs", "Time for the NDP", "MAGA", "Independence
# now", "I'm voting Green") or both run down
_TAKES_A_SIDE_RE = re.compile(
    r"(?:^|[.!?:;,]\s*|\b(?:so|just|please|then|and|go)\s+)vote\s+(?!(?:for\s+)?us\b)"
    r"(?:for\s+|against\s+)?(?!(?:early|today|tomorrow|on|in|by|at|now|tally|totals?|counts?|"
    r"share|results?|was|is|were|to)\b)[a-z]|#vote(?!\s*(?:for\s*)?us\b)[a-z]|"
    rf"\bonly\s+(?:the\s+)?{_SIDES}\b|\btime\s+for\s+(?:the\s+)?{_SIDES}\b|"
    rf"\b{_SIDES}\s+(?:delivered|gets\s+it|cares?|will\s+actually)\b|"
    # or one run down as the subject: "Republicans hate workers", "The Tories wrecked this country"
    rf"\b{_SIDES}\s+(?:(?:is|are|has|have)\s+)?(?:hate[sd]?|wreck(?:ed|ing|s)?|ruin(?:ed|ing|s)?|"
    r"destroy(?:ed|ing|s)?)\b|"
    rf"\bvoting\s+(?:for\s+)?{_SIDES}\b|\b(?:maga|kag)\b|\bindependence\s+now\b|\bguess\s+which\b|"
    r"\bscrew\w*\s+over\b|\bburn\s+it\s+(?:all\s+)?down\b|\bbought\s+(?:and\s+paid\s+for\s+)?by\b|"
    r"\btwo\s+cheeks\b|\buseless\b|\bcorrupt\b|\bwants?\s+to\s+(?:ruin|destroy|wreck|kill)\b",
    re.IGNORECASE,
)


def takes_a_side(text: str) -> bool:
    """Whether the post calls its readers to vote, praises one side or runs a side down in so
    many words ("; vote Reform", "only Trump delivered. MAGA", "Democrats want to ruin staffing
    firms"): partisan whatever report or explainer frames it."""
    return _TAKES_A_SIDE_RE.search(plain_text(text)) is not None


def names_both_sides_on_work(text: str) -> bool:
    """Whether the post reports two different parties together ("Republicans and Democrats
    agree", "both pledge") on a work matter (hiring, wages, jobs, workers wanted), and takes no
    side of its own (:func:`takes_a_side`)."""
    plain = plain_text(text)
    return (
        any(
            pair[1][:3].lower() != pair[2][:3].lower()
            and _REPORTED_RE.match(plain, pair.end()) is not None
            for pair in _BOTH_SIDES_RE.finditer(plain)
        )
        and (names_work_matter(plain) or _WORKERS_WANTED_RE.search(plain) is not None)
        and not takes_a_side(plain)
    )
