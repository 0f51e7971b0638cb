"""Sarcasm about work: praise that means the opposite ("Love how our new return-to-office policy
means two hours of commuting to sit on Zoom calls. Great job, leadership.").

Read at face value, such a post is positive, and the humor model finds it funny, so its angle
was "match the light tone"; a firm that cheers on the policy, or jokes along with a complaint
about the writer's own lot, misreads the room. The rule reads sarcasm two ways:

* a marker that is sarcastic on its own: the "/s" tag, "said no one ever", "what could possibly
  go wrong", "just what I needed" (or "need"; not "just what I need: a free course"), "nothing says ... like ...", thanks or praise
  handed to "leadership", "management", "HR" or "corporate" ("Thanks, HR", "Great job, leadership"),
  "yeah right", praise taken back ("Great strategy...not"), cheers for people let go
  ("Congrats to my manager for firing half the team") or cheers with a dry "really." that
  ends the post ("Proud of them, really.");
* love of one's job drawn out ("I loooove my job", "loveee Mondays"), unless said gladly (a
  heart, thanks, a promotion or a new job, and no grievance named: "Promoted today, I looove
  my job \u2764"); a drawn-out letter is read as the plain word by the other rules ("I looove
  working Saturdays for free");
* praise ("love how", "gotta love it when", "love my job", "thrilled that", "oh great", "so
  generous", "truly the best", "living the dream") with an eye-roll emoji (\U0001f612, \U0001f644),
  or said of a workplace grievance in the same post: a mandatory
  or unpaid thing, a request denied, a weekend or a Friday evening given to work, hours of
  commuting, a pay cut or a freeze, more overtime, another meeting.

Praise of a good thing ("I love how supportive my team is") has no grievance, and a grievance
said plainly has no praise: neither is sarcasm. The praise and the grievance share a sentence:
"Can't wait to start my new role. The last one had mandatory overtime." praises one thing
and complains of another. A grievance gone ("Love that my new job has no commute", "so glad
that we work without overtime now") is good news, and "what could go wrong" is the marker only
where its sentence ends ("Write down what could go wrong before the launch" is advice). The
angle then takes the post as the complaint it is (:mod:`staffpulse.listen.angles`).
"""

from __future__ import annotations

import re

from staffpulse.listen.sentences import split_sentences
from staffpulse.listen.work_terms import URL_RE

