"""An invitation to work for a named employer, with nothing after it but a link: a job ad.

The labelling guidelines count a direct invitation to apply for work as a job opening, and the
dev set's store ads that open with such a question ("Want to work at <a store>? …") are
labelled ads. A careers office or an employer posts the question alone: "Interested in working
for the Acme Claims Group? https://…". The model scored such a post about 0.2 (its words,
"interested", "working", "group", are no ad's words without a "#hiring"), so a feed of them
was "a healthy mix" in the audit. Read here, beside the rules of
:mod:`staffpulse.signals.job_ads` (which call :func:`invites_to_work_for`):

* the question asks the reader to work for, at or with someone named ("Interested in
  working for the Acme Claims Group?", "Want to work at Acme?", "Ever thought about a career
  with us?"): a capitalised name, "the …" or "us", not "a startup", "big tech", a time or an
  amount ("at 5am?"), and working "with" only "us" ("Want to work with Python?" is a course's);
* and nothing follows it but a link, tags, mentions or a call to apply ("Apply here",
  "We're hiring", "See our openings"). Advice asks the same question and goes on to answer
  it ("Want to work at Acme? Here's how to ace the interview <link>"), and so does an
  invitation to something else ("… Stay tuned for our info session").
"""

from __future__ import annotations

import re

__all__ = ["INVITATION_TRIGGERS", "invites_to_work_for"]

_I = re.IGNORECASE
#: Literal cues (lower-cased) one of which every invitation holds: the scan of
#: :mod:`staffpulse.signals.job_ad_triggers` picks the posts to read by them.
INVITATION_TRIGGERS = (
    r"interested in (?:working|a career|a job|an internship)",
    r"to work (?:for|at|with)",
    r"about (?:working|a career)",
    r"of (?:working|a career)",
    r"considered (?:working|a career)",
)
# the employer named: a capital (no number: "at 5am?", "for 10 minutes a day?"), a tag, a
# mention, "the …" or "our …" before one, or "us"; "for FREE?" names no one
_EMPLOYER = r"(?:(?:the |our )?(?!free\b)(?-i:[A-Z@#])[^?.!\n]{0,60}|us)"
# the question, opening the post or a sentence, then the question mark. Work "with" someone
# capitalised is a skill or a tool as often ("Want to work with Python?", "with AI?"), so
# working "with" takes only "us"; a career, job or internship "with" takes any employer
_INVITATION = re.compile(
    r"(?:^|[.!?\n]\s*)\W*(?:"
    r"(?:(?:are you |anyone |who'?s )?interested in working"
    r"|(?:do you |ever )?(?:want|wanted|wanna|would you like|like) to work"
    r"|(?:have you )?(?:ever )?(?:thought about|considered|thinking about|thinking of) working)"
    rf" (?:(?:for|at) {_EMPLOYER}|with us)"
    r"|(?:(?:are you |anyone |who'?s )?interested in (?:a career|a job|an internship)"
    r"|(?:have you )?(?:ever )?(?:thought about|considered|thinking about|thinking of) a career)"
    rf" (?:for|at|with) {_EMPLOYER}"
    r")\s*\?",
    _I,
)
_LINK = re.compile(r"https?://\S+|\bwww\.\S+", _I)
_TAG_OR_MENTION = re.compile(r"[#@]\w+")
# a call to apply, which an ad may put after the question
_CALL_TO_APPLY = re.compile(
    r"\b(?:apply(?: now| today| here| online)?|click (?:here|for details)|"
    r"(?:we'?re|we are|now) #?hiring|"
    r"(?:see|view|browse|check out) (?:our |all )?(?:open )?(?:jobs|openings|positions|roles|"
    r"careers|vacancies)|join (?:us|our team))\b",
    _I,
)
# what else may stand between the question and its link: filler, never a sentence
_FILLER = re.compile(r"\b(?:here|now|today|details|more|info)\b|[^\w\s]", _I)


def invites_to_work_for(text: str) -> bool:
    """Whether ``text`` (quotes straightened) asks its reader to work for a named employer
    and follows the question with nothing but a link or a call to apply."""
    question = _INVITATION.search(text)
    if question is None:
        return False
    rest = text[question.end() :]
    if _LINK.search(rest) is None and _CALL_TO_APPLY.search(rest) is None:
        return False  # a question alone is talk ("Would you like to work for Acme?")
    left = _FILLER.sub(" ", _CALL_TO_APPLY.sub(" ", _TAG_OR_MENTION.sub(" ", _LINK.sub(" ", rest))))
    return not left.strip()
