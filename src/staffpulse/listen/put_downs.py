"""Put-downs the inbox reads as hostile: a group people are protected as in hiring, or a
person's work status thrown at them as an insult, or a group called vermin (dehumanised).

A firm that answers either, even to argue, puts its name next to it. Both lexicons are narrow
on purpose: talk *about* discrimination ("Companies don't hire older workers and it is a
scandal") or *about* being out of work ("If you're unemployed, here is where to start") is a
conversation a staffing firm may join; only the insult is left out.
"""

from __future__ import annotations

import re

# Groups protected in hiring (sex, origin, religion, age, disability, orientation) ...
_GROUP = (
    r"(?:women|woman|females?|girls|ladies|men|males|moms|mothers|pregnant \w+|"
    r"(?:illegal )?immigrants|illegals|illegal aliens|migrants|foreigners|refugees|"
    r"blacks|whites|asians|hispanics|latinos|mexicans|indians|chinese|africans|arabs|"
    r"muslims|jews|christians|gays|gay people|lesbians|trans (?:people|women|men|folks)|"
    r"old people|older (?:workers|people|employees|candidates)|anyone over \d+|"
    r"(?:the )?disabled(?: people)?|people with disabilities)"
)
# ... put down: kept out of work, told they cannot do it, or blamed for taking jobs.
_GROUP_PUT_DOWN_RE = re.compile(
    rf"\b{_GROUP}\s+(?:should(?:n'?t| not| never)|must(?:n'?t| not| never)|shall not)\s+be\s+"
    r"(?:hired|allowed|employed|promoted|working|in charge)|"
    rf"\b{_GROUP}\s+(?:are|r|keep)\s+(?:stealing\s+(?:our\s+|all the\s+|\w+\s+)?jobs|"
    r"taking\s+(?:our|all the|american|british)\s+jobs)|"
    rf"\b{_GROUP}\s+(?:just\s+)?(?:can'?t|cannot|could never)\s+handle\b|"
    rf"\b{_GROUP}\s+(?:are|r)\s+(?:too\s+)?(?:lazy|stupid|inferior|useless|worthless|"
    r"unemployable|a liability)\b|"
    # one group called a failed or broken copy of another ("men are just broken women")
    rf"\b{_GROUP}\s+(?:are|r)\s+(?:just\s+)?(?:failed|defective|broken)\s+{_GROUP}|"
    rf"(?:^|[.!?]\s*)(?:never|don'?t|do not|stop)\s+(?:ever\s+)?hir(?:e|ing)\s+(?:an?\s+)?{_GROUP}\b|"
    rf"\bsend\s+(?:the\s+)?{_GROUP}\s+(?:back|home)\b|\bbelongs? in the kitchen\b",
    re.IGNORECASE,
)

# Someone told, as a jab, that they are out of work or live on benefits: "everyone knows you're
# jobless and on benefits", "you jobless bum", "welfare queen". A second person ("you're")
# said as a known fact, or a benefits slur, is the insult; "if you're unemployed" is advice.
_YOU = r"(?:you(?:'re| are)|ur|you r|u r)"
_OUT_OF_WORK = (
    r"(?:unemployed|jobless|out of work|work-?shy|on (?:welfare|benefits|the dole|food stamps))"
)
_WORK_STATUS_PUT_DOWN_RE = re.compile(
    rf"\b(?:we (?:all|both) know|every(?:one|body) knows)\s+(?:that\s+)?{_YOU}\s+"
    rf"(?:still\s+|just\s+)?{_OUT_OF_WORK}|"
    rf"\b{_YOU}\s+(?:just\s+)?(?:an?\s+)?(?:unemployed|jobless|work-?shy)\s+(?:and|&)\s+on\s+"
    r"(?:welfare|benefits|the dole|food stamps)\b|"
    r"\b(?:welfare|benefits?|dole)\s+(?:scroungers?|queens?|bums?|leech(?:es)?|cheats?|sponges?)\b|"
    r"\b(?<!thank )you\s+(?:unemployed|jobless|work-?shy)\s+"
    r"(?:losers?|bums?|leech(?:es)?|scroungers?|sponges?|wasters?|slobs?|parasites?)\b|"
    r"\b(?:go|just)\s+get\s+a\s+(?:real\s+)?job,?\s+(?:you\s+)?"
    r"(?:bums?|hippies?|slackers?|losers?|leech(?:es)?|freeloaders?|scroungers?)\b",
    re.IGNORECASE,
)


