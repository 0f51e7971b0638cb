"""The words that make a post partisan: parties, their labels and politicians. Read by the
inbox's moderation (a post that takes sides is left out) and by the audit (never a post to
imitate)."""

from __future__ import annotations

import re

# "will always trump experience": an adverb of how often comes before the verb, not the name
_HOW_OFTEN = "(?:{})".format(
    "|".join(
        rf"(?<=\b{word} )"
        for word in ("always", "often", "usually", "generally", "easily", "sometimes")
    )
)

# Parties, politicians ("@VP", "Biden's"); "resist" only as a movement ("#Resist", "the Resistance");
# the verb of "culture trumps strategy" or a "trump card" is no politician, unless his
# presidency or base follows
PARTISAN_RE = re.compile(
    r"(?<![\w'])#?(democrats?|dems|democratic party|republicans?|gop|rnc|dnc|maga|libs|liberals|"
    r"leftists?|lefties|the left|far[- ]left|far[- ]right|right[- ]?wingers?|left[- ]?wingers?|"
    r"right[- ]wing|left[- ]wing|conservatives|tory|tories|labour (party|mps?)|ukip|antifa|"
    r"woke(?!\s+up\b)|(?!(?-i:trump(?:s|ed|ing))\b(?! (?:presidency|administration|supporters|"
    rf"voters|rally)\b))(?!(?-i:trump cards?)\b)(?!{_HOW_OFTEN}(?-i:trump)\b(?!['\u2019]))"
    r"trump(?!et)\w*|realdonaldtrump|biden\w*|joebiden|obama\w*|barackobama|"
    r"hillary|clinton|pelosi|speakerpelosi|mcconnell|desantis|kamala\w*|corbyn\w*|jeremycorbyn|"
    r"farage|boris johnson|borisjohnson|starmer|sunak|potus|@vp|amtrak joe|palin|#resist(ance|"
    r"ers?)?|#theresistance|(?-i:[Tt]he Resistance)(?! [Tt]o\b)|(part of|join(ed|"
    r"ing)?) the resistance(?! to\b)|votebluenomatterwho|peoplesvote|"
    r"brexit\w*)(?:['\u2019]s)?(?![\w'])",
    re.IGNORECASE,
)
