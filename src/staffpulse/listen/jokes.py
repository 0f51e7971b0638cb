"""Written jokes about work: set pieces to laugh at, not conversations to join.

A joke about jobs passes every work test ("Interviewer: where do you see yourself in five
years? Me: ..."), and its question mark reads as a question to answer, yet a staffing firm
that answers a joke, or consoles its teller, misreads it in public. The inbox leaves a written
joke out ("a joke, not a conversation to join"):

* a joke's set form, whatever the humor signal says: a scripted exchange ("Boss: ... Me: ...",
  "Q: ... A: ..."), a riddle told with its answer ("What's the difference between X and Y?
  ...", "What do X and Y have in common? ...", "How many X does it take to ...? ...", "What do
  you call ...? ..."), "knock knock", "walks into a bar";
* a looser form the humor signal reads as funny (:data:`FUNNY`): any question answered by a
  short punch line that ends the post ("Why did the spreadsheet apply for a transfer? It
  wanted more cells."), or a story of a job lost, the writer's or someone's, with a short
  punch line ("I got fired from the trampoline park. My results kept going up and down."); a
  job got is news to congratulate, a joke only when it mocks a group;
* a pun or an idiom on a bare work word that the humor signal reads as funny, told by nobody
  of their own work and asking nothing ("Fireworks only do their job once they're fired", "you
  had ONE job, weather app"): its "job" names no workplace, so it is no work conversation and
  a firm's recruiting angle on it would misread it in public.

A real question has no answer after it ("Interviewer asked me to describe a weakness, what do
you say?"), or one of its asker's ("What's the difference between a contractor and an
employee? Trying to understand my rights"), and a complaint no set form ("HR: ... Also HR: ...",
"I quit my job today. Best decision all year"): each stays, however funny the humor signal
finds it, for a firm must never be told a real question or complaint is a joke.

A joke that puts down a group people are protected as is left out as hostile instead
(:mod:`staffpulse.listen.group_jokes`).
"""

from __future__ import annotations

import re

from staffpulse.listen.own_story import WRITER_RE, opens_as_meme
from staffpulse.listen.questions import is_question
from staffpulse.listen.recurring import complains_of_a_wrong, happens_again
from staffpulse.listen.sarcasm import is_sarcastic
from staffpulse.listen.work_terms import URL_RE, work_words

# p(humor) from which a looser form, or a group named, reads as a joke (the model's own
# threshold is lower: its F1 is 0.46, so only its surer half counts)
FUNNY = 0.8
# the flag, the caution and the rank penalty of a post that :func:`reads_as_joke`
LIKELY = "likely_joke"
LIKELY_JOKE_CAUTION = "likely a joke (the humor signal is sure of it): no consoling, no tips"
# the angle of a post the humor signal is that sure of, that tells of a hardship or asks (one
# with a joke's form is left out; :mod:`staffpulse.listen.angles`)
LIKELY_JOKE = (
    "read it as the joke it likely is, not a hardship nor a real question: no consoling, no"
    " tips; at most a light line of your own if it suits your brand, no pitch."
)

