"""Whether a post may be offered "to imitate" in a report a consultant hands a client
(:func:`staffpulse.audit.examples.rank_examples`): it says something in words of its own, and it
is nothing the firm would not write: no post the inbox would not join (hostile, sexual, party
politics), no swearing, no joke about an identity group, and no notice (an office closed). A seasonal greeting ("Happy
Thanksgiving from all of us at ...") is fit, but teaches little: the inbox leaves such posts
out as empty, and a real report held one up as the post to imitate beside a story of the
firm's own, so it comes last.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from staffpulse.listen.work_terms import URL_RE

# a post to imitate says something in words of its own: real reports offered "@FBI <link>"
# and "@someone Test <link>" as a reply "to imitate"
MIN_WORDS = 2
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)

Verdict = Literal["fit", "last", "unfit"]

# a notice ("Reminder: our office is closed Monday") informs and has no voice to learn from,
# however personal the model hears it: QA found one the only post left "to imitate" of an
# account, so the report shows fewer examples rather than that one. A notice's opener is
# one only before what a notice announces (a closing, a day, an hour, a deadline):
# "Reminder: you are more than your job title" is a thought, not a notice
_NOTICE_OPENER = re.compile(
    r"^\W*(?:reminder|notice|announcement|please note|important)\s*[:!\-\u2013\u2014]",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"\b(?:office|offices|branch|branches|we)\s+(?:is|are|will be)\s+closed\b", re.IGNORECASE
)
_ANNOUNCES = re.compile(
    r"\b(?:closed|closing|closes|open|opens|reopens?|reopening|hours|deadline|due|schedule"
    r"|rescheduled|cancell?ed|postponed|maintenance|registration|register|today|tonight"
    r"|tomorrow|this\s+(?:week|weekend|morning|afternoon|evening)|next\s+(?:week|month)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b",
    re.IGNORECASE,
)
# a voice to learn from, which no notice has: a feeling or an opinion, an exclamation, the
# writer's own story ("We are closed today for our volunteer day, so proud of this crew!")
_VOICED = re.compile(
    r"!|(?-i:\bI\b)|\b(?:I'm|I've|I'd|me|my|myself|proud|prouder|love|loved|thrilled|excited"
    r"|grateful|delighted|honou?red|so\s+happy|amazing)\b",
    re.IGNORECASE,
)


def is_a_notice(text: str) -> bool:
    """Whether ``text`` is a notice: a notice's opener before what a notice announces, or an
    office closed, said with no voice (:data:`_VOICED`; "!" in the opener is no voice)."""
    opener = _NOTICE_OPENER.search(text)
    rest = text[opener.end() :] if opener else text
    if not (_CLOSED.search(text) or (opener and _ANNOUNCES.search(rest))):
        return False
    return _VOICED.search(rest) is None


def without_handles(text: str) -> str:
    """``text``'s words but its @names, one space apart."""
    if "@" not in text:  # most posts: no word to leave out, no word to test
        return " ".join(text.split())
    return " ".join([w for w in text.split() if w[0] != "@"])  # split() gives no empty word


# an agent's initials signing a reply ("... happy to help further. *KT", "^JB"): one
# canned text signed by three agents read as three texts, and two of them were offered
# "to imitate" beside "62 of 101 replies repeat one of 24 texts"
_SIGNED = re.compile(r"\s+[*^]\s?[a-z]{1,3}$")


def same_text(text: str) -> str:
    """``text`` as two posts saying the same thing share it: lower case, its @names and
    closing initials (``*KT``, ``^JB``) aside."""
    return _SIGNED.sub("", without_handles(text.lower()))


def _words_of_its_own(text: str) -> int:
    """How many words ``text`` has beside its @names and links (a word has a letter)."""
    words = without_handles(URL_RE.sub(" ", text.lower())).split()
    return sum(1 for w in words if _LETTERS.search(w))


# Mix, Voice and Conversation rank overlapping pools of one feed, and a cohort repeats texts
# (retweets, templates): a benchmark of 1,001 small accounts read each text 2.6 times, and
# reading them was a quarter of its time. The verdict depends on its arguments alone.
@functools.lru_cache(maxsize=8192)
def imitation_verdict(text: str, humorous: bool) -> Verdict:
    """ "unfit": never offered (too few words of its own, or what the module docstring
    names); "last": a seasonal greeting, offered only when no other post is fit; else "fit".
    ``humorous`` is the humor model's call on the post."""
    # lexicons (the inbox's, and identity groups, which read its work words); imported here, as
    # the audit needs nothing else of listening
    from staffpulse.audit.identity_groups import unfit_to_imitate
    from staffpulse.audit.profanity import swears

    if _words_of_its_own(text) < MIN_WORDS or is_a_notice(text):
        return "unfit"
    if swears(text):  # the cheapest test first: most posts it catches, the inbox would join
        return "unfit"
    if crosses_the_line(text) or unfit_to_imitate(text, humorous=humorous):
        return "unfit"
    return "last" if _greets(text) else "fit"


# Voice reads every post that sounds human, and the examples to imitate read them again: each
# text is read once for both, and by the few lexicons of the rule alone, not the inbox's whole
# moderation (a third of its cost: no joke, crisis, hashtag game or work-dwelling read). A
# cohort of 1,000 small accounts holds over 20,000 such texts, so the cache holds more.
@functools.lru_cache(maxsize=32768)
def crosses_the_line(text: str) -> bool:
    """A post the inbox's moderation calls hostile, sexual or party politics, its hashtags read
    word by word (:func:`~staffpulse.audit.politics.read_for_imitation`: ``hostile``, ``nsfw``
    or :func:`~staffpulse.audit.politics.takes_sides`): it may sound like a person, but no firm
    should write more like it, so it earns no Voice (a real rant at a named person lifted its
    account to the top of a cohort) and is never offered to imitate."""
    from staffpulse.audit.politics import split_tags
    from staffpulse.listen.moderation import crosses_a_line

    return crosses_a_line(split_tags(text))


def _greets(text: str) -> bool:
    """The inbox's moderation calls ``text`` a seasonal greeting, its hashtags read word by word
    (:func:`~staffpulse.audit.politics.read_for_imitation`'s ``greeting``)."""
    from staffpulse.audit.politics import split_tags
    from staffpulse.listen.moderation import is_greeting

    return is_greeting(split_tags(text))  # it reads the plain text itself
