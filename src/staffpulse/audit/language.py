"""Which posts are in English: the text signals (job ads, human voice, humor) read English only.

A post's language is the one its platform stored (``lang``: X, Bluesky, Mastodon and the
native formats carry it) when that names a language. Otherwise (TWCS, IBM dialogs, X's "und"
and its codes for posts of only links, media or hashtags) a cheap check of the words decides:
common function words of English against those of German, Spanish, French, Dutch, Italian and
Portuguese, and the script (letters outside the Latin alphabets mean another language).
The figures behind the rule, measured on real English and non-English posts, are in
docs/audit.md ("Posts not in English").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from staffpulse.models import Post

Language = Literal["en", "other", "unknown"]

# X writes these when it cannot tell: undetermined, no text, and (q…) only media, hashtags,
# mentions, cashtags or very short text; "art" is artificial (emoji)
NO_LANGUAGE = {"und", "zxx", "art", "mul", "qme", "qht", "qam", "qct", "qst", "qnm"}


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of no other common language: a word that is also German, Dutch, Scandinavian or
# Romance ("in", "an", "was", "will", "so", "me", "on", "a") would count for both sides.
ENGLISH_WORDS = _word_set(
    "the and to of you your for with this that is are we our it be have has can not what how "
    "just my they from if but or all about get do i i'm it's don't there here would should "
    "could been were when who which their them he she his her out up more now like some any "
    "than then these those into over why did does am us very really because we're you're "
    "we've i've can't won't isn't let's that's there's"
)
# The commonest function words of German, Spanish, French, Dutch, Italian and Portuguese,
# minus those English text also holds ("die", "la", "los", "con", "per", "mit", "et", "est",
# "pour", "van", "met", "do", "im": Los Angeles, MIT, "per hour", "et al.", "van driver"...)
OTHER_WORDS = _word_set(
    # German
    "der das und ist nicht ein eine einen einem einer mit für auf wir sie ich auch sich den "
    "dem zu bei von oder aber wie noch nach jetzt sind werden wird uns unser unsere unseren "
    "über vom zum zur gesucht suchen bewerben danke kein keine dir mir hab habe schon mal "
    "dann doch gerne heute dass bin bist nur sehr wieder immer bitte hallo dein deine ihr euch "
    # Spanish
    "el de que en por para es se su más estamos buscamos nuestro nuestra nuestros empleo "
    "trabajo como pero muy también hola gracias está están hay "
    # French
    "le les des du une dans avec sur nous vous qui pas aux cette sont recrutons chez je "
    "merci mais très c'est elle bonjour avez "
    # Dutch
    "het een ik niet zijn voor wij ook maar naar bij deze wordt jullie hoe wat dank "
    # Italian
    "il che della delle degli gli sono anche cerchiamo "
    # Portuguese
    "não uma são vagas você só pra mas isso nossa nosso "
    # and the words of a job ad, the posts the job-ad model misses most in these languages
    "stellenangebot vollzeit teilzeit vacante aplica postulez recrutement vacature vacatures "
    "solliciteer uur nu lavoro offerta"
)
_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w[\w.\-]*", re.UNICODE)
# whole words only: "ES6" or "ES5" holds no Spanish "es"
_WORDS = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)?(?!\w)", re.UNICODE)
MIN_OTHER = 2  # foreign function words needed to call a post not English


def _latin(ch: str) -> bool:
    return ch <= "\u024f"  # Basic Latin to Latin Extended-B


MAX_NAME_LINK = 3  # lower-case words a name holds between its capitalised ones ("ob der")


def _name_word(word: str) -> bool:
    """A capitalised word that is no function word: "Thaya", not "The" or "Der"."""
    low = word.lower()
    return word[0].isupper() and low not in ENGLISH_WORDS and low not in OTHER_WORDS


def _in_names(found: Sequence[re.Match[str]], words: Sequence[str]) -> int:
    """How many foreign function words sit inside a name: short lower-case words between two
    capitalised ones, with only spaces between ("Frankfurt am Main", "Café de Flore")."""
    count, i = 0, 1
    while i < len(found):
        j = i
        while j < len(found) and found[j].group().islower() and len(found[j].group()) <= 4:
            j += 1
        run = range(i, j)
        if (
            0 < len(run) <= MAX_NAME_LINK
            and j < len(found)
            and _name_word(found[i - 1].group())
            and _name_word(found[j].group())
            and all(
                found[k].string[found[k - 1].end() : found[k].start()].isspace()
                for k in range(i, j + 1)
            )
        ):
            count += sum(words[k] in OTHER_WORDS for k in run)
        i = max(j, i + 1)
    return count


def _evidence(text: str) -> tuple[Language, int, int]:
    """What the words tell, and how many English and other function words said so."""
    clean = _NOISE.sub(" ", text)
    if clean.isascii():  # most posts: every letter Latin, and lower-casing moves no boundary
        words = _WORDS.findall(clean.lower())
    else:
        letters = [ch for ch in clean if ch.isalpha()]
        if len(letters) >= 4 and sum(not _latin(ch) for ch in letters) * 2 > len(letters):
            return "other", 0, 0  # mostly Cyrillic, Greek, Arabic, CJK, Hangul...
        words = [w.lower().replace("’", "'") for w in _WORDS.findall(clean)]
    english = sum(w in ENGLISH_WORDS for w in words)
    other = sum(w in OTHER_WORDS for w in words)
    # "Halle an der Saale", "Rio de la Plata" name a place in an English post when they hold
    # every foreign word of it; German capitalises every noun ("Mitarbeiter für Lager") and a
    # Spanish ad its job title ("Camarero de Sala en Madrid para la temporada"), so those count
    says_other = other >= MIN_OTHER and other > english
    # names read last, where the words say "other": most posts never get that far
    if says_other and not (english and _in_names(list(_WORDS.finditer(clean)), words) == other):
        return "other", english, other
    return ("en" if english else "unknown"), english, other


def language_of_text(text: str) -> Language:
    """``en``, ``other`` or ``unknown`` (too little text to tell) from the words alone."""
    return _evidence(text)[0]


def post_language(post: Post) -> Language:
    """The platform's language when it names one, else what the words tell.

    X guesses a language for short English posts too ("in", "tl", "fr" for a few words):
    a post the platform calls foreign whose words are plainly English (two function words
    or more, none of another language) is counted as English."""
    lang = (post.lang or "").strip().lower()
    if not lang or lang in NO_LANGUAGE:
        return language_of_text(post.text)
    if lang.split("-")[0] == "en":
        return "en"
    verdict, english, _other = _evidence(post.text)
    return "en" if verdict == "en" and english >= 2 else "other"


# X also tags a link's few title words as any language ("Grouping CSS selectors in BEM - link"
# as Tagalog, "Webpack 5.0 link" as Spanish; a job ad is such a title): in a real developer's
# archive, 38 of the 44 original posts X called another language were English link posts.
# Where the words show no other language, the author's other posts decide: a feed this
# English, of at least this many posts it tells
MOSTLY_ENGLISH = 0.8
MIN_TOLD = 5
_LINK = re.compile(r"https?://\S+|www\.\S+")


def guessed_on_a_title(post: Post) -> bool:
    """A platform's language that is not English on a post with a link, whose words show no
    other language: no function word of one ("Tipps für Entwickler" shows German), no other
    script. Without a link it stands: the same archive's German chat ("ups,
    Tippfehler xD", "hihi na klar") holds no function word either."""
    lang = (post.lang or "").strip().lower()
    if not lang or lang in NO_LANGUAGE or lang.split("-")[0] == "en":
        return False
    if _LINK.search(post.text) is None:
        return False
    verdict, _english, other = _evidence(post.text)
    return verdict != "other" and not other