# a fact told to set up a turn ("Did you know ...? Anyway, ..."): no question to answer
_SET_UP_RE = re.compile(
    r"^(?:did you know|fun fact)\b[^?]{5,200}\?+\s*(?:anyway\w*|so|well|now)\b", re.IGNORECASE
)
# the writer saying it is meant ("seriously, I want out", "no joke, I mean it"), or thanking
# someone who helped ("Our union rep got my overtime sorted, really grateful", "huge thanks to
# my shift lead"): gratitude is sincere, however funny the humor signal finds its words
# ... or praising someone in an idiom ("give that woman a medal", "she deserves a raise")
_PRAISE = (
    r"give (?:that|this|the|her|him|them|these|those) (?:\w+ )?(?:a|an|some) (?:medal|raise|"
    r"promotion|award|trophy|bonus|round of applause)|deserves? (?:a|an) (?:medal|raise|"
    r"promotion|award|trophy|bonus)"
)
_SINCERE_RE = re.compile(
    r"\b(?:seriously|not (?:even )?kidding|no joke|i need a job|grateful|thankful|"
    r"(?:huge|big|massive|special|many) thanks|thank you so much|(?:really|truly) appreciate|"
    rf"{_PRAISE})\b",
    re.I,
)
# ... or how it feels: a touched, sad or worried face ("my manager dropped off soup when I
# was ill 🥺"; not the laughing "😭"; "nearly made me cry" is happy tears), "I don't think I'm
# ready"; only outside a joke's frame: a meme, an exchange ("Boss: we're a family. Me: 💔"),
# a laugh beside it, or mock awe ("I'm not ready for this level of freedom")
_FEELING_RE = re.compile(
    r"\b(?:i['\u2019]?m not|i am not|not sure i['\u2019]?m|don['\u2019]?t think i['\u2019]?m) ready\b|"
    r"[\U0001f97a\U0001f623\U0001f622\U0001f972\U0001f61e\U0001f614\U0001f61f\U0001f494]",
    re.I,
)
_MOCK_FRAME_RE = re.compile(
    r"\b(?:lol|lmao|rofl|haha\w*|jk)\b|[\U0001f602\U0001f923]|"
    r"\bready for (?:this|that|such) (?:level|kind|amount|much)\b",
    re.I,
)
# who speaks in a scripted exchange ("Interviewer: ...", "ME: ...", "my brain: ...")
_SPEAKER = (
    r"me|my brain|brain|interviewer|boss|my boss|manager|my manager|hr|coworker|co-worker|"
    r"colleague|employee|employer|recruiter|candidate|client|customer|ceo|intern|wife|husband|"
    r"gf|bf|girlfriend|boyfriend|friend|mom|dad|son|daughter|kid|teacher|doctor|patient|cop|"
    r"job interviewer|hiring manager|w|m|him|her|them|everyone|nobody|q|a"
)
_SPEAKER_RE = re.compile(rf"^(?:{_SPEAKER})$", re.IGNORECASE)
# a turn of a scripted exchange, its speaker first in a sentence: "Me at 9:01:", "Boss:"
_TURN_START_RE = re.compile(
    rf"(?:^|[.!?]\s+)(?:absolutely |also )?(?:{_SPEAKER})\b[^:.!?]{{0,30}}:", re.I
)
_ALSO_RE = re.compile(r"^also (?!me$)")
# a turn's label: a word or two before a colon ("Night manager:", "Elf :"), or before a
# dash when it names a speaker ("Boss - ...")
_TURN_RE = re.compile(
    r"(?:^|(?<=[\s.!?\"'()\[\]*]))([a-z][\w'-]{0,20}(?: [a-z][\w'-]{0,20})?)"
    r"\s?(:|-|\u2013)(?=\s|$)",
    re.IGNORECASE,
)
# a riddle's question, told with its answer after it
_RIDDLE_RE = re.compile(
    r"\b(?:what(?:['\u2019]s| is) the difference between\b[^?]{3,80}\band\b[^?]{1,80}|"
    r"what do(?:es)?\b[^?@]{2,60}\band\b[^?@]{2,60}\bhave in common|"
    r"how many\b[^?]{2,60}\bdoes it take to\b[^?]{2,60}|"
    r"what do you call\b[^?]{2,80}|"
    # "did you hear about the new overtime rule?" is news, not a riddle
    r"(?:did|have) you (?:hear|heard) (?:about|of) the\b(?! (?:new|latest|updated?|changes?)\b)"
    r"[^?]{2,80}|"
    r"why did the\b(?![^?]*\b(?:me|my|i)\b)[^?]{2,80})\?+\s*(?P<answer>\S[^?]*)$",
    re.IGNORECASE,
)
# ... and the "Shit X Says" sketch's title, a list mocking a group's sayings ("Shit Sales
# Managers Say", "S*** HR Managers Say"): a title alone, opening the post or a quote, not "the shit my
# boss says makes me want to quit" nor "can't help the sarcastic shit I say"
_SET_PHRASE_RE = re.compile(
    r"\bknock,? knock\b|\bwalks? into an? (?:bar|pub|job interview|office)\b|"
    r"(?:^|(?<=[\"'\u201c\u201d\u2018:|-])\s*)(?:sh[i*!]t|s\*{2,3}t?) "
    r"(?!(?:i|you|u|we|he|she|they|my|our|his|her|their|your|people|someone)\b)"
    r"(?:[\w'-]+ ){1,3}says?"
    r"(?=\s*(?:[\"'\u201c\u201d\u2019.,!:#(|-]|$))",
    re.IGNORECASE,
)
# a count answers "how many X does it take to ...?" ("All of them", "None: ..."), unless it
# is the light bulb's ("How many interviews does it take to get a job? On round six" asks)
_BULB_RE = re.compile(r"\b(?:change|screw in) (?:a|the) light ?-?bulb", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"^(?:none|all|just|only|zero|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|"
    r"twelve|twenty|a hundred|depends|trick question)\b",
    re.IGNORECASE,
)
# an answer that asks is no punch line: "Genuinely asking, new to this"
_ASKING_RE = re.compile(
    r"\b(?:asking|genuinely|curious|wondering|trying to|new to this|confused|thoughts)\b",
    re.IGNORECASE,
)
# ... nor one that says the question is still open: "My agency won't give a straight answer"
_OPEN_RE = re.compile(r"\b(?:answer|explain\w*|understand\w*|clarif\w*)\b", re.IGNORECASE)
# ... nor one that tells a fact, a report or the writer's own lot: "They said budget cuts",
# "after 40 hours", "Mine, apparently"
_REPORT_RE = re.compile(r"\b(?:say|said|says|told|seems|mine|ours)\b|\d", re.IGNORECASE)
# the writer's question on an exchange told: "Was that too blunt?", "Is this even legal?"
_ABOUT_IT_RE = re.compile(
    r"\b(?:should i|was (?:that|this|i)|is (?:this|that|it)(?: even)? (?:legal|normal|allowed|"
    r"ok|okay|fair|right)|am i|did i|what (?:would|should|do) (?:you|i)|how (?:should|would|do) "
    r"(?:i|you)|anyone else|has anyone|is it just me|normal|red flag|typical|common|a thing)\b"
    r"[^.!]*\?$",
    re.IGNORECASE,
)
# a story told of the day it happened, or of how it feels, is the writer's news, not a joke:
# "I quit my job today. Best decision all year", "She says she's finally free"
_NEWS_RE = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:morning|week|month|year)|last (?:night|week|month|"
    r"year)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|lol|lmao|haha\w*|wish me|finally|"
    r"honestly|relief|best|decision|free|glad|happy|excited|sad|miss|thank\w*)\b|[!\d]",
    re.IGNORECASE,
)
# the writer speaking as a team or a firm ("we", "our"): an FAQ's answer, a group of its own
FIRM_VOICE = r"we|we['\u2019]\w+|our|ours|(?-i:us)"
FIRM_VOICE_RE = re.compile(rf"\b(?:{FIRM_VOICE})\b", re.IGNORECASE)
# any question answered by a short punch line that ends the post
_ANSWERED_RE = re.compile(
    r"^(?:why|how|what|where|who|when|which)(?:['\u2019]s| (?:do|does|did|is|are|was|were|"
    r"can|can['\u2019]?t|don['\u2019]?t|doesn['\u2019]?t|didn['\u2019]?t|isn['\u2019]?t|"
    r"aren['\u2019]?t|should|would|will|many|much|kind of|type of))\b"
    r"[^?.!]{3,120}\?+\s*(?P<answer>[^?\n]{2,80})$",
    re.IGNORECASE,
)
# a story of a job lost or got, told for its punch line ("I got fired from my job at the
# trampoline park. My results kept going up and down.")
_JOB_STORY_RE = re.compile(
    r"^(?:so |today |yesterday )?(?:i|my(?: [\w-]+){1,3}?|an? [\w-]+(?: [\w-]+)?)\s+"
    r"(?:just |recently |finally )?(?:got fired|was fired|got sacked|was sacked|got the sack|"
    r"got laid off|was laid off|quit|lost (?:my|his|her|their) job|used to work|"
    r"(?P<got>got a (?:new )?job|started a new job))\b[^.!?\n]{0,80}?"
    # the punch line after a full stop, or after no stop at all when a new sentence plainly
    # starts ("A juggler lost his job He dropped the ball")
    r"(?:[.!?\u2026]+\s*|\s+(?=(?-i:He|She|They|It|Apparently|Turns out|Guess|Now)\b))"
    r"(?P<answer>[^.!?\n]{2,70}[.!?]*)$",
    re.IGNORECASE,
)
# a question and the words after it that end the post, but not news told with a hook ("Have
# you heard about the new overtime rule? Employers must now pay ...")
_SELF_ANSWERED_RE = re.compile(r"\?+\s*(?P<answer>[^?]{2,80})$")
_NEWS_HOOK_RE = re.compile(r"\b(?:did|have) you (?:hear|heard|see|seen)\b", re.IGNORECASE)
# ... whose punch line is not a plea nor a worry ("What do I do now?", "I'm scared")
_PLEA_RE = re.compile(
    r"\b(help|advice|tips?|scared|worried|anxious|terrified|panicking|broke|rent|bills|"
    r"what (?:do|should|now)|how (?:do|can|will) i|anyone|hiring)\b",
    re.IGNORECASE,
)

