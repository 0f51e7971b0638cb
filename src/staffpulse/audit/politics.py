"""Which posts an audit never offers "to imitate" because they take a side in party politics.

The inbox leaves out party politics that is not about work and lets a work matter that names a
party through (:mod:`~staffpulse.listen.moderation`). A post "to imitate" is the firm's own
words in a report a consultant hands a client: a post that names a party, a partisan label or
a politician is no model for it, whatever it is about: real reports offered a jibe tagged
with a party and its cause in one hashtag, and a remark about a former candidate. The names
are the inbox's (one list for both); a hashtag is read whole, as the inbox reads it, and word
by word too, as its capitals split it ("#ToryShambles" names the Tories), since a tag is how
such a post takes its side. Its words are read without the "#", so that a word only the
whole tag makes partisan stays what it is inside another tag: "#Resistance" is the movement,
"#ResistanceTraining" a workout.
"""

from __future__ import annotations

import re

from staffpulse.audit.hashtags import HASHTAG_RE
from staffpulse.listen.moderation import Moderation, moderate

# "TorySkillsFiasco" -> "Tory Skills Fiasco": a capital after a small letter starts a word
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _spell_tag(tag: re.Match[str]) -> str:
    """``#ToryShambles Tory Shambles``: the tag as written, then its words (none to add to a
    tag of one word)."""
    words = _CAMEL_RE.sub(" ", tag.group(1))
    return tag.group(0) if words == tag.group(1) else f"{tag.group(0)} {words}"


def split_tags(text: str) -> str:
    """``text`` with each hashtag followed by its words, split where its capitals start them."""
    return HASHTAG_RE.sub(_spell_tag, text)


def read_for_imitation(text: str) -> Moderation:
    """What the inbox's moderation says of ``text``, its hashtags read word by word."""
    return moderate(split_tags(text))


def takes_sides(said: Moderation) -> bool:
    """A post that names a party, a partisan label or a politician: never one to imitate."""
    return said.politics
