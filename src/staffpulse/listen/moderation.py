"""What a staffing firm is never offered as a conversation to join, and the tone of a post.

Three kinds of post are left out of the inbox (and counted in its "left out" note), whatever
their score: a firm that joins them risks its name for nothing.

* **hostile**: an insult or a slur aimed at someone ("idiots", "scumbag", "shut up"), a
  string of vilifying words ("despicable, corrupt ... evil"), or a put-down of a group people
  are protected as in hiring ("Women shouldn't be hired as engineers", "immigrants are
  stealing our jobs", "never hire anyone over 50"), or a person's work status thrown at them
  ("everyone knows you're jobless and on benefits"; :mod:`staffpulse.listen.put_downs`): a
  firm that answers one, even to argue, puts its name next to it;
* **partisan**: party politics that is not about a work matter ("Everything went wrong the
  day the Republicans took the House"): a party, a partisan label, a party leader or a cause that splits
  voters along party lines ("#Brexit", "#PeoplesVote"), in a post that names work only in
  passing if at all (:func:`~staffpulse.listen.work_terms.dwells_on_work`: "the failures of
  #Brexit ... an interesting job title" is about Brexit, not about job titles). A post on a
  work matter that names a party ("the GOP's overtime rule", "Brexit made it harder to hire
  nurses") stays, flagged ``politics``, and gets a neutral angle;
* **nsfw**: sexual content ("#kpopnsfw", "nudes", "porn").

Profanity alone is not an insult: "this fucking commute" is still a conversation about work.

The lexicons are compact and curated for this use (English, whole words, case-insensitive);
``scripts/eval_moderation.py`` measures how many labelled work posts they would leave out.

A fourth kind, a **greeting** ("Happy Thanksgiving from all of us at Apex Logistics Staffing"),
is left out too: a seasonal greeting that asks nothing and names no work matter beyond the
sender's firm name and whom it thanks or wishes well ("Grateful for our candidates, clients,
and team") is a firm's broadcast, not a conversation; "Happy Friday! What's the best
interview question you ask?" and "Happy Monday: we laid off 30 people today" stay.

The tone of a post decides the angle. VADER's compound sentiment (a lexicon and rules made for
social media, offline) alone misreads the posts that matter most: "Terrifying. 👻" on a joke
reads as distress, "Is that even legal?" as positive. So the tone also keeps:

* cues of distress that VADER scores as neutral ("take my mind off", "laid off"), and
  frustration said outright ("so annoyed", "fed up"), which it nets out against a stray
  positive word;
* cues of **seriousness**: rights and rules ("legal", "discrimination", "EEOC"; pay withheld,
  "unpaid", "owe me two weeks of pay": a debt with a pay word; when the writer is the one
  unpaid or asks whether it is allowed) or a worry ("fired", "let someone go", "scam", "worried"), and pay in a question ("what salary
  should I ask?"). A serious post is never answered in a light tone;
* cues of **grief** (a death mourned: "passed away", "RIP", "lost my dad"): a loss is met with
  condolence, never a tip or a pitch;
* cues of **play** (laughing or playful emoji, "lol", "haha", the "Nobody: ... Me:" meme): a
  playful post is not read as negative for a scary word; the humor signal still decides the
  light tone (:mod:`staffpulse.listen.angles`).

A distressed or clearly negative post never gets a "light tone" or a "push back" angle.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.accents import straighten_quotes
from staffpulse.listen.partisan import names_politics
from staffpulse.listen.put_downs import puts_down
from staffpulse.listen.questions import is_question
from staffpulse.listen.work_terms import URL_RE, dwells_on_work, names_work_matter

# One hit is enough: insults and slurs aimed at people.
_INSULTS = (
    r"idiots?|idiotic|imbeciles?|morons?|moronic|cretins?|dumbass(es)?|jackass(es)?|"
    r"ass-?holes?|arse-?holes?|bastards?|bitch(es)?|cunts?|pricks?|dick-?heads?|wankers?|twats?|"
    r"scumbags?|scum|low-?lifes?|losers?|pathetic|vermin|degenerates?|traitors?|clowns?|"
    r"shit-?heads?|douche-?bags?|piece of (shit|crap|garbage)|garbage (people|human)|"
    r"trash (people|human)|shut up|stfu|screw you|f+u+c+k+ (you|off|them|him|her)|"
    r"go to hell|hate you|kill yourself|kys|"
    # slurs
    r"retard(s|ed)?|libtards?|n+i+g+g+(a|er|ah|az)s?|fag(got)?s?|kikes?|chinks?|spics?|"
    r"wetbacks?|trann(y|ies)"
)
_INSULT_RE = re.compile(rf"\b({_INSULTS})\b", re.IGNORECASE)
# Two or more of these in one post vilify someone ("despicable, corrupt ... evil").
_VILIFYING_RE = re.compile(
    r"\b(vicious|vindictive|evil|disgusting|despicable|vile|corrupt|hateful|treasonous|"
    r"deranged|spineless|cowards?|cowardly|liars?|crooks?|thugs?|small people|nasty|"
    r"disgrace(ful)?|shameless|lunatics?|psychopaths?|sociopaths?)\b",
    re.IGNORECASE,
)
_NSFW_RE = re.compile(
    r"nsfw|\b(porn\w*|nudes?|nudity|onlyfans|sex ?tapes?|sexting|horny|(blow|hand|rim)-?jobs?|"
    r"bukkake|fluffers?|"
    r"boobs|tits|titties|milfs?|hentai|cum(shot)?s?|dick pics?|camgirls?|18\+)(?!\w)",
    re.IGNORECASE,
)
_DISTRESS_RE = re.compile(
    r"\b((take|takes|taking|get|gets|keep|keeps) my mind off|laid off|lost (my|his|her|their) jobs?|got fired|been fired|"
    r"struggl\w+|depress\w*|anxiety|anxious|panic attacks?|grie(f|ving)|funeral|passed away|"
    r"cancer|diagnos\w+|going through|burn(ed|t) ?out|exhausted|overwhelmed|can'?t cope|"
    r"mental health|suicid\w*|shootings?|died|death|crying|heartbroken|miserable|"
    # "killed it", "killed the interview" are triumphs; a loss mourned ("Rest in paradise",
    # "RIP") is never a post to push back on
    r"killed(?! (it|the (interview|presentation|pitch|exam|test))\b)|"
    r"rest in (peace|paradise|power)|condolences|(?-i:RIP|R\.I\.P)(?!\w))",
    re.IGNORECASE,
)
# Rights and rules at work, or a worry: a question with these is answered straight, never
# joked with ("Is that even legal in Colorado?", "how do I let someone go?").
_LEGAL_RE = re.compile(
    r"\b(legal|illegal|legally|lawful|unlawful|against the law|labou?r laws?|employment law|"
    r"lawsuits?|sue|suing|lawyers?|attorneys?|labou?r (board|department)|department of labou?r|"
    r"(?-i:DOL|EEOC|OSHA|FMLA)|discriminat\w*|harass\w*|retaliat\w*|wrongful(ly)?|"
    r"wage theft|back pay|non-?competes?|workers'? comp(ensation)?|unsafe|(allowed|permitted) to "
    r"(charge|deduct|withhold|fire|refuse|dock|make (me|us|workers|employees|staff)))\b",
    re.IGNORECASE,
)
# Pay withheld or too low: a rights matter for whoever goes unpaid ("They still owe me two
# weeks of pay", "my agency says training is unpaid. Can they do that?"), but a practice to weigh
# for whoever decides it ("Is a 4-hour unpaid take-home test too much to ask of candidates?",
# "are unpaid internships worth it?"): only the first is sent to the labor department.
# A debt is pay only with a pay word in its sentence: "owes the taxman", "owes an apology",
# "owing money to the IRS" and "You owe me for helping you" are no wages withheld.
_PAY_WORDS = (
    r"pay|paid|payments?|pay ?checks?|pay ?slips?|wages?|salar(?:y|ies)|overtime|"
    r"commissions?|tips|bonus(?:es)?|invoices?|shifts?|holiday pay|back pay"
)
_OWED = r"owed|owes|owing|owe (?:me|us|him|her|them)"
_PAY_RIGHTS_RE = re.compile(
    r"\b(unpaid|underpaid|not (been )?paid|minimum wage)\b|"
    rf"\b(?:{_OWED})\b[^.?!\n]{{0,40}}?\b(?:{_PAY_WORDS})\b|"
    rf"\b(?:{_PAY_WORDS})\b[^.?!\n]{{0,40}}?\b(?:{_OWED})\b",
    re.IGNORECASE,
)
# The writer (or someone they speak for) is on the receiving end, or asks whether it is allowed.
# "I was unpaid", "I'm still owed", "I was told training is unpaid": a verb makes the writer
# (or their work) the unpaid one, where "I think unpaid internships..." or "I would never ask
# for an unpaid test" weighs a practice
_RECEIVING_END_RE = re.compile(
    r"\b(i|we)\b[^.?!\n]{0,40}?(\b(am|is|are|was|were|been|being|get|got|getting|go|went|left|"
    r"still|have|had)|'m|'re|'s|'ve)\s+(still\s+|being\s+|been\s+|left\s+)?"
    r"(unpaid|underpaid|owed|not (been )?paid)\b|"
    r"\b(owes?|owed|pay|paid|paying|asked|asks|made|making|forced) (me|us)\b|"
    r"\bmy (employer|boss|agency|company|manager)\b|\bour (employer|boss|manager)\b|"
    r"\bcan (they|he|she|an employer|employers|a company|my \w+) (do|get away with|legally)\b|"
    r"\b(are|is) (they|he|she|an employer|employers|a company|that|this|it) "
    r"(even )?(allowed|permitted|ok|okay|legit)\b",
    re.IGNORECASE,
)
# Rights too, in words _LEGAL_RE misses: a job lost or refused on a ground protected in hiring
# ("fired for being gay", "wouldn't have been hired if my boss knew I was pregnant": where to
# check matters more than a tip, never a light tone), and a duty to disclose
# ("Do I have to disclose my diagnosis at work?"). Not a season's shifts ("rejected for the
# Black Friday shifts": the seasonal hiring staffing firms talk about most).
_RIGHTS_RE = re.compile(
    r"\b(fired|let go|passed over|demoted|rejected|turned down|not hired|dismissed|terminated|"
    r"treated differently|hired|promoted)\b[^.?!\n]{0,30}\b(for|because|if|since|once)\b"
    r"[^.?!\n]{0,30}\b(gay|lesbian|"
    r"bisexual|trans(gender)?|queer|pregnan\w*|black(?!\s+friday)|muslim|jewish|disab\w+|"
    r"religio\w+|race|"
    r"too old|my age|a woman|female|my gender|my accent|hijab)\b|"
    r"\b(do|must|should) i (have|need) to (disclose|tell|report)\b|"
    r"\b(required|obliged|obligated) to (disclose|tell|report)\b",
    re.IGNORECASE,
)
# A death mourned: condolence, never a tip ("RIP to my coworker Jim"). Not a bare "died" ("my
# laptop died"), "bereavement leave" alone (an HR policy question is not a loss) nor "good
# grief" (exasperation: "Good grief, a five-round interview for a junior role").
# "RIP remote work", "RIP to my weekend", "RIP to my old job": a thing mourned in jest, not a
# death (a person after "RIP" still is: "RIP to my coworker Al", "RIP to our shift lead")
_RIP_THING = (
    r"\s+(?:to\s+)?(?:(?:my|our|the|your)\s+)?(?:(?:old|former|last|entire|whole|poor)\s+)?"
    r"(?:(?:night|day|early|late|double|morning|evening)\s+)?"
    r"(?:remote\s+work|work[- ]life\s+balance|weekends?|inbox|sleep|sanity|plans|wi-?fi|phone|"
    r"laptop|budget|bonus|raise|pto|vacation|holidays?|career|resume|résumé|cv|office|commute|"
    r"hybrid|benefits|diet|jobs?|gig|shifts?|schedule|paycheck|salary|pay|savings|"
    r"motivation|patience|social\s+life|free\s+time|lunch\s+break|productivity|promotion|"
    r"morale|mornings?|evenings?|401k)\b"
    # ... unless it names a person: "RIP to our shift lead", "RIP to my office manager"
    r"(?!\s+(?:lead|leader|manager|supervisor|boss|mate|buddy|partner|worker|assistant|admin|"
    r"staff|crew|guy|gal|lady|man|woman|friend|family|coordinator|director))"
)
_GRIEF_RE = re.compile(
    r"\b(passed away|funeral|rest in (peace|paradise|power)|condolences|(?<!good )grie(f|ving)|"
    r"bereaved|"
    r"lost (my|our|her|his) (mom|mum|mother|dad|father|husband|wife|partner|son|daughter|"
    r"brother|sister|grandma|grandmother|grandpa|grandfather|best friend|friend|colleague|"
    r"coworker|co-worker|baby|child)|"
    r"(my|our) (mom|mum|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|"
    r"colleague|coworker|co-worker|friend) (died|passed)|(?-i:RIP|R\.I\.P)(?!\w)(?!"
    + _RIP_THING
    + r"))",
    re.IGNORECASE,
)
# A job or a thing mourned in jest with relief: "RIP to my old job, I won't miss the night
# shifts" is a farewell to cheer, not distress; "RIP to my paycheck" with no relief stays
_RIP_THING_RE = re.compile(r"(?-i:RIP|R\.I\.P)(?!\w)(?=" + _RIP_THING + ")", re.IGNORECASE)
_RELIEF_RE = re.compile(
    r"\b((will not|won'?t|never going to|not going to|not gonna|ain'?t gonna) miss|"
    r"good riddance|free at last|so long(?! as\b)|glad (it'?s|that'?s|to be) "
    r"(over|gone|done|out)|best decision)\b",
    re.IGNORECASE,
)
# "Grief" is hassle too, given or got: "my boss keeps giving me grief for leaving at 5" is a
# complaint about work, which condolence would answer absurdly ("a loss mourned"); not grief
# counselling or support given, which follow a loss
_HASSLE_RE = re.compile(
    r"\b(giv(e|es|ing)|gave|get(s|ting)?|got(ten)?)\s+(\w+\s+)?"
    r"((so much|a lot of|lots of|some|no|any|enough)\s+)?grief\b(?!\s+(counsel|support|therap))",
    re.IGNORECASE,
)
_WORRY_RE = re.compile(
    r"\b(fired|firing|fire (me|him|her|them|someone)|let (me|him|her|them|someone|you) go|"
    r"terminated|termination|laid off|layoffs?|severance|scam(s|med)?|worried|worry(ing)?|"
    r"scared|afraid|nervous|can'?t afford|budget is tight|evict\w*|burnout)\b",
    re.IGNORECASE,
)
# Frustration said outright, which VADER often nets out against a stray positive word ("I'm
# so annoyed. Like my interview was at 4 and they still can't reach the interviewer" scores
# -0.03): negative, whatever the compound says. Not "can't stand" (a song, "can't stand to
# say goodbye") nor a bare "mad" ("the only day I came to work without getting mad").
_FRUSTRATION_RE = re.compile(
    r"\b(so|really|very|super|extremely|beyond|i'?m|i am) (annoyed|frustrated|irritated|angry|"
    r"mad|pissed)\b|\b(fed up|sick (and tired )?of|had enough of)\b",
    re.IGNORECASE,
)
_PAY_RE = re.compile(
    r"\b(pay|paid|salar(y|ies)|wages?|paychecks?|overtime|compensation)\b",
    re.IGNORECASE,
)
# Play: a laughing or playful emoji, a laugh, the "Nobody: ... Me:" meme.
_PLAY_RE = re.compile(
    r"[\U0001F602\U0001F923\U0001F606\U0001F605\U0001F639\U0001F61C\U0001F61D\U0001F643"
    r"\U0001F609\U0001F92A\U0001F47B\U0001F383]|\b(lol|lmao|lmfao|rofl|ha(ha)+|he(he)+|jk)\b|"
    r"(?:^|\n)\s*nobody\s*:",
    re.IGNORECASE,
)
# Seasonal greetings ("Happy Thanksgiving", "Season's greetings", "from all of us at").
_GREETING_RE = re.compile(
    r"\b(happy|merry|joyous|blessed)\s+(new year|holidays?|holiday season|thanksgiving|"
    r"christmas|xmas|easter|hanukkah|chanukah|diwali|eid|ramadan|kwanzaa|lunar new year|"
    r"valentine'?s( day)?|st\.? patrick'?s( day)?|mother'?s day|father'?s day|memorial day|"
    r"labou?r day|independence day|4th of july|fourth of july|juneteenth|veterans'? day|"
    r"halloween|canada day|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"weekend)\b|\bseason'?s greetings\b|\bfrom (all of us|everyone|the (whole )?team) at\b",
    re.IGNORECASE,
)
# A firm's name ("Apex Logistics Staffing", "Brightside Talent"): its work word is no work matter.
_FIRM_NAME_RE = re.compile(
    r"(?:\b[A-Z][\w&'.-]*\s+){1,4}(?:Staffing|Recruiting|Recruitment|Talent|Careers|Jobs|"
    r"Workforce|Personnel|Employment|HR)\b"
)
# A greeting's thanks and wishes ("Grateful for our candidates, clients, and team", "Wishing
# all our recruiters a restful break"): their work words are whom it greets, not a matter to talk
# about
_THANKS_RE = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:(?:we|i)(?:['\u2019]re| are| am|['\u2019]m)?\s+(?:so\s+|truly\s+|"
    r"very\s+|deeply\s+)?)?(?:(?:grateful|thankful|thanks|thank you)\s+(?:for|to)\s+"
    r"(?:all\s+(?:of\s+)?|each of\s+|every\s+)?(?:our|my|the|your|you|everyone|every)|"
    r"wishing|(?:we|i) wish|(?:warm|best|warmest) wishes|cheers to|sending (?:love|thanks|"
    r"wishes)|here['\u2019]s to)\b[^.!?\n]*",
    re.IGNORECASE,
)
NEGATIVE_COMPOUND = -0.3  # VADER compound at or below this reads as negative
POSITIVE_COMPOUND = 0.05  # VADER's own cut for positive
# The reasons a conversation is left out, in the order they are told (one each).
LEAVE_OUT = ("nsfw", "hostile", "partisan", "spam", "job_ad", "greeting")
LEAVE_OUT_NAMES: dict[str, tuple[str, str]] = {
    "nsfw": ("NSFW post", "NSFW posts"),
    "hostile": ("hostile post", "hostile posts"),
    "partisan": ("partisan politics post", "partisan politics posts"),
    "spam": ("spam post", "spam posts"),
    "job_ad": ("job ad", "job ads"),
    "greeting": ("greeting", "greetings"),
}


@dataclass(frozen=True, slots=True)
class Moderation:
    """What the lexicons say about one text."""

    hostile: bool
    nsfw: bool
    partisan: bool  # party politics, not about work: left out
    politics: bool  # names a party or leader (on a work matter when not ``partisan``)
    greeting: bool = False  # a seasonal greeting that asks and names nothing else: left out


def _plain(text: str) -> str:
    """The text as the lexicons and VADER read it: no links, and a typographic apostrophe made
    straight ("can\u2019t cope", as phones type it): VADER reads "won\u2019t load, please help" as
    positive, its negation missed, and the lexicons are written with "'"."""
    return straighten_quotes(URL_RE.sub(" ", text))


def moderate(text: str) -> Moderation:
    plain = _plain(text)
    hostile = (
        _INSULT_RE.search(plain) is not None
        or len(_VILIFYING_RE.findall(plain)) >= 2
        or puts_down(plain)
    )
    politics = names_politics(plain)
    return Moderation(
        hostile=hostile,
        nsfw=_NSFW_RE.search(plain) is not None,
        # a lone "job" or "employees" in a post on a party or its cause is said in passing
        partisan=politics and not dwells_on_work(plain),
        politics=politics,
        greeting=is_greeting(plain),
    )


def mourns(text: str) -> bool:
    """The text mourns a death ("passed away", "RIP Marco"; not "RIP remote work")."""
    return _grieves(_plain(text))


def _grieves(plain: str) -> bool:
    return _GRIEF_RE.search(_HASSLE_RE.sub(" ", plain)) is not None


def is_greeting(text: str) -> bool:
    """A seasonal greeting that asks nothing and names no work matter beyond the sender's
    firm name and whom it thanks or wishes well ("Happy Thanksgiving from all of us at Apex
    Logistics Staffing! Grateful for our candidates, clients, and team.")."""
    plain = _plain(text)
    if _GREETING_RE.search(plain) is None or is_question(plain):
        return False
    return not names_work_matter(_THANKS_RE.sub(" ", _FIRM_NAME_RE.sub(" ", plain)))


def looks_hostile(text: str) -> bool:
    """An insult or slur aimed at someone, several vilifying words, or a put-down of a group."""
    return moderate(text).hostile


@dataclass(frozen=True, slots=True)
class Tone:
    compound: float  # VADER, -1 (negative) to 1 (positive)
    distressed: bool  # a cue of distress, whatever VADER says
    legal: bool = False  # rights and rules at work ("is that legal?", "unpaid")
    serious: bool = False  # ``legal``, a worry ("fired", "scam"), or pay in a question
    playful: bool = False  # a laughing or playful emoji, "lol", a meme
    grieving: bool = False  # a death mourned ("passed away", "RIP"): also ``distressed``
    frustrated: bool = False  # frustration said outright ("so annoyed", "fed up")

    @property
    def negative(self) -> bool:
        """Distressed or frustrated, or a negative compound that is not play ("Terrifying. 👻"
        on a joke)."""
        if self.distressed or self.frustrated:
            return True
        return self.compound <= NEGATIVE_COMPOUND and not self.playful

    @property
    def light(self) -> bool:
        """Safe to answer with a light tone: positive or playful, neither distressed,
        frustrated nor serious."""
        if self.distressed or self.frustrated or self.serious:
            return False
        return self.playful or self.compound >= POSITIVE_COMPOUND


@functools.lru_cache(maxsize=1)
def _analyzer() -> Any:
    # vaderSentiment ships no type hints; its lexicon loads from the package in ~50 ms.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def judge_tone(texts: Sequence[str]) -> list[Tone]:
    """The tone of each text (see the module docstring)."""
    analyzer = _analyzer()
    out: list[Tone] = []
    for text in texts:
        plain = _plain(text)
        compound = float(analyzer.polarity_scores(plain)["compound"])
        pay_withheld = _PAY_RIGHTS_RE.search(plain) is not None
        legal = (
            _LEGAL_RE.search(plain) is not None
            or _RIGHTS_RE.search(plain) is not None
            or (pay_withheld and _RECEIVING_END_RE.search(plain) is not None)
        )
        serious = (
            legal
            or pay_withheld
            or _WORRY_RE.search(plain) is not None
            or (_PAY_RE.search(plain) is not None and is_question(plain))
        )
        grieving = _grieves(plain)
        # a farewell with relief: its "RIP" is no distress cue, and the post is light
        farewell = _RELIEF_RE.search(plain) is not None and _RIP_THING_RE.search(plain) is not None
        if farewell:
            plain = _RIP_THING_RE.sub(" ", plain)
        out.append(
            Tone(
                compound,
                grieving or _DISTRESS_RE.search(plain) is not None,
                legal=legal,
                serious=serious,
                playful=farewell or _PLAY_RE.search(plain) is not None,
                grieving=grieving,
                frustrated=_FRUSTRATION_RE.search(plain) is not None,
            )
        )
    return out