def not_english(posts: Sequence[Post]) -> npt.NDArray[np.bool_]:
    """True for each post known not to be in English (unknown ones count as English), each
    read alone: ``staffpulse score`` reads a shard's posts so, whatever the other shards hold."""
    return np.array([post_language(p) == "other" for p in posts], dtype=bool)


def not_english_in_feeds(posts: Sequence[Post]) -> npt.NDArray[np.bool_]:
    """:func:`not_english`, but a platform's guess on words that show no other language
    (:func:`guessed_on_a_title`) is overruled when its author's other posts here are mostly English
    (:data:`MOSTLY_ENGLISH`): the audit holds an account's whole feed."""
    said = [post_language(p) for p in posts]
    doubtful = [
        verdict == "other" and guessed_on_a_title(p) for p, verdict in zip(posts, said, strict=True)
    ]
    told: Counter[tuple[str, str]] = Counter()
    english: Counter[tuple[str, str]] = Counter()
    for p, verdict, doubt in zip(posts, said, doubtful, strict=True):
        if not doubt and verdict != "unknown":
            told[p.platform, p.author_id] += 1
            english[p.platform, p.author_id] += verdict == "en"

    def foreign(p: Post, verdict: str, doubt: bool) -> bool:
        key = (p.platform, p.author_id)
        english_feed = told[key] >= MIN_TOLD and english[key] >= MOSTLY_ENGLISH * told[key]
        return verdict == "other" and not (doubt and english_feed)

    return np.array([foreign(*row) for row in zip(posts, said, doubtful, strict=True)], dtype=bool)