# Every put-down of a group names one (each alternative above holds a {_GROUP} between word
# boundaries) or is the kitchen jibe: one pass for these tells the few texts worth the full
# rule, which costs five times as much and is read for every post an audit's Voice counts
_GROUP_NAMED_RE = re.compile(rf"\b{_GROUP}\b|\bbelongs? in the kitchen\b", re.IGNORECASE)


# A group (or a faith) called vermin: "these immigrants are animals", "Islam is a cancer", "a
# plague of refugees", and "send them all back" beside people of another origin. Not an animal
# in its own sense ("our warehouse cats are animals", "pest control jobs", "a plague of
# meetings"), a group called "party animals" or "gym rats", nor a people treated like animals
# ("migrants are treated like animals", "women are animals in the weight room": an effort)
_BEAST_WORDS = (
    r"vermin|parasites|cockroaches|roaches|rats|savages|sub-?humans?|leeches|insects|pests|filth"
)
_BEASTS = rf"(?:{_BEAST_WORDS}|an? (?:plague|infestation|disease|cancer|virus))"
_ORIGIN = (
    r"(?:(?:illegal )?immigrants|illegals|illegal aliens|migrants|foreigners|refugees|"
    r"asylum seekers|muslims|mexicans|africans|arabs)"
)
_DEHUMANISED_RE = re.compile(
    rf"\b(?:{_GROUP}|islam|judaism)\s+(?:are|r|is)\s+(?:(?:just|all|nothing but|no better than|"
    r"like|basically|literally|simply)\s+)*(?:(?:dirty|filthy|disgusting|savage|wild|rabid|"
    rf"fucking|f\*+ing)\s+)?(?:(?:animals|beasts)(?!\s+(?:on|in|at|when|of)\b)|{_BEASTS})(?!\w)|"
    rf"\b(?:infestations?|plagues?|swarms?|hordes?)\s+of\s+{_ORIGIN}\b|"
    rf"\b{_ORIGIN}\b.*\bsend\s+(?:them|'?em)\s+(?:all\s+)?(?:back|home)\b",
    re.IGNORECASE | re.DOTALL,
)
# the cheap test first: a beast's word or "send them" in the text
_BEAST_NAMED_RE = re.compile(
    rf"\b(?:animals|beasts|{_BEAST_WORDS}|plagues?|infestations?|disease|cancer|virus|swarms?|"
    r"hordes?|send (?:them|'?em))\b",
    re.IGNORECASE,
)
# ... said in quotes and reported ('the minister called them "vermin"; outrage followed'): news
_QUOTE_MARKS_RE = re.compile('["\u201c\u201d]')
_REPORTED_RE = re.compile(
    r"\b(?:said|says|called|calls|calling|branded|brands|described|quoted|claimed|claims|"
    r"remarks?|comments?|slammed|condemned|outrage|backlash|apologi[sz]ed)\b",
    re.IGNORECASE,
)


def puts_down(text: str) -> bool:
    """The text puts down a protected group, calls one vermin, or throws someone's work status
    at them."""
    return (
        (_GROUP_NAMED_RE.search(text) is not None and _GROUP_PUT_DOWN_RE.search(text) is not None)
        or _dehumanises(text)
        or _WORK_STATUS_PUT_DOWN_RE.search(text) is not None
    )


def _dehumanises(text: str) -> bool:
    """A group called vermin, unless inside quotes in a post that reports who said it."""
    if _BEAST_NAMED_RE.search(text) is None:
        return False
    return any(
        len(_QUOTE_MARKS_RE.findall(text, 0, found.start())) % 2 == 0
        or _REPORTED_RE.search(text) is None
        for found in _DEHUMANISED_RE.finditer(text)
    )
