"""Whether a display name reads as a person ("Maya Okafor", "Rosa at Acme") or a firm.

People talk to people, so Face rewards a display name that names one. A name reads as a
firm when it holds a **firm cue**, in any of the languages staffing firms post in:

- a word that names a company (staffing or other), whole ("Staffing", "Zeitarbeit",
  "Recrutement", "Empleo", "Uitzendbureau") or as part of a compound ("Personalwerk", "Toppersonal");
- a legal form ("GmbH", "AG", "e.V.", "SARL", "S.L.", "B.V.", "Ltd", "Inc");
- a place ("Personalwerk Berlin", "Adecco Madrid"): few people carry a city's name. Places
  that are also common first names or surnames (Paris, Austin, Houston, Charlotte, Georgia…)
  are left out, so "Whitney Houston" stays a person;
- a web address ("acme.de"): a person's name has none.

Digits are no cue of their own: "R3d Gh0st 2.0" or "jsmith1987" reads like a handle or a
nickname, which may be anyone's, and "Lena Pemberton2019" is still a person; the words around
the digits still count ("Jobs24" holds "Jobs").

A person's own words beat a cue: a first name (of the shipped name lists) then a job title
("Rosa 🌵 Recruiter", "Sam Tech Sourcer") is a person, as is a first name beside a place
("Ohio Megan") and a first name and surname in capitals ("DANA WHITFIELD"; other names in
capitals read as a brand).

Without a cue, two to four capitalised words (name particles such as "de", "van", "von"
allowed) read as a person: "Jean-Luc Martin", "Ana Lucía Pérez", "Maya de la Cruz". A person
with the firm ("Rosa at Personalwerk Berlin", "Maya Okafor | Brightside Talent") reads as a
person as long as the part before "at", "@", "|", "," or " - " has no cue of its own, and the
part after it may name a firm: after "at" or "@" anything does, after a comma, a bar or a dash
only words with a capital or a firm cue ("Nora💙 ,booked out" is a first name and a
status, judged as the first name alone).

A hashtag is no part of a person's name: "Dana #Remain" is one word and a hashtag, a first
name at most ("Dana Lund #Remain" is still a person's name).

Words are compared without accents and case ("Intérim" is "interim"), except the short
legal forms, which only count in their usual spelling ("AG", not "Ag"). A Mastodon custom
emoji (":verified:", ":blobcat:") is a picture on the profile, read as an emoji is: "Tomas
Reyes :verified:" is a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from staffpulse.accents import strip_accents
from staffpulse.audit.hashtags import HASHTAG_RE
from staffpulse.audit.org_words import (
    DESK_NAME_WORDS,
    HELP_DESK_WORDS,
    INSTITUTION_WORDS,
    any_of,
)
from staffpulse.audit.org_words import words as _words
from staffpulse.custom_emoji import without_custom_emoji
from staffpulse.signals.role_person_name import is_a_persons_name, name_shape
from staffpulse.signals.role_text import split_name

_FIRM_WORDS = [
    *_words(
        # English
        "staffing staff solution solutions group inc llc ltd gmbh corp corporation company co job "
        "jobs career careers talent workforce services agency partners temp temps hiring official "
        "consulting resources hr network news wire global international associates personnel hire "
        "employment search lab labs software systems tech academy institute capital "
        # German
        "personal personaldienstleistung personaldienstleistungen personalvermittlung "
        "personalservice personalberatung zeitarbeit arbeitnehmeruberlassung stellen "
        "stellenangebote karriere gruppe beratung dienstleistungen vermittlung arbeit unternehmen "
        "holding "
        # French
        "recrutement interim emploi emplois travail conseil groupe agence cabinet "
        "societe entreprise carrieres "
        # Spanish and Portuguese
        "empleo empleos trabajo seleccion reclutamiento talento grupo servicios agencia "
        "consultores consultoria empresa ett emprego empregos recrutamento "
        "trabalho "
        # Dutch
        "uitzendbureau uitzenden werving selectie vacatures vacature detachering personeel groep "
        "bureau "
        # Italian
        "lavoro selezione gruppo agenzia somministrazione"
    ),
    # institutions and help desks: "Harbor City Library", "Acme Support Team", "Ledgerly
    # Support" read as a person's name
    *INSTITUTION_WORDS,
    *HELP_DESK_WORDS,
    *DESK_NAME_WORDS,
]
_FIRM_PHRASES = (
    "help desk",
    "service desk",
    "news desk",
    "human resources",
    "recursos humanos",
    "risorse umane",
    "travail temporaire",
)
# stems that make a compound a firm word in languages that glue words ("Personalwerk")
_FIRM_PREFIXES = "personal personnel personeel zeitarbeit recruit recrut reclut staffing uitzend"
_FIRM_SUFFIXES = (
    "personal vermittlung dienst dienstleistung dienstleistungen service services consult "
    "consulting gruppe zeitarbeit staffing recruiting jobs"
)
# legal forms, compared without dots ("e.V." is "eV", "S.L." is "SL") and in their usual case
_LEGAL_FORMS = frozenset(
    _words(
        "GmbH gGmbH mbH AG KG KGaA OHG UG eV eG SE SA SAS SARL Sarl SAU SL SLU BV NV VOF Ltd "
        "LTD Limited PLC plc LLC LLP Inc INC Corp Pty AB AS ASA Oy Oyj SpA Srl SRL Lda Ltda"
    )
)
# cities and regions of the main staffing markets, leaving out those that are also common
# first names or surnames (Paris, London, Austin, Houston, Dallas, Denver, Phoenix, Charlotte,
# Orlando, Columbus, Cleveland, Raleigh, Boston, Milano, France, Georgia, Carolina, Virginia…)
_PLACES = _words(
    "berlin hamburg munchen munich koln cologne frankfurt stuttgart dusseldorf leipzig dortmund "
    "bremen dresden hannover nurnberg wien vienna graz zurich geneve genf basel lyon "
    "marseille toulouse lille bordeaux nantes strasbourg madrid barcelona sevilla bilbao malaga "
    "zaragoza amsterdam rotterdam utrecht eindhoven brussel bruxelles brussels antwerpen torino "
    "manchester birmingham leeds glasgow edinburgh dublin chicago atlanta seattle "
    "tacoma miami tampa memphis nashville cincinnati detroit philadelphia pittsburgh "
    "baltimore minneapolis milwaukee sacramento portland indianapolis louisville omaha tulsa "
    "albuquerque tucson fresno jacksonville chattanooga knoxville toronto montreal vancouver "
    "calgary ottawa deutschland germany espana spain nederland schweiz suisse osterreich "
    # Poland, Czechia, Hungary, the Nordics and Portugal: staffing markets too
    "warszawa warsaw krakow wroclaw poznan gdansk katowice polska poland praha prague brno "
    "budapest stockholm goteborg gothenburg oslo kobenhavn copenhagen helsinki lisboa lisbon "
    "europe europa usa texas florida california ohio bayern bavaria iberia iberica benelux "
    "nyc"
)
_PLACE_PHRASES = (
    "new york",
    "los angeles",
    "san francisco",
    "san diego",
    "san antonio",
    "las vegas",
    "den haag",
)
_PARTICLES = frozenset(
    _words("de del della der den di da das do dos du la le les van von zu ten ter y e bin al")
)
_SEPARATOR = re.compile(r"\s+(?:at|from|bei|chez)\s+|\s*[@|,–—]\s*|\s+-\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_WEB = re.compile(r"www\.|\.(?:com|de|fr|es|nl|it|at|ch|io|co|net|org|jobs)\b")
_DIGITS = re.compile(r"\d+")
_LEET = re.compile(r"[^\W\d_]\d+[^\W\d_]|(?<![\w.])\d+[^\W\d_]")  # "Gh0st", "4ever", not "24/7"
# a separator that says a firm follows ("Rosa at Acme", "Maya @ hireloop"), whatever its case
_AT = frozenset({"at", "from", "bei", "chez", "@"})


def _pattern(listed: Sequence[str], phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])(?:" + any_of(*listed, *phrases) + r")(?![^\W_])")


_FIRM = _pattern(_FIRM_WORDS, _FIRM_PHRASES)
_PLACE = _pattern(_PLACES, _PLACE_PHRASES)
_COMPOUND = re.compile(
    r"(?<![^\W_])(?:(?:"
    + "|".join(_FIRM_PREFIXES.split())
    + r")[^\W\d_]*|[^\W\d_]{2,}(?:"
    + "|".join(_FIRM_SUFFIXES.split())
    + r"))(?![^\W_])"
)
_LOOSE_LEGAL_FORMS = frozenset({"gmbh", "ltd", "llc", "sarl", "plc"})


def _folded(text: str) -> str:
    """Lower case without accents, so "Intérim" and "Sevilla" match "interim" and "sevilla"."""
    return strip_accents(text).casefold()


def firm_cue(name: str) -> str | None:
    """Why ``name`` reads as a firm ('"GmbH" is a legal form'), or None when nothing does."""
    found = find_firm_cue(name)
    return None if found is None else found[1]


def find_firm_cue(name: str) -> tuple[str, str] | None:
    """The kind of cue that makes ``name`` read as a firm ("legal form", "web address",
    "company word" or "place") and why, as :func:`firm_cue` says it; None when nothing does.
    The kind is looked for first to last: a place counts only when no other cue is there."""
    tokens = [t for t in re.split(r"[\s,;/()|&+]+", name) if t]
    # a legal form follows the name ("Hays AG"); a first token "AB" is more likely initials
    for token in tokens[1:]:
        bare = token.replace(".", "")
        if bare in _LEGAL_FORMS or bare.casefold() in _LOOSE_LEGAL_FORMS:
            return "legal form", f"\u201c{token}\u201d is a legal form"
    folded = _folded(name)
    if _WEB.search(folded):
        return "web address", "it holds a web address"
    folded = _DIGITS.sub(" ", folded)  # "Jobs24" holds "Jobs"; the digits themselves say nothing
    for pattern, kind, why in (
        (_FIRM, "company word", "names a company or an organisation"),
        (_COMPOUND, "company word", "holds a word that names a company"),
        (_PLACE, "place", "is a place"),
    ):
        found = pattern.search(folded)
        if found:
            return kind, f"\u201c{_original(name, str(found.group(0)))}\u201d {why}"
    return None


def _original(name: str, folded_word: str) -> str:
    """The word as the name spells it ("Zürich" for "zurich"), for the verdict."""
    words: list[str] = _WORD.findall(name)
    for word in words:
        if _folded(word) == folded_word:
            return word
    return folded_word.title()


def reads_as_handle(name: str) -> bool:
    """Digits in a name with no firm cue ("R3d Gh0st 2.0", "jsmith1987"): a handle or a
    nickname, anyone's, not clearly a firm's that "Rosa at" could go before (a person's name
    then digits, "Lena Pemberton2019", is read as the person first: see name_score)."""
    return bool(_DIGITS.search(name)) and firm_cue(name) is None


def _person_shaped(text: str) -> bool:
    """Up to four capitalised words, name particles ("de", "van") aside, no firm cue, and no
    digits amid letters ("R3D GH0ST" is no "R D GH ST"; "Pemberton2019" is a name, then digits)."""
    if _LEET.search(text):
        return False
    words = _WORD.findall(text)
    named = [w for w in words if w.casefold() not in _PARTICLES]
    if not 1 <= len(named) <= 4:
        return False
    return all(w[:1].isupper() for w in named) and firm_cue(text) is None


def _leading_name(name: str) -> tuple[str, bool] | None:
    """A name before a separator ("Rosa" of "Rosa at Acme"), and whether what follows may name
    the firm: after "at" anything may, after a comma, bar or dash only words with a capital or a
    firm cue ("Maya Okafor | Brightside Talent", not "Nora💙 ,booked out")."""
    found = _SEPARATOR.search(name)
    if found is None or found.start() == 0:
        return None
    person, rest = name[: found.start()].strip(), name[found.end() :].strip()
    if not rest or len(_WORD.findall(person)) > 3 or not _person_shaped(person):
        return None
    if found.group(0).strip().casefold() in _AT or firm_cue(rest) is not None:
        return person, True
    words = _WORD.findall(rest)
    # one lower-case word alone may be the firm's name ("Maya | hireloop"); a status is not
    return person, any(word[:1].isupper() for word in words) or [rest] == words


# a person's job title after a first name ("Rosa 🌵 Recruiter", "Sam Tech Sourcer"): the
# recruiter's ideal display name, which the company word in "Recruiter" called a firm's;
# singular only, as "Smith Recruiters" is a firm of several
_TITLES = frozenset(
    _words(
        "recruiter sourcer headhunter hrbp recruteur recruteuse reclutador reclutadora "
        "recrutador recrutadora recruiterin personalberater personalberaterin"
    )
)


def _starts_with_first_name(words: list[str]) -> bool:
    """Whether 1 to 3 capitalised words, no firm cue among them, open with a first name of
    the shipped lists ("Rosa", "Dana Whitfield")."""
    text = " ".join(words)
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and firm_cue(text) is None
        and name_shape(split_name(text)).first
    )


# a first name and a surname run together, each with its capital: "MarthaQuigley"
_RUN_TOGETHER = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")


def spaced_name(word: str) -> str | None:
    """The person's name a word runs together, spaced ("MarthaQuigley" -> "Martha Quigley"), when
    it opens with a first name of the shipped lists; None for any other word ("HireLoop")."""
    found = _RUN_TOGETHER.fullmatch(word)
    if found is None or firm_cue(word) is not None:
        return None
    spaced = f"{found.group(1)} {found.group(2)}"
    return spaced if _starts_with_first_name(spaced.split()) else None


def _person_with_title(name: str) -> bool:
    """A first name (a surname may follow), then a job title: "Rosa 🌵 Recruiter", "Dana
    Whitfield HR", "Sam Tech Sourcer" (one word may qualify the title)."""
    words = _WORD.findall(HASHTAG_RE.sub(" ", name))
    if len(words) < 2:
        return False
    last = words[-1]
    if _folded(last) not in _TITLES and last != "HR":
        return False
    return _starts_with_first_name(words[:-1]) or (
        len(words) > 2 and _starts_with_first_name(words[:-2])
    )


