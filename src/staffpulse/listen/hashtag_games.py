"""Entries to a TV show's hashtag game: jokes written for the show, not conversations to join.

A late-night show posts a hashtag ("#WorstJobIn4Words", "#FiredOnDayOne") and viewers answer
with one-liners, tagging the show's account so it may read theirs on air. Many such games are
about work, so their entries pass every work test, yet a staffing firm that answers one joins
a joke written for someone else's audience. The inbox leaves them out ("a joke for a TV hashtag
game").

An entry tags the show's account (``@midnight``, ``@FallonTonight``) or the game's own tags
(``#HashtagWars``, ``#PointsMe``). "@midnight" is also shorthand for the hour ("my shift starts
@midnight #nightshift"): after a word of time or place it is the hour, unless a game's tag
(``#HashtagWars``, a "...In5Words" tag) says otherwise. Of 12,734 real #HashtagWars entries,
12,704 are read as entries; none of 39,634 other real tweets, bios and jokes is.
"""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import URL_RE

# the shows' accounts: a mention asks the show to read the entry on air
_SHOW_RE = re.compile(r"(?<![\w@])@(midnight|fallontonight)\b", re.IGNORECASE)
# the games' own tags, and a game's form ("#BadDateIn3Words", "#MyJobInFiveWords")
_GAME_TAG_RE = re.compile(
    r"(?<![\w#])#(hashtagwars|pointsme|\w+in(\d+|two|three|four|five|six|seven)words)\b",
    re.IGNORECASE,
)
# "@midnight" as the hour: "starts @midnight", "clock in @midnight", "off @midnight"
_THE_HOUR_RE = re.compile(
    r"\b(starts?|starting|started|until|till|til|by|before|after|around|from|to|in|out|"
    r"tonight|opens?|closes?|ends?|ending|leav(?:e|es|ing)|off|at|due|up|sleep|bed|home|"
    r"work|working|shifts?|done|finish(?:es|ed)?|back|open|closed)\s+@midnight\b",
    re.IGNORECASE,
)

# A game's prompt ("#LostMyJobBecause I made the boss decaf", "#WorstShiftIn4Words"), with or
# without the show's tag: the entry is a joke written to it, its "fired" or "bad" no hardship
# (:mod:`staffpulse.listen.tone` reads it light; 2,050 of the real #HashtagWars entries carry
# one; 5 of 27,000 other real texts, all jokes or slogans)
_PROMPT_TAG_RE = re.compile(r"#\w+(?:Because|In\d+Words)\b", re.IGNORECASE)


def answers_a_game_prompt(text: str) -> bool:
    """The text answers a hashtag game's prompt ("#LostMyJobBecause ..."): a joke."""
    return _PROMPT_TAG_RE.search(text) is not None


def is_hashtag_game_entry(text: str) -> bool:
    """The text is an entry to a TV show's hashtag game (see the module docstring)."""
    plain = URL_RE.sub(" ", text)
    if _GAME_TAG_RE.search(plain):
        return True
    shows = _SHOW_RE.findall(plain)
    if not shows:
        return False
    # every "@midnight" after a word of time is the hour; another show's tag still counts
    hours = len(_THE_HOUR_RE.findall(plain))
    return len(shows) > hours
