"""Which of a candidate's posts cross the line a firm keeps away from: hostile, NSFW or party
politics, as the audit reads them (:func:`staffpulse.listen.moderation.crosses_a_line`), but
for news of a government's act explained to the trade.

Connect leaves out an account whose recent posts often cross it (:mod:`staffpulse.connect.explain`).
The audit's test counts any post that names politics: an employment-law recruiter's "Biden signs
bill on noncompete clauses: what it means for recruiters" names a president, and two such posts
in ten dropped her from Connect (review s40). A post that frames the news as what recruiters,
employers, HR or payroll teams, a business or "you" should know or do is news a firm may share,
not a side taken, nor is one naming two parties together on work ("Labour and the Conservatives
both pledge a higher minimum wage"): it counts only when it is hostile or NSFW too, or calls its
readers to vote or takes a side ("Vote Labour! Here is what it means for recruiters", "MAGA! Our
guide for employers", :func:`staffpulse.listen.both_sides.takes_a_side`).
"""

from __future__ import annotations

import re

from staffpulse.listen.both_sides import names_both_sides_on_work, takes_a_side
from staffpulse.listen.moderation import crosses_a_line, looks_hostile, names_sex

__all__ = [
    "count_crossing",
    "crosses_for_connect",
    "explains_for_the_trade",
    "names_both_sides_on_work",
]

# whom such news is explained to: the trade, its workers, "you"
_READERS = (
    r"(?:recruiters?|recruiting\s+teams?|employers?|hr(?:\s+teams?|\s+leaders?)?|hiring\s+managers?"
    r"|payroll(?:\s+teams?)?|(?:small\s+)?business(?:es|\s+owners?)?|firms?|companies"
    r"|staffing\s+(?:firms?|agencies)|agencies|managers|workers|employees|candidates"
    r"|job\s+seekers|contractors|you|your\s+(?:business|team|firm|company))"
)
# the frame: "what it means for recruiters", "what employers should do", "what HR teams need to
# know", "what small businesses must do"
_EXPLAINER = re.compile(
    rf"\bwhat\s+(?:it|this|that)\s+means\s+for\s+(?:[\w'-]+\s+){{0,2}}?{_READERS}\b"
    rf"|\bwhat\s+(?:[\w'-]+\s+){{0,2}}?{_READERS}\s+(?:should|must|needs?\s+to|has\s+to"
    r"|have\s+to)\s+(?:do|know)\b"
    # "our guide for employers", "a quick summary for HR teams", "explained for logistics
    # employers": a firm's write-up of the news for its readers (review s40, hand-written)
    rf"|\b(?:guide|summary|breakdown|explainer|checklist|primer|briefing|rundown|explained)"
    rf"\s+(?:for|to\s+help)\s+(?:[\w'-]+\s+){{0,2}}?{_READERS}\b"
    # "how it affects small businesses", "how this changes what employers pay"
    rf"|\bhow\s+(?:it|this|that)\s+(?:affects|changes|will\s+affect|will\s+change)"
    rf"\s+(?:[\w'-]+\s+){{0,2}}?{_READERS}\b"
    # the readers addressed, then told: "Employers, here is what stays the same"
    rf"|\b{_READERS},\s+here(?:'s|\u2019s|\s+is)\s+(?:what|how)\b"
    # a call to act on it: "here's how to plan your hiring"
    r"|\bhere(?:'s|\u2019s|\s+is)\s+how\s+to\s+(?:plan|prepare|budget|comply|adapt|get\s+ready)\b",
    re.IGNORECASE,
)


def explains_for_the_trade(text: str) -> bool:
    """Whether the post frames news as what the trade (recruiters, employers, HR, a business,
    "you") should know or do."""
    return _EXPLAINER.search(text) is not None


def crosses_for_connect(text: str) -> bool:
    """The audit's test (:func:`~staffpulse.listen.moderation.crosses_a_line`), but for news
    explained to the trade that is neither hostile nor NSFW."""
    if not crosses_a_line(text):
        return False
    reports = explains_for_the_trade(text) or names_both_sides_on_work(text)
    # a call to vote or a side praised ("MAGA! Our guide for employers ...") is no news explained
    if not reports or takes_a_side(text):
        return True
    return looks_hostile(text) or names_sex(text)


def count_crossing(texts: tuple[str, ...]) -> int:
    """How many of ``texts`` cross the line (:func:`crosses_for_connect`)."""
    return sum(crosses_for_connect(text) for text in texts)
