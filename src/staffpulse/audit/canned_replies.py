"""A feed of replies only (a help desk) has no original post, and templates are looked for in
original posts only: its canned replies are found here instead. The replies whose text (the
@names they start with aside) was sent more than once are counted (the Templated figure says
so, where it said "not checked" above "a reply sent 8 times"), its flattest replies are shown
as holding the voice back, and its advice is about its replies, to vary and sign them, not
"post one story from your desk", which a help desk read beside its own canned line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.examples import NO_HUMAN_VOICE, unique_texts
from staffpulse.audit.imitation import same_text
from staffpulse.audit.types import Advice, Answering, Frame, PostExample, example
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct

# a feed of replies only reads as a help desk's from this many: one or two replies are a
# person's answer to a brand as often (a customer's "@brand my order never came"), and were told
# to "find posts about your service that do not tag you"
DESK_MIN_REPLIES = 3


def is_help_desk(talk: Mapping[str, Any]) -> bool:
    """Whether the account is a help desk, from its Conversation evidence (``talk``): no
    original post or quote of its own, and at least :data:`DESK_MIN_REPLIES` replies to
    others. The one rule Voice's, Conversation's and a league table's advice all follow."""
    # every original post counts, whatever its language: a feed with posts of its own in
    # German has a voice of its own the models cannot read, not a desk's inbox; Voice (English
    # only) called it a desk while Conversation and the league table did not
    return int(talk.get("original_posts", -1)) == 0 and int(talk.get("replies", 0)) >= (
        DESK_MIN_REPLIES
    )


def reply_texts(frame: Frame, scored: npt.NDArray[np.int64]) -> dict[int, str]:
    """Each of the ``scored`` replies' text as :func:`unique_texts` keys it, by its index:
    read once, for both :func:`repeated_replies` and :func:`flat_replies`."""
    return {i: same_text(frame.posts[i].text) for i in scored.tolist()}


def repeated_replies(texts: Mapping[int, str]) -> tuple[int, int]:
    """(replies, texts): how many of the replies (their :func:`reply_texts`) say a text sent
    more than once, and how many such texts there are."""
    repeated = [n for n in Counter(texts.values()).values() if n > 1]
    return sum(repeated), len(repeated)


# why a help desk's flat reply holds its voice back, said as what a human reply there has: a
# desk's "Please DM us the order number: <link>" read a bare "no human voice", and the
# link-sharing reason other accounts hear would blame the link a desk must give
DESK_FLAT = (
    "no human voice: a person answering signs with a first name, adds a warm word or asks a "
    "question back"
)


def flat_replies(
    frame: Frame, scored: npt.NDArray[np.int64], texts: Mapping[int, str], *, desk: bool = False
) -> list[PostExample]:
    """The flattest of the ``scored`` replies (``texts``: their :func:`reply_texts`), each text
    once and said how often it was sent ("Please email us and we will look into it" eight
    times is a canned reply); of a help ``desk``, a reply sent once says what a human one has
    (:data:`DESK_FLAT`)."""
    sent = Counter(texts.values())
    flat_why = DESK_FLAT if desk else NO_HUMAN_VOICE

    def times(i: int) -> int:
        return sent[texts[i]]

    flat = unique_texts(frame, scored[~frame.personality[scored]]).tolist()
    # the reply sent most often first: the canned line a reader of the feed meets again
    flat.sort(key=lambda i: (-times(i), float(frame.personality_score[i])))
    return [
        example(
            frame.posts[i],
            f"a reply sent {times(i):,} times, no human voice" if times(i) > 1 else flat_why,
        )
        for i in flat[:3]
    ]


def repeats_in_words(repeated: int, texts: int, of: int) -> str:
    """ "14 of 56 replies repeat one of 2 texts" ("the same text" of one)."""
    return f"{repeated:,} of {of:,} replies repeat {_which(texts)}"


def _which(texts: int) -> str:
    """Which text the repeated replies say: "the same text", "one of 2 texts"."""
    return "the same text" if texts == 1 else f"one of {texts:,} texts"


def replies_advice(
    n: int, human: int, share: float, repeated: int, texts: int, *, enough: bool = False
) -> Advice:
    """Voice's advice to a feed of ``n`` replies only, ``human`` of them (a ``share``) sounding
    like a person and ``repeated`` saying one of ``texts`` texts sent more than once;
    ``enough``: that share reaches Voice's target, so it is no "only"."""
    replies = f"your {count_of(n, 'reply')}"
    sounds = "sounds" if human == 1 else "sound"
    if repeated:
        some = f"{human:,} ({pct(share)})" if enough else f"only {human:,} ({pct(share)})"
        sound = f"{some} {sounds}" if human else "none sounds"
        lead = f"{repeated:,} of {replies} repeat {_which(texts)}, and {sound} like a person"
        headline = f"Vary and sign its replies: {repeats_in_words(repeated, texts, n)}"
    elif human:
        lead = f"Only {human:,} of {replies} ({pct(share)}) {sounds} like a person"
        does = "does" if human == 1 else "do"
        headline = f"Sound like a person in its replies: only {human:,} of {n:,} {does}"
    else:
        lead = f"None of {replies} sounds like a person"
        headline = f"Sound like a person in its replies: none of {n:,} does"
    # the same text sent again and again is a desk's answering to fix, as its mentions are
    said = Answering if repeated else Advice
    return said(
        f"{lead}. Write each answer to the person asking (their name, their problem, the next "
        "step) and sign it with a first name, so they know a person read it.",
        headline,
    )