def _place_then_first_name(name: str, kind: str) -> bool:
    """A place beside a first name, no other cue (``kind`` of :func:`find_firm_cue`: "Ohio
    Megan"): a nickname of a person, read as a firm for its place."""
    if kind != "place":
        return False
    rest = _WORD.findall(_PLACE.sub(" ", _folded(name)))
    return len(rest) == 1 and name_shape(rest[0]).first


def name_score(display_name: str) -> tuple[float, str]:
    """How much the display name reads as a human (1.0) rather than a brand (0.3)."""
    # a star, not nothing: ":blobcat:" alone is judged as an emoji alone is
    name = without_custom_emoji(display_name, "\u2605").strip()
    if not name:
        return 0.0, "no display name"
    leading = _leading_name(name)
    if leading is not None and leading[1]:
        return 1.0, "a person's name with the firm"
    if leading is not None:  # a status or a slogan after the name: the name says it all
        score, verdict = name_score(leading[0])
        return score, f"{verdict}; the words after it name no firm"
    if _person_with_title(name):
        return 1.0, "a person's name with a job title"
    found = find_firm_cue(name)
    if found and _place_then_first_name(name, found[0]):
        return 1.0, "a first name beside a place, reads as a person's"
    if found:
        return 0.3, f"a company name ({found[1]})"
    if name.isupper() and len(name) > 3 and not reads_as_handle(name):
        if is_a_persons_name(split_name(name)):  # "DANA WHITFIELD": a first name, a surname
            return 1.0, "a person's name, in capitals"
        return 0.3, "all capitals, reads as a brand"
    # a hashtag is a cause or a motto, never a surname: "Dana #Remain" names Dana alone
    untagged = HASHTAG_RE.sub(" ", name)
    words = _WORD.findall(untagged)
    named = [w for w in words if w.casefold() not in _PARTICLES]
    if len(named) >= 2 and _person_shaped(untagged):
        if _DIGITS.search(untagged):  # "Lena Pemberton2019": a person, written as a handle is
            return 0.6, "a person's name with digits, like a handle's"
        return 1.0, "reads as a person's name"
    if reads_as_handle(untagged):
        return 0.5, "a name with digits, like a handle or a nickname: could be a person or a brand"
    if len(words) == 1 and (tags := len(HASHTAG_RE.findall(name))):
        beside = "a hashtag" if tags == 1 else "hashtags"
        return 0.6, f"a single word and {beside} (no surname): could be a person or a brand"
    if len(words) == 1 and (spaced := spaced_name(words[0])) is not None:
        # "MarthaQuigley": a person's name, written as a handle is
        return 0.6, f"a person's name run together, like a handle's (“{spaced}”)"
    if len(words) == 1 and _starts_with_first_name([words[0].capitalize()]):
        # "Erik ❤️" is a person to anyone reading it: only the surname is missing
        return 0.6, "a first name alone (no surname): reads as a person"
    if len(words) == 1:
        return 0.6, "a single word: could be a person or a brand"
    return 0.5, "unclear whether a person or a brand"


