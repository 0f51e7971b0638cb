"""A post that tells its writer's own day, plan or feeling and makes no claim: nothing in it to
agree with or push back on (:mod:`staffpulse.listen.angles`).

"Looking forward to seeing the old team at the expo", "hoping someone takes my Sunday shift",
"That moment when your boss ..." were each given "add a perspective: agree or push back with
a data point". A view of how work is or should be ("Better pay won't fix a bad manager", "we
should stop asking for cover letters", "1 in 3 of our temps ...") is a claim even in the first
person, and keeps that angle.
"""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import URL_RE

# the writer themself: "I", "me", "my" (a team's "we" and "our" often tell a firm's news or a
# fact of its staffing, "our night shift lost three people": read as before, a statement)
# ("not mine", "not ours" disown what they follow: "found this sunset shot online, not mine" shares
# another's)
_ME = r"i|i['\u2019]m|im|i['\u2019]ve|i['\u2019]d|i['\u2019]ll|me|my|(?<!not )mine|myself"
FIRST_PERSON_RE = re.compile(rf"\b(?:{_ME})\b", re.IGNORECASE)
# the writer or the writer's team: "I", "my", "we", "our" ("us" in lower case only: "the US"
# is a country)
WRITER_RE = re.compile(rf"\b(?:{_ME}|we|we['\u2019]re|our|(?<!not )ours|(?-i:us))\b", re.IGNORECASE)
# a relatable meme's frame ("That moment when your boss says you shouldn't worry", "TFW the
# printer jams on payday"): the writer's own moment, whatever it reports
MEME_RE = re.compile(r"^\W*(?:that (?:feeling|moment) when|tfw|mfw|me when)\b", re.IGNORECASE)
# a moment told as "you" ("When your manager replies all at 6am"): a meme's too, but also
# advice's ("When you hire for attitude, train for skill"), so a claim in it makes it one
WHEN_YOU_RE = re.compile(r"^\W*when (?:you|your|ur|u)\b", re.IGNORECASE)
# how a story of one's own moment opens: "Looking forward to ...", "Can't wait for ..."
_STORY_START_RE = re.compile(
    r"^\W*(?:(?:so |really |just )?looking forward|can['\u2019]?t wait|so excited|"
    r"excited (?:to|for|about)|wish me luck|guess what)\b",
    re.IGNORECASE,
)
# a view offered for debate, even in the first person: "what bothers me is", "hot take"
OPINION_RE = re.compile(
    r"\b(hot take|unpopular opinion|controversial (opinion|take)|imo|imho|in my (view|opinion)|"
    r"pet peeve|what (bothers|annoys|irks|bugs|frustrates|gets) me|(over|under)rated|"
    # a stand taken and owned: "I'd rather lose a client than... There, I said it."
    r"there,? i said it|change my mind|fight me|hear me out|hill (i('ll| will) )?die on)\b|"
    r"(?:^|\n)\s*take:",
    re.IGNORECASE,
)
# a view of how things are or should be, or a figure: what a reply can agree with or dispute
# (besides an opinion offered as one, OPINION_RE)
_CLAIM_RE = re.compile(
    r"\b(?:should(?:n['\u2019]?t)?|shouldnt|must|ought to|needs? to|won['\u2019]?t|will never|"
    r"always|never|no ?one|nobody|better|worse|best|worst|rather|"
    r"myth|mistake|wrong|the (?:key|problem|truth|secret|reason)|"
    r"is (?:the|a) (?:future|key|problem)|i (?:think|believe|bet)|"
    # a view owned or reported: "my take:", "I'd argue", "I just read that ...", "has a point"
    r"my take|argue|convinced|not sure|i doubt|i suspect|i feel like|(?:read|heard|learned) that|"
    r"(?:experience|data|research|stud(?:y|ies)) (?:says|shows)|has a point|it means|"
    r"too (?:many|much|few|little|low|high|long|often)|pointless|useless|a waste|add(?:s)? nothing|"
    # a wish for how employers should be: "can't wait for the day companies post salaries"
    r"the day (?:companies|employers|recruiters|firms|agencies)|"
    # a group said to do a thing: "agencies charge too much", "companies still ghost people"
    r"(?:companies|employers|recruiters|agencies|firms|hiring managers|job (?:ads|posts)|bosses)"
    r" (?:still|never|always|all|just|don['\u2019]?t|won['\u2019]?t|can['\u2019]?t|keep|want|expect|"
    r"hide|ghost|charge|ask|pay|treat|care|need))\b|"
    r"\d\s?%|\b\d+ (?:in|out of) \d+\b|[$\u00a3\u20ac]\s?\d|\b\d[\d,.]* (?:percent|times|jobs|"
    r"people|workers|employees|hires|applicants|candidates)\b|"
    # advice is a claim too: "how to", "tips", "use the STAR method"
    r"\b(?:how to|tips?|advice|rule of thumb|lessons?|methods?|techniques?|formats?|"
    r"frameworks?|strateg(?:y|ies))\b",
    re.IGNORECASE,
)


def opens_as_meme(text: str) -> bool:
    """A meme's frame, or a moment told as "you", opens the text ("TFW the printer jams",
    "When your manager replies all at 6am")."""
    return MEME_RE.match(text) is not None or WHEN_YOU_RE.match(text) is not None


def tells_own_story(text: str) -> bool:
    """The post tells of its writer's own moment (a plan, a day, a feeling) and makes no claim:
    it opens as such a story ("Looking forward to ...", "That moment when ...") or speaks of
    "I" or "my", with no view, advice or figure in it either way ("Can't wait for the day
    companies post salaries" is a view); an opinion offered as one ("hot take", "pet peeve")
    is a view even in a meme's frame."""
    plain = URL_RE.sub(" ", text)
    if OPINION_RE.search(plain) is not None:
        return False
    if MEME_RE.search(plain) is not None:
        return True
    if _CLAIM_RE.search(plain) is not None:
        return False
    return (
        _STORY_START_RE.search(plain) is not None
        or WHEN_YOU_RE.search(plain) is not None
        or FIRST_PERSON_RE.search(plain) is not None
    )
