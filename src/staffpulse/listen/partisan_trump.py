""" "Trump" the politician or the verb: "Skills trump degrees", "Culture Trumps Strategy",
"Attitude will always trump experience" and "play your trump card" name no one, while
"Donald Trump", "Trump's tariffs", "Trump says", "vote Trump", "#Trump2024" and "the Trumps"
do (:mod:`staffpulse.listen.partisan`, which reads the other words of politics).
"""

from __future__ import annotations

import re

# "trump" and the words it starts ("Trumpism", "#Trump2024"), not the trumpet; with the word
# before it (in its clause: no full stop between) and the word after it
TRUMP_RE = re.compile(
    r"(?:(?<![#@\w])(?P<before>\w[\w'\u2019-]*)(?P<comma>[ \t]*,)?[ \t]+)?"
    r"(?P<tag>[#@]?)(?<![\w'\u2019])"
    r"(?P<word>trump(?!et)\w*)(?P<own>['\u2019]s?)?(?![\w'\u2019])"
    r"(?:(?P<gap>[ \t]+)(?P<after>[^\W\d_][\w'\u2019-]*))?",
    re.IGNORECASE,
)
_VERB_FORMS = frozenset({"trump", "trumps", "trumped", "trumping"})


def words_of(listed: str) -> frozenset[str]:
    return frozenset(listed.split())


# the words before a name, not a subject: titles, first names, prepositions, determiners,
# and the verbs said of a politician ("vote Trump", "blame Trump"); "never trump" is a movement
_BEFORE_A_NAME = words_of(
    "the a an this that these those another his her their our my your its every no any some "
    "president presidents pres mr mrs ms mister donald don melania ivanka eric barron lara "
    "tiffany fred mary jared team candidate nominee former ex then anti pro never "
    "vote voted voting elect elected reelect re-elect support supported supports back backed "
    "blame blamed blames thank thanks love loves hate hates trust defend defends fuck screw "
    "dump impeach impeached beat beats beating beaten fire fired "
    "for against under with without about by from to of on at in into like than as since "
    "before after and or but nor if when while because unlike whether so then why how what "
    "who whom whose where is was are were be been being said says say tell told ask asked "
    "think thinks thought did does do"
)
# a helper verb before the verb ("is trumping", "has trumped"): before "trump" itself, a name
# ("did Trump say")
_HELPERS = words_of("is was are were be been being has had have")
# before "trump" itself, the verb follows a plural subject ("Skills trump degrees") or one of
# these ("will always trump experience"); a word ending in "s" that is a verb said of him
# ("mocks trump") is no subject
_BEFORE_THE_VERB = words_of(
    "will would can could should may might must always often usually generally easily "
    "sometimes still really typically rarely seldom almost does do don't doesn't won't can't "
    "not"
)
# a helper that opens a question on a one-word subject: "Does experience trump a degree?"
_ASKING_HELPERS = words_of("does do can could will would should may might must")
_VERBS_SAID_OF_HIM = words_of(
    "says tells asks urges warns slams mocks blasts gives makes lets sees wants thanks hits "
    "rips roasts locks offers accuses calls claims praises backs defends attacks sues blocks "
    "details supports joins meets bashes trolls invites hosts pushes presses helps brings"
)
# the words after a name, not an object: what he does, says or is, and what is named after him
_AFTER_A_NAME = words_of(
    "is was are were has had have will would can could should may might must did does do "
    "doesn't didn't won't can't isn't wasn't said says say wants wanted want just also "
    "again himself who whose and or but jr sr administration presidency supporters voters "
    "rally tariffs era team campaign org organization tower hotel university foundation "
    "tweets tweeted tweet won lost signed took takes gets got went goes keeps kept thinks "
    "believes claims claimed makes calls called announced administration's really even "
    "now too already reportedly finally actually ally allies for over out with at to from "
    "in into on of about after as be get win lose run go say do make take keep stay"
)
SENTENCE_END_RE = re.compile(r"[.!?\n]")
# a verb "trump" still names him beside the words of his office and his elections
_POLITICAL_RE = re.compile(
    # not a firm's own ("our company president", "a degree in business administration")
    r"\b((?<!company )(?<!our )(?<!vice )president\w*|white house|oval office|"
    r"the administration|elections?|electoral|voters?|"
    r"voted|voting|impeach\w*|tariffs?|inaugura\w*|executive orders?|congress\w*|senat\w*|"
    r"mar-a-lago)\b",
    re.IGNORECASE,
)


def names_trump(text: str) -> bool:
    """The text names the politician by "trump": a use that cannot be the verb or a card, or
    the verb beside the words of his office and his elections ("Skills trump degrees, says
    the president")."""
    uses = [_names_trump(match) for match in TRUMP_RE.finditer(text)]
    return any(uses) or (bool(uses) and _POLITICAL_RE.search(text) is not None)


def _names_trump(match: re.Match[str]) -> bool:
    """This "trump" is the politician, not the verb nor a card."""
    word, before, after = match["word"], match["before"], match["after"]
    if match["tag"] or match["own"] is not None or word.lower() not in _VERB_FORMS:
        return True  # "#Trump2024", "Trump's", "Trumpism"
    after_word = (after or "").lower()
    made_up = match.string[match.end("word") :][:3].lower() == "-up"
    if after_word in ("card", "cards") or (word.lower() == "trumped" and made_up):
        return False  # "trump card", "trumped-up charges" (made up)
    if before is None or after is None or match["gap"] is None:
        return True  # "Trump says", "fuck trump"
    helper = word.lower() != "trump" and before.lower() in _HELPERS  # "is trumping"
    if (before.lower() in _BEFORE_A_NAME and not helper) or after_word in _AFTER_A_NAME:
        return True
    if after_word.endswith("ed") and len(after_word) > 4:
        return True  # "the tariffs trump imposed"
    if word.lower() != "trump":
        return False  # "Culture Trumps Strategy", "attitude trumped a perfect CV"
    # "trump" itself: after a plural subject or a helper verb, with no comma between; with a
    # capital, only in a phrase all in title case ("Why Skills Trump Degrees"), and a helper
    # opening a sentence asks about him ("Will Trump win?")
    if match["comma"] is not None or not (
        _before_the_verb(before) or _asks_with_a_helper(match.string[: match.start("word")])
    ):
        return True
    if word[0].isupper():
        return not (before[0].isupper() and after[0].isupper())
    return before[0].isupper() and before.lower() in _BEFORE_THE_VERB


def _asks_with_a_helper(sentence_so_far: str) -> bool:
    """The sentence that reaches "trump" opens with a helper ("Does a referral trump a cover
    letter?"), so its subject may be singular."""
    sentence = SENTENCE_END_RE.split(sentence_so_far)[-1].split()
    if len(sentence) == 2:  # "Does experience trump", not "Never let trump"
        return sentence[0].lower() in _ASKING_HELPERS
    return len(sentence) > 2 and sentence[0].lower() in _BEFORE_THE_VERB


def _before_the_verb(before: str) -> bool:
    """``before`` can come right before the verb "trump": a plural subject or a helper."""
    word = before.lower()
    if word in _BEFORE_THE_VERB:
        return True
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))
    return plural and word not in _VERBS_SAID_OF_HIM
