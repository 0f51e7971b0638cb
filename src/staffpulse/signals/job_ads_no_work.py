"""Posts that name no work at all: no job ad, whatever the model reads in their shape.

The guidelines make a job opening a post that advertises openings or invites people to apply
for work, so an ad names the work somehow: a job, a role ("nurse", "barista"), hiring, pay,
shifts, a gig, a call to apply. Every one of the 44 dev job openings does. The job-opening
model, trained on tweets in which job-board bots post a few words, "at" a place and a link,
also scores short posts that name nothing of the kind as ads, because in a post of four or five
words each one weighs a lot: a football fan's weather report from the ground with the club's tag 0.62, a shared
blog post's title "<a field> at <a firm> - <link>" 0.63, a fan-art post naming two characters
with a link 0.56, a film crew's news that it has its location, asking for help to make the film
0.57, an invitation to a conference at a university with its dates 0.62.

:func:`find_posts_naming_no_work` marks a post that holds no word of work
(:data:`WORK_WORDS` and a few more), and ``pattern_bounds`` caps its job-opening score below
the threshold, as for talk about hiring (``job_ads_talk.HIRING_TALK_BOUNDS``). "Apply" counts as work except
where it is not a call to apply for anything: "you must apply it" (put into practice),
"T&Cs apply", or a call for speakers, talks or sponsors ("Seeking talks for our autumn
meetup, apply by Friday <link>", "Apply to be a speaker at our spring meetup <link>": a stage,
not a job). A post a staffing-ad rule or the bare-listing rule reads as an ad
(:mod:`~staffpulse.signals.job_ads`, :mod:`~staffpulse.signals.job_listings`) is left alone:
those rules have named the work themselves ("Line Cook at <a diner> <link>"). Roles a job
board lists that the listing rule does not name count ("Handyman at <a firm> <link>" is a bare
listing the model rightly calls an ad), and so do pay in pounds or euros and words of work in
German, Spanish, French, Italian, Dutch and Portuguese, so an ad in those languages is left to
its rules. A "developer" that names a product, not a person ("developer tools", "the developer
network", "developer docs") is no word of work: a release note "Yay! Better developer tooling
<link>" scored 0.53. Nor is the "opening" of a place or an event ("grand opening", "opening
ceremony", "opening night", "opening hours", "the opening of the new library"): an opening
ceremony "tonight at 8, who is tuning in?" scored 0.77.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.features import LEXICONS
from staffpulse.signals.job_ads import find_staffing_ads
from staffpulse.signals.job_listings import find_job_listings
from staffpulse.signals.job_words import LISTED_ROLES

__all__ = ["WORK_WORDS", "find_posts_naming_no_work", "names_work"]


def _role_names(alternation: str) -> tuple[set[str], set[str]]:
    """The roles of a regex alternation of role nouns, as words ("nurse") and as pairs of words
    ("crew member"; "customer service rep" gives "service rep")."""
    plain = re.sub(r"\(\?:[a-z]+\)\?", "", alternation)  # "rep(?:resentative)?": "rep"
    names = [alt for alt in re.split(r"[|()?:]+", plain) if _PLAIN(alt)]
    return {n for n in names if " " not in n}, {" ".join(n.split()[-2:]) for n in names if " " in n}


_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*").fullmatch
_ROLE_WORDS, _ROLE_PAIRS = _role_names(LISTED_ROLES)
_LEXICON = LEXICONS["@work"].split()  # the model's own words of work: "boss", "retention", ...
_MORE_WORDS = (
    "job jobs hire hires hired hiring career careers role roles position positions post "
    "posts opening openings vacancy vacancies apply applying cv resume resumes shift shifts "
    "salary salaries wage wages pay paid internship internships interview interviews "
    "candidate candidates talent gig gigs opportunity opportunities team crew wanted needed "
    "seeking full-time part-time fulltime parttime temp experience experienced volunteer "
    "volunteers casting audition auditions benefits earn earning earnings paying "
    "apprenticeship apprenticeships traineeship traineeships "
    # roles a job board lists that the listing rule does not name: "Handyman at <a firm> <link>"
    "waiter waitress waitstaff carer caregiver attendant operative steward stewardess "
    "lifeguard locum stylist hairdresser barber beautician therapist babysitter childminder "
    "groomer labourer laborer plumber sparky handyman handymen tradesman tradesmen "
    "tradespeople doorman doormen bouncer "
    # German, Spanish, French, Italian, Dutch, Portuguese
    "gesucht empleo empleos vacante vacantes emploi emplois poste postes suchen sucht suche "
    "mitarbeiter mitarbeiterin kellner aushilfe camarero camarera serveur serveuse cherche "
    "cherchons recherchons lavoro cercasi assumiamo vacature gezocht medewerker vaga vagas"
)
#: Words of work, whole: a job, a role (and its plural), hiring, pay or terms, a call to
#: apply, a word of the model's ``@work`` group, or the same in another European language
WORK_WORDS = frozenset(
    {w for w in _LEXICON if "+" not in w}
    | {w + end for w in {*_ROLE_WORDS, *_MORE_WORDS.split()} for end in ("", "s", "es")}
    | {w[:-1] + "ies" for w in _ROLE_WORDS if w.endswith("y")}  # "nannies"
)
#: Two words of work together: "full time", "laid off", "DM us"
WORK_PAIRS = frozenset(
    {w.replace("+", " ") for w in _LEXICON if "+" in w}
    | _ROLE_PAIRS
    | {"full time", "part time", "per hour", "an hour", "re growing", "are growing"}
    | {f"graduate {plan}" for plan in ("scheme", "schemes", "programme", "program")}
    | {f"{verb} {who}" for verb in ("dm", "message", "inbox") for who in ("me", "us")}
)
#: How a word of work may start ("workers", "staffing", "recruiting", "employer", "Arbeit")
WORK_STARTS = (
    "work", "staff", "recruit", "employ", "applica", "freelance", "contract", "onboard",
    "stelle", "bewerb", "arbeit", "trabaj", "recrut", "busca", "contrat",
)  # fmt: skip
#: What a tag of work holds anywhere ("#NurseJobs", "#nowhiring")
WORK_TAG_PARTS = ("job", "hir", "career", "work", "vacanc", "employ", "recruit", "intern", "staff")
_TOKEN = re.compile(r"#?\w+(?:-\w+)*")
# pay ("$22/hr", "$40k", "£11.80 p/h", "€15/Stunde", "£45ph") and a job title's gender
# marker ("(m/w/d)")
_PAY_OR_MARKER = re.compile(
    r"[$£€]\s?\d|/\s?(?:hr|hour|h|stunde)\b|\d\s?(?:ph|p/h|pw|p/w)\b|\([mwfhd]/[mwfhd]"
)
# "apply" that calls no one to apply: put into practice ("you apply it"), or the small print
# ("T&Cs apply", "conditions apply"); an object or a way to apply makes it a call again
# ("you must apply online", "apply by Friday")
_APPLY_NOT_A_CALL = re.compile(
    r"\b(?:we|you|they|i|one|rules|terms|conditions|restrictions|exclusions|exceptions|fees|"
    r"charges|limits|t&cs?|t&amp;cs?|t\s?&\s?c's)"
    r"\s+(?:(?:must|should|can|could|will|would|may|might|also|still|do not|don't|never)\s+)?"
    r"apply\b(?!\s*(?:for|to|at|now|today|here|online|via|within|by|in person|:|https?://))",
)

# a call for speakers, talks or sponsors asks for a stage or a stand, not work: its "apply" and
# its "seeking" call no one to a job ("Seeking talks for our autumn meetup, apply by Friday
# <link>", which the model reads as an ad)
# ("Apply to be a speaker at our spring meetup <link>", which the model alone scored 0.84)
_CALL_FOR_TALKS = re.compile(
    r"\b(?:looking for|seeking|searching for|call for|calling for|wanted:?|we want|we need|"
    r"need|needs)\s+(?:[\w-]+\s+){0,2}?(?:speakers|talks|papers|proposals|sponsors|exhibitors|"
    r"panelists|panellists|abstracts|submissions)\b"
    r"|\bappl(?:y|ying) (?:to be|as) an? (?:[\w-]+ )?(?:speaker|panelist|panellist|sponsor|"
    r"exhibitor|presenter)\b"
)
_CALL_WORDS = ("speaker", "talks", "papers", "proposals", "sponsor", "exhibitor", "panel",
               "abstracts", "submissions", "presenter")  # fmt: skip
_APPLY_WORDS = re.compile(r"\bappl(?:y|ying|ies|ication|ications)\b")

# "developer" naming what developers use or meet at, not someone to hire ("developer tools",
# "the developer network", "developer docs", "a developer conference")
_DEVELOPER_THING = re.compile(
    r"\bdevelopers?\s+(?:tools?|tooling|network|docs|documentation|preview|edition|"
    r"conference|summit|experience|portal|console|program|programme|kit|guide|blog|"
    r"community|platform|forums?|meetups?)\b"
)

# "opening" of a place or an event, not a job opening: "the grand opening", "opening ceremony",
# "opening night", "opening hours", "the opening of the new library" (an opening ceremony
# "tonight at 8, who is tuning in?" scored 0.77, "Grand opening Saturday at 10am at our Main St
# location" 0.57). The sense word goes with "opening", so a word of work beside it still counts
# ("Grand opening, now hiring cashiers")
_OPENING_NO_JOB = re.compile(
    r"\b(?:grand|soft|official|formal|gala|store|shop|restaurant|gallery|exhibition|museum|"
    r"season|season's|chess)\s+openings?\b"
    r"|\bopening[\s-]+(?:ceremon(?:y|ies)|night|day|weekend|hours|times|act|acts|scene|remarks|"
    r"keynote|reception|bell|game|match|round|party|credits|song|number|line|chapter|"
    r"statement|speech|address|whistle|kick-?off|date|soon|gala|celebration|bash)\b"
    r"|\bthe\s+opening\s+of\s+(?=(?:the|our|a|an|their|its|his|her|my|this|that)\b)"
)


def names_work(text: str) -> bool:
    """Whether ``text`` holds a word of work (see the module docstring)."""
    lowered = text.lower()
    if "developer" in lowered:
        lowered = _DEVELOPER_THING.sub(" ", lowered)
    if "apply" in lowered:
        lowered = _APPLY_NOT_A_CALL.sub(" ", lowered)
    if "opening" in lowered:
        lowered = _OPENING_NO_JOB.sub(" ", lowered)
    if any(word in lowered for word in _CALL_WORDS) and _CALL_FOR_TALKS.search(lowered):
        lowered = _APPLY_WORDS.sub(" ", _CALL_FOR_TALKS.sub(" ", lowered))
    words = _TOKEN.findall(lowered)
    for word in words:
        if word[0] == "#":
            if any(part in word for part in WORK_TAG_PARTS):
                return True
            word = word[1:]
        if word in WORK_WORDS or word.startswith(WORK_STARTS):
            return True
        if "-" in word and any(
            p in WORK_WORDS or p.startswith(WORK_STARTS) for p in word.split("-")
        ):
            return True  # "night-shift", "nurse-led"
    if any(f"{a} {b}" in WORK_PAIRS for a, b in itertools.pairwise(words)):
        return True
    return _PAY_OR_MARKER.search(lowered) is not None


def find_posts_naming_no_work(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it names no work and no ad rule reads it as an ad."""
    out = np.zeros(len(texts), dtype=bool)
    rows = [i for i, text in enumerate(texts) if not names_work(text)]
    if rows:
        some = [texts[i] for i in rows]
        ads = (find_staffing_ads(some) | find_job_listings(some)).tolist()
        out[[i for i, ad in zip(rows, ads, strict=True) if not ad]] = True
    return out
