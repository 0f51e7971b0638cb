"""A wrong told as one that keeps coming: a real complaint, however funny its telling.

"HR lost my leave request for the second time", "cut my hours again", "they still haven't
paid me", "every time I ask for a raise they change the subject": a post that says the wrong
happens again is a complaint to acknowledge, never read as a joke
(:func:`staffpulse.listen.jokes.reads_as_joke`).

"Every time" says so only when its clause, or the clause it leads into, is about the writer
("every time I ask", "they move my shift every time", "every time someone quits, their work
lands on me"): a joke's "every time the fax beeps, the intern salutes" tells how the joke's
world goes, not of a wrong done to its teller.
"""

from __future__ import annotations

import re

from staffpulse.listen.own_story import WRITER_RE

_AGAIN_RE = re.compile(
    r"\b(?:again|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|every (?:single )?"
    r"(?:week|month|shift)|keeps? \w+ing|still)\b",
    re.IGNORECASE,
)
_EVERY_TIME_RE = re.compile(r"\bevery (?:single )?time\b", re.IGNORECASE)
# the clause around it: up to a comma, a dash or a sentence's end on either side
_CLAUSE_END_RE = re.compile(r"[,;:.!?\n\u2014\u2013]")
# the clause it leads into wrongs the writer: the writer acts or owns, or it lands on them ("on
# me", "at us"); not the joke's scene beside them ("the parrot sat next to me")
_WRONGED_RE = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|my|we|we['\u2019]re|our|"
    r"(?:on|for|from|at) (?:me|(?-i:us)))\b",
    re.IGNORECASE,
)


def happens_again(text: str) -> bool:
    """A grievance told as one that keeps coming ("HR lost my leave request for the second
    time", "cut my hours again", "every time I ask for a day off")."""
    if _AGAIN_RE.search(text) is not None:
        return True
    for found in _EVERY_TIME_RE.finditer(text):
        clause, then = _clauses_of(text, found)
        if WRITER_RE.search(clause) or _WRONGED_RE.search(then):
            return True
    return False


def _clauses_of(text: str, found: re.Match[str]) -> tuple[str, str]:
    """The words of ``found``'s clause, from the last stop before it to the next after it, and
    of the clause after a comma that it leads into ("every time someone quits, it lands on me")."""
    before = [m.end() for m in _CLAUSE_END_RE.finditer(text, 0, found.start())]
    after = _CLAUSE_END_RE.search(text, found.end())
    if after is None:
        return text[before[-1] if before else 0 :], ""
    clause = text[before[-1] if before else 0 : after.start()]
    if after.group(0) != ",":
        return clause, ""
    then = _CLAUSE_END_RE.search(text, after.end())
    return clause, text[after.end() : then.start() if then else len(text)]


# a wrong done to the writer in the job search or at work: ghosted, rejected, charged a fee, asked to
# do it over ("did this recruiter just ghost me", "how many times is this portal going to ask
# me to re-upload my resume"): a complaint to answer in earnest, however funny its telling
_WRONGED_BY_RE = re.compile(
    r"\b(?:ghost(?:ed|ing|s)? (?:me|us)(?!\s*:)|rejected (?:me|us)|"
    # a fee, not a price nor a crime's charge ("charged me $4 for a bagel", "charged me with theft")
    r"(?:charg\w*|bill\w*) (?:me|us) (?:a |an |the )?(?:\w+ )?fees?|"
    r"ask(?:s|ed|ing)? (?:me|us) to re-?(?:upload|submit|enter|apply|send|type|do)\w*|"
    r"(?:make|made|making) (?:me|us) (?:to )?re-?(?:upload|submit|enter|apply|do)\w*|"
    r"how many (?:more )?times (?:is|are|will|must|do (?:i|we)|have (?:i|we)))\b",
    re.IGNORECASE,
)


# a laugh at the wrong: told for fun ("Gym charged me a membership fee for one visit lmao")
_LAUGH_RE = re.compile(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|jk)\b|[\U0001f602\U0001f923\U0001f606\U0001f605]", re.I
)
# a wrongdoer that is no recruiter, employer nor portal: a pet, a plant, a child, a machine
# ("my cat ghosted me for the neighbour's tuna")
_NOT_AT_WORK_RE = re.compile(
    r"\b(?:cat|dog|puppy|kitten|plant|toddler|kids?|son|daughter|printer|vending machine|toaster|"
    r"autocorrect|phone|laptop|wi-?fi|gym|crush|ex|mom|dad|wife|husband|bf|gf|boyfriend|girlfriend)"
    r"\s+(?:just\s+|(?:has|had)\s+)?(?:ghost|reject|charg|bill|ask|make|made)",
    re.I,
)


def complains_of_a_wrong(text: str) -> bool:
    """The writer was wronged in the job search or at work (ghosted, rejected, charged, made
    to do it over): a complaint, never read as a joke; not when the post laughs at it or the
    wrongdoer is no one at work (a cat, a printer, a toddler)."""
    return (
        _WRONGED_BY_RE.search(text) is not None
        and _LAUGH_RE.search(text) is None
        and _NOT_AT_WORK_RE.search(text) is None
    )
