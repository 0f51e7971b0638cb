"""A bio that says the account places workers with employers is a staffing firm's.

The labeling guidelines define ``staffing_firm`` by what it does: an agency that puts people
to work at the firms it serves. Many agencies never call
themselves one: "Placing top IT talent in Austin since 1998.", "We connect great nurses with
great hospitals across Ohio.", "Contract, temp and direct hire placements in engineering.",
"Executive search for the C-suite." The learned cues look for "staffing" and "agency", and
the role head learned staffing firms from 6 labeled accounts, so with a one-word name such
bios came out other, employer or even recruiter (a person): "Brightway" with the first bio
was other (0.90) and a person (p_org 0.19).

So a bio that describes the service of an agency is read as a staffing firm's: placing or
placements of workers, executive or retained search, a search firm, recruitment specialists,
RPO, contract / temp / direct-hire roles, "we recruit … for companies". An agency's own job
feed says so too ("Placing top IT talent in Austin. See our latest jobs."), and the guidelines
count it as staffing_firm. The phrases a job board or a careers page also uses count only
when no job board's or careers page's words stand next to them ("jobs", "job seekers", "post a
job", "apply", "join our team"): connecting or matching a profession with employers, a
"talent partner", and an agency's slogan of workers for clients ("Nurses for hospitals across
Ohio.", "Finding engineers for Bay Area startups.", "Supplying teachers to schools",
"Putting people to work in Houston"). Never when

* a person speaks or is described (first-person singular, he/she, family, "views my own", a
  title such as "recruiter" or "talent partner at …"): a recruiter who places nurses is a
  recruiter;
* it names a product, media or a community, or serves agencies and recruiters ("The ATS for
  executive search", "A podcast for recruiters in tech", "Helping staffing agencies place
  more candidates"): a vendor's pitch, or other.

Under a person's name ("Jane Smith", ``JaneSmith``: :mod:`staffpulse.signals.role_person_name`)
the same bio is a one-person firm's, a recruiter written in the firm's voice ("We place nurses
across Ohio."): ``p_org`` is lowered to at most :data:`SOLO_RECRUITER_P_ORG` and those role
scores go to recruiter instead, since the guidelines make an individual who recruits a
recruiter. Unless the bio calls the account an organization ("Specialist recruitment
consultancy", "Global talent solutions", "offices across the UK", "since 1976"), or its posts
speak of the firm's own consultants or offices ("Our consultants in Leeds …", "our Boston
office"): a firm named after its founders ("Michael Page", "Robert Walters") says what it is,
where a solo recruiter writing as a firm says what it does and posts a client's jobs. Posts
in one recruiter's own words ("My client is hiring. DM me.", "I'm recruiting nurses") or a
handle that names one ("janesmithrecruiter") make the account a recruiter's whatever its bio
or name: a firm's account says "DM us" and "our client", and a recruiter may well post about
her employer's "our consultants". A contact in the first person alone ("DM me", "I'm working
on it") is also a brand's customer care agent's, so it makes a person only of an account with a
person's name. A
person's name includes those of other countries ("Priya Patel", "Nguyen Thi Mai"; see
:func:`staffpulse.signals.role_person_name.reads_as_a_persons_name`). Otherwise, for such an account ``p_org`` is raised to at least :data:`PLACEMENT_BIO_P_ORG` and every
role score but vendor's goes to staffing_firm: by the guidelines an organization that places
workers is none of job_board, employer or other, and what the head read as a recruiter or an
HR person (roles of people) is, for an organization, the agency. vendor keeps its score, since
recruitment process outsourcing and "talent solutions" can be sold as a service.
This is prior knowledge from the guidelines, like :mod:`staffpulse.signals.role_product_bio`:
it changes no feature, so the model needs no retraining. How often it fires on real accounts,
and what it changes, is in ``docs/models/roles.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.models import ROLES
from staffpulse.signals.role_features import sample_posts
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_person_name import (
    handle_user,
    names_a_recruiter,
    reads_as_a_persons_name,
)
from staffpulse.signals.role_product_bio import names_a_person
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = [
    "PLACEMENT_BIO_P_ORG",
    "SOLO_RECRUITER_P_ORG",
    "apply_placement_bios",
    "describes_placing_workers",
    "find_placement_bios",
    "move_to_staffing",
]

#: The probability of being an organization given to an account whose bio describes placing
#: workers (when the model says less): the lower end of the 95% (Wilson) interval of the share
#: of organizations among the CrowdFlower accounts whose bio does so (docs/models/roles.md).
PLACEMENT_BIO_P_ORG = 0.7
#: The most ``p_org`` left to such a bio under a person's name: the floor above, mirrored (94%
#: of the CrowdFlower accounts with a person-shaped screen name are people).
SOLO_RECRUITER_P_ORG = 1.0 - PLACEMENT_BIO_P_ORG

_STAFFING = ROLES.index("staffing_firm")
_RECRUITER = ROLES.index("recruiter")
# every role but the one an organization that places workers may still play (see above)
_MOVED = [i for i, r in enumerate(ROLES) if r not in ("staffing_firm", "vendor")]
_MOVED_TO_RECRUITER = [i for i, r in enumerate(ROLES) if r not in ("recruiter", "vendor")]

_WORD = r"[\w&'-]+\s+"
_WORKERS = (
    r"(?:talent|candidates|professionals|workers|staff|temps|contractors|nurses|clinicians"
    r"|physicians|engineers|developers|technologists|accountants|executives|leaders|drivers"
    r"|technicians|tradespeople|labou?rers|teachers)"
)
# a word before the workers that does not act on them: "Training developers for companies" is
# a school's pitch, "Nursing staff for hospitals" an agency's
_NOT_A_VERB = (
    r"(?:(?![\w&'-]*ing\s)|(?=(?:nursing|engineering|accounting|manufacturing|marketing|banking"
    r"|catering|trucking|mining)\s))[\w&'-]+\s+"
)
_CLIENTS = (
    r"(?:employers|companies|clients|businesses|organi[sz]ations|firms|hospitals|facilities"
    r"|schools|startups|brands|teams)"
)
_ARRANGEMENT = r"(?:contract|temp|temporary|perm|permanent|direct[- ]hire)"
# what only an agency says of itself: a job board or a careers page does not place, search or
# recruit for clients, so these hold even next to "see our latest jobs" (an agency's own feed)
_PLACES = re.compile(
    rf"\bplac(?:e|es|ed|ing)\s+(?:{_WORD}){{0,5}}?{_WORKERS}\b"
    rf"|\b(?:{_ARRANGEMENT}|interim|locum|executive)\b[\w\s,&/-]{{0,40}}\bplacements?\b"
    r"|\bplacement\s+(?:services?|specialists|firm|consultants|experts)\b"
    r"|\b(?:executive|retained|contingent|contingency)\s+search\b(?!\s+(?:firms|agencies|consultants))"
    r"|\bsearch\s+firm\b|\bhead\s*hunters\b|\bheadhunting\s+(?:firm|company|agency)\b"
    # not "recruiting firm" or "agency": the learned cues read those (role_cues.bio_staffing)
    r"|\brecruit(?:ment|ing)\s+(?:specialists|experts|consultants|consultancy|services)\b"
    r"|\bspeciali[sz](?:e|es|ing|ed|ts)\s+in\s+(?:\w+\s+){0,3}?recruit"
    r"|(?-i:\bRPO\b)|recruitment process outsourcing"
    # two arrangements or more, then what is arranged: "contract, temp and direct hire
    # placements" (not "contract and temp workers' rights", a news or law account's words)
    rf"|\b{_ARRANGEMENT}(?:\s*(?:,|/|&|and|or)\s*(?:and\s+|or\s+)?{_ARRANGEMENT}\b)+"
    r"\s+(?:[\w&'-]+\s+){0,2}?(?:placements?|staffing|recruit\w*|roles|positions|assignments)\b"
    r"|\b(?:temp|contract)[- ]to[- ](?:hire|perm)\b|\btemp(?:orary)?\s+(?:labou?r|help)\s+(?:for|to)\b"
    # a firm of recruiters opens with what they recruit ("Finance and accounting recruiters in
    # Denver"); a person says "recruiter"
    r"|(?:^|[.|!:;]\s*)(?:[\w&'-]+\s+){0,4}?recruiters\s+(?:in|for|across|serving|based)\b"
    rf"|\bwe\s+(?:place|match|supply|find|source|recruit)\s+(?:{_WORD}){{0,4}}?{_WORKERS}\b"
    rf"|\bwe\s+recruit\s+(?:{_WORD}){{0,5}}?for\s+(?:{_WORD}){{0,2}}?{_CLIENTS}\b",
    re.IGNORECASE,
)
# what a job board says too ("Connecting talent with employers", "your hiring partner"): an
# agency's words only where no job board's or careers page's words stand next to them
_CONNECTS = re.compile(
    rf"\bconnect(?:s|ing)?\s+(?:{_WORD}){{0,3}}?{_WORKERS}\s+(?:with|to)\s+(?:{_WORD}){{0,3}}?"
    rf"{_CLIENTS}\b"
    rf"|\b(?:your|our|a|the)\s+(?:{_WORD}){{0,3}}?(?:talent|staffing|recruiting|recruitment)"
    r"\s+partner\b|\bpartner\s+(?:in|for)\s+(?:[\w&'-]+\s+){0,4}?(?:talent|staffing|recruiting"
    r"|recruitment)\b"
    # an agency's slogan names its service, workers for clients, without "staffing" or "we"
    # ("Matching accounting talent with Boston firms", "Finding engineers for startups",
    # "Nurses for hospitals across Ohio."); "with" only after matching, as "Supplying teachers
    # with resources for schools" equips workers rather than placing them
    rf"|\bmatch(?:es|ing)?\s+(?:{_WORD}){{0,3}}?{_WORKERS}\s+(?:with|to)\s+(?:{_WORD}){{0,3}}?"
    rf"{_CLIENTS}\b"
    r"|\b(?:find(?:s|ing)?|supply(?:ing)?|supplies|provid(?:e|es|ing)|sourc(?:e|es|ing))\s+"
    rf"(?:{_WORD}){{0,3}}?(?:{_WORKERS}|people)\s+(?:for|to)\s+(?:{_WORD}){{0,3}}?{_CLIENTS}\b"
    rf"|(?:^|[.|!:;]\s*)(?:{_NOT_A_VERB}){{0,3}}?{_WORKERS}\s+for\s+(?:{_WORD}){{0,3}}?{_CLIENTS}\b"
    r"|\bput(?:s|ting)?\s+(?:people|workers|talent)\s+(?:back\s+)?to\s+work\b"
    # "IT contractors on demand", "Warehouse workers on demand in Dallas" (not "freelancers":
    # a gig marketplace says that)
    rf"|(?:^|[.|!:;]\s*)(?:{_NOT_A_VERB}){{0,3}}?{_WORKERS}\s+on\s+demand\b",
    re.IGNORECASE,
)
_FEED_OR_CAREERS = re.compile(
    r"\bjobs\b|\bjob\s*(?:seekers?|board|site|alerts?|openings?|listings?|postings?|search)"
    r"|\bpost\s+(?:a\s+|your\s+)?jobs?\b|\bapply\b|\bvacanc|\bopenings\b|\blistings\b"
    r"|\bjoin\s+(?:our|the)\s+team\b|\bwe'?re\s+hiring\b|\bnow\s+hiring\b|\bcareers?\s+(?:at|with)\b",
    re.IGNORECASE,
)
# a product, media, or agencies and recruiters as customers: a vendor's pitch ("The ATS for
# executive search", "Helping staffing agencies place more candidates"), left to the heads
_VENDOR = re.compile(
    r"\b(?:software|platform|apps?|(?-i:ATS)|crm|saas|tools?|api|plugin|marketplace)\b"
    # HR media and events (vendor by the guidelines) or a community: they talk about recruiters
    r"|\b(?:community|meetup|network\s+of|association|conference|podcast|newsletter|magazine|news"
    r"|blog)\b"
    r"|\b(?:for|helping|helps|help|serving|serves)\s+(?:[\w&'-]+\s+){0,3}?(?:agencies|recruiters"
    r"|(?:staffing|search|recruitment|recruiting)\s+firms|(?:hr|talent|recruiting)\s+teams)\b",
    re.IGNORECASE,
)
# a recruiter's title ("Talent partner at Acme") or a person's likes ("Dog lover. Astros
# fan."), which a product bio does not meet but a recruiter's does
_PERSON_TRAITS = re.compile(
    r"\b(?:partner|specialist|lead|advisor|sourcer|headhunter)\s+(?:at|@|with)\b"
    r"|\b(?:sourcer|headhunter|owner|lover|fan|enthusiast|junkie|addict|foodie|geek|nerd)\b",
    re.IGNORECASE,
)
# a bio that calls the account an organization: under a founder's name ("Michael Page") it is
# still the firm's, where a solo recruiter's "we" says only what they do ("We place nurses")
_ORGANIZATION = re.compile(
    r"\b(?:consultancy|agency|agencies|firm|company|business|solutions|services|offices"
    r"|branches|worldwide|nationwide|global|international|leading|largest|award[- ]winning"
    r"|established|founded|ltd|inc|llc|plc|gmbh)\b|\b(?:since|est\.?)\s+(?:19|20)\d\d\b"
    r"|\bour\s+(?:consultants|recruiters|team|teams|people|offices)\b",
    re.IGNORECASE,
)
# posts that speak for a firm of several people: "Our consultants in Leeds …", "one of our
# recruiters", "our Manchester office". A solo recruiter posts a client's jobs ("my client",
# "our client's offices in Leeds"), not the firm's own staff or offices
_ORGANIZATION_POSTS = re.compile(
    r"\bour\s+(?!clients?\b|client's\b)(?:[\w&-]+\s+){0,2}?"
    r"(?:consultants|recruiters|offices?|branch(?:es)?)\b"
    r"|\bjoin\s+our\s+(?:\w+\s+){0,2}?(?:recruitment|recruiting|search|consulting)\s+team\b",
    re.IGNORECASE,
)
# posts in which one recruiter speaks of their own work ("My client is hiring a CFO.", "I'm
# recruiting nurses in Leeds", "I have 3 open roles"): an agency's account says "our client", so
# such posts are a person's even when they also speak of the employer's "our consultants"
_RECRUITER_POSTS = re.compile(
    r"\bsend\s+me\s+(?:your\s+)?(?:cv|resume)\b|\bmy\s+(?:clients?|candidates?|desk)\b"
    r"|\bi(?:'?m|\s+am)\s+(?:hiring|recruiting|looking\s+for(?!\s+your\b)|partnering)\b"
    r"|\bi(?:\s+have|'ve)(?:\s+got)?\s+(?:a|an|two|three|\d+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:roles?|openings?|positions?|vacanc\w*|jobs?|reqs?)\b|\bi\s+(?:just\s+)?placed\b",
    re.IGNORECASE,
)
# a contact in the first person: a solo recruiter's ("Dev role in Austin, DM me") but also a
# brand's customer care agent's ("Sorry about your timesheet! DM me your details. ^KL"), so it
# makes a person only of an account that already has a person's name
_CONTACT_POSTS = re.compile(
    r"\b(?:dm|message|email|e-mail|call|text|ping|inbox|contact)\s+me\b|\breach\s+out\s+to\s+me\b"
    r"|\bsend\s+me\s+(?:your\s+)?details\b|\bi(?:'?m|\s+am)\s+working\s+on\b",
    re.IGNORECASE,
)
_RETWEET = re.compile(r"\s*RT\s+@", re.IGNORECASE)
# a substring every phrase above needs, tested first: most bios have none (keeps the rule cheap)
_STEMS = (
    "plac",
    "connect",
    "search",
    "hunt",
    "recruit",
    "rpo",
    "temp",
    "contract",
    "perm",
    "hire",
    "partner",
    "labo",
    "help",
    "find",
    "match",
    "suppl",
    "provid",
    "sourc",
    "to work",
    "on demand",
)
# "Nurses for hospitals …" has none of those stems; " for " is in one bio in ten, so its
# workers are looked for before the whole rule runs
_WORKERS_FOR = re.compile(rf"\b{_WORKERS}\s+for\b", re.IGNORECASE)


def describes_placing_workers(bio: str) -> bool:
    """The bio describes an agency placing workers, and no person or vendor speaks in it."""
    text = to_ascii(bio or "")
    lowered = text.lower()
    if not any(stem in lowered for stem in _STEMS) and (
        " for " not in lowered or _WORKERS_FOR.search(lowered) is None
    ):
        return False
    if _PLACES.search(text) is None and (
        _CONNECTS.search(text) is None or _FEED_OR_CAREERS.search(text) is not None
    ):
        return False
    if _VENDOR.search(text) is not None:
        return False
    return not names_a_person(text) and _PERSON_TRAITS.search(text) is None


def find_placement_bios(bios: Sequence[str | None]) -> npt.NDArray[np.bool_]:
    """For each bio, whether it describes placing workers (:func:`describes_placing_workers`)."""
    return np.fromiter(
        (describes_placing_workers(b or "") for b in bios), dtype=bool, count=len(bios)
    )


def move_to_staffing(scores: np.ndarray) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` with every role but vendor's added to staffing_firm."""
    return _move_to(scores, _STAFFING, _MOVED)


