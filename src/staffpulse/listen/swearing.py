"""Strong swear words: the one list the inbox and the audit read.

The inbox offers a post that swears ("this fucking commute" is still a conversation about work)
with the caution "strong language" (:func:`swears_strongly`); the audit
never offers one "to imitate" (:mod:`staffpulse.audit.profanity`), as the firm would write it.

The lexicon is compact and strong words only (English, whole words, any case, the usual
starred spellings: "f*ck", "sh!t"); mild ones ("damn", "hell", "crap") stay, as a firm may
say them. A hashtag is the writer's own words too ("#shitclientssay"). A tag is read whole
("#wtf"), and one that starts with a word no tag starts with innocently ("#fuckcancer",
"#shitclientssay") or ends with one ("#officeshit") swears; other words only whole, as
"#Dickens", "#cocktails" or "#FMLA" (the US leave law) start like one. For the audit it is
conservative: it may read a harmless name as one ("Dick Smith"), never miss a sworn word. The
inbox's caution, on someone else's post, passes by a name or a thing that only looks like one
("Dick Turner", "Dick's Hardware", a stop cock, a pussy cat).
"""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import URL_RE, plain_text
from staffpulse.sources.native_records import HASHTAG_RE

_SWEAR_RE = re.compile(
    r"(?<![\w@#])(?:"
    # any word "fuck" or "shit" starts ("fuckery", "shite", "shitload"), not "Fukushima" nor
    # "Shiite"
    r"(?:mother|mutha)?f+[u*@!]+ck+\w*|f+[u*@!]+k+(?:s|ed|er|ers|ing|in'?|in|face|head|wit)?|"
    # starred all through: "f**k", "f***ing"
    r"f[*@!]{2,}k\w*|f[*@!]{2,}(?:s|ed|er|ers|ing|in)?|"
    r"fml|wtf|stfu|gtfo|"
    r"(?:bull|horse|dip|ape)?(?!shii+tes?\b|shi+takes?\b)sh+[i*!1]+t+\w*|sh[*!]{2}t\w*|"
    # starred past its first letter: "S*** recruiters say", "s**t"
    r"s[*]{2}t|s[*]{3}|"
    r"bitch(?:es|y|ing|ed)?|b[*!]tch|cunts?|c[*]nt|dicks?|dickheads?|cocks?|cocksuckers?|"
    r"puss(?:y|ies)|twats?|wankers?|ass-?holes?|arse-?holes?|a[*]{2}hole|bastards?|"
    r"jackass(?:es)?|dumbass(?:es)?"
    r")(?!\w)"
    # the middle finger says it without a word (a real post to imitate ended in two)
    "|\U0001f595",
    re.IGNORECASE,
)


# crude, not strong: a firm never writes "pissed" (the audit), but a caution on someone else's
# "Pissed that my agency cut my hours" would overstate it (the inbox)
_CRUDE_RE = re.compile(r"(?<![\w@#])piss(?:ed)?(?!\w)", re.IGNORECASE)


# the words a hashtag may run on from: no innocent tag starts with them
_SWEAR_TAG_START_RE = re.compile(r"(?:mother|bull)?(?:fuck|shit)|wtf|stfu|gtfo", re.IGNORECASE)
# and those it may run into: "fuck" anywhere ("#whatthefuck"), "shit" at its end ("#officeshit";
# a real post to imitate ended in such a tag), not within, as in "#washitape"
_SWEAR_TAG_INSIDE_RE = re.compile(r"fuck|shit(?:e|show)?$", re.IGNORECASE)


# a word of the list that names a person or a thing: "Dick Turner", "Mr Dick", a shop
# ("Dick's Hardware"), a stop cock, a pussy cat, a wiener dog (a dachshund; "his wiener dog", as
# "my pussy cat", is the double meaning: the word before makes it the crude one)
_NAME_OR_THING_RE = re.compile(
    r"(?-i:Dick)(?= [A-Z][a-z]|['\u2019]s [A-Z])|(?:(?<=(?-i:Mr) )|(?<=(?-i:Mr\.) ))(?-i:Dick)|"
    r"(?<=stop )cock|puss(?:y|ies)(?= ?cats?\b)|wieners?(?= dogs?\b)",
    re.IGNORECASE,
)


# the words before a name-like "Dick" or "Cocks" that make it the crude one ("Big Dick Energy",
# "SuckMyDick"): read in a post and in a handle's words (:mod:`staffpulse.listen.crude_names`)
_CRUDE_BEFORE = frozenset(
    {
        "big", "huge", "giant", "massive", "small", "tiny", "fat", "thick", "long", "hard",
        "wet", "sexy", "horny", "juicy", "my", "your", "ur", "his", "suck", "sucks", "lick",
        "eat", "no", "free", "rock", "sweet",
    }
)  # fmt: skip
_CRUDE_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(_CRUDE_BEFORE))})\W*$", re.IGNORECASE)


def makes_crude(word: str) -> bool:
    """``word`` ("Big", "my") makes a name-like "Dick" after it the crude word."""
    return word.lower() in _CRUDE_BEFORE


def names_person_or_thing(text: str, start: int) -> bool:
    """The word of the list at ``start`` in ``text`` names a person or a thing ("Dick Turner",
    "Mr Dick", "Dick's Hardware", a stop cock), unless the word before makes it the crude one
    ("Big Dick Energy")."""
    return (
        _NAME_OR_THING_RE.match(text, start) is not None
        and _CRUDE_BEFORE_RE.search(text, 0, start) is None
    )


def swears(text: str) -> bool:
    """A strong or a crude swear word in ``text`` (:func:`swears_strongly`, or "pissed"), or a
    name that looks like one ("Dick Smith"): no post a firm would write."""
    plain = URL_RE.sub(" ", text)
    # any word of the list, a name too: what swears_strongly reads, less its name check
    return (
        _SWEAR_RE.search(plain) is not None
        or _CRUDE_RE.search(plain) is not None
        or _swears_in_tags(plain)
    )


def swears_strongly(text: str) -> bool:
    """A strong swear word in ``text``, or a hashtag that is one or starts with one (a link or
    an @name is not read): "no shit", "f*ck", "bitch", "#wtf", "#shitclientssay",
    "#officeshit"; "damn", "hell", "#Dickens" and a name ("Dick Turner") are not: still work
    talk, but a brand's reply keeps clean."""
    text = plain_text(text)
    if any(
        _NAME_OR_THING_RE.match(text, word.start()) is None for word in _SWEAR_RE.finditer(text)
    ):
        return True
    return _swears_in_tags(text)


def _swears_in_tags(plain: str) -> bool:
    """A hashtag of ``plain`` (a text without its links) is a swear word, or starts or ends
    with one ("#wtf", "#shitclientssay", "#officeshit")."""
    return any(
        _SWEAR_RE.fullmatch(tag)
        or _SWEAR_TAG_START_RE.match(tag)
        or _SWEAR_TAG_INSIDE_RE.search(tag)
        for tag in HASHTAG_RE.findall(plain)
    )
