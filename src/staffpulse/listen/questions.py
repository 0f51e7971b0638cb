"""Whether a post asks the room a question: the joinability ranking's strongest signal.

A "?" in the text itself counts, not one in a link or a quoted title; so does a clearly
interrogative sentence without one ("How do you run reference checks"). A headline ("Why this
bakery pays apprentices more", "How Compilers Think") is not a question.

A post that *ends* asking (:func:`ends_asking`) waits for answers: "Recruiters: do postings with
salary ranges get more applicants?". A job ad asks first and ends with what to do ("Looking for
your next role? Join our team in Denver, apply at the link"): its question is a hook. So does a
promotion or a headline that links on ("Struggling to fill night shifts? Our guide shows how:
link"): the room is sent to the link, not asked (:func:`asks_the_room`). On the 498 labelled dev
posts, 12 of the 13 questions followed by more words and a link are job ads (7) or broadcasts
without a human voice (5, such as "Love live jazz? Sunday brunch on the pier with ... link");
26 of the 29 other questions have one.
"""

from __future__ import annotations

import re

from staffpulse.listen.own_story import FIRST_PERSON_RE
from staffpulse.listen.work_terms import URL_RE

# A quoted title ("Why Doesn't Anyone Apply? A Study") or quoted dialogue ('Willing to work
# weekends?') is not the author asking the room. Single quotes must open and close outside
# words, so apostrophes (what's, recruiters') are not taken for quotes.
_QUOTED_RE = re.compile(
    r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\u2018[^\u2019\n]*\u2019|(?<!\w)\'[^\n]*?\'(?!\w)'
)
_CLAUSE_SPLIT_RE = re.compile(r"[.!?:;\n]+")
_WORDY_RE = re.compile(r"[\w?]")  # a token with a letter, a digit or a "?" (not an emoji)
# whole handles and words only: "@AcmeCare It freezes..." is no "are it" question
_LEAD_IN = (
    r"^(?:(?:@[\w.\-]+(?![\w.\-])|(?:hey|hi|hello|so|ok|okay|honestly|seriously|genuinely)\b)"
    r"[\s,!-]*)*"
)
_AUX = (
    r"(?:do|does|did|is|are|was|were|am|could|would|should|have|has|had)(?:n['\u2019]t)?|"
    r"can(?:['\u2019]t|not)?|will|won['\u2019]t"
)
_SUBJECT = (
    r"(?:you|i|we|they|he|she|it|anyone|anybody|someone|somebody|people|there|this|that|"
    r"your|my|our|any)"
)
# A sentence that asks without a question mark: a wh-word with its verb ("how do", "why is",
# "what's"), a verb before its subject ("does anyone", "should we"), or a request for input.
# A bare "Why this bakery..." or "How Compilers Think" is a headline, not a question.
_INTERROGATIVE_FORMS = (
    rf"(?:how|what|why|when|where|who|which)(?:['\u2019](?:s|re)|\s+(?:{_AUX}))\b",
    r"how\s+(?:long|many|much|often)\b",
    rf"(?:{_AUX})\s+{_SUBJECT}\b",
    r"any(?:one|body)\s+(?:else|here|know|knows|have|has|tried|seen|using|dealt|recommend)\b",
    r"(?:any\s+|your\s+)?thoughts\s*$",
)
_INTERROGATIVE_RE = re.compile(_LEAD_IN + "(?:" + "|".join(_INTERROGATIVE_FORMS) + ")", re.I)
_ASKS_RE = re.compile(
    r"\bany (advice|tips|ideas|recommendations|thoughts|suggestions)\b|"
    r"\bwhat do you (all |guys |folks )?think\b|\bcurious (what|how|if|whether)\b|"
    r"\bhelp me (understand|decide)\b|\b(wondering|i wonder) (if|whether|what|how)\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """A real question: a "?" in the text itself (not in a link or a quoted title), or a
    clearly interrogative sentence ("How do you run reference checks")."""
    plain = _QUOTED_RE.sub(".", URL_RE.sub(" ", text))  # a quote ends the clause before it
    if "?" in plain or _ASKS_RE.search(plain):
        return True
    return any(_INTERROGATIVE_RE.match(part.strip()) for part in _CLAUSE_SPLIT_RE.split(plain))


def asks_by_its_form(sentence: str) -> bool:
    """A sentence that asks by its words, a "?" aside: "is this legal", "what do you tell the
    client", "any tips"; not "Good, bad, ugly?"."""
    return _INTERROGATIVE_RE.match(sentence.strip()) is not None or bool(_ASKS_RE.search(sentence))


def ends_asking(text: str) -> bool:
    """The post's last words ask (links, and the hashtags, handles and emoji after them,
    aside): a question put to the room to answer, not a hook that a call to act follows."""
    plain = _QUOTED_RE.sub(".", URL_RE.sub(" ", text))
    words = plain.split()
    while words and (words[-1].startswith(("#", "@")) or not _WORDY_RE.search(words[-1])):
        words.pop()
    last = " ".join(words).rstrip("!.\u2026")
    if last.endswith("?"):
        return True
    clauses = [part.strip() for part in _CLAUSE_SPLIT_RE.split(last) if part.strip()]
    if not clauses:
        return False
    return _INTERROGATIVE_RE.match(clauses[-1]) is not None or bool(_ASKS_RE.search(clauses[-1]))


# a headline's question, asked of nobody: "Is this the future of hiring? <link>" names no
# reader ("you", "anyone") and no writer ("I", "we"), where "Anyone else seeing this? <link>" asks
# (the "U" of "U.S." and the "i" of "i.e." are neither)
_READER_OR_WRITER_RE = re.compile(
    r"\b(?:you|your|you['\u2019](?:re|ve|d|ll)|y['\u2019]?all|ya|u(?!\.\w)|ur|anyone|anybody|everyone|"
    r"somebody|someone|thoughts|folks|guys|i(?!\.\w)|i['\u2019](?:m|ve|d|ll)|im|me|my|we|we['\u2019]re|"
    r"our|(?-i:us))\b",
    re.IGNORECASE,
)
# a question the writer answers with their own news ("What's it like to feel proud? Being
# told the job is mine."): a way to tell it, not a question for the room
_TELLS_BY_ASKING_RE = re.compile(
    r"^\W*(?:(?:what['\u2019]s|what is) it like to feel|(?:how|what) does it feel (?:like )?to|"
    r"guess what|(?:you )?know what)\b[^?]*\?",
    re.IGNORECASE,
)


def asks_the_room(text: str) -> bool:
    """A question the post puts to its readers: a real question (:func:`is_question`) that the
    post ends asking, or that sends nobody to a link ("Anyone else seeing fewer applicants?
    Ours are down 30%."); not a hook that a link follows ("Still writing SQL by hand? This cheat
    sheet will cut your week in half! link"), a headline's question before its link, naming
    nobody ("Acme let go of its managers. Is this the office of the future? link"), nor a
    question its writer answers with their own news ("What's it like to feel proud? Finally
    got the offer.")."""
    if not is_question(text) or _tells_by_asking(text):
        return False
    if URL_RE.search(text) is None:
        return True
    own = _TAGS_RE.sub(" ", URL_RE.sub(" ", text))
    return ends_asking(text) and _READER_OR_WRITER_RE.search(own) is not None


def _tells_by_asking(text: str) -> bool:
    """It opens asking what a feeling is like, or "guess what?", and then tells without asking
    again: the question is how it tells its news."""
    plain = _QUOTED_RE.sub(".", URL_RE.sub(" ", text)).strip()
    opening = _TELLS_BY_ASKING_RE.match(plain)
    if opening is None:
        return False
    rest = plain[opening.end() :]
    return bool(rest.strip(" .!\n")) and not is_question(rest)


_TAGS_RE = re.compile(r"[@#][\w.\-]+|\bvia\b", re.IGNORECASE)


def is_link_share(text: str) -> bool:
    """A link passed on with its headline or a line of comment, asking nobody anything and
    telling nothing of the writer ("Seven ways to shorten your hiring process <link>",
    "Trend report: warehouse wages rose <link>"): a broadcast, not yet a conversation. On 70 open
    conversations of real 2015 posts, 19 are such shares: news, tips and vendor content."""
    if URL_RE.search(text) is None or asks_the_room(text):
        return False
    own = _TAGS_RE.sub(" ", URL_RE.sub(" ", text))
    # the writer speaking of themself: a link beside "I", "my" or "me" is a person's news
    return FIRST_PERSON_RE.search(own) is None
