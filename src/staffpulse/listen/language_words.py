"""Which language a post's words are in, when its platform named none (a CSV, the customer-care
datasets, X's "und"): a few function words of each language the word check of
:mod:`staffpulse.audit.language` tells from English, and the letters only one of them uses
("¿", "ñ", "ã", "ß").

It only names a language for a post that check did not find English
(:func:`staffpulse.audit.language.language_of_text` says ``other``, or ``unknown``: no English
function word at all, and then it needs three words of one language), so it never turns an
English post into a Spanish one; it tells Spanish from Portuguese or French so that the inbox
says "3 posts in Spanish" of a Spanish CSV as it does of Spanish posts from Bluesky.
"""

from __future__ import annotations

import re

from staffpulse.audit.language import OTHER_WORDS, language_of_text

# words of one language only, among these six (not "de", "que", "en", "la": shared)
_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "es": "el los las del por para es se su más estamos buscamos nuestro nuestra empleo "
        "trabajo pero muy también hola gracias está están hay y una mi tengo sé qué cómo "
        "después nunca",
        "pt": "não uma são vagas você só pra mas isso nossa nosso em os ao na no muito obrigado "
        "trabalho estou",
        "fr": "le les des du une dans avec sur nous vous qui pas aux cette sont je merci mais "
        "très c'est elle bonjour avez est et pour travail",
        "de": "der das und ist nicht ein eine einen mit für auf wir sie ich auch sich den dem "
        "zu bei von oder aber wie noch nach jetzt sind werden wird uns danke bitte arbeit",
        "nl": "het een ik niet zijn voor wij ook maar naar bij deze wordt jullie hoe wat dank werk",
        "it": "il che della delle degli gli sono anche cerchiamo per non di è lavoro grazie",
    }.items()
}
# letters only one of them writes
_LETTERS = {"es": "¿¡ñ", "pt": "ãõ", "de": "ßäöü", "fr": "œ"}
UNKNOWN_NEEDS = 3  # distinct words (a letter of its own counts 2) of one language, where no English
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|[@#]\w[\w.\-]*", re.UNICODE)

# Most posts a big store turns down are English chatter with no language from their platform
# (a CSV): reading their words one by one costs about 16 microseconds of CPU a post, 2.3 s at
# every look at the inbox over 98,000 of them. A post with no letter beyond a-z and none of
# these runs of a-z (every word of another language the audit's check or this module counts,
# "c'est" as "c" and "est") can be named by neither, so one split and one set look-up answer it.
_FOREIGN_RUNS = frozenset(
    run
    for word in OTHER_WORDS.union(*_WORDS.values())
    if word.isascii()
    for run in re.split(r"[^a-z]+", word)
    if run
)
_LETTER_BEYOND_AZ = re.compile(r"[^\W\d_a-zA-Z]")
_NOT_AZ = re.compile(r"[^a-z]+")


def _no_foreign_word(text: str) -> bool:
    """True when ``text`` holds no letter beyond a-z and no word of another language."""
    if _LETTER_BEYOND_AZ.search(text) is not None:
        return False
    return _FOREIGN_RUNS.isdisjoint(_NOT_AZ.split(text.lower()))


def _styled_latin(text: str) -> bool:
    """Letters beyond the Latin alphabets, all of them Latin styled (small capitals, phonetic
    and mathematical letters that fancy-text generators use): not another script."""
    beyond = [ch for ch in text if ch.isalpha() and ch > "\u024f"]
    return bool(beyond) and all(
        "\u1d00" <= ch <= "\u1dbf"
        or "\u1e00" <= ch <= "\u1eff"
        or "\U0001d400" <= ch <= "\U0001d7ff"
        or "\u0250" <= ch <= "\u02af"
        for ch in beyond
    )


def language_by_words(text: str) -> str | None:
    """The language code ("es") the words of a post not in English show, or None: English,
    too few words to tell, or no language of the six clearly ahead of the others. A post in
    another script is not English, but this does not name its language: "other"."""
    if _no_foreign_word(text):
        return None
    verdict = language_of_text(text)
    if verdict == "en":
        return None
    clean = _NOISE_RE.sub(" ", text)
    if verdict == "other" and _styled_latin(clean):
        return None  # "Bɪɢ Tᴀɢ": small capitals and styled letters are Latin dressed up
    # each word once: "no no no!" is no Portuguese
    words = {w.lower().replace("’", "'") for w in _WORD_RE.findall(clean)}
    lowered = clean.lower()
    scores = {
        lang: sum(w in vocabulary for w in words)
        + 2 * sum(lowered.count(ch) for ch in _LETTERS.get(lang, ""))
        for lang, vocabulary in _WORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_second, runner_up) = ranked[0], ranked[1]
    if verdict == "unknown":  # "Mi jefe no me paga las horas extra. ¿Es legal?"
        return best if top >= UNKNOWN_NEEDS and top > runner_up else None
    return best if top >= 2 and top > runner_up else "other"
