"""The words of topics: what a post is reduced to before it is grouped, and which words may
name a topic, and how a topic's label is chosen. Used by :mod:`staffpulse.listen.topics`.

Every post of the inbox is about work, so "work", "job" and "company" group nothing: they are
stop words for grouping. A label is for people: it is made of words and phrases the topic
repeats, favours the work vocabulary (:mod:`staffpulse.listen.work_terms`), and leaves out
names (a capitalised word inside a sentence, an acronym: "Chris", "BBC"), stop words and
one-off word pairs ("democrats hold").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

from staffpulse.accents import straighten_quotes
from staffpulse.listen.work_terms import PRESS_INTERVIEW_RE, is_work_term

_URL_MENTION_RE = re.compile(r"https?://\S+|www\.\S+|@[\w.\-]+")
_EXTRA_STOP_WORDS = (
    "rt amp just like get got im dont cant ive youre thats really know think want need going "
    "today new day lol yes did does doing way make good great let lets thing things anyone "
    "someone people time year years week one us ll ve gonna wanna oh ok okay yeah "
    # the inbox is all about work: these words group unrelated posts
    "work works worked working job jobs company companies candidate candidates recruiter "
    "recruiters hiring hire hired employees team teams opening openings best better nice "
    "actually honestly literally quietly still thank thanks"
)
# Conversational filler: how people talk, not what about. Posts that share only these ("asked",
# "honest question", "obviously") are not about one thing, and a topic named by them
# ("asking / friend / staffing", "tool / stop / live", "half / obviously / placements") says
# nothing, so they neither group posts nor name topics.
_FILLER = """
    ask asks asked asking tell tells told telling say says said saying talk talks talked
    talking speak speaks spoke answer answers answered answering mean means meant thinking
    thought guess hope hoped wish wished wonder wondering believe feel feels felt seem seems
    seemed appear appears appeared happen happens happened give gives gave given giving take
    takes took taken taking show shows showed shown showing stop stops stopped throw throws
    threw thrown live lives lived send sends sent sending keep keeps kept put puts run runs
    ran turn turns turned bring brings brought find finds found finding help helps helped
    helping love loved loves hate hated goes went gone going come comes came coming reads
    reading try tries tried care cares cared matter matters mattered miss missed remember
    obviously honestly genuinely basically literally actually seriously totally truly clearly
    simply finally probably maybe perhaps anyway anyways usually quite pretty super ago
    honest real whole fine hard harder hardest easy easier fast faster fastest slow slower
    quick quickly big bigger biggest small smaller tiny huge greatest awesome amazing weird
    weirdest funny funniest crazy cool favorite favourite worst true false ready open close
    closed sure certain wrong right same different own next last single double half entire
    number numbers lot lots few least twice hundred thousand question questions thing things
    stuff point idea reason way ways opinion hot unpopular reminder thread post posts story
    confession lesson update note notes psa poll fact facts word words example part kind sort
    bit piece case end side friend friends guy guys folks person kid kids mom dad lol haha
    wow omg yay please sorry appreciate worth