def main_language(posts: Sequence[Post]) -> str | None:
    """The language most of ``posts`` are stored in ("de"), when more than half of those with a
    stored language share it; None when none do."""
    langs = Counter(
        lang.split("-")[0]
        for p in posts
        if (lang := (p.lang or "").strip().lower()) and lang not in NO_LANGUAGE
    )
    if not langs:
        return None
    lang, count = langs.most_common(1)[0]
    return lang if count * 2 > sum(langs.values()) else None


def english_only(
    pool: npt.NDArray[np.int64], foreign: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.int64], int, bool]:
    """The English posts of ``pool`` (indexes), how many others were left out, and whether
    those are most of the pool: then a pillar that reads the texts cannot be scored."""
    english: npt.NDArray[np.int64] = pool[~foreign[pool]]
    left_out = int(pool.size - english.size)
    return english, left_out, left_out * 2 > pool.size


def language_note(left_out: int, total: int, mostly: bool, base: str = "posts") -> str | None:
    """What a pillar says about the posts it could not read (None when it read them all);
    ``base`` names the ``total`` as the pillar's figures do ("original posts", "posts you
    wrote"): "10 of 790 posts" beside the figure "10 of 790 original posts" read as two counts."""
    if mostly:
        return (
            f"{_said_not_english(left_out, total, base)}: staffpulse reads English only, so "
            "this pillar is not scored and is left out of the overall grade"
        )
    if left_out:
        # "1 of 5 posts are not in English" read on a real five-post feed
        one = left_out == 1
        return (
            f"{left_out:,} of {total:,} {base} {'is' if one else 'are'} not in English and "
            f"{'was' if one else 'were'} left out: staffpulse reads English only"
        )
    return None


def _said_not_english(left_out: int, total: int, base: str) -> str:
    """How a note says that most of a pillar's ``total`` posts are not in English, counting them
    in the words of its figures and of the note on a few ("12 of 14 original posts"): a bare
    "(12 of 14)" left the reader to guess of what, and "most" of one post read oddly on a real
    one-post account ("most posts are not in English (1 of 1)")."""
    if total == 1:
        return f"the one {base.replace('posts', 'post', 1)} is not in English"
    if left_out == total:
        return f"{'neither' if total == 2 else 'none'} of the {total:,} {base} is in English"
    return f"most posts are not in English ({left_out:,} of {total:,} {base})"


def _how_many_not_english(left_out: int, total: int) -> str:
    """How the advice opens when most of the ``total`` posts are not in English."""
    if total == 1:
        return "Your one post is not in English"
    if left_out == total and total == 2:
        return "Neither of your 2 posts is in English"
    if left_out == total:
        return f"None of your {total:,} posts is in English"
    return "Most of your posts are not in English"


def not_english_advice(left_out: int, total: int) -> str:
    """The start of a pillar's advice when most of its ``total`` posts are not in English."""
    it = "it" if total == 1 else "them"
    return (
        f"{_how_many_not_english(left_out, total)}, and staffpulse reads English only, so it "
        f"cannot judge {it} here. Check {it} yourself: "
    )
