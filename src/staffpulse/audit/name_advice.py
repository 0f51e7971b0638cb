"""The display-name part of Face's advice (:mod:`staffpulse.audit.face`): put a person in the
display name, in words that fit the name the account has: a first name to build on, a person's
name to keep alone, a brand's name to put a person before, in the language of the posts.
"""

from __future__ import annotations

import re

from staffpulse.audit.names import firm_cue, leading_person, reads_as_handle, spaced_name
from staffpulse.audit.org_words import HIRING_FIRM_PATTERN, INSTITUTION_WORDS, any_of
from staffpulse.custom_emoji import without_custom_emoji
from staffpulse.models import Account
from staffpulse.signals.role_person_name import name_shape

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# "HireLoop"; a name particle glued on ("McKenzie", "DeShawn") is still a person's name
_CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)[A-Z])[^\W\d_]+[a-z][A-Z]")
# "us" only in lower case: "jobs across the US" is a country, not a team
_SPEAKS_AS_WE = re.compile(r"\b(?:[Ww]e|[Ww]e're|[Ww]e’re|[Oo]ur|us)\b")
_SPEAKS_AS_I = re.compile(r"\b(?:I|I'm|I’m|[Mm]y|me)\b")
# a handle made of the brand and one of these is still the brand's ("hireloophq", "acmejobs")
_HANDLE_SUFFIXES = ("", "hq", "jobs", "careers", "official", "team", "app", "inc", "group")


def _handle_name(handle: str) -> str:
    """The letters of the handle's own part: "erik" of "erik.example.dev" or "erik@mas.to"."""
    own = handle.lstrip("@").split("@")[0].split(".")[0]
    return "".join(_WORD.findall(own)).casefold()


def is_brand_word(word: str, account: Account) -> bool:
    """A one-word display name that names the brand, not a person's first name: CamelCase
    ("HireLoop"), or the handle itself ("Hays" of @hays) or a bio that speaks as "we", unless
    the bio speaks as "I" too (Erik may well be @erik, and say "we" of his team)."""
    if _CAMEL_CASE.search(word):
        return True
    bio, handle = account.bio or "", _handle_name(account.handle)
    like_handle = any(handle == word.casefold() + suffix for suffix in _HANDLE_SUFFIXES)
    return (like_handle or bool(_SPEAKS_AS_WE.search(bio))) and not _SPEAKS_AS_I.search(bio)


# a first name, then a hashtag or a symbol ("Dana #Remain", "Mel ✨ #FBPE"): no second name,
# but a first one to build on; not a hashtag's word ("#Remain Dana") nor "Dana-Lee"'s half
_BEFORE_SYMBOL = re.compile(r"[^\w#@]*([^\W\d_]+)\s*[^\w\s'’.-]")


def _first_name_before_symbol(name: str) -> str | None:
    found = _BEFORE_SYMBOL.match(name)
    return None if found is None else _as_first_name(found.group(1))


def _as_first_name(word: str) -> str | None:
    """``word`` as a person writes a first name ("erik" -> "Erik", "McKay" kept); None when it
    is none, or a whole name run together ("danaholm")."""
    if not (shape := name_shape(word.lower())).first or shape.full:
        return None
    return word.capitalize() if word.islower() or word.isupper() else word


# How a German or French feed writes "Rosa at Acme" (names.py reads both as a person with
# the firm); another language gets the bar, which reads so in any
_WITH_FIRM = {"en": "at", "de": "bei", "fr": "chez"}


def _one_plain_word(name: str, account: Account) -> bool:
    """A display name of one word that is neither a firm's, a brand's nor a handle's."""
    words = _WORD.findall(name)
    return (
        len(words) == 1
        and firm_cue(name) is None
        and not reads_as_handle(name.strip() or account.display_name.strip())
        and not is_brand_word(words[0], account)
    )


def first_name_alone(account: Account) -> str | None:
    """The first name a one-word display name is, as a person writes it ("Erik ❤️" and "erik"
    -> "Erik"): it reads as a person, only the surname is missing. None for any other name."""
    name = without_custom_emoji(account.display_name)
    return _as_first_name(_WORD.findall(name)[0]) if _one_plain_word(name, account) else None


def surname_advice(account: Account, given: str) -> str:
    """The advice of a display name that is a first name alone (``given``, as
    :func:`first_name_alone` read it): "Erik ❤️" already reads as a person (Face says so), so
    a surname is a bonus, not a fix."""
    shown = without_custom_emoji(account.display_name) or account.display_name.strip()
    return (
        f'Your display name "{shown}" already reads as a person. A surname or the firm '
        f'beside it ("{given} Lund" or "{given} at YourFirm") would also say who is behind '
        "the account."
    )


