"""Harassment at work told without the word: a matter of rights, answered straight however
much the post laughs (:func:`staffpulse.listen.tone.tells_of_rights`).

"Told HR my team lead keeps touching my shoulder. They said he is just being friendly lol" is
a report, not a joke. The touch or the remark alone is not enough: a massage therapist rubs a
back, a toddler grabs hair, a grandma comments on a weight. So a touch or a remark on the
writer's body counts when someone at work does it or is told of it (a boss, a customer, HR);
"inappropriately" says it outright; and a report brushed off ("HR laughed it off", "management
did nothing") counts when a report or such a touch comes with it, not "my boss did nothing all
day" nor "HR laughed it off when I asked for a standing desk".
"""

from __future__ import annotations

import re

# a hand or a remark on the writer's body
_UNWANTED_RE = re.compile(
    r"\bgrop(?:e|es|ed|ing) (?:me|my|her|us)\b|"
    r"\b(?:touch|touches|touched|touching|grabb(?:ed|ing)|grabs|rubb(?:ed|ing)|rubs) (?:me|my "
    r"(?:shoulders?|back|legs?|waist|hair|arms?|butt|ass|chest|knees?|thighs?|neck|hips?))\b|"
    r"\b(?:keeps?|kept|won['\u2019]?t stop|wouldn['\u2019]?t stop) (?:touching|grabbing|rubbing) "
    r"(?:me|my)\b|\b(?:won['\u2019]?t|wouldn['\u2019]?t) stop hugging (?:me|my)\b|"
    r"\b(?:comments?|remarks?|jokes?) (?:about|on) my (?:body|looks|appearance|weight|figure|"
    r"chest|legs|boobs|butt|ass)\b",
    re.IGNORECASE,
)
# ... by or told to someone at work
_AT_WORK_RE = re.compile(
    r"\b(?:hr|human resources|management|at work|on (?:my|the) shift|at the (?:office|staff "
    r"party|work party|christmas party)|boss|manager|supervisor|team lead|shift lead|team leader|"
    r"coworkers?|co-workers?|colleagues?|foreman|customers?|clients?)\b",
    re.IGNORECASE,
)
_OUTRIGHT_RE = re.compile(
    r"\b(?:touch\w*|grabb?\w*|hugg?\w*|kiss\w*) (?:me|her|him) inappropriately\b", re.IGNORECASE
)
# a report made, and brushed off
_REPORTED_RE = re.compile(
    r"\b(?:report\w*|told|complain\w*)\b[^.!?\n]{0,60}\b(?:hr|human resources|management|"
    r"(?:my|our|the) (?:manager|boss|supervisor))\b",
    re.IGNORECASE,
)
_BRUSHED_OFF_RE = re.compile(
    r"\b(?:laughed it off|brushed it off|did nothing|swept it under the (?:rug|carpet))\b",
    re.IGNORECASE,
)


def tells_of_harassment(plain: str) -> bool:
    """``plain`` (a post's plain text) tells of harassment at work without the word (see the
    module docstring)."""
    if _OUTRIGHT_RE.search(plain) is not None:
        return True
    unwanted = _UNWANTED_RE.search(plain) is not None
    if unwanted and _AT_WORK_RE.search(plain) is not None:
        return True
    return _BRUSHED_OFF_RE.search(plain) is not None and (
        unwanted or _REPORTED_RE.search(plain) is not None
    )
