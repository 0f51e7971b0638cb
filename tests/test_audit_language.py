"""Which posts the audit can read: English by the stored language, else by the words."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.audit.language import (
    english_only,
    language_note,
    language_of_text,
    main_language,
    not_english,
    not_english_in_feeds,
    post_language,
)
from staffpulse.models import Post


def post(text: str, lang: str | None = None) -> Post:
    return Post(platform="x", id="1", author_id="a", text=text, lang=lang)


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring a forklift operator in Dayton! Apply: https://j.example/1",
        "Honest question: what do you love about your team?",
        "@rosa thanks, that was the best interview story I have heard all week",
    ],
)
def test_english_posts_are_english(text: str) -> None:
    assert language_of_text(text) == "en"


def test_words_english_shares_with_other_languages_never_make_a_post_foreign() -> None:
    text = "Los Angeles, CA: die-cast operator wanted, $19 per hour, van provided, MIT grads"
    assert language_of_text(text) != "other"


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen ab sofort einen Staplerfahrer (m/w/d) in Vollzeit. Jetzt bewerben!",
        "Estamos contratando: operario de almacén en Madrid. ¡Aplica ya! #empleo",
        "Nous recrutons un cariste H/F en CDI à Lyon, rejoignez-nous dans notre équipe",
        "Wij zoeken een magazijnmedewerker voor ons team in Utrecht, ook parttime",
        "물류센터 직원을 모집합니다 지금 지원하세요",
    ],
)
def test_posts_in_other_languages_are_told(text: str) -> None:
    assert language_of_text(text) == "other"


@pytest.mark.parametrize("text", ["Forklift operator, Dayton, $19/hr", "🔥🔥🔥", "#jobs @acme"])
def test_too_few_words_tell_nothing(text: str) -> None:
    assert language_of_text(text) == "unknown"


def test_the_stored_language_decides_unless_it_is_a_platform_non_answer() -> None:
    assert post_language(post("Lagerist gesucht", "de")) == "other"
    assert post_language(post("Wir suchen Verstärkung für unser Team", "en")) == "en"
    assert post_language(post("Wir suchen Verstärkung für unser Team und dich", "und")) == "other"
    assert post_language(post("🔥 https://x.example", "qme")) == "unknown"
    assert post_language(post("hello", "en-GB")) == "en"


def test_a_platform_guess_on_plainly_english_words_is_overruled() -> None:
    # X often tags a few English words as Tagalog or Indonesian
    assert post_language(post("I guess we can hop on another server", "tl")) == "en"
    assert post_language(post("lol ok", "tl")) == "other"  # nothing to overrule it with


def test_english_only_keeps_the_english_and_tells_when_most_are_not() -> None:
    posts = [post("the job", "en"), post("der Job", "de"), post("el trabajo", "es")]
    foreign = not_english(posts)
    assert foreign.tolist() == [False, True, True]
    kept, left_out, mostly = english_only(np.arange(3), foreign)
    assert kept.tolist() == [0] and left_out == 2 and mostly
    kept, left_out, mostly = english_only(np.array([0, 1]), foreign)
    assert left_out == 1 and not mostly  # half is not most


def test_the_note_on_posts_left_out_agrees_with_their_number() -> None:
    # a real five-post feed with one German post read "1 of 5 posts are not in English"
    assert language_note(1, 5, False) == (
        "1 of 5 posts is not in English and was left out: staffpulse reads English only"
    )
    assert (language_note(2, 10, False) or "").startswith(
        "2 of 10 posts are not in English and were left out"
    )
    assert language_note(0, 10, False) is None


def feed(*posts: tuple[str, str]) -> list[Post]:
    return [
        Post(platform="x", id=str(i), author_id="a", text=text, lang=lang)
        for i, (text, lang) in enumerate(posts)
    ]


ENGLISH_FEED = [
    ("We're hiring a forklift operator in Dayton", "en"),
    ("What do you love about your team?", "en"),
    ("Our recruiters are at the job fair today", "en"),
    ("Thanks to everyone who came by the booth", "en"),
    ("Five tips for your first week on a new job", "en"),
    ("Meet Rosa, who has placed nurses here for ten years", "en"),
    ("Is your CV ready for the new year?", "en"),
    ("Our Leeds office is open on Saturday", "en"),
    ("How was your first day with us?", "en"),
    ("We are proud of this team", "en"),
]


def test_a_platform_guess_on_a_few_words_follows_an_english_feed() -> None:
    # X's own tags on short English link posts: Tagalog, Spanish, Estonian
    posts = feed(
        *ENGLISH_FEED,
        ("Grouping CSS selectors in BEM - https://x.example/1", "tl"),
        ("Webpack 5.0 https://x.example/2", "es"),
        ("Dark Mode Toggle: Pure CSS - https://x.example/3", "et"),
        ("Adventskalender: Tipps für Entwickler https://x.example/4", "de"),  # "für" is German
        ("@bonn_devs ups, Tippfehler??? xD", "de"),  # no link: chat, not a title
    )
    assert not_english_in_feeds(posts).tolist() == [False] * 13 + [True] * 2
    assert not_english(posts)[10:13].all()  # each read alone, as staffpulse score reads them


def test_the_same_guess_stands_in_a_feed_of_another_language() -> None:
    posts = feed(
        ("Wir suchen ab sofort einen Staplerfahrer in Vollzeit", "de"),
        ("Danke an alle, die heute bei uns waren", "de"),
        ("Jetzt bewerben: wir freuen uns auf dich", "de"),
        ("Unser Team ist wieder auf der Messe", "de"),
        ("Schönes Wochenende und bis Montag", "de"),
        ("Pflegefachkraft (m/w/d) - Köln https://x.example/5", "de"),  # no German function word
    )
    assert not_english_in_feeds(posts).all()


def test_a_few_posts_are_too_few_to_overrule_a_guess() -> None:
    posts = feed(*ENGLISH_FEED[:3], ("Grouping CSS selectors in BEM https://x.example/7", "tl"))
    assert not_english_in_feeds(posts).tolist() == [False, False, False, True]


def test_letters_glued_to_digits_are_no_words() -> None:
    # "ES6" and "ES5" are no Spanish "es"
    assert language_of_text("ES6 Classes Rewritten In ES5 - https://x.example/6") != "other"


def test_the_main_language_is_the_one_most_posts_are_stored_in() -> None:
    german = feed(("a", "de"), ("b", "de-AT"), ("c", "en"), ("d", "und"), ("e", None))
    assert main_language(german) == "de"
    assert main_language(feed(("a", "de"), ("b", "en"))) is None  # half is not most
    assert main_language(feed(("a", "qme"), ("b", None))) is None


@pytest.mark.parametrize(
    "text",
    [
        "Halle an der Saale → Weiden in der Oberpfalz: 300 km by bike, what a week",
        "Café de Flore, then Rio de la Plata: a client visit",
    ],
)
def test_foreign_words_inside_place_names_leave_an_english_post_english(text: str) -> None:
    assert language_of_text(text) == "en"


def test_german_nouns_around_function_words_are_no_place_name() -> None:
    # German capitalises every noun: "Mitarbeiter für Lager" reads like a name but is German
    assert language_of_text("Wir suchen Mitarbeiter für Lager und Versand") == "other"
    assert language_of_text("Wir suchen Mitarbeiter für Lager und Versand, the best") == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Buscamos Desarrollador de Software en Madrid, apply now",
        "Se Busca Camarero de Sala en Madrid para la temporada, the hours are good",
    ],
)
def test_a_spanish_ad_with_a_capitalised_job_title_and_an_english_word_stays_spanish(
    text: str,
) -> None:
    # its foreign words are not all inside names: the job title is no place to pass over
    assert language_of_text(text) == "other"