# an institution's name ("Springfield Welding Academy", "Ohio Nurses
# Association"): "Rosa at" before it reads as absurd, as a person does not front an institute
_INSTITUTION = re.compile(r"\b(?:" + any_of(*INSTITUTION_WORDS) + r")\b", re.IGNORECASE)


# a firm that hires out or recruits is no institution, whatever word its name holds ("Old
# School Staffing", "Union Street Recruiting" were told their name was as it should be)
_HIRING_FIRM = re.compile(r"\b(?:" + HIRING_FIRM_PATTERN + r")\b", re.IGNORECASE)


def names_an_institution(account: Account) -> bool:
    """Whether the display name is an institution's (:data:`_INSTITUTION`), not a staffing
    firm's (:data:`_HIRING_FIRM`), which is told to put a person in it."""
    name = without_custom_emoji(account.display_name)
    return bool(_INSTITUTION.search(name)) and not _HIRING_FIRM.search(name)


def institution_name_advice(account: Account) -> str:
    """The display-name advice of an institution: keep its name, and say who posts elsewhere
    ("Rosa at" before a training institute's name was offered to one)."""
    shown = without_custom_emoji(account.display_name) or account.display_name.strip()
    return (
        f'Your display name "{shown}" is the organisation\'s, and it may stay so: Face '
        "scores a person's name higher, but people look for an institution by its name. Say "
        'who posts in your bio ("Posts by Rosa and the team") or sign your posts with a first '
        'name ("–Rosa"), so people know there is a human to talk to (this wins no points: '
        "Face scores the name, and the name stays)."
    )


def display_name_advice(account: Account, language: str | None = None) -> str:
    """Put a person in the display name, in words that fit the name it has (and the language
    of the posts: "Rosa at Zeitarbeit Köln GmbH" was offered to a German firm). A first name
    alone (:func:`first_name_alone`) gets :func:`surname_advice` instead: Face reads the name
    once and picks."""
    name = without_custom_emoji(account.display_name)  # "Acme :verified:": Acme's name
    words = _WORD.findall(name)
    shown = name or account.display_name.strip()
    if not words:
        # none, or emoji and symbols only ("🌻"): "Rosa at 🌻" or "Rosa at
        # admin@localhost:3000" (the handle) names neither a person nor a firm
        finding = "You have no display name."
        if shown:
            finding = f'Your display name "{shown}" has no name in it.'
        return finding + (
            ' Use a person\'s name, alone or with the firm\'s ("Rosa Lund" or "Rosa at '
            'YourFirm"), so people know there is a human to talk to.'
        )
    if len(words) == 1 and (spaced := spaced_name(words[0])) is not None:
        # "Rosa at MarthaQuigley" was offered to a person whose name has no space
        return (
            f'Write your name with a space in your display name: "{spaced}" reads as a person, '
            f'"{shown}" as a handle.'
        )
    if _one_plain_word(name, account):
        # one that is no first name, or a whole name run together ("danaholm"), is no first
        # name to build on (a real account named by one long word was offered "<that> Lund")
        return (
            'Say who is behind the account in your display name: a full name ("Rosa '
            'Lund") or a name with the firm ("Rosa at YourFirm") reads as a person.'
        )
    person = leading_person(name)
    if person is not None:
        # a person's name and a slogan or a number: "Rosa at Tom Hadley It's time…" is absurd
        return (
            f'Keep your display name to your name, alone or with the firm\'s ("{person}" or '
            f'"{person} at YourFirm"), so people know there is a human to talk to.'
        )
    if reads_as_handle(shown):
        # "R3d Gh0st 2.0", "jsmith1987": no firm's name to put "Rosa at" before, nor a first name
        return (
            f'Your display name "{shown}" reads like a handle or a nickname. Use a person\'s '
            'name, alone or with the firm\'s ("Rosa Lund" or "Rosa at YourFirm"), so people '
            "know there is a human to talk to."
        )
    if len(words) > 1 and firm_cue(shown) is None and not shown.isupper():
        if (first := _first_name_before_symbol(name)) is not None:
            return (
                f'Build your display name on your first name: a full name ("{first} Lund") or '
                f'a name with the firm ("{first} at YourFirm") reads as a person; a hashtag or '
                "a symbol beside it does not."
            )
        # neither a person's name nor a firm's ("helena marsh", "Ceci n'est pas …"): no
        # "Rosa at" before words that may already be someone's name
        return (
            "Put a person's name in your display name, alone or with the firm's (\"Rosa Lund\" "
            'or "Rosa at YourFirm"), so people know there is a human to talk to.'
        )
    with_firm = _WITH_FIRM.get(language or "en", "|")
    return (
        f'Add a person to your display name, e.g. "Rosa {with_firm} {shown}", so people know '
        "there is a human to talk to."
    )
