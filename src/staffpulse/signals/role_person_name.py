"""Whether a screen name or display name is shaped like a person's name.

Hashed character n-grams of a name know only the first names that the 2015 CrowdFlower
accounts happen to hold. A list of common first names and surnames (the US Census Bureau's,
public domain; ``scripts/roles_person_names.py`` writes it) reaches past them:
``JaneSmith``, ``bonniehart1`` and "Jane Smith" open with a first name followed by a name, while
``TCGJobs``, ``AcmeStaffing`` and ``MikeandPattys`` do not. On the CrowdFlower accounts, 809 of
the 858 whose screen name has that full shape are people (94%), and all 31 of the dev accounts.
The shape is a feature of the heads (:mod:`staffpulse.signals.role_features`, crossed with the
bio's "we" and "I"), and it decides the rule for placement bios: the same "We place nurses across
Ohio." is a firm's under a brand's name and a solo recruiter's under a person's
(:mod:`staffpulse.signals.role_placement_bio`).

The rule for placement bios also reads the given names and surnames of other countries
(:func:`reads_as_a_persons_name`; ``scripts/roles_intl_names.py`` writes them from the PyPI
package Faker, MIT), a given name and a surname run together in lower case ("priyapatel",
92% people among such CrowdFlower screen names), and a handle that names a recruiter
(:func:`names_a_recruiter`: "johnsmithrecruits"): the features keep the Census lists the heads
were trained with.

Every function takes the name already split into lower-case words
(:func:`staffpulse.signals.role_text.split_name`: ``JaneSmith`` -> ``jane smith``);
:func:`reads_as_a_persons_name` takes the name as given too, for the scripts that folding erases.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from staffpulse.errors import ModelError

NAMES_FILE = Path(__file__).resolve().parent / "artifacts" / "person_names.json"
INTL_NAMES_FILE = NAMES_FILE.with_name("person_names_intl.json")
# a title before the name says nothing about its shape ("Dr Jane Smith")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "rev"})
# a first name inside one lower-case word ("bonniehart"): both parts have 3 letters or more,
# as the names in the list do
_MIN_PART = 3
# words that make a person's name a firm's ("Jane Smith Staffing", "Smith & Jones Partners")
_FIRM_WORDS = frozenset(
    {
        "agency", "associates", "careers", "co", "company", "consulting", "corp", "global",
        "group", "hiring", "hr", "inc", "international", "jobs", "llc", "ltd", "partners",
        "personnel", "recruiting", "recruitment", "search", "services", "solutions",
        "staffing", "talent", "team",
        # since stop 30: a firm of several ("Smith Recruiters", "Patel Consultants")
        "consultancy", "consultants", "headhunters", "recruiters", "resourcing", "workforce",
    }
)  # fmt: skip
# the first word of a place's name that the lists of other countries hold as a given name
# ("Santa Clara", "Rio Grande", "Hong Kong"): not read as a person's name through those lists
_PLACE_OPENERS = frozenset(
    {"santa", "santo", "san", "sao", "rio", "porto", "costa", "monte", "puerto", "villa", "hong",
     "las", "los", "fort", "port", "mount", "saint"}
)  # fmt: skip

# what a recruiter appends to their own name in a run-together handle ("johnsmithrecruits",
# "priyapatelrecruiter"); "recruiting" and "talent" stay a firm's ("Smith Recruiting")
_ROLE_SUFFIXES = ("recruits", "recruiter", "hires", "headhunter", "sourcer")

# a Bluesky or Mastodon handle with its server ("priyapatel.bsky.social", "acme.com",
# "@janesmith@mastodon.social"), which stands in for a missing display name
_FEDIVERSE_HANDLE = re.compile(r"@?([\w.-]+)@[\w-]+(?:\.[\w-]+)+")
_DOMAIN_HANDLE = re.compile(r"@?([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.([a-z]{2,})")
# the endings of a domain handle; a name such as "jane.smith" keeps its last word
_TLDS = frozenset(
    {"com", "net", "org", "io", "dev", "app", "co", "me", "ai", "xyz", "info", "tech", "site",
     "online", "blog", "news", "social", "team", "page", "uk", "us", "ca", "au", "nz", "ie", "de",
     "fr", "nl", "es", "it", "eu", "in", "jp", "br", "mx", "za"}
)  # fmt: skip


def handle_user(name: str) -> str:
    """The user's part of a handle with its server ("priyapatel.bsky.social" -> "priyapatel",
    "jane.smith.dev" -> "jane.smith"), else the name as given. The model learned names from
    Twitter handles, which have no server; a server's words ("bsky social") made persons read
    as organizations."""
    text = name.strip()
    found = _FEDIVERSE_HANDLE.fullmatch(text)
    if found is not None:
        return found.group(1)
    found = _DOMAIN_HANDLE.fullmatch(text)
    if found is None or found.group(2) not in _TLDS:
        return name
    user, tld = found.groups()
    if tld == "social" and user.endswith(".bsky"):  # Bluesky's own server
        return user[: -len(".bsky")]
    return user


@dataclass(frozen=True)
class NameShape:
    """``first``: opens with a common first name; ``full``: a first name followed by a first
    name, a surname or an initial ("Jane Smith", "Jane S"); ``surname``: holds a surname."""

    first: bool = False
    full: bool = False
    surname: bool = False


def _read_list(path: Path, keys: tuple[str, ...], script: str) -> dict[str, list[str]]:
    """The name lists of a shipped JSON file; a missing or broken file is a ModelError, so
    ``staffpulse roles`` says to reinstall instead of calling it a bug."""
    hint = f"reinstall staffpulse, or rebuild the file with: python scripts/{script}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"the name list {path} is missing", hint=hint) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"the name list {path} is unreadable ({exc})", hint=hint) from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in keys):
        raise ModelError(f"the name list {path} lacks {', '.join(keys)}", hint=hint)
    return {k: [str(v) for v in data[k]] for k in keys}


@functools.lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    data = _read_list(NAMES_FILE, ("first", "last"), "roles_person_names.py")
    return frozenset(data["first"]), frozenset(data["last"])


def _words(split: str) -> list[str]:
    words = [w for w in split.split() if w.isalpha()]
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def name_shape(split: str) -> NameShape:
    """The :class:`NameShape` of a split name."""
    first_names, surnames = _names()
    words = _words(split)
    if not words:
        return NameShape()
    surname = any(w in surnames for w in words)
    head = words[0]
    if head in first_names:
        rest = words[1] if len(words) > 1 else ""
        full = len(rest) == 1 or rest in first_names or rest in surnames
        return NameShape(first=True, full=full, surname=surname)
    for cut in range(len(head) - _MIN_PART, _MIN_PART - 1, -1):
        tail = head[cut:]
        if head[:cut] in first_names and (tail in surnames or tail in first_names):
            return NameShape(first=True, full=True, surname=surname)
    return NameShape(surname=surname)


def is_a_persons_name(split: str) -> bool:
    """A first name and a name, and no word of a firm's ("Jane Smith", not "Jane Smith Staffing")."""
    return name_shape(split).full and not _FIRM_WORDS.intersection(_words(split))