_ALONE_RE = re.compile(
    r"(?:^|\s)/s\b"
    r"|\bsaid no (?:one|body|employee|worker|nurse|recruiter|candidate|manager)(?: ever)?\b"
    # where its sentence ends ("what could possibly go wrong?"), not "list what could go wrong and"
    r"|\bwhat could (?:possibly )?go wrong\b(?=\s*(?:[^\w\s,]|$))"
    # not what it names after a colon, said gladly ("just what I need: a free course")
    r"|\bjust what (?:i|we|everyone|everybody|every \w+) (?:wanted|needed|want|need|asked for)"
    r"\b(?!\s*:)"
    r"|\bnothing says\b[^.!?\n]{1,60}\blike\b"
    r"|\b(?:thanks|thank you|great job|good job|well done|bravo|kudos|nice work|nice one|"
    r"way to go),? (?:so much,? )?(?:leadership|management|corporate|hr|execs|our ceo|the ceo|"
    r"c-suite|upper management)\b"
    r"|\byeah,? right\b"
    # praise taken back at the end: "Great strategy...not", "Best reorg ever. NOT!"
    r"|(?:\.{2,}|\u2026)\s*not\b[.!]*(?=\s*$)|[.!]\s+(?-i:NOT)\b[.!]*(?=\s*$)",
    re.IGNORECASE,
)
# cheers for people let go ("Congrats to my manager for firing half the team", "Kudos to
# leadership on the third round of layoffs"): nobody congratulates a cut in earnest; not
# "congrats on surviving the layoffs" nor "kudos to the team for placing everyone laid off"
_CHEERS = (
    r"\b(?:congrats|congratulations|kudos|hats off|bravo|well done|great job|good job|"
    r"nice work|proud of)\b"
)
_CHEERED_CUTS_RE = re.compile(
    _CHEERS + r"[^.!?\n]{0,60}?\b(?:for|on)\s+(?:(?:the|a|an|another|their|his|her|"
    r"its|yet another)\s+)?(?:\w+\s+)?(?:round of\s+)?(?:firing|laying off|"
    # not "a layoff-free year"
    r"(?:layoffs?|lay-offs?)(?!-free)|downsizing|redundancies|"
    # a cut of people or of their pay, not "cutting time-to-hire in half"
    r"(?:cutting|cuts to|slashing|axing)\s+(?:\S+\s+){0,3}?(?:jobs|staff|headcount|positions|"
    r"roles|people|workers|the team|pay|wages|salaries|bonus(?:es)?|benefits|hours|raises))\b"
    # not a burden cut: "cutting staff turnover in half", "hours of paperwork", "the pay gap",
    # "staff injuries"
    r"(?!\s+(?:turnover|gaps?|costs?|time|churn|attrition|spent|wasted|lost|injur\w+|"
    r"accidents?|absences?|errors?|no-shows?|complaints?|of (?:admin|paperwork|manual|busywork|"
    r"data entry|meetings)))",
    re.IGNORECASE,
)
# a cheer with a dry "really." that ends the post ("Proud of them, really."): said in earnest,
# the cheer needs no such tag, or goes on ("Congrats, really. You earned it.")
_CHEER_REALLY_RE = re.compile(
    _CHEERS + r"[^.!?\n]{0,40},\s*really\s*\.(?=(?:\s*#\w+)*\s*$)", re.IGNORECASE
)
_PRAISE_RE = re.compile(
    r"\b(?:gotta|got to|you gotta|ya gotta|don['\u2019]?t you just|i just|i|we|just|really) "
    r"love (?:it )?(?:how|when|that)\b"
    r"|^\s*(?:love|loving) (?:how|when|that)\b"
    # love of a thing done to the writer: "Love having to come in on my day off", "I love
    # working Saturdays for free" (praise only with a grievance in the sentence, below)
    r"|^\s*(?:i |i just |just |gotta )?(?:love|loving) (?:working|being|getting|hearing|having to)\b"
    r"|\b(?:thrilled|delighted|so glad|so happy|excited) (?:that|to see)\b"
    r"|\boh,? (?:great|good|joy|goody|wonderful|fantastic|perfect|yay)\b"
    r"|\bso (?:generous|thoughtful|considerate|kind of them)\b"
    r"|\btruly (?:the best|a dream|inspiring|visionary|a gift)\b"
    r"|\bbest (?:company|employer|workplace|boss|job) ever\b"
    r"|\bliving the dream\b|\bcan['\u2019]?t wait\b",
    re.IGNORECASE,
)
# love said of one's job with an eye-roll: "Damn I love my job \U0001f612" (praise above counts
# too); drawn out, its team is loved in earnest ("I loooove my new team!!")
_LOVED = r"job|boss|work|company|manager|shift|commute"
_LOVES_WORK_RE = re.compile(
    rf"\blove (?:my|this|our) (?:{_LOVED})\b|\blove (?:working|being told|mondays?)\b",
    re.IGNORECASE,
)
_LOVES_RE = re.compile(
    rf"\blove (?:my|this|our) (?:{_LOVED}|team)\b|\blove (?:working|being told|mondays?)\b",
    re.IGNORECASE,
)
_EYE_ROLL_RE = re.compile("[\U0001f612\U0001f644]")  # unamused face, face with rolling eyes
# a letter drawn out ("loooove", "sooo generous"): read as the plain word by the rules, and
# love of one's job drawn out ("I loooove my job") is said with a roll of the eyes
_DRAWN_RE = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)
_DRAWN_LOVE_RE = re.compile(r"\bl+o+v+e*(?:s|d|ing)?\b", re.IGNORECASE)
# ... but said gladly, with a heart or a cheer, a promotion, a new job or thanks, and no
# grievance named, it is joy: "First week at the agency and I loooove my job!!! So grateful"
_GLAD_RE = re.compile(
    r"\b(?:grateful|thankful|blessed|lucky|promot\w*|dream job|new (?:job|role|team)|"
    r"first (?:day|week|month)|best (?:team|crew|boss|coworkers|colleagues|people))\b"
    "|[\u2764\U0001f495\U0001f496\U0001f60d\U0001f970\U0001f389\U0001f64c\U0001f60a]",
    re.IGNORECASE,
)
# a burden put on the writer; what is only a fact of work ("overtime", "on-call", "layoffs", a
# commute, a return to the office) is one when there is more of it ("more overtime", "another
# layoff", "2 hours of commuting"): "I love that our company pays overtime at double rate" and
# "So happy that the layoffs are over" are no sarcasm
_GRIEVANCE_RE = re.compile(
    r"\b(?:mandatory|required|forced|unpaid|denie[sd]|deny|denying|rejected|cancel+ed|"
    r"cut|cuts|frozen|freeze|"
    r"(?:more|extra|endless|longer|another) (?:overtime|commut\w*|layoffs?|restructur\w*|"
    r"on[- ]call|days? in the office|office days)|"
    r"(?:work\w*|shifts?|meetings?|training|offsite|calls?|review) (?:on|this|every|all) "
    r"(?:the |a )?(?:weekends?|saturdays?|sundays?)|"
    r"(?:\d{1,2} ?(?:pm|am)|evening|night) on a (?:friday|saturday|sunday)|"
    r"pay cut|no raise|raise freeze|hiring freeze|5 days a week|"
    r"another (?:meeting|reorg|survey|town ?hall|offsite|training)|more meetings|pizza party|"
    r"micromanag\w*|understaffed|short[- ]staffed|double shifts?|"
    r"no (?:breaks?|lunch)|(?:two|2|three|3) (?:jobs|hours)|then (?:denies|cancels|cuts)|"
    # work unpaid or on time off: "not being paid", "called in on my day off"
    r"not (?:getting |being )?paid|for free|called (?:in|into work)|"
    # a job or a step refused: "love being told I wouldn't have been hired if ... pregnant"
    r"(?:not|never|(?:would|could|did|wo)n['\u2019]?t)(?: have)?(?: been| gotten| got| get| getting| be)? "
    # ... but not a step owed to someone: "never have been hired without our apprenticeship"
    r"(?:hired|promoted)(?! (?:without|but for|if not for|if it (?:was|were)n['\u2019]?t for)\b)|"
    r"on my (?:day|morning|evening|night|week|days) off|(?:no|not even \d+|\d+) hours? of sleep)\b",
    re.IGNORECASE,
)

