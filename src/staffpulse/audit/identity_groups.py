"""Which posts an audit never offers a firm "to imitate" because they are about who people are.

An audit's examples to imitate go in a report a consultant hands a client. A joke about a
religion, an ethnicity, a nationality or a race ("What did the Muslim robot say? ...",
"What do you call a Jewish chef on a glacier? ...") may be a feed's most "human" post,
but a firm that copies one puts its name to it, and a staffing firm hires across all of them.

The rule is deliberately conservative: a post that names such a group is never an example
to imitate when it is a joke (the humor model says so, or it has a joke's shape: "What do
you call ...", "walks into a bar", "lol") or when it names no work matter at all. The same
group named on a work matter, told straight, stays: "Supporting our Muslim employees during
Ramadan: flexible breaks on every shift" is a good post to learn from.

The lexicon is compact and curated for this use (English, whole words). Religions and
ethnic groups match in any case; nationalities only capitalized, as English writes them,
so "polish your resume" or "french fries" are no nationality. Words that mostly mean
something else are left out ("English", "American", "black", "white", "Turkey"): a
conservative list may drop a harmless example, never keep a joke in for a common word.
"""

from __future__ import annotations

import re

from staffpulse.listen.work_terms import URL_RE, names_work_matter

_RELIGIOUS = (
    r"muslims?|islam|islamic|moslems?|jews?|jewish|judaism|israelites?|christians?|"
    r"christianity|catholics?|catholicism|protestants?|evangelicals?|hindus?|hinduism|sikhs?|"
    r"sikhism|buddhists?|buddhism|mormons?|amish|atheists?|rabbis?|imams?|priests?|nuns?|"
    r"monks?|the pope|allah"
)
_ETHNIC = (
    r"blacks|black (?:people|folks?|men|women|guys?|man|woman|person|americans?)|"
    r"white (?:people|folks?|men|women|guys?|man|woman|person)|whites|caucasians?|"
    r"asians?|hispanics?|latin[oa]s?|latinx|africans?|african[- ]americans?|arabs?|"
    r"gypsy|gypsies|native americans?|aborigin(?:al|als|es)|indigenous people|eskimos?|"
    r"people of colou?r|ethnic (?:groups?|minorit(?:y|ies))|"
    # race named by skin or by a slur on those who speak of it: real posts offered to imitate
    # quoted a lyric on fear of black skin and called people race baiters
    r"(?:black|white|brown)[- ]skin(?:ned)?|race[- ]?bait(?:er|ers|ing)"
)
# capitalized only: "Polish" the people, not "polish your resume"
_NATIONAL = (
    r"Mexicans?|Chinese|Japanese|Koreans?|Indians?|Pakistanis?|Bangladeshis?|Irish(?:m[ae]n)?|"
    r"Scots(?:m[ae]n)?|Scottish|Welsh(?:m[ae]n)?|Poles|"
    # the verb starts a sentence capitalized too: "Polish your resume"
    r"Polish(?! (?:your|up|off|the|it|that|this|those|these|my|our)\b)|Italians?|Germans?|"
    r"French(?:m[ae]n|wom[ae]n)?|Russians?|Ukrainians?|Canadians?|Americans|Brits|"
    r"Englishm[ae]n|Australians?|Aussies?|Nigerians?|Filipin[oa]s?|Vietnamese|Turks|"
    r"Greeks?|Swedes|Dutch(?:m[ae]n)?|Israelis?|Palestinians?|Iranians?|Iraqis?|Afghans?|"
    r"Syrians?|Somalis?|Cubans?|Puerto Ricans?|Haitians?|Jamaicans?|Brazilians?|"
    r"Colombians?|Venezuelans?"
)
_GROUP_RE = re.compile(rf"(?<![\w@])(?:(?i:{_RELIGIOUS}|{_ETHNIC})|{_NATIONAL})(?!\w)")
# The shapes of a joke the humor model may miss: a riddle, a bar joke, a laugh.
_JOKE_RE = re.compile(
    r"\bwhat (?:do|did|does) (?:you call|the \w+(?: \w+)? (?:say|call|do))\b|"
    r"\bwhy (?:did|do|does|don'?t) (?:the|a|an) \w+(?: \w+)? \w+|\bwalks? into a bar\b|"
    r"\bknock,? knock\b|\bhow many \w+(?: \w+)? does it take\b|"
    r"\b(?:lol|lmao|lmfao|rofl|ha(?:ha)+|jk)\b|[\U0001F602\U0001F923\U0001F606\U0001F639]",
    re.IGNORECASE,
)


def names_identity_group(text: str) -> bool:
    """The text names a religious, ethnic, national or racial group ("Muslims", "Mountain
    Jew", "the Irish", "#Muslim"), whole words only: a link or an @name is not read."""
    return _GROUP_RE.search(URL_RE.sub(" ", text)) is not None


def sounds_like_joke(text: str) -> bool:
    """A riddle ("What do you call ..."), a bar joke, a knock-knock or a laugh ("lol", 😂)."""
    return _JOKE_RE.search(text) is not None


def unfit_to_imitate(text: str, *, humorous: bool) -> bool:
    """A post about an identity group that is a joke (``humorous``: the humor model's call,
    or a joke's shape) or names no work matter: never offered to a firm to imitate."""
    if not names_identity_group(text):
        return False
    return humorous or sounds_like_joke(text) or not names_work_matter(text)
