"""Accent folding: words typed with or without accents match."""

from staffpulse.accents import strip_accents


def test_accented_words_lose_their_accents() -> None:
    assert strip_accents("Intérim Zürich résumé") == "Interim Zurich resume"


def test_ascii_and_non_latin_text_are_kept() -> None:
    assert strip_accents("Hiring in Denver") == "Hiring in Denver"
    assert strip_accents("採用 📣") == "採用 📣"