def leading_person(display_name: str) -> str | None:
    """The person's name a display name starts with when more follows that makes it no plain
    name ("Tom Hadley It's time we voted this lot out.", "Lena Pemberton2019" -> "Lena
    Pemberton"); None for a name alone, a firm ("Robert Half International") or a name that does
    not start with two capitalised words. A name then a status after a comma, bar or dash
    ("Nora💙 ,booked out" -> "Nora") gives the name, even a first name alone."""
    display_name = without_custom_emoji(display_name)
    leading = _leading_name(display_name)
    if leading is not None and not leading[1]:
        return " ".join(_WORD.findall(leading[0]))
    words = _WORD.findall(display_name)
    if len(words) < 2:
        return None
    first_two = " ".join(words[:2])
    if display_name.strip() == first_two or not _person_shaped(first_two):
        return None
    # two words side by side, not the letters around a symbol: "𝐒𝐔♡𝐍𝐍𝐘 𝐃𝐀𝐘" (a real name of
    # that shape) was offered "𝐒𝐔 𝐍𝐍𝐘" as the person's name, "Dana #Remain" "Dana Remain";
    # a hashtag's word is no first name ("#Remain Dana")
    if not re.match(
        rf"[^\w#@]*{re.escape(words[0])}\s+{re.escape(words[1])}(?![^\W\d_])", display_name
    ):
        return None
    # digits say nothing about a firm after a person's name ("Pemberton2019")
    return first_two if firm_cue(re.sub(r"\d+", " ", display_name)) is None else None