@dataclass(frozen=True)
class _IntlNames:
    first: frozenset[str]
    last: frozenset[str]
    surname_first: frozenset[str]
    middle: frozenset[str]
    first_native: frozenset[str]
    last_native: frozenset[str]


@functools.lru_cache(maxsize=1)
def _intl_names() -> _IntlNames:
    keys = ("first", "last", "surname_first", "middle", "first_native", "last_native")
    data = _read_list(INTL_NAMES_FILE, keys, "roles_intl_names.py")
    first, last = _names()
    return _IntlNames(
        first=first | frozenset(data["first"]),
        last=last | frozenset(data["last"]),
        surname_first=frozenset(data["surname_first"]),
        middle=frozenset(data["middle"]),
        first_native=frozenset(data["first_native"]),
        last_native=frozenset(data["last_native"]),
    )


def _is_intl_name(words: list[str], names: _IntlNames) -> bool:
    head = words[0]
    if head in _PLACE_OPENERS:
        return False
    rest = words[1] if len(words) > 1 else ""
    if head in names.first and (len(rest) == 1 or rest in names.first or rest in names.last):
        return True
    # the surname first, as in Vietnam, China, Japan or Hungary ("Nguyen Thi Mai", "Zhang
    # Wei"): only those countries' surnames, since "West Monroe" or "Black Pearl" read as a
    # surname and a given name too
    return head in names.surname_first and (rest in names.middle or rest in names.first)


