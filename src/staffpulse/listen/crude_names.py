"""A crude account name: whoever replies to its post shows the handle in their own timeline.

A handle is read as the words it runs together ("THE_HOE_REPORT": "THE HOE REPORT";
"NightShiftNate": "Night Shift Nate"), so a word that only holds the letters of a crude one
is no crude word: a surname ("@AnnaCocks", "@MobyDick", "@JoHancock", "@SamButts"), a place
("@Scunthorpe_Jobs", "@EssexCareJobs", "@MiddlesexNurses"), a thing ("@CockpitCareers",
"@ShitakeKitchen"), a name ("@DickensFanClub", "@Matsushita_HR"), a bird ("@BlueTits_Birding"),
a farm hand's jobs or a degree "cum laude". Only a run of letters of one case, as a hashtag is
written, is searched within, and only for what no innocent word holds: "fuck" anywhere
("@welpfuckkk"), "shit" at either end ("@shitpostdaily", "@whosaidthatshit"; not a Japanese
"...shite", "Shitara", nor the Yoruba surname "Shittu": "@ShittuJobs"). "Hoe" beside "Down" is a
barn dance ("@HoeDown_Events"). A crude name joined to a word part that makes a title of it
("@the_hoeology", "@ThotQueen") is crude, a surname that starts with its letters ("@HoekstraHR")
not; so is a crude word with an x for its vowel that opens a word part ("@cxntgossip"), not an
"x" word's letters inside one ("@WashXtreme").
"""

from __future__ import annotations

import functools
import re

from staffpulse.listen.moderation import TRADE_HANDS, names_sex
from staffpulse.listen.swearing import makes_crude, swears_strongly

# a handle's words: a run of capitals, a word with or without its capital, a number
_HANDLE_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# crude names a handle calls its writer, a word of its own ("Whore_Club", "SkankGang"; a garden's
# "hoe" is no handle's word), or one that a word part joins to make a title of it ("HOEOLOGIST",
# "ThotLife", "SlutSquad"):
# the parts follow the crude word at once, so a surname that starts with its letters ("Hoek",
# "Hoey", "Hoekstra", "Thoth") stays a name
_CRUDE_NAME_RE = re.compile(
    r"(?:hoe|thot|whore|skank)s?|(?:hoe|thot|slut|whore|skank|bitch|cunt)s?"
    r"(?:olog(?:y|ies|ist|ists)|ology|ologist|life|gang|squad|nation|queen|king|club|tales)",
    re.IGNORECASE,
)
# a crude word spelled with an x for its vowel ("cxnt", "FxckMondays"), opening a word part:
# within one it is an "x" word's ("WashXtreme", "FishXtra")
_X_FOR_VOWEL_RE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?-i:(?=[A-Z])))(?:c[x*]nt|f[x*]ck|sh[x*]t|b[x*]tch|wh[x*]re|sl[x*]t)",
    re.IGNORECASE,
)
# the slur run into a name, not "snigger", a "niggle" nor a German surname ("Knigge", "Niggemann")
_SLUR_IN_NAME_RE = re.compile(r"(?<![skSK])n+i+g+g+(?!l|em)", re.IGNORECASE)
# what a run of letters of one case may hold: no innocent word holds "fuck"; "shit" opens or ends one
# ("shitposting", "whosaidthatshit"), but not "shitake", "shitara" nor the Japanese "...shite"
_RUN_TOGETHER_RE = re.compile(
    r"fuck|^(?:wtf|stfu|gtfo)|^(?:bull)?shit(?!a|iake|tu)|shit$", re.IGNORECASE
)
# words of a crude list that name something else side by side: a degree, a farm hand's jobs, a
# bird, a cat, a garden tool
_INNOCENT_PAIR_RE = re.compile(
    r"\b(?:cum laude|(?:" + "|".join(TRADE_HANDS) + r") hand jobs?|"
    r"(?:blue|great|coal|marsh|willow|crested|bearded) tits?|puss(?:y|ies) ?cats?|garden hoes?|"
    # a barn dance
    r"hoe ?downs?|"
    # a mushroom, a surname
    r"shi+ta(?:ke|ki|ra|ye)\w*)\b",
    re.IGNORECASE,
)
# a word of the list as a surname ("Anna Cocks", "Moby Dick"), unless the word before it is what
# makes it crude ("Big Dick", "Suck My Dick")
_SURNAME_LIKE = frozenset({"cock", "cocks", "dick", "dicks"})
# a name that opens with "shit" and goes on as a name does, a vowel after it: the Yoruba surname
# "Shittu", "Shitara", "Shitomi" (not "Shitass", "Shitty", "Shitout", "ShitOn": crude)
_SHIT_NAME_RE = re.compile(r"(?i:shitt?u\w*)|Shitt?(?:u|a(?!ss)|o(?!ut|n\b))[a-z]*")


@functools.lru_cache(maxsize=4096)  # a handle writes many posts
def names_crudely(handle: str) -> bool:
    """The author's handle swears, names sex or a slur, read as the words it runs together
    ("@THE_HOE_REPORT", "@Velvet_Porn_Club") or within a run of letters of one case
    ("@welpfuckkk", "@WELPFUCKKK"): whoever replies shows it in their own timeline. Not a word
    that only holds such letters (a surname, "@AnnaCocks"; a place, "@Scunthorpe_Jobs"; a
    thing, "@CockpitCareers")."""
    bare = handle.strip().lstrip("@")
    words = _read_words(bare)
    return (
        swears_strongly(words)
        or names_sex(words)
        or any(_CRUDE_NAME_RE.fullmatch(word) for word in words.split())
        or any(_RUN_TOGETHER_RE.search(run) for run in re.findall(r"[a-z]{4,}|[A-Z]{4,}", bare))
        or _SLUR_IN_NAME_RE.search(bare) is not None
        or any(not _opens_an_acronym_word(bare, m) for m in _X_FOR_VOWEL_RE.finditer(bare))
    )


def _opens_an_acronym_word(bare: str, found: re.Match[str]) -> bool:
    """The capitals found end where a word part starts: an acronym brand and its trade word
    ("@SLXTech", "@CXNTalent", "@SHXTools"), not a crude word in capitals ("@CXNT_club")."""
    end = found.end()
    return found.group().isupper() and end < len(bare) and bare[end].islower()


def _read_words(bare: str) -> str:
    """The handle's words, spaced, without a surname or an innocent pair a crude word is in."""
    words = _HANDLE_WORD_RE.findall(bare)
    kept = [_read_word(word, words[i - 1] if i else "") for i, word in enumerate(words)]
    return _INNOCENT_PAIR_RE.sub(" ", " ".join(kept))


def _read_word(word: str, before: str) -> str:
    """ "Cocks" or "Dick" after a first name ("Anna", "Moby"), both capitalised, is a surname
    ("Name"); after a word that makes it crude ("Big", "My") it is the crude word, whatever
    follows ("BigDickEnergy" is no "Dick Turner")."""
    if _SHIT_NAME_RE.fullmatch(word):
        return "Name"
    if word.lower() not in _SURNAME_LIKE:
        return word
    if makes_crude(before):
        return word.lower()
    return "Name" if word.istitle() and before.istitle() else word