def _move_to(scores: np.ndarray, target: int, moved: list[int]) -> np.ndarray:
    out = np.array(scores, dtype=np.float64, copy=True)
    out[:, target] += out[:, moved].sum(axis=1)
    out[:, moved] = 0.0
    return out


def speaks_for_a_firm(bio: str, posts: TextInput = None) -> bool:
    """The bio calls the account an organization ("Specialist recruitment consultancy", "since
    1976"), or its posts speak of the firm's own consultants or offices."""
    if _ORGANIZATION.search(bio) is not None:
        return True
    text, _ = sample_posts(posts)
    return bool(text) and _ORGANIZATION_POSTS.search(to_ascii(text)) is not None


def speaks_as_a_person(
    posts: TextInput = None, pattern: re.Pattern[str] = _RECRUITER_POSTS
) -> bool:
    """The posts are one recruiter's own words of their work ("my client", "I'm hiring"), or
    with ``pattern`` :data:`_CONTACT_POSTS`, a contact in the first person ("DM me")."""
    text, _ = sample_posts(posts)
    # an agency retweets its consultants ("RT @janesmith: My client is hiring. DM me."): their
    # words, not the account's
    own = [line for line in text.split("\n") if not _RETWEET.match(line)]
    return any(pattern.search(to_ascii(line)) is not None for line in own)


