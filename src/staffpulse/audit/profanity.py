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

import functools
import re

import numpy as np

from staffpulse.audit.types import Frame

# one list for the inbox's "strong language" caution and for the audit (moved, not copied)
from staffpulse.listen.swearing import swears, swears_strongly
from staffpulse.report.counts import count_of
from staffpulse.report.one_line import one_line

__all__ = ["swearing_caution", "swears", "swears_in_post", "sworn_posts"]

# a reply that greets its reader by name ("@sam Dick, please call us"): a help desk's reply,
# no swearing, though the name is also a word of the list
_GREETED_NAME = re.compile(r"^((?:@\w+\s+)+)(?-i:Dick)(?=[,!.:]\s)")
_QUOTED_CHARS = 60  # the example's length in the caution: enough to recognise the post


# Voice reads a funny post's swearing and the header's caution reads every post's: one reading
# per text serves both (and a cohort's repeated texts), as for imitation.crosses_the_line
@functools.lru_cache(maxsize=32768)
def swears_in_post(text: str) -> bool:
    """Whether a post of the account's swears, as the inbox's "strong language" caution reads
    it (a name such as "Dick Turner" aside, and one greeted at the start of a reply): none of
    them is offered to imitate either (:func:`swears` is wider)."""
    return swears_strongly(_GREETED_NAME.sub(r"\1", text))


def sworn_posts(frame: Frame) -> list[int]:
    """The posts the account wrote (reposts are others' words) that swear, oldest first."""
    texts = frame.posts
    return [int(i) for i in np.flatnonzero(frame.scored) if swears_in_post(texts[int(i)].text)]


def swearing_caution(frame: Frame) -> str | None:
    """The header's warning of a feed that swears or curses: a firm whose posts called its
    boss a name and swore at the traffic was praised "42% read as funny: keep it up" (QA s40).
    Those posts count as no humor in Voice; this says how many there are, with the newest as
    the example, since clients and candidates read them too."""
    sworn = sworn_posts(frame)
    if not sworn:
        return None
    quoted = one_line(frame.posts[sworn[-1]].text, _QUOTED_CHARS)
    wrote = int(frame.scored.sum())
    which = (
        "Your only post swears"
        if wrote == 1
        else f"{len(sworn):,} of your {count_of(wrote, 'post')} swear or curse"
    )
    them, they = ("it", "it counts") if len(sworn) == 1 else ("them", "they count")
    return (
        f'{which} ("{quoted}"): clients and candidates read {them} too, so {they} as no humor '
        "here, and none is offered to imitate."
    )