# the work words a pun or an idiom plays on ("do their job once they're fired", "you had one
# job", "girl boss"); a boss who is someone's ("your boss wore the same shirt") is a workplace
_PUN_WORDS = frozenset({"job", "jobs", "boss", "bosses", "hire", "hired"})
_SOMEONES_BOSS_RE = re.compile(
    r"\b(?:my|your|ur|our|his|her|their|the|a|new|old) boss(?:es)?\b", re.IGNORECASE
)
# someone's new job or good work cheered ("Congrats Maria on the new job!!", "Best boss ever
# award goes to Priya", "Job well done everyone"): news and praise, never a pun, whatever the
# humor signal says of it
_CHEER_RE = re.compile(
    r"\b(?:congrat\w*|well done|kudos|shout-?outs?|proud|awards?|welcome\w*|happy|thank\w*|"
    r"best|unlocked|first day|start(?:s|ing)?)\b",
    re.IGNORECASE,
)

# the room asked: "What's the worst job title you've ever seen?"
_ROOM_RE = re.compile(r"\b(?:you|your|you['\u2019]\w+|anyone|y['\u2019]?all)\b", re.IGNORECASE)


def is_written_joke(text: str, humor: float | None = None) -> bool:
    """A joke's set form, or a looser joke form the humor signal reads as funny (``humor``
    at least :data:`FUNNY`; None or lower: the set forms only)."""
    plain = plain_joke_text(text)
    if has_set_form(plain):
        return True
    if humor is None or humor < FUNNY:
        return False
    return has_loose_form(plain) or puns_on_work(plain)


