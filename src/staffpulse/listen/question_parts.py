"""The questions a post asks, one by one: "How do you handle counteroffers? And what do you tell
the client when it happens?" asks two things, and an angle that answers only the first (or names
the subject of one for both) leaves half the post unanswered.

A question is a sentence ending with a "?" ("?!" too) that
:func:`staffpulse.listen.questions.is_question` calls one (not a "?" in a link or a quote), of
at least :data:`MIN_WORDS` words, that asks by its form ("is this normal?", "and what do you
tell the client?") or is long (:data:`LONG`). "Curious what works." after a question says why
it asks; "What?", "Thoughts?", "Anyone else?", "What do you think?", "Am I wrong?",
"Recruiters, what are you seeing?", "What's your take?" or "Good, bad, ugly?" beside a
question is its tag: neither is a second question; the lines of a scene
with the writer in it ("Boss: Can you come in Saturday? Me: ... Boss: What time?") ask the
room nothing. The angle names each
question by its work subject ("on counteroffers") when it has one of its own, else by its
first words.
"""

from __future__ import annotations

import re

from staffpulse.listen.questions import asks_by_its_form, is_question
from staffpulse.listen.sentences import split_sentences
from staffpulse.listen.work_terms import URL_RE, work_subject
from staffpulse.report.counts import join_and

MIN_WORDS = 3  # words a sentence needs to be a question of its own
LONG = 5  # words from which a "?" alone makes one ("The agency wants my salary history?")
# an alternative is the same question: "Leave now? Or work until 8pm?"
_ALTERNATIVE_RE = re.compile(r"^or\b", re.IGNORECASE)
_TAGS_RE = re.compile(r"^(?:[@#][\w.\-]+[\s,:]*)+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_QUOTED_WORDS = 6  # words of a question quoted when it names no subject of its own
# a second question's first word that links it to the first: "And what do you tell the client?"
_LINKING_RE = re.compile(r"^(?:and|also|or|but|so|plus|then)\b[\s,]*", re.IGNORECASE)
# the words of a question that only asks for views on what was said, and the readers it may
# name first ("Recruiters, what are you seeing?", "HR folks, what's your take?")
_TAG = (
    "what do does you all guys folks think thoughts agree disagree am i wrong right is it just"
    " me anyone anybody else or who say your any y'all yall everyone people here feel about"
    " this that opinions opinion views what's whats how's are see seeing take experience"
    " yours recruiters hr friends fam peeps"
)
_TAG_WORDS = frozenset(_TAG.split())
_READERS = frozenset(["recruiters", "hr", "folks", "friends", "fam", "peeps", "everyone"])
_TAG_MOST = 6  # words of a tag that names its readers first ("HR folks, what are you seeing?")
_COUNT = {2: "two", 3: "three", 4: "four"}
# a scene told in lines with the writer among its speakers ("Boss: Can you come in Saturday?
# Me: ..."): its questions are lines said in it, not asked of the room
_SCENE_RE = re.compile(r"(?:^|[\s\]\"(])me:\s", re.IGNORECASE)


def questions_in(text: str) -> list[str]:
    """The post's questions in order, each a sentence as written (without its link, nor the
    handles and hashtags before it); an alternative ("...? Or ...?") is one with its
    question. A scene told in lines ("Boss: What's your greatest strength? Me: ...") asks
    none."""
    out: list[str] = []
    if _SCENE_RE.search(text):
        return out
    for part in split_sentences(URL_RE.sub(" ", text)):
        sentence = _TAGS_RE.sub("", part.strip())
        if out and _ALTERNATIVE_RE.match(sentence) and out[-1].endswith("?"):
            out[-1] += " " + sentence
            continue
        words = len(_WORD_RE.findall(sentence))
        # a "?" of its own: "Curious what works." after a question says why it asks
        if words < MIN_WORDS or not sentence.rstrip("!").endswith("?") or not is_question(sentence):
            continue
        if _is_tag(sentence):
            continue
        if words >= LONG or asks_by_its_form(_LINKING_RE.sub("", sentence)):
            out.append(sentence)
    return out


def _is_tag(sentence: str) -> bool:
    """A question that asks what the room thinks of what was said ("What do you think?", "Am I
    wrong?", "Is it just me?", "Recruiters, what are you seeing?"): short, and nothing but
    these stock words."""
    words = [w.lower().replace("\u2019", "'") for w in _WORD_RE.findall(sentence)]
    most = _TAG_MOST if words and words[0] in _READERS else LONG - 1
    return len(words) <= most and all(w in _TAG_WORDS for w in words)


def several_asked(parts: list[str]) -> str | None:
    """ "It asks two things, on counteroffers and on clients: answer both, not just the
    first." for two questions or more (each named by its own subject, else by its first
    words: "'what do you tell the client when…'"), None for one."""
    if len(parts) < 2:
        return None
    subjects = [work_subject(part) for part in parts]
    named = [
        f"on {subject}" if subject and subjects.count(subject) == 1 else _opening_words(part)
        for part, subject in zip(parts, subjects, strict=True)
    ]
    listed = join_and(named)
    count = _COUNT.get(len(parts), str(len(parts)))
    every = "both" if len(parts) == 2 else f"all {count}"
    return f"It asks {count} things, {listed}: answer {every}, not just the first."


def _opening_words(question: str) -> str:
    """ "'Should I tell my recruiter…'": a question's first words, quoted."""
    words = _LINKING_RE.sub("", question).rstrip("?!. ").split()
    if len(words) <= _QUOTED_WORDS:
        return "'" + " ".join(words) + "?'"
    return "'" + " ".join(words[:_QUOTED_WORDS]) + "\u2026'"
