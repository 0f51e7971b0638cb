"""The tone of a post, which decides the angle of the inbox's suggestion.

VADER's compound sentiment (a lexicon and rules made for social media, offline) alone
misreads the posts that matter most: "Terrifying. 👻" on a joke reads as distress, "Is that
even legal?" as positive. So the tone also keeps:

* cues of distress that VADER scores as neutral ("take my mind off", "laid off"), and
  frustration said outright ("so annoyed", "fed up"), which it nets out against a stray
  positive word;
* cues of **seriousness**: rights and rules ("legal", "discrimination", "EEOC"; pay withheld,
  "unpaid", "owe me two weeks of pay": a debt with a pay word; when the writer is the one
  unpaid or asks whether it is allowed; harassment at work told without the word, whatever
  laugh is in it: :mod:`~staffpulse.listen.harassment`) or a worry ("fired", "let someone go",
  "scam", "worried"), pay in a question ("what salary should I ask?"), and harm done to a person told
  with a call for safety or one's rights ("tried to choke my coworker lol, why is there no
  security?": :func:`~staffpulse.listen.violence.reports_harm`). A serious post is never
  answered in a light tone;
* cues of **grief** (a death mourned: "passed away", "RIP", "lost my dad"): a loss is met with
  condolence, never a tip or a pitch;
* cues of **play** (laughing or playful emoji, "lol", "haha", the "Nobody: ... Me:" meme, joy
  said outright beside a swear word, with no turn after it: "stoked as hell, got the job!!"), a
  win in a violent word ("Killed the pitch!", "crushed it"), boredom at work ("nothing
  to do at work ... so bored"), an entry to a hashtag game ("#LostMyJobBecause ...") and a light
  exit ("then we're getting the hell out of dodge"): a playful post is not read as negative for a
  scary word, nor consoled as a hardship; the humor signal still decides the light tone
  (:mod:`staffpulse.listen.angles`).

A distressed or clearly negative post never gets a "light tone" or a "push back" angle.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.listen.harassment import tells_of_harassment
from staffpulse.listen.hashtag_games import answers_a_game_prompt
from staffpulse.listen.questions import is_question
from staffpulse.listen.violence import reports_harm
from staffpulse.listen.work_terms import plain_text

# what a win is told of in a violent word ("killed it", "crushed the pitch", "nailed the demo")
_WON = (
    r"(?:it|the (?:interview|presentation|pitch|exam|test|audition|demo|meeting|call|"
    r"review|shift))\b"
)
_DISTRESS_RE = re.compile(
    r"\b((take|takes|taking|get|gets|keep|keeps) my mind off|laid off|"
    r"lost (my|his|her|their) jobs?|got fired|been fired|"
    # "I was let go today after nine years": a job lost, not a view to push back on
    r"(got|get|getting|was|were|been|being) (let go|made redundant)|"
    r"struggl\w+|depress\w*|anxiety|anxious|panic attacks?|grie(f|ving)|funeral|passed away|"
    r"cancer|diagnos\w+|going through|burn(ed|t) ?out|exhausted|overwhelmed|can'?t cope|"
    r"mental health|suicid\w*|shootings?|died|death|crying|heartbroken|miserable|"
    # "killed it", "killed the pitch" are triumphs (:data:`_TRIUMPH_RE`); a loss mourned ("Rest
    # in paradise", "RIP") is never a post to push back on
    rf"killed(?! {_WON})|"
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
# A debt is pay only with a pay word in its sentence: "owes his sister a lunch", "owes everyone
# an explanation", "owing money to the IRS" and "you owe me a favour" are no wages withheld;
# work or hours owed are ("I'm still owed for three weeks of work"), and so is money owed to the writer
_PAY_WORDS = (
    r"pay|paid|payments?|pay ?checks?|pay ?slips?|wages?|salar(?:y|ies)|overtime|"
    r"commissions?|tips|bonus(?:es)?|invoices?|shifts?|holiday pay|back pay|(?:days|weeks|months) of work|hours worked|hours"
)
_OWED = r"owed|owes|owing|owe (?:me|us|him|her|them)"
_PAY_RIGHTS_RE = re.compile(
    r"\b(unpaid|underpaid|not (been )?paid|minimum wage)\b|"
    r"\b(?:owes?|owed) (?:me|us)\b[^.?!\n]{0,20}?\bmoney\b|"
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
# ("fired for being gay", "I'd not have been hired if HR knew I was pregnant": where to
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
    # "let them go home", "let us go on a break": a shift's end, not a firing
    r"\b(fired|firing|fire (me|him|her|them|someone)|"
    r"let (me|him|her|them|someone|you) go(?! (?:early|home|for (?:lunch|the day)|on (?:a )?break))|"
    r"terminated|termination|laid off|layoffs?|severance|scam(s|med)?|worried|worry(ing)?|"
    r"scared|afraid|nervous|can'?t afford|budget is tight|evict\w*|burnout)\b",
    re.IGNORECASE,
)
# Frustration said outright, which VADER often nets out against a stray positive word
# ("Honestly so annoyed. Like my phone interview was set for 9 and still nobody has called"
# scores +0.44): negative, whatever the compound says. Not "can't stand" (a song, "can't stand to
# say goodbye") nor a bare "mad" ("a rare shift I left work without getting mad").
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
# A win told in a word VADER reads as violence ("Killed the pitch!", "crushed it"), and
# boredom at work ("nothing to do at work ... I'm so bored"): a light matter, never a hardship
# to console (a cue of distress or frustration beside them still counts)
_TRIUMPH_RE = re.compile(
    # "crushed that" too, but "killed that" is still distress ("a driver killed that night")
    rf"\b(?:killed|nailed|crushed|smashed|aced|slayed|rocked) (?:that\b|{_WON})",
    re.IGNORECASE,
)
_IDLE_RE = re.compile(
    r"\b(?:bored|boredom|nothing to do (?:at|in|on) (?:work|the office|my shift)|"
    r"slow day at (?:work|the office))\b",
    re.IGNORECASE,
)
# Leaving told with an expletive ("one more interview, then we get the hell out of dodge"):
# a light exit, whose "hell" VADER reads as distress; it is scored without the expletive, so
# "I hate this job, getting the hell out of dodge" stays negative for its "hate"
_EXIT_RE = re.compile(
    r"\b(get|gets|getting|got|go|going|gonna)\s+the\s+(?:hell|heck|fuck)\s+out\s+of\s+"
    r"(?=(?:here|there|this place|dodge)\b)",
    re.IGNORECASE,
)
# Joy said outright ("buzzing, landed the warehouse job!!!", "chuffed to bits"): British "buzzing"
# is thrilled, and a swear word beside it is emphasis, which VADER reads as negative; not when
# the post turns ("... buzzing BUT now the car broke down", a crying face)
_JOY_RE = re.compile(
    r"\b(?:buzzing|buzzin|chuffed|stoked|over the moon|thrilled|ecstatic|"
    r"so (?:excited|happy|proud|pleased))\b",
    re.IGNORECASE,
)
_TURN_RE = re.compile(
    r"\b(?:but|however|although|though|except)\b|[\U0001F62D\U0001F622\U0001F61E]", re.I
)
# the swear words joy outweighs: bad news beside the joy ("over the moon about the new job...
# and then my mum got sick") still reads negative once they are gone
_SWEAR_RE = re.compile(
    r"\b(?:bloody|bleeding|sodding|damn(?:ed)?|hell|f+u+c+k\w*|effing|feckin\w*|frigg\w*|"
    r"freakin\w*|shit\w*)\b",
    re.IGNORECASE,
)
NEGATIVE_COMPOUND = -0.3  # VADER compound at or below this reads as negative
POSITIVE_COMPOUND = 0.05  # VADER's own cut for positive


def tells_of_a_win(text: str) -> bool:
    """The text tells of a win in a word VADER reads as violence ("Killed the pitch!", "nailed
    the demo"): a feat to cheer on."""
    return _TRIUMPH_RE.search(plain_text(text)) is not None


# A wish to die or to harm oneself, or death not feared, in the writer's words: "some nights I
# wish I could stop waking up", "asked if I fear death; I'm not afraid of dying anymore". No
# firm's reply belongs under it, not even a kind tip. Not "dying to see it", "dying of
# laughter" nor a pun on "harmony"; a dark joke in these words is no conversation for a firm
# either.
_CRISIS_RE = re.compile(
    r"\b(suicidal|kill(ing)? myself|end(ing)? (it all|my life)|self[- ]harm(s|ed|ing)?|"
    r"(want|wanna|wish|wished|wishing|ready) (to )?(die|be dead)|(not|never|stop) waking up|"
    r"better off dead|no (reason|point) (to|in) (live|living|going on)|"
    r"(not|n't|no longer) (scared|afraid) (of|to) (die|dying|death)|"
    r"(scared|afraid) of (dying|death)\b[\s\S]{0,80}?\b(excited|can't wait|looking forward))\b",
    re.IGNORECASE,
)


def signals_crisis(text: str) -> bool:
    """The text tells of a wish to die or to harm oneself, or of death not feared (see
    :data:`_CRISIS_RE`): a possible crisis, left to people who know the writer."""
    return _CRISIS_RE.search(plain_text(text)) is not None


def mourns(text: str) -> bool:
    """The text mourns a death ("passed away", "RIP Marco"; not "RIP remote work")."""
    return _grieves(plain_text(text))


def _grieves(plain: str) -> bool:
    return _GRIEF_RE.search(_HASSLE_RE.sub(" ", plain)) is not None


def tells_of_rights(text: str) -> bool:
    """The text names a matter of rights at work (:attr:`Tone.legal`: "is that legal?", "fired
    for being pregnant", pay withheld from the writer), read by its words alone."""
    plain = plain_text(text)
    return _names_rights(plain, _PAY_RIGHTS_RE.search(plain) is not None)


def _names_rights(plain: str, pay_withheld: bool) -> bool:
    return (
        _LEGAL_RE.search(plain) is not None
        or _RIGHTS_RE.search(plain) is not None
        or tells_of_harassment(plain)
        or (pay_withheld and _RECEIVING_END_RE.search(plain) is not None)
    )


@dataclass(frozen=True, slots=True)
class Tone:
    compound: float  # VADER, -1 (negative) to 1 (positive)
    distressed: bool  # a cue of distress, whatever VADER says
    legal: bool = False  # rights and rules at work ("is that legal?", "unpaid")
    serious: bool = False  # ``legal``, a worry ("fired", "scam"), or pay in a question
    playful: bool = False  # a laughing or playful emoji, "lol", a meme, a win, boredom
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
        plain = plain_text(text)
        exits = _EXIT_RE.search(plain) is not None
        scored = _EXIT_RE.sub(r"\1 out of ", plain)
        compound = float(analyzer.polarity_scores(scored)["compound"])
        pay_withheld = _PAY_RIGHTS_RE.search(plain) is not None
        legal = _names_rights(plain, pay_withheld)
        serious = (
            legal
            or pay_withheld
            or _WORRY_RE.search(plain) is not None
            or reports_harm(plain)
            or (_PAY_RE.search(plain) is not None and is_question(plain))
        )
        grieving = _grieves(plain)
        # a farewell with relief: its "RIP" is no distress cue, and the post is light
        farewell = _RELIEF_RE.search(plain) is not None and _RIP_THING_RE.search(plain) is not None
        if farewell:
            plain = _RIP_THING_RE.sub(" ", plain)
        # a win, boredom, a hashtag game's joke or a light exit, unless a worry or a right is at
        # stake ("let go ... bored at home")
        light_matter = not serious and (
            _TRIUMPH_RE.search(plain) is not None
            or answers_a_game_prompt(plain)
            or (exits and compound > NEGATIVE_COMPOUND)
            # boredom in a vent ("I hate this job so much. Bored out of my skull") is no play:
            # the rest of the post decides
            or (
                _IDLE_RE.search(plain) is not None
                and analyzer.polarity_scores(_IDLE_RE.sub(" ", scored))["compound"]
                > NEGATIVE_COMPOUND
            )
        )
        # only the swear word's gloom is lifted: joy said of a wrong ("Over the moon that payroll
        # forgot me again") is no cue of play, to be answered in a light tone
        glad = (
            compound <= NEGATIVE_COMPOUND
            and _JOY_RE.search(plain) is not None
            and _TURN_RE.search(plain) is None
            and analyzer.polarity_scores(_SWEAR_RE.sub(" ", scored))["compound"] > NEGATIVE_COMPOUND
        )
        out.append(
            Tone(
                compound,
                grieving or _DISTRESS_RE.search(plain) is not None,
                legal=legal,
                serious=serious,
                playful=farewell or _PLAY_RE.search(plain) is not None or light_matter or glad,
                grieving=grieving,
                frustrated=_FRUSTRATION_RE.search(plain) is not None,
            )
        )
    return out