# time given gladly: "I love working at the food bank on my day off", "getting called in when
# the team needs me" (the day off, the unpaid hours and the call-in are then no grievance)
_GIVEN_GLADLY_RE = re.compile(
    r"\b(?:volunteer\w*|food bank|shelter|charity|good cause|fundrais\w*|needs? me|"
    r"trusts? me)\b",
    re.IGNORECASE,
)
# a grievance gone is good news: "no commute", "without overtime", "no more meetings"
_GONE_RE = re.compile(
    r"\b(?:no|without|zero|never|not|ended|ending|end of|lifted|scrapped|dropped)"
    r"(?: (?:more|any|the|a|an|longer))*\s*$",
    re.IGNORECASE,
)


def is_sarcastic(text: str) -> bool:
    """The post praises what it complains of: a sarcastic marker, or praise said of a
    workplace grievance in the same sentence."""
    said = URL_RE.sub(" ", text)
    plain = _DRAWN_RE.sub(r"\1", said)  # "I looove working Saturdays for free"
    if _drawls_love_of_work(said, plain):
        return True  # "Third double shift this week. I loooove my job."
    if _ALONE_RE.search(plain) or _CHEERED_CUTS_RE.search(plain) or _CHEER_REALLY_RE.search(plain):
        return True
    if _EYE_ROLL_RE.search(plain) and (_PRAISE_RE.search(plain) or _LOVES_RE.search(plain)):
        return True  # praise rolled eyes at: "Not even 9 and two fire drills. I love my job \U0001f612"
    return any(
        _PRAISE_RE.search(sentence) is not None
        and _names_a_grievance(sentence)
        and _GIVEN_GLADLY_RE.search(sentence) is None
        for sentence in split_sentences(plain)
    )


def _drawls_love_of_work(said: str, plain: str) -> bool:
    """Love of one's job with a letter drawn out ("I loooove my job"; ``plain``: ``said`` with
    its drawn-out letters single), not said gladly with no grievance named."""
    drawn = any(_DRAWN_RE.search(found.group(0)) for found in _DRAWN_LOVE_RE.finditer(said))
    if not drawn or _LOVES_WORK_RE.search(plain) is None:
        return False
    return _GLAD_RE.search(plain) is None or _names_a_grievance(plain)


def _names_a_grievance(sentence: str) -> bool:
    """A grievance the sentence names as had, not one gone ("no commute", "without overtime")."""
    return any(
        _GONE_RE.search(sentence, 0, found.start()) is None
        for found in _GRIEVANCE_RE.finditer(sentence)
    )