def _names_a_person(name: str, bio: str, posts: TextInput) -> bool:
    """The screen name is one recruiter's, or a person's and nothing says a firm speaks (or
    the posts say "DM me" over a bio that calls the account a firm's)."""
    split = split_name(name)
    return names_a_recruiter(split) or (
        reads_as_a_persons_name(split, handle_user(name))
        and (speaks_as_a_person(posts, _CONTACT_POSTS) or not speaks_for_a_firm(bio, posts))
    )


def apply_placement_bios(
    names: Sequence[str | None],
    bios: Sequence[str | None],
    p_org: np.ndarray,
    scores: np.ndarray,
    posts: Sequence[TextInput] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` and role scores after the rule: a placement bio is a staffing firm's, or under
    a person's name a recruiter's unless the bio or the posts speak for a firm (module
    docstring). The inputs are not changed."""
    placing = find_placement_bios(bios)
    if not placing.any():
        return p_org, scores
    solo = np.zeros_like(placing)
    # only the few placement bios are read for a person's name, not every account's
    for i in np.flatnonzero(placing).tolist():
        own = None if posts is None else posts[i]
        solo[i] = speaks_as_a_person(own) or _names_a_person(names[i] or "", bios[i] or "", own)
    firm = placing & ~solo
    p_org = np.where(firm, np.maximum(p_org, PLACEMENT_BIO_P_ORG), p_org)
    p_org = np.where(solo, np.minimum(p_org, SOLO_RECRUITER_P_ORG), p_org)
    scores = np.array(scores, dtype=np.float64, copy=True)
    scores[firm] = move_to_staffing(scores[firm])
    scores[solo] = _move_to(scores[solo], _RECRUITER, _MOVED_TO_RECRUITER)
    return p_org, scores
