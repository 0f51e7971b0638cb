"""Posts in languages other than English: listening reads English, and says so.

Everything that judges a post here is English: the work-topic classifier, the work words of
:mod:`staffpulse.listen.work_terms`, the moderation lexicons and the angles, which a firm
would post as its reply. A post in another language is therefore seldom kept, and when it
is (a keyword of that language, or the classifier on a borrowed English word) its angle
still reads as advice for an English reply. For an English-speaking firm that is the right
default: a reply in English to a Spanish question is not joining the conversation. The inbox
says it plainly instead of leaving a firm to think nobody posts in other languages: a note
counts the posts in other languages it turned down, and an item in another language carries
a caution.

A post's language is read as the audit reads it
(:func:`staffpulse.audit.language.post_language`): the one its platform gave (Bluesky's
``langs``, X's ``lang``, Mastodon's ``language``), unless its words are plainly English (X
tags a few English words "in", "tl" or "fr"), and unless it is a link whose few title words
show no other language (X calls an article's English title and its link Catalan or
Romanian: on the shared real samples, 54 of the 173 posts said to be in other languages);
with none from the platform (a CSV, the customer-care datasets, X's "und"), its words decide
(:func:`staffpulse.listen.language_words.language_by_words`), for the note as for an item's
caution, so a Spanish CSV is told "5 posts in Spanish" as Spanish posts from Bluesky are. Reading
the words costs about 16 microseconds of CPU a post, but a post in plain a-z holding no word of
another language (most English chatter; 3 in 4 of the shared real posts) is told from one split
in about 3: counting 98,000 turned-down posts with no language takes 0.6 s of CPU at every look
at the inbox, not 2.3 s.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

# the audit's reading of a platform's guess on a link's title, used as it is so that the two
# never disagree on a post
from staffpulse.audit.language import NO_LANGUAGE, guessed_on_a_title, post_language
from staffpulse.listen.language_words import language_by_words
from staffpulse.models import Post
from staffpulse.report.counts import count_of, join_and
from staffpulse.store import Store
from staffpulse.store.codec import format_time

# the languages most often met on the three platforms, by name; any other by its code
_NAMES = {
    "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
    "nl": "Dutch", "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "ar": "Arabic",
    "hi": "Hindi", "id": "Indonesian", "tl": "Tagalog", "tr": "Turkish",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "sv": "Swedish", "cs": "Czech",
    "th": "Thai", "fa": "Persian", "ca": "Catalan", "fi": "Finnish", "da": "Danish",
    "no": "Norwegian", "et": "Estonian", "el": "Greek", "he": "Hebrew",
}  # fmt: skip
# X still writes the codes ISO retired ("in" where Bluesky and Mastodon write "id"), and
# Norwegian comes as "no" or "nb": one language is counted under one code, else a store of
# both platforms read "5 in Indonesian and 3 in Indonesian"
_SAME_AS = {"in": "id", "iw": "he", "ji": "yi", "nb": "no"}
# how many languages a note names before "and N more"
_NAMED = 3


def other_language(lang: str | None) -> str | None:
    """The language code a platform gave a post, when it names a language other than English
    ("es" for "es-MX", "id" for X's "in"), or None: English, or no language named."""
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if not code or code == "en" or code in NO_LANGUAGE:
        return None
    return _SAME_AS.get(code, code)


def language_name(code: str | None) -> str:
    """ "Spanish" for "es"; a code with no name here is said as written ("sw"), and no code
    at all (the words told) as "another language"."""
    if code is None or code == "other":  # words of no language named here, another script
        return "another language"
    return _NAMES.get(code, f"language '{code}'")


def other_language_caution(post: Post) -> str | None:
    """The caution of an item whose opening is in another language, else None."""
    code = turned_down_language(post)
    if code is None:
        return None
    name = language_name(code)
    return (
        f"written in {name}: the angle is for a reply in English; answer in {name} only if"
        " someone at your firm writes it, else skip"
    )


def count_turned_down(
    store: Store,
    platform: str | None,
    since: datetime | None,
    until: datetime,
    in_conversations: Collection[tuple[str, str]] = frozenset(),
) -> dict[str, int]:
    """The posts in other languages that listening read and did not keep (not about work, as
    far as an English reader can tell), posted between ``since`` (None: any time) and
    ``until``, by language code, most first. ``in_conversations`` (platform, post id): the
    posts of the conversations the inbox weighed, which are not turned down whatever their
    own verdict (a Spanish reply under an English question is shown with it)."""
    sql = (
        "SELECT p.platform, p.id, p.lang, p.text FROM listen_relevance r JOIN posts p"
        " ON p.platform = r.platform AND p.id = r.post_id"
        " WHERE r.relevant = 0 AND (p.lang IS NULL OR lower(p.lang) NOT LIKE 'en%')"
        " AND p.created_at <= ?"
    )
    params: list[str | None] = [format_time(until)]
    if since is not None:
        sql += " AND p.created_at >= ?"
        params.append(format_time(since))
    if platform is not None:
        sql += " AND r.platform = ?"
        params.append(platform)
    counts: dict[str, int] = {}
    for platform_of, pid, lang, text in store.conn.execute(sql, params):
        if (platform_of, pid) in in_conversations:
            continue
        if _names_no_language(lang):  # a CSV's rows: no Post to build, the words alone tell
            code = language_by_words(text)
        else:
            post = Post(platform=platform_of, id=pid, author_id="", text=text, lang=lang)
            code = turned_down_language(post)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def turned_down_language(post: Post) -> str | None:
    """The language code of a post in another language (:func:`other_language`, unless its
    words are plainly English; the words' language when its platform named none), else
    None."""
    code = other_language(post.lang)
    if code is not None:
        return code if _in_other_language(post) else None
    return _by_words(post)


def _by_words(post: Post) -> str | None:
    """What the words tell of a post whose platform named no language (none at all, or X's
    "und"): a code ("es"), "other", or None."""
    return language_by_words(post.text) if _names_no_language(post.lang) else None


def _names_no_language(lang: str | None) -> bool:
    """The platform gave no language: none at all, or X's "und" and its kin."""
    code = (lang or "").strip().lower()
    return not code or code in NO_LANGUAGE


def _in_other_language(post: Post) -> bool:
    # X tags a few English words as Indonesian or Tagalog, and a link's English title as any
    # language: those are English all the same
    return post_language(post) == "other" and not guessed_on_a_title(post)


def _in_languages(counts: dict[str, int]) -> str:
    """ "12 posts in other languages (7 in Spanish, 3 in Korean and 2 in French) were", or
    "1 post in Spanish was"."""
    total = sum(counts.values())
    verb = "was" if total == 1 else "were"
    if len(counts) == 1:
        return f"{count_of(total, 'post')} in {language_name(next(iter(counts)))} {verb}"
    named = [f"{n:,} in {language_name(code)}" for code, n in list(counts.items())[:_NAMED]]
    if len(counts) > _NAMED:
        named.append(f"{count_of(len(counts) - _NAMED, 'more language')}")
    return f"{count_of(total, 'post')} in other languages ({join_and(named)}) {verb}"


def other_languages_note(counts: dict[str, int]) -> str | None:
    """The inbox's note: "12 posts in other languages (7 in Spanish, ...) were read but not
    offered: listening reads English only", or None when there were none. It names no docs
    file: a marketer reading the inbox (terminal, report or dashboard) has no source tree."""
    if not counts:
        return None
    return f"{_in_languages(counts)} read but not offered: listening reads English only"


def not_kept_note(counts: dict[str, int]) -> str | None:
    """A listen run's note: "12 posts in other languages (...) were not kept: listening reads
    English only; a keywords file in their language keeps them", or None when there were
    none."""
    if not counts:
        return None
    return (
        f"{_in_languages(counts)} not kept: listening reads English only; to keep them,"
        " put terms in their language in a keywords file (--keywords)"
    )
