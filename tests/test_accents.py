"""Accent and apostrophe folding: words typed with or without accents, or with a curly
apostrophe, match."""

from staffpulse.accents import straighten_quotes, strip_accents


def test_accented_words_lose_their_accents() -> None:
    assert strip_accents("Intérim Zürich résumé") == "Interim Zurich resume"


def test_ascii_and_non_latin_text_are_kept() -> None:
    assert strip_accents("Hiring in Denver") == "Hiring in Denver"
    assert strip_accents("採用 📣") == "採用 📣"


def test_curly_apostrophes_are_made_straight_and_nothing_else_changes() -> None:
    assert straighten_quotes("We\u2019re hiring! It\u2018s $40/hr") == "We're hiring! It's $40/hr"
    assert straighten_quotes("\u201cquoted\u201d caf\u00e9") == "\u201cquoted\u201d caf\u00e9"