def puns_on_work(plain: str) -> bool:
    """Work named only in a bare "job", "hired" or "boss" that nobody tells of as their own,
    in a post that asks nothing: a pun or an idiom ("Fireworks only do their job once
    they're fired"), once the humor signal reads it as funny; "I got a job!" (the writer's news) and
    "your boss wore the same shirt as you" (a workplace) are not."""
    if WRITER_RE.search(plain) or is_question(plain) or _SOMEONES_BOSS_RE.search(plain):
        return False
    if _CHEER_RE.search(plain):
        return False
    found = work_words(plain)
    return bool(found) and all(word.lower() in _PUN_WORDS for word in found)


def answers_itself(text: str) -> bool:
    """A question the post answers with a punch line ("Why do interviewers love ladders? No
    one knows."), not one followed by the writer's own lot or a plea ("...? Happened to me
    again today", "...? Genuinely asking"): only such a question may be read as a joke."""
    plain = plain_joke_text(text)
    found = _SELF_ANSWERED_RE.search(plain)
    if found is None or _NEWS_HOOK_RE.search(plain) is not None:
        return False
    answer = found.group("answer")
    counted = _is_counted(plain[: found.start("answer")], answer)
    return counted and WRITER_RE.search(answer) is None and _is_punch_line(answer, 14)


