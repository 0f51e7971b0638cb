"""A hashtag as the audit reads one, the same in every check that reads tags: politics
(:mod:`~staffpulse.audit.politics`), swearing (:mod:`~staffpulse.audit.profanity`) and the
display name (:mod:`~staffpulse.audit.names`)."""

from __future__ import annotations

import re

# "#Remain", "#shitclientssay"; its word is group 1. Not "&#39;" (an HTML entity left in a
# text) nor the "#" inside a word ("C#", "no#1"). As X's own rule (twitter-text), a "#" may
# come before: "##Tag" is the tag "Tag" (the same texts would read otherwise: one real text
# in 20,404 with a "#")
HASHTAG_RE = re.compile(r"(?<![\w&])#(\w+)")
