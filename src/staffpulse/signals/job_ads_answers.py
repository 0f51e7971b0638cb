"""A question the account was asked, told and answered: advice, not a job opening.

A desk or a recruiter answers in a post what candidates ask it: "Asked at our desk this week:
can I apply to two jobs at once? Yes, and tell us so we can help you pick." The guidelines make
a job opening a post that advertises openings or invites people to apply for work; this one
tells how applying works and offers no job. The job-opening model scored it 0.60: "apply" and
"jobs" are ad words to it, and the dev posts hold no answered question to learn otherwise.

The shape has three parts, all needed: a lead-in that reports a question ("Asked at our desk:",
"A candidate asked us today:", "Question we hear a lot:", "Q:", "FAQ:"), the question itself up
to its "?", and an answer that opens as answers do ("Yes", "No", "Only if", "Short answer:",
"A:", "Of course", "It depends", ...). The question names work (a job, applying, a CV, an
interview: a riddle told as "Q: ... A: ..." is no talk about hiring), and its words are the
asker's, so its "apply" calls no one. :func:`answers_asked_question` tells such a post, and :mod:`~staffpulse.signals.job_ads_talk`
counts it as talk about hiring (capped below the threshold), only when the answer offers
nothing (no call to apply, no "we're hiring", no pay, no opening or role named) and the question
does not ask whether there is work: "Q: Are you still hiring? A: Yes! Link in bio" and "Asked
at our desk: any warehouse work? Yes, 10 forklift drivers needed in Leeds" are ads and stay the
model's.
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import SEP
from staffpulse.signals.job_ads import APPLY_CALLS
from staffpulse.signals.job_ads_no_work import names_work
from staffpulse.signals.job_words import ROLES

__all__ = ["ASKED_QUESTION", "ASKED_WORDS", "answers_asked_question"]

_I = re.IGNORECASE
#: The words, lower-cased, of which every lead-in of :data:`ASKED_QUESTION` holds one
ASKED_WORDS = ("ask", "question", "faq", "q:")

#: A reported question, up to its "?", and the opening of its answer (groups ``question``,
#: the words asked, and ``answer``, the answer's words to the end of the post)
ASKED_QUESTION = re.compile(
    # the lead-in: a short clause that reports a question, ending in a colon or a dash
    r"(?:^|[.!" + SEP + r"\n])[ \t]*(?:[\w'\u2019 ,]{0,40}?\b)?"
    r"(?:(?:ask(?:ed|s)?|questions?|faqs?)\b[\w'\u2019 ,]{0,40}?[ \t]*[:\u2014\u2013]|q:)[ \t]*"
    # the question asked, within one post
    r"(?P<question>[^?" + SEP + r"\n]{3,200})\?+[ \t\n]*"
    # an answer's opening, then its words to the end of the post
    r"(?P<answer>(?:(?:a|answer)[ \t]*:|(?:short answer|yes|yep|yup|no|nope|absolutely|"
    r"of course|sure|not always|not necessarily|it depends|depends|usually|sometimes|"
    r"only if|definitely|never|always|great question)\b)[^" + SEP + r"]*)",
    _I,
)
# a question whether the account has work ("Are you still hiring?", "Any openings for nurses?")
# answered "Yes" is an ad's opening line
_ASKS_FOR_WORK = re.compile(
    r"\b(?:you|y[\'\u2019]?all|still|anyone|who[\'\u2019]?s|is \w+) (?:hiring|recruiting)\b"
    r"|\bany (?:\w+ )?(?:openings?|jobs?|vacanc(?:y|ies)|positions?|roles?|work|shifts?)\b",
    _I,
)
# an answer that offers work: a call to apply or register, hiring, pay, an opening or a role named
_ANSWER_OFFERS = re.compile(
    APPLY_CALLS + r"|\b(?:we[\'\u2019]re|we are|now|is|are|still) #?hiring\b|#\w*hiring\b"
    # an agency's call to register ("A: Yes! Register with us today", "No! Sign up at <link>")
    r"|\b(?:register|sign[- ]?up)(?: with us| today| now| here| online| at)\b"
    r"|\bjoin (?:our|the) (?:\w+ )?team\b|\bwe (?:have|pay|offer|are paying)\b|[$\u00a3\u20ac]\s?\d"
    r"|\b(?:openings?|vacanc(?:y|ies)|positions?|roles?|shifts?|salary|wages?|paid|needed|"
    rf"wanted|start (?:today|tomorrow|monday|asap|immediately))\b|\b{ROLES}\b",
    _I,
)


def answers_asked_question(text: str) -> bool:
    """Whether the post tells a question on work it was asked and answers it, the answer
    offering no work, nor the question asking for any (see the module docstring)."""
    found = ASKED_QUESTION.search(text)
    if found is None:
        return False
    question = found.group("question")
    return (
        names_work(question)  # a riddle's "Q: ... A: ..." is no talk about hiring
        and _ASKS_FOR_WORK.search(question) is None
        and _ANSWER_OFFERS.search(found.group("answer")) is None
    )
