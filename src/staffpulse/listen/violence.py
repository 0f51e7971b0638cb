"""Violence told as a joke: harm done to a person, laughed off as office banter.

A post that jokes about hurting someone ("gonna strangle my coworker if he books one more 8am
call lol", "a coworker's cousin got stabbed, the kind of banter we do here") passes every
work test, and the humor signal reads it as funny; a staffing firm that joins it, even to
console, puts its name next to violence made light of. It is left out as hostile
(:mod:`staffpulse.listen.moderation`), never offered.

Only harm done to a person counts ("strangle my manager", "punched him", "was tortured"), and
only when the post laughs it off: a cue of banter or laughter ("banter", "lol", "jk", a crying
laughing emoji) or the humor signal sure it is funny (:data:`~staffpulse.listen.jokes.FUNNY`).
A win told in a violent word ("Crushed the panel interview, we killed it") harms nobody, a
clock punched ("got punched in at 7:40"), numbers punched in ("punching the client's figures")
or a boss drowned in reports is no harm, and a report of harm that asks for safety, protection
or one's rights ("a customer punched my manager, what are our rights?", "tried to choke my
coworker lol, why is there no security?") is a complaint to hear, whatever its nervous laugh or
the humor signal say: each stays.
"""

from __future__ import annotations

import re

from staffpulse.listen.jokes import FUNNY, plain_joke_text

# a person at work or close by, harmed
_PERSON = (
    r"(?:my|our|the|a|his|her|their|your)\s+(?:\w+\s+)?(?:boss|manager|coworkers?|co-workers?|"
    r"colleagues?|supervisor|team ?mates?|intern|ceo|employees?|recruiter|client|customer|"
    r"interviewer|hr (?:lady|guy|person|rep))"
)
# a harm no one means of a thing: stab, strangle, murder, torture, slap, choke, poison, drown,
# punch (below), beat up, set on fire ("kill" only of a person named: "killed it" is a win)
_HARM = (
    r"stab(?:bed|bing)?|strangl(?:e|ed|ing)|murder(?:ed|ing)?|tortur(?:e|ed|ing)|"
    r"slap(?:ped|ping)?|chok(?:e|ed|ing)|poison(?:ed|ing)?|drown(?:ed|ing)?"
)
# a clock punched ("punched in at 7", not "punched in the jaw") is no harm
_NO_HARM = r"(?!\s+(?:in|out)\b(?!\s+(?:the|his|her|my|their|your)\b))"
_DONE_RE = re.compile(
    rf"\b(?:(?:{_HARM})\s+(?:him|her|them|someone|somebody|{_PERSON})|"
    # a person's numbers punched in ("punching the client's figures") are no harm to them
    rf"punch(?:ed|ing)?\s+(?:him|her|them|someone|somebody|{_PERSON})(?!['\u2019]s\b)|"
    rf"(?:kill(?:ed|ing)?|beat(?:ing)? up|set fire to)\s+{_PERSON}|"
    r"beat(?:ing)? (?:him|her|them) up|"
    # told as done: "was thrown in acid", "got stabbed", "was beaten"
    r"(?:was|were|got|been|being)\s+(?:\w+\s+)?(?:stabbed|strangled|murdered|tortured|"
    rf"punched{_NO_HARM}|beaten(?: up)?|poisoned|drowned|set on fire|\w+ in acid))\b",
    re.IGNORECASE,
)
# drowned in work, no harm: "drowning my boss in status reports", "got drowned in emails"
_DROWNED_IN_RE = re.compile(r"\bdrown\w*\s+(?:\w+\s+){0,3}in\b", re.IGNORECASE)
# the post asks for safety, protection or its rights: a report of harm, not a joke about it
_ASKS_SAFETY_RE = re.compile(
    r"\b(?:security|safety|unsafe|protect(?:ion|ed|s)?|police|cops|press(?:ing)? charges|"
    r"assault(?:ed)?|(?:my|our|their|your|workers'?) rights|injur(?:ed|y|ies))\b",
    re.IGNORECASE,
)
# the post laughs it off
_LAUGHED_OFF_RE = re.compile(
    r"\b(?:banter|lol|lmao|rofl|haha\w*|jk|just kidding|kidding)\b|[\U0001f602\U0001f923]",
    re.IGNORECASE,
)


def jokes_about_violence(text: str, humor: float | None = None) -> bool:
    """Harm done to a person, laughed off: a cue of banter or laughter, or ``humor`` (the
    humor signal's p) at least :data:`~staffpulse.listen.jokes.FUNNY`; never a post that asks
    for safety, protection or its rights."""
    plain = plain_joke_text(text)
    if not _tells_of_harm(plain) or _ASKS_SAFETY_RE.search(plain) is not None:
        return False
    sure = humor is not None and humor >= FUNNY
    return sure or _LAUGHED_OFF_RE.search(plain) is not None


def reports_harm(text: str) -> bool:
    """Harm done to a person told with a call for safety, protection or one's rights ("a
    customer tried to choke my coworker lol, why is there no security?"): a complaint to answer
    seriously (:mod:`staffpulse.listen.tone`), never in a light tone, whatever its laugh."""
    plain = plain_joke_text(text)
    return _tells_of_harm(plain) and _ASKS_SAFETY_RE.search(plain) is not None


def _tells_of_harm(plain: str) -> bool:
    """Harm done to a person, not a clock punched or a boss drowned in reports."""
    done = _DONE_RE.search(plain)
    if done is None:
        return False
    return _DROWNED_IN_RE.search(plain, done.start(), done.end() + 40) is None