def _native_words(name: str) -> list[str]:
    """The words of a name in a script that ASCII folding erases ("Анна Иванова", "王伟")."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = "".join(ch if ch.isalpha() else " " for ch in text).split()
    if not words or any(ch.isascii() for w in words for ch in w):
        return []
    return words


def _is_native_name(words: list[str], names: _IntlNames) -> bool:
    if len(words) >= 2:  # no union of the two sets: ~11,000 names copied a call
        return all(w in names.first_native or w in names.last_native for w in words[:2])
    # Chinese, Japanese or Korean without a space: a surname of one or two signs, then a name
    word = words[0]
    return any(
        word[:cut] in names.last_native and word[cut:] in names.first_native
        for cut in (1, 2)
        if len(word) > cut
    )


def _is_run_together_name(word: str, names: _IntlNames) -> bool:
    """One lower-case word holding a given name and a surname, perhaps followed by what the
    person does: "priyapatel", "johnsmithrecruits" (a split at every point, both parts of 3
    letters or more, as in :func:`name_shape`)."""
    for suffix in _ROLE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            word = word[: -len(suffix)]
            break
    # two parts of 3 letters could be almost any word ("glo" + "bal" in the lists of 84 locales)
    if len(word) < 2 * _MIN_PART + 1 or word in _FIRM_WORDS:
        return False
    return any(
        word[:cut] in names.first and word[:cut] not in _PLACE_OPENERS and word[cut:] in names.last
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1)
    )


def opens_with_a_given_name(split: str) -> bool:
    """Whether the split name opens with a given name of the Census lists or of the other
    countries' lists ("raj", "siobhan"), not a place's first word ("santa"), and holds no
    firm's word."""
    words = _words(split)
    if not words or words[0] in _PLACE_OPENERS or _FIRM_WORDS.intersection(words):
        return False
    return words[0] in _intl_names().first


def names_a_recruiter(split: str) -> bool:
    """A person's name followed by what they do ("Jane Smith Recruiter", "johnsmithrecruits"):
    the handle of one recruiter, whatever the bio says of the firm."""
    words = _words(split)
    if len(words) == 1:
        return words[0].endswith(_ROLE_SUFFIXES) and _is_run_together_name(words[0], _intl_names())
    if len(words) < 2 or words[-1] not in _ROLE_SUFFIXES:
        return False
    rest = " ".join(words[:-1])
    return reads_as_a_persons_name(rest, rest)


def reads_as_a_persons_name(split: str, name: str) -> bool:
    """:func:`is_a_persons_name` of the split name, with the given names and surnames of other
    countries too ("Priya Patel", "Siobhán Murphy", "Nguyen Thi Mai", and, from the name as
    given, "Анна Иванова"), for the rule about solo recruiters only: the features of the
    trained heads keep the Census lists they were trained with."""
    if is_a_persons_name(split):
        return True
    words = _words(split)
    names = _intl_names()
    if len(words) == 1 and _is_run_together_name(words[0], names):
        return True
    if words:
        return _is_intl_name(words, names) and not _FIRM_WORDS.intersection(words)
    native = _native_words(name)
    return bool(native) and _is_native_name(native, names)