def reads_as_joke(text: str, humor: float | None) -> bool:
    """A post the humor signal is sure is funny (``humor`` at least :data:`FUNNY`) with no
    set form: a question it answers itself, a fact set up for a turn ("Did you know ...?
    Anyway, ..."), a relatable meme ("When your ...", "TFW ..."), or a statement of the
    writer's own. Offered, but ranked low and told as a
    likely joke (the signal is sure of real posts too); not when it pleads, says it is meant,
    tells of a wrong again ("seriously, I want out", "cut my hours again") or is a
    sarcastic complaint (:func:`~staffpulse.listen.sarcasm.is_sarcastic`)."""
    if humor is None or humor < FUNNY:
        return False
    plain = plain_joke_text(text)
    again = happens_again(plain) or is_sarcastic(plain) or complains_of_a_wrong(plain)
    if again or _PLEA_RE.search(plain) or _SINCERE_RE.search(plain) or _tells_a_feeling(plain):
        return False
    if _SET_UP_RE.search(plain):
        return True
    # a question, a meme's opening or not ("When you resign, how much notice do you give?"),
    # asks; a meme states ("When your boss says unlimited PTO but nobody takes any")
    if is_question(plain):
        return answers_itself(plain)
    # a relatable meme, the writer's own lot told as "you" ("When your manager replies all at
    # 6am", "TFW the printer jams on payday"), is a rant too
    return opens_as_meme(plain) or WRITER_RE.search(plain) is not None


def _tells_a_feeling(plain: str) -> bool:
    """A touched, sad or worried face, or not being ready, outside a joke's frame."""
    if _FEELING_RE.search(plain) is None or _MOCK_FRAME_RE.search(plain) is not None:
        return False
    exchange = len(_TURN_START_RE.findall(plain)) >= 2 or has_set_form(plain)
    return not (opens_as_meme(plain) or exchange)


def plain_joke_text(text: str) -> str:
    """``text`` without its links, its spaces made single."""
    return " ".join(URL_RE.sub(" ", text).split())


def has_set_form(plain: str) -> bool:
    """A joke's set form: a set phrase, a riddle told with its punch line, an exchange."""
    if _SET_PHRASE_RE.search(plain) or _is_riddle(plain):
        return True
    return _is_exchange(plain)


def riddle_answer(plain: str) -> str | None:
    """The words after a riddle's question ("What do you call ...? ..."), if it is one."""
    found = _RIDDLE_RE.search(plain)
    return None if found is None else found.group("answer")


def answers_a_question(plain: str) -> bool:
    """A wh-question with words after it that end the post ("Why did ...? ...")."""
    return _ANSWERED_RE.search(plain) is not None


def _is_riddle(plain: str) -> bool:
    """A riddle told with its punch line, not a real question in a riddle's words ("What's
    the difference between a contractor and an employee? Trying to understand my rights")."""
    found = _RIDDLE_RE.search(plain)
    if found is None:
        return False
    answer = found.group("answer")
    return _is_counted(found.group(0), answer) and _is_punch_line(answer, 20)


