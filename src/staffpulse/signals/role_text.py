"""An account's name and texts as plain ASCII words, for the role tagger and the audit's name
check alike.

Kept apart from :mod:`staffpulse.signals.role_features`, which loads the cues' patterns and
scipy, so that reading a display name (the audit's Face pillar, imported by every command's
start-up through the report modules) costs neither.
"""

from __future__ import annotations

import re
import unicodedata

from staffpulse.signals.role_person_name import handle_user

_URL_RE = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MENTION_RE = re.compile(r"@\w+")
_CAMEL_RE = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])"
)
_NON_WORD_RE = re.compile(r"[_\W]+")


def to_ascii(value: str) -> str:
    """Decompose accents, drop what is still not ASCII (mojibake, emoji), squeeze spaces."""
    text = unicodedata.normalize("NFKD", value)
    text = text.encode("ascii", "ignore").decode("ascii")
    return " ".join(text.split())


def clean_text(value: str) -> str:
    """URLs and @mentions become placeholder words; the rest is ASCII-folded."""
    text = _URL_RE.sub(" xurlx ", value)
    text = _MENTION_RE.sub(" xmentionx ", text)
    return to_ascii(text)


def split_name(name: str) -> str:
    """``TCGJobs`` -> ``tcg jobs``; ``tmj_pdx_retail`` -> ``tmj pdx retail``; a handle's
    server left out (``priyapatel.bsky.social`` -> ``priyapatel``)."""
    text = to_ascii(handle_user(name)).lstrip("@")
    text = _CAMEL_RE.sub(" ", text)
    return " ".join(_NON_WORD_RE.sub(" ", text).lower().split())
