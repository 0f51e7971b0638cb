"""A support agent's reply that asks what went wrong is no joke: its humor score is capped.

The humor model learned that "when you …" opens a joke ("when you realise it's Monday"), and
"definitely" and a "?" add to it. A customer-care reply asking a troubleshooting question
("Hmm, that's odd. Does the error still appear when you open a private window?") scored
0.72, above the threshold, and one such reply is worth +16 Voice points in the
benchmark. Two shapes are read, each only in a post with no cue of a joke (a laughter word
such as "lol" or "jk", 😂, a winking or upside-down face, ";)", or "off and on again"):

* a troubleshooting question: whether the problem happens or persists ("Does the error still
  occur when …?", "Is it still happening?"), whether the reader still sees an error ("Are you
  getting any error message?"), has tried a fix ("Have you tried clearing your cache?", "Could
  you try reinstalling …"), or which browser, device or version they use; not "How did that
  happen?" nor "Why does this happen every time?", which a customer or a joker asks;
* a request for the customer's details in a direct message, or an offer to look into it for
  them ("Could you DM us your account email? We'll check what went wrong", "glad to look
  into it for you").

:data:`SUPPORT_REPLY_BOUNDS` caps the humor of such a post below the threshold; every other
signal keeps the model's score (a support reply is a human voice under the guidelines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import merge_for_scan, posts_matching
from staffpulse.signals.features import TEARS_OF_JOY

__all__ = ["SUPPORT_REPLY_BOUNDS", "SUPPORT_REPLY_HUMOR", "find_support_replies"]

#: The highest humor score of a support agent's troubleshooting reply (the threshold is 0.67).
SUPPORT_REPLY_HUMOR = 0.3
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
SUPPORT_REPLY_BOUNDS: dict[str, tuple[float, float]] = {"humor": (0.0, SUPPORT_REPLY_HUMOR)}

_I = re.IGNORECASE
_PROBLEM = r"(?:error|issue|problem|message|crash(?:es)?|glitch|bug)s?"
# what a device or an account is tried with; "using", "updating" or "checking" alone is a
# joke's as often ("Have you tried using your inside voice?", "… updating your attitude?")
_TECH = (
    r"(?:browser|device|phone|computer|laptop|tablet|app|application|network|connection|"
    r"wi-?fi|router|modem|cache|cookies|password|software|firmware|driver|version|settings?|"
    r"account|console|tv|printer|tab|window|mode|cable|card|extension|plugin|spam)s?"
)
_FIX_STEP = (
    r"(?:clearing|restarting|reinstalling|resetting|power cycling|rebooting|uninstalling|"
    r"(?:logging|signing) (?:out|in|off|back)|"
    rf"(?:using|updating|checking|switching to|another|a different)(?: \S+){{0,2}}? {_TECH})"
)
# not after "how", "why", "what" or "when": "How did that happen?" asks nothing of the reader.
# No pattern here crosses the "\x1e" between the posts of a scanned batch.
_NOT_RHETORICAL = r"(?<!\bhow )(?<!\bwhy )(?<!\bwhat )(?<!\bwhen )"
_HAPPENS = r"(?:still )?(?:occur|happen|persist|appear|show(?: up)?|continue|come up|pop up)"
_TROUBLESHOOTING = re.compile(
    # the problem named: "Does the error still occur when you …?", "Is the issue still there?"
    rf"{_NOT_RHETORICAL}\b(?:does|did|do|is|are) (?:the |this |that |these |those |any )?"
    rf"(?:same )?{_PROBLEM} {_HAPPENS}(?:s|ing)?\b[^.!?\n\x1e]*\?"
    # "it" and where or when it happens: "Does it happen with other files?" (not "How on earth
    # did that happen?" nor "What is happening to our world?", which ask no one to check)
    rf"|{_NOT_RHETORICAL}\b(?:does|did|do) (?:it|this|that) {_HAPPENS}(?:s|ing)? "
    r"(?:with|on|in|when|if|after|for|across|only|every time)\b[^.!?\n\x1e]*\?"
    # "When you try to log in, does it show an error?"
    rf"|{_NOT_RHETORICAL}\b(?:does|did|do) (?:it|this|that) (?:still )?show (?:you )?"
    rf"(?:an?|any|the|this|that) (?:same )?(?:\w+ )?{_PROBLEM}\b"
    r"|\b(?:are|were) you (?:still )?(?:seeing|getting|experiencing|receiving) "
    rf"(?:the |this |that |an? |any |these )?(?:same )?(?:\w+ )?{_PROBLEM}\b[^.!?\n\x1e]*\?"
    rf"|\bhave you (?:tried|been able to|had a chance to) {_FIX_STEP}\b[^.!?\n\x1e]*\?"
    r"|\b(?:which|what) (?:browser|device|app version|version|operating system|os|model|"
    r"platform|console|carrier)s? (?:are|were) you (?:using|on)\b"
    rf"|\b(?:could|can|would) you (?:please )?try {_FIX_STEP}\b",
    _I,
)
# the customer's details asked for in a direct message, or an offer to look into it
_ASKS_DETAILS = re.compile(
    r"\b(?:(?:send|shoot|drop) (?:us |me )?(?:a |an )?(?:dm|direct message|private message|pm)|"
    r"(?:dm|message) (?:us|me))\b[^.!?\n\x1e]{0,40}\b(?:your|with)\b[^.!?\n\x1e]{0,40}"
    r"\b(?:account|order|email|e-mail|full name|phone number|address|zip|serial|case|booking|"
    r"confirmation|details|info(?:rmation)?)\b"
    # the offer made by the firm ("We can look into it for you", "Glad to look into it for
    # you"), not "I'll look into that for you later, mum"
    r"|\b(?:we|us|happy|glad)\b[^.!?\n\x1e]{0,30}\blook into (?:this|it|that)(?: matter)?"
    r"(?: further| more closely)? for you\b",
    _I,
)
# a joke's cue: with one, the reply may be joking after all and the model keeps its say
_JOKE_CUE = re.compile(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|xd|jk|smh|kidding)\b|"
    + "|".join(TEARS_OF_JOY)
    + "|\U0001f61c|\U0001f609|\U0001f643|;\\)|"
    r"\b(?:off and on|on and off) again\b",
    _I,
)


# Cues, lower-cased, one of which every match of the patterns above holds: the patterns open
# with no literal for the engine to skip to (a scan of a batch with them cost two thirds of the
# scoring time), so a post is read by them only if it holds one of these. Reading a post costs
# far more than the scan, so a cue is no wider than the patterns need: "dm" as a word (not
# "admin"), " try " and " pm" after a space (not "country", "entry" nor "development")
_CUES = merge_for_scan(
    (
        "occur",
        "happen",
        "persist",
        "appear",
        "show",
        "continu",
        "come up",
        "pop up",
        "have you",
        "are you",
        "were you",
        " try ",
        r"dm\b",
        r" pm\b",
        "message",
        "look into",
    )
)


def find_support_replies(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it is a support reply that asks what went wrong, with no cue of
    a joke (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    for i in posts_matching(texts, _CUES, lower=True):
        text = texts[i]
        asks = _TROUBLESHOOTING.search(text) or _ASKS_DETAILS.search(text)
        out[i] = asks is not None and _JOKE_CUE.search(text) is None
    return out
