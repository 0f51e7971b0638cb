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

# one list for the inbox's "strong language" caution and for the audit (moved, not copied)
from staffpulse.listen.swearing import swears

__all__ = ["swears"]
