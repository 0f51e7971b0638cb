"""A hashtag as the audit reads one, the same in every check that reads tags: politics
(:mod:`~staffpulse.audit.politics`), swearing (:mod:`~staffpulse.audit.profanity`) and the
display name (:mod:`~staffpulse.audit.names`)."""

from __future__ import annotations

# the importers' pattern (its comment says what it reads), so a tag stored at import is the
# tag the audit finds
from staffpulse.sources.native_records import HASHTAG_RE

__all__ = ["HASHTAG_RE"]