"""
FILLER_WORDS = frozenset(_FILLER.split())
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(_EXTRA_STOP_WORDS.split()) | FILLER_WORDS
# Words that may help group posts but say nothing as a topic's name ("actually / employees")
_LABEL_ONLY_STOP_WORDS = (
    "actually best wish sound sounds spent really better bad long little big right sure maybe "
    "pretty kind lot lots tell said say says look looking feel trying try use used using come "
    "came took gave thank thanks hey hi night morning tonight tomorrow yesterday week weeks "
    "month months hour hours minute minutes start started having check getting makes made "
    "needs wants coming happy stuff guys everyone everybody anybody somebody soon catch "
    "nice via read similar trying totally seriously literally "
    # the medium, not the matter: "Link", "Email" or "Meeting" names no topic ("was nice
    # meeting u"); "Client" misleads a staffing firm, whose clients have their own theme
    # ("Staffing firms & clients"), when it is "client-side" code or "Client Hints"
    "link links email emails mail meeting meetings client clients clientside "
    # contractions typed without their apostrophe, as phones often send them ("you cant
    # hire profs that arent..."): function words, as "aren't" is, never a topic's name
    "arent isnt wasnt werent doesnt didnt wont wouldnt shouldnt couldnt havent hasnt hadnt "
    "aint theyre youve weve theyve whats hes shes "
    # slang and chat shorthand, and verbs typed without their final g ("goin", "tryna"): how
    # someone talks, never what about ("Dream / goin")
    "goin doin gettin sayin talkin lookin tryin makin comin feelin thinkin nothin somethin "
    "gotta gonna wanna tryna finna kinda sorta lemme gimme dunno yall cuz coz nah yea yep ima "
    "lmao lmfao rofl smh tbh idk imo imho ikr btw omw pls plz thx ppl rly srsly"
)
LABEL_STOP_WORDS = STOP_WORDS | frozenset(_LABEL_ONLY_STOP_WORDS.split())


# Contractions are function words ("doesn't", "they're", "we've"): dropped whole, or they
# become topic labels. A possessive or "is" keeps its word ("recruiter's" -> "recruiter";
# "what's" -> "what", a stop word).
_CONTRACTION_RE = re.compile(r"\b[a-z]+'(?:t|re|ve|ll|d|m)\b")
_APOSTROPHE_S_RE = re.compile(r"'s\b")


# A capitalised word or an acronym: a name, unless it opens a sentence or the post is in
# title case (a headline capitalises every word).
_CAPITALISED_RE = re.compile(r"(?<![\w'\u2019@#])(?:[A-Z][a-z]+|[A-Z]{2,})(?![\w'\u2019])")
_SENTENCE_ENDS = frozenset('.!?:;"(\u201c-')
_TITLE_CASE_SHARE = 0.6


def drop_names(text: str) -> str:
    """The text without the names in it ("Chris", "BBC", "Corbyn"), for labels: capitalised
    words inside a sentence and acronyms, except work terms ("HR") and in title-case text."""
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    if words and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE:
        return text

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        before = text[: match.start()]
        stripped = before.rstrip()
        opens = not stripped or stripped[-1] in _SENTENCE_ENDS or "\n" in before[len(stripped) :]
        if (opens and not word.isupper()) or is_work_term(word):
            return word
        return " "

    return _CAPITALISED_RE.sub(replace, text)


# software's "client-side" / "server-side" is one word: not a (staffing) client, nor a side
_SIDE_RE = re.compile(r"\b(client|server)[- ]side\b")


def preprocess(text: str) -> str:
    """Lowercase text without links, mentions, ``#`` signs or contractions (nor the word
    "interview" of a press interview: no "Interview" topic for "An Interview with ...")."""
    text = straighten_quotes(
        _URL_MENTION_RE.sub(" ", PRESS_INTERVIEW_RE.sub(" ", text)).replace("#", " ")
    ).lower()
    text = _SIDE_RE.sub(r"\1side", text)
    return _APOSTROPHE_S_RE.sub("", _CONTRACTION_RE.sub(" ", text))


# A token: a letter, then letters or apostrophes, ending on a letter ("hr", "don't").
TOKEN_PATTERN = r"(?u)\b[a-z][a-z']+[a-z]\b"


def word_counter(n_features: int) -> HashingVectorizer:
    """Hashed counts of the words that group posts (stateless: nothing to learn)."""
    return HashingVectorizer(
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        preprocessor=preprocess,
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(STOP_WORDS),
    )


# A hashtag run together from several words ("#FiredOnDayOne", "#DeskJobWoes", "#MyShiftIn4Words"):
# a game's or a campaign's tag, never a topic's name ("Boss / firedondayone"); a one-word tag
# ("#nursing", "#hiring") stays a word
_RUN_TOGETHER_TAG_RE = re.compile(r"#(?:\w*[a-z0-9][A-Z]\w*|\w{16,})")


def drop_run_together_tags(text: str) -> str:
    """The text without its run-together hashtags, for labels."""
    return _RUN_TOGETHER_TAG_RE.sub(" ", text)


def label_terms_of() -> Callable[[str], list[str]]:
    """The words and two-word phrases ("line cook", "salary transparency") a label may use:
    no names, no run-together hashtags, no stop words."""
    analyzer: Callable[[str], list[str]] = HashingVectorizer(
        preprocessor=lambda text: preprocess(drop_names(drop_run_together_tags(text))),
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(LABEL_STOP_WORDS),
        ngram_range=(1, 2),
    ).build_analyzer()
    return analyzer


def choose_label(
    terms: Counter[str], candidates: Sequence[str], idf: Mapping[str, float], n_terms: int
) -> list[str]:
    """The ``n_terms`` most distinctive candidates (count in the topic times IDF, phrases and
    work terms favoured), none sharing a word with another, no adverb ("plainly") nor lone verb
    ("create"). Only terms seen twice name a topic; when none is, one one-off (the words of one
    post are not the topic's, and two of them read as a pair of unrelated things), and a
    two-word phrase must be seen twice (a one-off pair is rarely a phrase)."""

    def weight(w: str) -> float:
        work = 2.0 if is_work_term(w) or any(is_work_term(part) for part in w.split()) else 1.0
        return terms[w] * idf[w] * (1.5 if " " in w else 1.0) * work

    scored = sorted(
        (
            w
            for w in candidates
            if not any(is_adverb(part) for part in w.split()) and not _says_how(w)
        ),
        key=lambda w: (-weight(w), w),
    )
    chosen: list[str] = []
    # one one-off at most: two words of one post side by side read as one name of two unrelated
    # things ("Foreign / doctors", "Entry / journalism")
    for minimum, most in ((2, n_terms), (1, 1)):
        if chosen:
            break
        for w in scored:
            if len(chosen) == most:
                break
            taken = {part for c in chosen for part in c.split()}
            seen = terms[w] >= (2 if " " in w else minimum)
            if seen and w not in chosen and not taken & set(w.split()):
                chosen.append(w)
    return chosen


# words in -ly that are not adverbs
_NOT_ADVERBS_TEXT = (
    "apply reply supply family assembly italy july rally ally bully belly jelly holy only "
    "daily weekly monthly yearly hourly quarterly early friendly elderly lovely lonely ugly "
    "silly costly likely unlikely butterfly anomaly monopoly"
)
_NOT_ADVERBS = frozenset(_NOT_ADVERBS_TEXT.split())


# A lone verb or a participle says what someone did or felt, not what the topic is about
# ("Create", "Accomplished", "Paid"); a phrase with one keeps it ("paid leave"), and a work
# term stays ("hired" is a stop word already, "laid" is no label alone either)
_LONE_VERBS_TEXT = (
    "create creates creating build builds make makes do does apply applies join joins win wins "
    "lose loses quit quits start starts begin begins beginning paid laid spent born"
)
_LONE_VERBS = frozenset(_LONE_VERBS_TEXT.split())
# ... but a worker's state told by a participle is what a topic of work is about
_WORK_STATES_TEXT = (
    "furloughed overworked understaffed underemployed promoted retired certified licensed "
    "qualified outsourced unionized unionised"
)
_WORK_STATES = frozenset(_WORK_STATES_TEXT.split())


def _says_how(term: str) -> bool:
    """A lone verb or participle ("create", "accomplished", "paid"), never a label alone; a
    worker's state ("furloughed", "overworked") is no such verb."""
    if " " in term or is_work_term(term) or term in _WORK_STATES:
        return False
    return term in _LONE_VERBS or (len(term) > 5 and term.endswith("ed") and term[-3] != "e")


def is_adverb(word: str) -> bool:
    """An adverb in -ly ("obviously", "plainly", "quietly"): how something is said, never
    what it is about."""
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS
