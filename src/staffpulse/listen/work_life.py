"""Work as the writer's own job, said in the everyday words of going to it, being at it and
leaving it: "at work", "leaving for work", "off work", "my work schedule".

The work vocabulary (:mod:`staffpulse.listen.work_terms`) leaves a bare "work" out, as
"How does this gadget work?" and "Working with spreadsheets" are not about work. In these
phrases "work" is a place one goes to, is at and gets off from, which only a job is: posts
that our labels call work talk ("stuck at work till nine again") were left out as not about
work for want of such words. They count only beside the classifier's yes
(:func:`~staffpulse.listen.thread_work.speaks_of_work`), and a thread about work only so is
small talk, ranked lower (``small_talk``); alone they name no work matter (no topic, no angle
built on them).
"""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import URL_RE

_GO = (
    r"go|goes|going|gone|went|drive|drives|driving|drove|walk|walks|walking|walked|ride|rides|"
    r"riding|rode|bus|commute|commuting|come|comes|coming|came|back|way|late|head|heads|"
    r"heading|headed|return|returning|returned|show up|showed up|showing up"
)
_OWN_JOB_RE = re.compile(
    # "at work" of a person; not a team "hard at work", nor a title's "Facebook At Work"
    r"(?<!hard )(?<!busy )\b(?-i:at work|At work)\b|"
    rf"\b(?:{_GO}) to work\b|"
    r"\b(?:from|before|after) work\b|(?<!put )(?<!putting )\boff work\b|"  # not put off
    r"\b(?:late|leave|leaves|leaving|left|ready|dressed|clothes) for work\b|"
    r"\b(?:leave|leaves|leaving|left|quit|quits|quitting|miss|missed|missing|skip|skipped|"
    r"skipping|calls?|called|calling) work\b|"
    r"\bwork (?:schedules?|meetings?|e-?mails?|commute|shifts?|clothes|uniforms?|friends?|"
    r"days?|nights?|week)\b",
    re.IGNORECASE,
)


def talks_of_own_job(text: str) -> bool:
    """The text speaks of the writer's (or someone's) job as a place and a routine: going
    to work, being at work, getting off work, a work schedule (see the module docstring)."""
    return _OWN_JOB_RE.search(URL_RE.sub(" ", text)) is not None
