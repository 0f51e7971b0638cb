"""Which posts an audit never offers a firm "to imitate" because they swear.

The inbox lets a sworn post through on purpose: "this fucking commute" is still a conversation
a firm can join, with its own words. A post "to imitate" is another matter: the firm would
write it. In a real feed's report, which a consultant hands a client, two of the posts to
imitate called someone a name no firm would print and answered another with "no sh*t".

The lexicon is compact and strong words only (English, whole words, any case, the usual
starred spellings: "f*ck", "sh!t"); mild ones ("damn", "hell", "crap") stay, as a firm may
say them. A hashtag is the firm's own words too: a real feed's post to imitate ended in
"#shitclientssay". A tag is read whole ("#wtf"), and one that starts with a word no tag
starts with innocently ("#fuckcancer", "#shitclientssay") or ends with one ("#officeshit")
swears; other words only whole, as "#Dickens", "#cocktails" or "#FMLA" (the US leave law)
start like one. Like
:mod:`~staffpulse.audit.identity_groups`, it is conservative: it may drop a harmless example
("Dick Smith"), never offer a sworn one.
"""

from __future__ import annotations

import re

from staffpulse.audit.hashtags import HASHTAG_RE
from staffpulse.listen.work_terms import URL_RE

_SWEAR_RE = re.compile(
    r"(?<![\w@#])(?:"
    r"(?:mother|mutha)?f+[u*@!]+c?k+(?:s|ed|er|ers|ing|in'?|in|face|head|wit)?|f[*@!]{2,}k|"
    r"fml|wtf|stfu|gtfo|"
    r"(?:bull|horse|dip|ape)?sh+[i*!1]+t+(?:s|ty|tier|head|heads|show|hole|faced)?|sh[*!]{2}t|"
    r"bitch(?:es|y|ing|ed)?|b[*!]tch|cunts?|c[*]nt|dicks?|dickheads?|cocks?|cocksuckers?|"
    r"puss(?:y|ies)|twats?|wankers?|ass-?holes?|arse-?holes?|a[*]{2}hole|bastards?|"
    r"piss(?:ed)?|jackass(?:es)?|dumbass(?:es)?"
    r")(?!\w)"
    # the middle finger says it without a word (a real post to imitate ended in two)
    "|\U0001f595",
    re.IGNORECASE,
)


# the words a hashtag may run on from: no innocent tag starts with them
_SWEAR_TAG_START_RE = re.compile(r"(?:mother|bull)?(?:fuck|shit)|wtf|stfu|gtfo", re.IGNORECASE)
# and those it may run into: "fuck" anywhere ("#whatthefuck"), "shit" at its end ("#officeshit";
# a real post to imitate ended in such a tag), not within, as in "#washitape"
_SWEAR_TAG_INSIDE_RE = re.compile(r"fuck|shit(?:e|show)?$", re.IGNORECASE)


def swears(text: str) -> bool:
    """A strong swear word in ``text``, or a hashtag that is one or starts with one (a link or
    an @name is not read): "no shit", "f*ck", "bitch", "#wtf", "#shitclientssay",
    "#officeshit"; "damn",
    "hell" and "#Dickens" are not."""
    text = URL_RE.sub(" ", text)
    if _SWEAR_RE.search(text) is not None:
        return True
    return any(
        _SWEAR_RE.fullmatch(tag)
        or _SWEAR_TAG_START_RE.match(tag)
        or _SWEAR_TAG_INSIDE_RE.search(tag)
        for tag in HASHTAG_RE.findall(text)
    )
