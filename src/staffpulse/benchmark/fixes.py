"""The league table's "most important fix" of each account, said about it, not to it.

An audit speaks to the account it grades ("89 of 158 mentions of you got no answer. Check
your notifications..."). A benchmark is read by someone comparing many accounts, most of them
competitors, so each row's fix is a short headline in the imperative with the fact behind it,
and no "you": ``Answer mentions: 89 of 158 got no answer``.

The headline is read off the audit's advice, whose sentences each pillar writes in a few
known shapes (``staffpulse.audit.{face,mix,voice,conversation}``). Advice in a shape this
module does not know yet still gets a headline: its first sentence, told in the third person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_N = r"([\d,]+)"
# (the advice's opening, the headline): the first match wins; groups are the advice's numbers
_HEADLINES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), headline)
    for pattern, headline in (
        # conversation
        (
            rf"^{_N} of {_N} mentions of you got no answer",
            r"Answer mentions: \1 of \2 got no answer",
        ),
        (rf"^None of your {_N} posts are replies", r"Reply to others: none of \1 posts is a reply"),
        (
            # "are replies" in audits saved before the audit said "is a reply" for one
            rf"^Only 1 of your {_N} posts (?:is a reply|are replies)",
            r"Reply to others: only 1 of \1 posts is a reply",
        ),
        (
            rf"^Only {_N} of your {_N} posts are replies",
            r"Reply to others: only \1 of \2 posts are replies",
        ),
        (r"^Your one post is not a reply", "Reply to others: its one post is no reply"),
        (r"^You talked with 1 different account\b", "Talk with more people: 1 account in 90 days"),
        (
            rf"^You talked with {_N} different accounts?",
            r"Talk with more people: \1 accounts in 90 days",
        ),
        (
            rf"^{_N} of {_N} repl(?:y|ies) to your posts got no answer",
            r"Answer replies: \1 of \2 replies to its posts got no answer",
        ),
        (r"^Share or quote a good post", "Share peers' posts: it hardly shares or quotes any"),
        (r"^There are no posts in this period", "Start posting: no posts in this period"),
        # mix
        (
            rf"^{_N} of your last {_N} posts were job ads \((\d+)% overall\)",
            r"Post fewer job ads: \1 of the last \2 posts were job ads (\3% overall)",
        ),
        (
            rf"^Your longest run was {_N} job ads in a row",
            r"Break up runs of job ads: \1 in a row",
        ),
        (r"^Bundle openings", "Bundle openings into one weekly post"),
        (
            r"^Job ads are creeping up: (\d+)% of posts three months ago, (\d+)% lately",
            r"Watch the job ads: up from \1% to \2% of posts",
        ),
        (r"^There are no original posts", "Start posting: no original posts to judge"),
        # voice
        (
            r"^(\d+)% of your posts are near-copies",
            r"Stop posting templates: \1% of posts are near-copies",
        ),
        (
            rf"^None of your {_N} posts sound like a person",
            r"Sound like a person: none of \1 posts does",
        ),
        (
            r"^Your one post does not sound like a person",
            "Sound like a person: its one post does not",
        ),
        (
            # "sound" in audits saved before the audit said "sounds" for one
            rf"^Only 1 of {_N} posts \((\d+)%\) sounds? like a person",
            r"Sound like a person: only 1 of \1 posts does",
        ),
        (
            rf"^Only {_N} of {_N} posts \((\d+)%\) sound like a person",
            r"Sound like a person: only \1 of \2 posts do",
        ),
        (
            # the wording of audit.voice.HUMOR_HINT (and of audits saved before it)
            rf"^(?:We found few posts that read as light or funny|We found no post that reads"
            rf" as a joke|Few posts read as a joke) \({_N} of {_N} posts",
            r"Add some humor: \1 of \2 posts read as funny",
        ),
        (r"^There is nothing to judge yet", "Start posting: nothing to judge yet"),
        (
            rf"^All {_N} of your posts are reposts of others",
            r"Write its own posts: all \1 of its posts are reposts",
        ),
        (
            r"^Your one post is a repost of someone else's",
            "Write its own posts: its one post is a repost",
        ),
        # face
        (r"^You still have the platform's default picture", "Replace the default picture"),
        (r"^Your picture is a logo", "Show a person, not a logo, in the picture"),
        (r"^Your picture shows neither a face", "Use a clear photo of a person as the picture"),
        (r"^Fill in your bio", "Fill in the bio: who it places, where, and who is behind it"),
        (
            r"^(?:(?:Say who|Add a person)\b.*display name|Your display name .* has no name"
            r"|You have no display name)",
            "Put a person's name in the display name",
        ),
        (r"^We could not check your picture", "Check the picture: it could not be read"),
    )
)
# the fallback's second to third person, longest first ("your" before "you")
_PERSON = (
    (re.compile(r"\byours\b", re.IGNORECASE), "its"),
    (re.compile(r"\byour\b", re.IGNORECASE), "its"),
    (re.compile(r"\byou are\b", re.IGNORECASE), "it is"),
    (re.compile(r"\byou have\b", re.IGNORECASE), "it has"),
    (re.compile(r"\byou\b", re.IGNORECASE), "it"),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def fix_headline(action: Mapping[str, Any]) -> str:
    """The headline of one of the audit's ``top_actions`` entries, for the league table."""
    text = " ".join(str(action.get("action") or "").split())
    for pattern, headline in _HEADLINES:
        found = pattern.search(text)
        if found:
            return found.expand(headline)
    first = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".")
    for pronoun, said in _PERSON:
        first = pronoun.sub(lambda m, said=said: _same_case(m.group(0), said), first)
    title = str(action.get("title") or "").strip()
    return f"{title}: {first}" if title and first else first


def _same_case(found: str, said: str) -> str:
    return said[0].upper() + said[1:] if found[:1].isupper() else said
