"""Jokes that put down a group people are protected as: left out as hostile, never offered.

A joke that puts down a group people are protected as (ethnicity, nationality, religion,
gender, sexuality, disability) is left out as hostile (:mod:`staffpulse.listen.moderation`),
with a joke's set form (:mod:`staffpulse.listen.jokes`) or without one when the humor signal
reads it as funny: a firm must never be pointed at one (:func:`mocks_a_group`).
"""

from __future__ import annotations

import re

from staffpulse.listen.jokes import (
    FIRM_VOICE,
    FIRM_VOICE_RE,
    FUNNY,
    answers_a_question,
    answers_itself,
    asks,
    has_loose_form,
    has_set_form,
    plain_joke_text,
    reads_as_joke,
    riddle_answer,
)

# more of a protected group, counted only in a post :func:`reads_as_joke`: a country for its
# people (a pun on its name, its currency), a wheelchair, a form's race box
_MORE_GROUPS_RE = re.compile(
    r"\b(?:china|korea|japan|mexico|india|africa|pesos|wheelchairs?|"
    r"(?:box|field) (?:for|marked) ['\"\u2018\u201c]?race)\b",
    re.IGNORECASE,
)
# ... the writer's own ("my girls", "as a woman") or a thing ("Chinese food")
_OWN_GROUP_RE = re.compile(r"\b(?:my|our|as an?|i['\u2019]?m an?)\s+$", re.IGNORECASE)
_THING_RE = re.compile(r"\s+(?:food|take-?out|restaurant|new year|buffet)\b", re.IGNORECASE)

# groups people are protected as, named in a joke (ethnicity, nationality, religion, gender,
# sexuality, disability)
_GROUP_RE = re.compile(
    r"\b(?:black (?:people|guys?|men|man|women|woman|kids?|folks|person)|(?<!all )blacks|"
    r"african[- ]americans?|white (?:people|guys|folks)|asians?|mexicans?|chinese|japanese|"
    r"indians|jews?|jewish|muslims?|arabs?|hispanics?|latinos?|latinas?|gypsies|"
    r"immigrants?|illegals?|illegal aliens?|refugees|"
    r"women|woman|girls|blondes?|feminists?|"
    r"gays?|lesbians?|homosexuals?|queers?|trans (?:people|women|men|folks)|transgender|"
    r"midgets?|dwarfs?|retards?|retarded|cripples?|autistic|disabled|deaf people|blind people)\b",
    re.IGNORECASE,
)
# ... and, for a joke with no set form, a whole group spoken of (not "a woman on my team", "my
# Irish grandad": one person, or the writer's own)
_WHOLE_GROUP_RE = re.compile(
    r"\b(?:black people|(?<!all )blacks|african[- ]americans|asians|mexicans|jews|muslims|"
    r"the chinese(?= (?:are|have|do|don['\u2019]?t|can['\u2019]?t|were|will|always|never)\b)|"
    r"arabs|hispanics|latinos|gypsies|immigrants|illegals|illegal aliens|refugees|feminists|"
    r"gays|lesbians|homosexuals|queers|trans people|midgets|dwarfs|retards|cripples)\b",
    re.IGNORECASE,
)
# a group spoken of by the writer's own team, or praised, is no joke at its expense: "We hired
# three refugees this year, the best crew we've had", "Proud of this place". Not an idiom of
# praise, which a mock of a group borrows as often ("... give them a medal for working for
# peanuts lol"): praise of one person ("give that woman a medal") is sincere, so no joke at all
# (:func:`~staffpulse.listen.jokes.reads_as_joke`)
_OWN_TEAM_RE = re.compile(rf"\b(?:{FIRM_VOICE}|proud|thanks?|grateful|welcome\w*)\b", re.IGNORECASE)


def mocks_a_group(text: str, humor: float | None = None) -> bool:
    """A joke (set form, a wh-riddle answered with a punch line from half-sure humor, or the
    humor signal sure it is funny) that names a group people are protected as: left out as
    hostile, never offered."""
    plain = plain_joke_text(text)
    named = _GROUP_RE.search(plain) is not None
    if not named and _MORE_GROUPS_RE.search(plain) is None:
        return False
    if named and (has_set_form(plain) or _is_group_riddle(plain)):
        return True
    if humor is None or humor < 0.5 or _OWN_TEAM_RE.search(plain) is not None:
        return False
    riddle = answers_a_question(plain) and answers_itself(plain)  # a riddle on it
    if (riddle or reads_as_joke(plain, humor)) and _names_others(plain):
        return True
    loose = has_loose_form(plain, got=True) or _WHOLE_GROUP_RE.search(plain) is not None
    return named and humor >= FUNNY and loose


def _names_others(plain: str) -> bool:
    """A group named as others, not the writer's own nor a thing nor a word for something else
    ("my girls", "as a woman", "so gay", "Chinese food", "illegal")."""
    if _MORE_GROUPS_RE.search(plain) is not None:
        return True
    for found in _GROUP_RE.finditer(plain):
        before = plain[max(0, found.start() - 10) : found.start()]
        word = found.group(0).lower()
        if word in ("illegal", "feminist", "gay") or _OWN_GROUP_RE.search(before) is not None:
            continue
        if _THING_RE.match(plain, found.end()) is None:
            return True
    return False


def _is_group_riddle(plain: str) -> bool:
    """A riddle on a group, whatever its punch line ("... a family of 4", "-1"), unless it asks
    or speaks as a firm ("How many women does it take to get a board seat at our company?")."""
    answer = riddle_answer(plain)
    if answer is None or FIRM_VOICE_RE.search(plain) is not None:
        return False
    return not asks(answer)