def _is_counted(asked: str, answer: str) -> bool:
    """No "how many X does it take to ...?", or one a count or the light bulb answers."""
    if "does it take to" not in asked.lower():
        return True
    return _COUNT_RE.match(answer) is not None or _BULB_RE.search(asked) is not None


def _is_exchange(plain: str) -> bool:
    """A scripted exchange: "Q: ... A: ...", two speakers named ("Boss: ... Me: ...", "HR -
    ... Employee - ..."), or three turns or more between two labels, one a speaker ("Boss:
    ... Elf : ... Boss: ...")."""
    # "my boss", "her dad": the last word speaks ("a" or "w" alone only as the whole label)
    # "HR: ... Also HR: ..." quotes one speaker twice: a complaint, not an exchange
    turns = [
        (
            _ALSO_RE.sub("", label.lower()),
            _SPEAKER_RE.match(label.split()[-1] if len(label) > 2 else label),
            mark,
        )
        for label, mark in _TURN_RE.findall(plain)
    ]
    # a dash is a turn only after a speaker: "part-time - flexible" is no exchange
    said = [(label, known is not None) for label, known, mark in turns if mark == ":" or known]
    labels = [label for label, _ in said]
    if _asks_after(plain):
        return False
    if {"q", "a"} <= set(labels):
        # an FAQ asks of its reader's lot or answers as a firm: "Q: Can my employer ...?", "A:
        # One page. More tips in our guide"
        asked = plain.split("A:")[0] if "A:" in plain else plain
        return WRITER_RE.search(asked) is None and FIRM_VOICE_RE.search(plain) is None
    named = {label for label, known in said if known} - {"q", "a"}
    # a back-and-forth: a label that speaks again ("Shift plan: Manager: ... Rota: ..." is none)
    again = len(labels) > len(set(labels)) >= 2
    return len(named) >= 2 or (len(named) == 1 and again)


def _asks_after(plain: str) -> bool:
    """An exchange told, then a question of the writer's own after it ("Me: layoffs. Was that
    too blunt? How should I have answered?", "... Is this even legal?"): a real question."""
    ends = [turn.end() for turn in _TURN_RE.finditer(plain)]
    if not ends:
        return False
    tail = re.split(r"(?<=[.!?])\s+", plain[ends[-1] :].strip())
    return len(tail) >= 2 and _ABOUT_IT_RE.search(tail[-1]) is not None


def has_loose_form(plain: str, *, got: bool = False) -> bool:
    """A question answered by a punch line, or a story of a job lost told for one; a job got
    only when ``got`` (a group mocked in it): else it is news to congratulate ("I started a
    new job at the library. The quiet is taking some getting used to")."""
    found = _ANSWERED_RE.search(plain)
    if found is not None and _is_punch_line(found.group("answer"), 14):
        asked = plain[: found.start("answer")]
        if not _is_counted(asked, found.group("answer")):
            return False
        return WRITER_RE.search(plain) is None and _ROOM_RE.search(asked) is None
    found = _JOB_STORY_RE.search(plain)
    if found is not None and found.group("got") and not got:
        return False
    # a story to tell, not a terse "I quit. Done."
    told = len(plain.split()) >= 7 and _NEWS_RE.search(plain) is None
    return found is not None and told and _is_punch_line(found.group("answer"), 14)


def _is_punch_line(answer: str, most_words: int) -> bool:
    """A short line that neither pleads nor worries ("What do I do now?", "I'm scared"), nor
    tells of the writer's own lot when it answers a question."""
    short = len(answer.split()) <= most_words
    told = _REPORT_RE.search(answer) is not None or _OPEN_RE.search(answer) is not None
    return short and not told and not asks(answer)


def asks(answer: str) -> bool:
    """A punch line that pleads or asks ("What do I do now?", "Genuinely asking"): none."""
    return _PLEA_RE.search(answer) is not None or _ASKING_RE.search(answer) is not None
