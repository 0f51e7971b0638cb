"""What a staffing firm is never offered as a conversation to join.

Four kinds of post are left out of the inbox (and counted in its "left out" note), whatever
their score: a firm that joins them risks its name for nothing.

* **hostile**: an insult or a slur aimed at someone ("idiots", "scumbag", "shut up", "has
  #noclass"), a string of vilifying words ("despicable, corrupt ... evil"), or a put-down of a
  group people are protected as in hiring ("Women shouldn't be hired as engineers", "immigrants
  are stealing our jobs", "never hire anyone over 50"), or a person's work status thrown at them
  ("everyone knows you're jobless and on benefits"; :mod:`staffpulse.listen.put_downs`), or harm
  done to a person laughed off as banter (:mod:`staffpulse.listen.violence`): a firm that
  answers one, even to argue, puts its name next to it;
* **partisan**: party politics that is not about a work matter ("Everything went wrong the day
  the Republicans took the House"): a party, a partisan label, a party leader or a cause that
  splits voters along party lines ("#Brexit", "#PeoplesVote"), in a post that names work only in
  passing if at all (:func:`~staffpulse.listen.work_terms.dwells_on_work`: "the failures of
  #Brexit ... an interesting job title" is about Brexit, not about job titles). A post on a work
  matter that names a party ("the GOP's overtime rule", "Brexit made it harder to hire nurses")
  stays, flagged ``politics``, and gets a neutral angle; so does a government's cuts to benefits
  or tax credits ("ministers are cutting child benefit while shop wages stay flat": a dispute
  between voters and a government, not pay talk), partisan where work is named only in passing;
* **nsfw**: sexual content ("#kpopnsfw", "nudes", "porn") and innuendo ("strip club",
  "sex with the boss", "casting couch"); "sexual harassment" and "sex discrimination" are HR
  matters a firm may join, and stay; and a crude joke, a post the humor signal reads as funny
  (:data:`~staffpulse.listen.jokes.FUNNY`) with a crude word in it ("dick", "boner",
  "hooker"): its punch line is the innuendo, whatever work it names;
* **hashtag_game**: an entry to a TV show's hashtag game ("#WorstJobIn4Words ... @midnight"),
  a joke written for the show (:mod:`staffpulse.listen.hashtag_games`);
* **joke**: a written joke about work, in a joke's set form ("Interviewer: ... Me: ...", "What's
  the difference between X and Y? ..."), or a looser form the humor signal reads as funny
  (:mod:`staffpulse.listen.jokes`): a firm that answers its question or consoles its teller
  misreads it in public. A joke that names a group people are protected as is **hostile**.

Profanity alone is not an insult: "this fucking commute" is still a conversation about work.

The lexicons are compact and curated for this use (English, whole words, case-insensitive);
``scripts/eval_moderation.py`` measures how many labelled work posts they would leave out.

A post that may tell of a **crisis** (a wish to die or to self-harm, death not feared:
:func:`~staffpulse.listen.tone.signals_crisis`) is left out too, whatever work it names: no
firm's reply belongs under it; someone who knows the writer may reach out privately.

A fifth kind, a **greeting** ("Happy Thanksgiving from all of us at Apex Logistics Staffing"),
is left out too: a seasonal greeting that asks nothing and names no work matter beyond the
sender's firm name and whom it thanks or wishes well ("Grateful for our candidates, clients,
and team") is a firm's broadcast, not a conversation; "Happy Friday! What's the best
interview question you ask?" and "Happy Monday: we laid off 30 people today" stay.

The tone of a post, which decides the angle, is read by :mod:`staffpulse.listen.tone`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from staffpulse.listen.both_sides import names_both_sides_on_work
from staffpulse.listen.group_jokes import mocks_a_group
from staffpulse.listen.hashtag_games import is_hashtag_game_entry
from staffpulse.listen.jokes import FUNNY, is_written_joke
from staffpulse.listen.partisan import read_politics
from staffpulse.listen.put_downs import puts_down
from staffpulse.listen.questions import is_question
from staffpulse.listen.swearing import names_person_or_thing
from staffpulse.listen.swearing import swears as swears_at_all
from staffpulse.listen.tone import signals_crisis
from staffpulse.listen.violence import jokes_about_violence
from staffpulse.listen.work_terms import dwells_on_work, names_work_matter, plain_text

# One hit is enough: insults and slurs aimed at people.
_INSULTS = (
    r"idiots?|idiotic|imbeciles?|morons?|moronic|cretins?|dumbass(es)?|jackass(es)?|"
    r"ass-?holes?|arse-?holes?|bastards?|bitch(es)?|cunts?|pricks?|dick-?heads?|wankers?|twats?|"
    # a contest's loser is its result, not a name called ("the biggest loser of the league")
    r"scumbags?|scum|low-?lifes?|losers?(?!\s+of\s+(?:the|this|that|a|an|each|every|last)\b)"
    # ... and of our own contest ("biggest loser of our office step challenge"; not "the
    # biggest loser of our whole site", a name called)
    r"(?!\s+of\s+(?:our|their|its)\s+(?:[\w'-]+\s+){0,3}(?:challenge|contest|competition|bet|"
    r"quiz|league|game|match|tournament|sweepstakes?|sweep|pool|draw|raffle|race|bake-?off)s?\b)|"
    r"pathetic|vermin|degenerates?|traitors?|clowns?|"
    # people called lazy asses, not the writer's own ("my lazy ass finally applied") nor a day
    r"lazy[- ]?asses|(?<!my )(?<!our )(?<!% )lazy[- ]?ass(?! (day|morning|night|weekend|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day)\b)|"
    r"shit-?heads?|douche-?bags?|piece of (shit|crap|garbage)|garbage (people|human)|"
    r"trash (people|human)|shut up|stfu|screw you|f+u+c+k+ (you|off|them|him|her)|"
    # people called garbage ("our coaches are total garbage", "you're trash"), not a thing
    # ("the canteen food is absolute garbage")
    r"(?:you|u|he|she|they|(?:prof|professor|teacher|tutor|lecturer|instructor|coach|manager|"
    r"coworker|co-worker|colleague|recruiter|employee|worker|supervisor|interviewer|candidate|"
    r"applicant|hire|temp|customer|people)s?|boss(?:es)?|staff)"
    r"(?:\s+(?:that|who))?(?:\s+(?:are|is|r|were|was|aren'?t|arent|isn'?t|isnt)|['\u2019]re)"
    # ... but not a skill judged ("candidates are rubbish at negotiating")
    r"\s+(?:(?:absolute|complete|total|utter|such)\s+)?(?:garbage|trash|rubbish)"
    # ... a skill judged ("rubbish at negotiating") or a trade ("garbage collectors", "trash men")
    r"(?!\s+(?:at|collect\w*|m[ae]n|trucks?|disposal|bags?|cans?|bins?|day|pick-?ups?|removal|"
    r"workers?|crews?|routes?|services?|duty)\b)|"
    # a person called a "POS" (a piece of shit), not a till ("the POS system crashed") nor its
    # staff ("Hiring a POS manager", "our POS guy fixed the terminal", "POS customer support")
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bour )(?<!\byour )(?<!\btheir )"
    r"(?-i:POS)(?=\s+(?:(?:male|female|old|new)\s+)?(?:coworker|co-worker|colleague|boss|"
    r"manager|supervisor|person|guy|man|woman|dude|human)s?\b)|"
    # ... or ending its phrase: "what a POS, stole my tips", not "a POS trainer", "a POS admin"
    r"(?:you|ur|what a|such a|is a|was a|['\u2019]s a|total|absolute|complete) (?-i:POS)"
    r"(?!\s+(?!(?:and|but|lol|lmao|smh|tbh|honestly|who|that|i)\b)\w)|"
    r"go to hell|hate you|kill yourself|kys|"
    # people called "Karens" (a name in the singular: "Karen from payroll"; counted, colleagues
    # who share it: "both Karens in accounts", "two Karens on nights")
    r"(?<!both )(?<!two )(?<!three )(?<!\d )karens|"
    # class denied to someone ("has #noclass", "you have no class, no manners"), not a
    # student's timetable ("I have no class today", "has no class at 9", "has no class at all
    # this week"), while "has no class at all" ending its clause is the insult said louder
    r"(?<=#)no_?class|(?<!\bi )(?<!\bwe )(?:has|have|got) (?:no|zero) class(?!\s+(?:at all\s+)?"
    r"(?:today|tomorrow|tonight|on|this|next|until|till|at(?! all\b)|in|for)\b)|"
    r"no class,?\s*(?:and\s+)?no (?:respect|manners|dignity|morals|decency|shame)|"
    # slurs
    # (and the n-word starred: "n***a", "n*ggas")
    r"retard(s|ed)?|libtards?|n+i+g+g+(a|er|ah|az)s?|n[i1]?(?:\*{2,}g*|\*+g+)(a|er|ah|az)s?(?!\w)|"
    r"fag(got)?s?|kikes?|chinks?|spics?|"
    r"wetbacks?|trann(y|ies)"
)
_INSULT_RE = re.compile(rf"\b({_INSULTS})\b", re.IGNORECASE)
# Two or more of these in one post vilify someone ("despicable, corrupt ... evil").
_VILIFYING_RE = re.compile(
    r"\b(vicious|vindictive|evil|disgusting|despicable|vile|corrupt|hateful|treasonous|"
    r"deranged|spineless|cowards?|cowardly|liars?|crooks?|thugs?|small people|nasty|"
    r"disgrace(ful)?|shameless|lunatics?|psychopaths?|sociopaths?|classless(?! societ))\b",
    re.IGNORECASE,
)
# Trades whose workers are "hands": their "hand jobs" are jobs (crude_names reads them too)
TRADE_HANDS = ("farm", "deck", "ranch", "stage", "field", "dock", "hired", "stable", "ship's")
# Sex acts, sex work's words and innuendo ("strip club", "vibrator", "sex with the boss", a
# scare-quoted "art film"), not the HR matters with "sex" in them ("sexual harassment", "sex
# discrimination"), nor a tool ("paint stripper", "concrete vibrator": a construction job)
_NSFW_RE = re.compile(
    r"nsfw|\b(porn\w*|nudes?|nudity|onlyfans|sex ?tapes?|sexting|horny|(blow|rim)[- ]?jobs?|"
    # not the jobs of a farm's or a ship's hands ("deck hand jobs open in Aberdeen")
    + "".join(f"(?<!{trade} )" for trade in TRADE_HANDS)
    + r"hand[- ]?jobs?|"
    r"bukkake|fluffers?|boobs|tits|titties|milfs?|hentai|cum(shot)?s?|dick pics?|camgirls?|18\+|"
    r"strip ?clubs?|strip ?tease\w*|"
    # a trade's tools: "wire strippers" (an electrician's), a floor stripper, a plate vibrator
    r"(?<!paint )(?<!wallpaper )(?<!wire )(?<!wire-)(?<!floor )(?<!cable )strippers?|"
    r"(?<!concrete )(?<!plate )(?<!poker )vibrators?|"
    r"dildos?|penis(es)?|vaginas?|pussy|sluts?|casting couch|erotic\w*|masturbat\w*|orgasm\w*|"
    r"orgy|orgies|threesomes?|deep ?throat\w*|sex toys?|oral sex|sex with|"
    # not "do you have sex discrimination training?", "has sex-based pay gaps", "had sex ed"
    r"(have|has|had|having) sex(?![- ](discriminat|based|equality|bias|ed\b|education|pay))|"
    r"(sleep|sleeps|sleeping|slept) with (my|the|his|her|our|your) (boss|manager|supervisor)|"
    r"adult (films?|movies?|entertainment)|"
    # a sexual offer, spam's "hot singles in your area": not a swear word's other uses ("want to
    # fuck off home", "wants to fuck us over", "ready to fuck this job")
    r"(?:hot|sexy|horny|naughty|lonely) (?:singles|milfs|wives|housewives)|"
    r"(?:horny|naughty|sexy) (?:girls|women|moms|ladies|teens)|fuck ?buddy|fuck ?buddies|"
    r"casual sex|no strings (?:attached )?(?:fun|sex)|hook ?ups? tonight|"
    r"(?:want|wants|wanna|looking|dying|ready|waiting|desperate) (?:to )?fuck"
    r"(?!\s+(?:off|up|around|with|it|this|that|shit|everything|over|the|us|me over|them over|"
    r"him over|her over|you over|yourself)\b))(?!\w)|"
    r"[\"\u201c']art films?[\"\u201d']",
    re.IGNORECASE,
)
# Crude words a joke turns on (a name that is a body part): only in a post the humor signal reads as
# funny, where a name or a body part is the innuendo ("Dick Smith retires" is news)
# (not a word of work talk: balls juggled or dropped, a machine's knobs, "naked without her label
# gun", an agency that "screwed me on holiday pay")
_CRUDE_RE = re.compile(
    r"\b(dicks?|cocks?|(my|his|your|their|blue) balls|balls deep|boners?|peckers?|wieners?|"
    r"schlongs?|testicles?|genitals?|butt ?holes?|booty calls?|hookers?|prostitutes?|whores?|"
    r"sexy|condoms?|viagra|virginity|erections?|(get|got|getting) laid(?! off)|"
    r"screw(ed|ing)? (her|him)(?! over| out))\b",
    re.IGNORECASE,
)
# A government's policy ("the government is cutting tax credits", "austerity") and a swear word
# beside it: a rant on politics, partisan whatever work it names ("tax credits cut before the
# minimum wage rises, not f***ing years later"); without a swear word it stays, on its work
# The government as an employer or a place ("I work for the government and the pay is shit", "a
# government job", "the nursing congress") is no policy
_GOVERNMENT_POLICY_RE = re.compile(
    r"\b((the |this |our )?(government|govt|gov['\u2019]?t)(['\u2019]s)? (is |are |has |have |"
    r"will |just |wants to |plans to )?(cut|cuts|cutting|scrap\w*|slash\w*|freez\w*|rais\w*|"
    r"hik\w*|ban\w*|promis\w*|plan|plans|policy|policies|budget|lie\w*|lied)|tax credits?|"
    r"austerity|the chancellor|parliament|congress (passed|voted|cut|blocked)|the senate|"
    r"the white house|downing street)\b",
    re.IGNORECASE,
)
# A government's cuts to benefits or austerity, a dispute between voters and a government
# ("ministers are cutting child benefit", "benefit cuts hit shift workers"): politics, flagged
# so (and partisan where work is named only in passing); not pay talk ("a minimum-wage role",
# "a living wage employer"), a government's work rules reported ("the government raised the
# minimum wage"), a firm's own benefits cut or frozen ("our benefits freeze", "pension cuts at
# my company") nor the government as an employer cutting hours ("the government cut my hours at
# the DMV")
_CUTS_POLICY_RE = re.compile(
    # (not a firm's own belt-tightening, "austerity in our team budget", nor a lab's "snap freeze")
    r"\b((?<!our )(?<!company )austerity(?! (?:in|at) (?:our|my|the) (?:team|company|office|"
    r"firm|department|budget|shop|store|site)\b)|"
    r"(?<!our )(?<!my )(?<!company )(?<!employer )(?<!staff )(?<!work )"
    r"(benefits?|welfare|universal credit|social security|medicaid|food stamps?|(?-i:SNAP)|"
    r"pensions?) "
    # an employer's own ("... for our contractors", "... for temps at our agency"), and a claim
    # asked about ("Is universal credit cut if I pick up extra shifts?") are no government's
    r"(cuts|cut(?! (?:if|when)\b)|freeze|sanctions?)(?! at (?:my|our|work|the (?:company|firm|office))"
    r"| for (?:our |the |all )?(?:temps|contractors|staff|employees|team)\b)|"
    r"(the |this |our )?(government|govt|gov['\u2019]?t|ministers?|chancellor)(['\u2019]s)? "
    r"(is |are |has |have |will |just |wants to |want to |plans to |plan to |is trying to "
    r"|are trying to )?(cut|cuts|cutting|scrap\w*|slash\w*|freez\w*)"
    r"(?! (?:my|our|their) (?:hours|shifts|rota)| (?:the |a )?ribbons?\b))\b",
    re.IGNORECASE,
)
# ... and tax credits, a benefit in the UK, when a cut, a vote or a government is beside them
# ("tax credit cuts", "the Lords voted to delay tax credits"), not a credit named alone: one a
# business earns for hiring veterans, R&D tax credits, a tax credit refund, payroll's deadline
_TAX_CREDITS_RE = re.compile(r"\btax credits?\b", re.IGNORECASE)
_POLICY_NEAR_RE = re.compile(
    r"\b(?:cuts?|cutting|loss|lose|losing|scrap\w*|slash\w*|ax(?:e|ed|ing)|delay\w*|defeat\w*|"
    r"vot\w*|bill|lords|peers|debate|government|govt|ministers?|chancellor|tor(?:y|ies)|labour|"
    r"parliament|mps|politics|lied|election)\b",
    re.IGNORECASE,
)


def _names_cuts(plain: str) -> bool:
    """A government's cuts to benefits, or tax credits beside a cut, a vote or a government
    (within 60 characters either side): politics."""
    if _CUTS_POLICY_RE.search(plain):
        return True
    return any(
        _POLICY_NEAR_RE.search(plain, max(0, found.start() - 60), found.end() + 60)
        for found in _TAX_CREDITS_RE.finditer(plain)
    )


# an economic system blamed ("capitalism is failing us"): politics, with its caution, as a
# government's cuts are; never partisan for it alone (not left out: no party's side is taken)
_ECONOMIC_SYSTEM_RE = re.compile(
    r"\b(?:capitalism|socialism|communism|neoliberalism|trickle[- ]down economics)\b", re.I
)
# strong words (:mod:`staffpulse.listen.swearing`, the audit's list too) earn a post the
# caution "strong language"; a crude one ("pissed") or a milder one ("crap", like "damn" and
# "hell", which are not here) only makes a rant of a post on politics
_MILD_SWEARING_RE = re.compile(r"\bcrap(py)?\b", re.IGNORECASE)
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
# The reasons a conversation is left out, in the order they are told (one each).
LEAVE_OUT = (
    "crisis",
    "nsfw",
    "hostile",
    "partisan",
    "hashtag_game",
    "joke",
    "spam",
    "job_ad",
    "greeting",
)
LEAVE_OUT_NAMES: dict[str, tuple[str, str]] = {
    "crisis": ("post that may tell of a crisis", "posts that may tell of a crisis"),
    "nsfw": ("NSFW post", "NSFW posts"),
    "hostile": ("hostile post", "hostile posts"),
    "partisan": ("partisan politics post", "partisan politics posts"),
    "hashtag_game": ("joke for a TV hashtag game", "jokes for a TV hashtag game"),
    "joke": ("joke", "jokes"),
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
    # names a party, a leader or a government's cuts (on a work matter when not partisan)
    politics: bool
    greeting: bool = False  # a seasonal greeting that asks and names nothing else: left out
    hashtag_game: bool = False  # an entry to a TV show's hashtag game: left out
    crisis: bool = False  # a wish to die or to self-harm (tone.signals_crisis): left out
    joke: bool = False  # a written joke (jokes.is_written_joke): left out


def moderate(text: str, humor: float | None = None) -> Moderation:
    """What the lexicons say of ``text``; ``humor`` (the humor signal's p, None: unknown)
    lets a joke with no set form be told as one (:mod:`staffpulse.listen.jokes`)."""
    plain = plain_text(text)
    filed, politics = read_politics(plain)
    politics = politics or _names_cuts(plain)
    return Moderation(
        hostile=_is_hostile_to(plain, humor),
        nsfw=_is_nsfw(plain) or _is_crude_joke(plain, humor),
        # a lone "job" or "employees" in a post on a party or its cause is said in passing
        # ... but a post tagged "#cdnpoli" or addressed to a politician is politics, whatever
        # it says of work
        # ... and two parties named together on work report where both stand ("Republicans
        # and Democrats agree the trades need more workers"): no side taken
        partisan=filed
        or (politics and not dwells_on_work(plain) and not names_both_sides_on_work(plain))
        or _rants_on_politics(plain, politics),
        politics=politics or _ECONOMIC_SYSTEM_RE.search(plain) is not None,
        greeting=is_greeting(plain),
        hashtag_game=is_hashtag_game_entry(plain),
        crisis=signals_crisis(plain),
        joke=is_written_joke(plain, humor),
    )


def crosses_a_line(text: str) -> bool:
    """``moderate(text)`` says hostile, nsfw or politics (a party named, on work or not): the
    audit's rule for a post that earns no Voice and is never offered to imitate. The same
    tests as :func:`moderate`'s (one function each, so a rule added to one is in both), the
    cheapest first, and none of the rest (a joke, a crisis, a greeting, a hashtag game, a post
    that dwells on work, a government's cuts: a firm may report the rules it works under): an
    audit asks this of every post that sounds human."""
    plain = plain_text(text)
    return _is_nsfw(plain) or read_politics(plain)[1] or _is_hostile_to(plain, None)


def _is_nsfw(plain: str) -> bool:
    return _NSFW_RE.search(plain) is not None


def names_sex(text: str) -> bool:
    """The nsfw lexicon alone, no humour read: for a handle's words (:mod:`.crude_names`)."""
    return _is_nsfw(plain_text(text))


def _rants_on_politics(plain: str, politics: bool) -> bool:
    """Politics (``politics``: :func:`read_politics` said so, read once) or a government's
    policy with a swear word beside it: a rant, partisan."""
    if _MILD_SWEARING_RE.search(plain) is None and not swears_at_all(plain):
        return False
    return politics or _GOVERNMENT_POLICY_RE.search(plain) is not None


def _is_crude_joke(plain: str, humor: float | None) -> bool:
    """A crude word in a post the humor signal reads as funny: a dirty joke, not work talk."""
    return (
        humor is not None
        and humor >= FUNNY
        # a name is no innuendo: "Dick Turner from our warehouse hit 25 years" is news
        and any(not names_person_or_thing(plain, m.start()) for m in _CRUDE_RE.finditer(plain))
    )


def _is_hostile_to(plain: str, humor: float | None) -> bool:
    """Hostile as moderation reads it: an insult, a put-down, a group mocked, harm laughed off
    (the humor signal's ``humor`` lets a looser joke be told as one)."""
    return _is_hostile(plain) or mocks_a_group(plain, humor) or jokes_about_violence(plain, humor)


def is_greeting(text: str) -> bool:
    """A seasonal greeting that asks nothing and names no work matter beyond the sender's
    firm name and whom it thanks or wishes well ("Happy Thanksgiving from all of us at Apex
    Logistics Staffing! Grateful for our candidates, clients, and team.")."""
    plain = plain_text(text)
    if _GREETING_RE.search(plain) is None or is_question(plain):
        return False
    return not names_work_matter(_THANKS_RE.sub(" ", _FIRM_NAME_RE.sub(" ", plain)))


def looks_hostile(text: str) -> bool:
    """An insult or slur aimed at someone, several vilifying words, or a put-down of a group."""
    # only the hostility: the rank asks this of every reply, where politics, NSFW, a greeting or
    # a hashtag game would be read for nothing
    return _is_hostile(plain_text(text))


def _is_hostile(plain: str) -> bool:
    return (
        _INSULT_RE.search(plain) is not None
        or len(_VILIFYING_RE.findall(plain)) >= 2
        or puts_down(plain)
    )
