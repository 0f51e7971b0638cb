"""The Supported formats page (routes_help) describes every export the Import page offers: the
Import page listed a Mastodon archive and a Bluesky export that "What each format looks like"
then never mentioned (QA s21)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, page_words  # noqa: E402


def test_every_kind_of_file_the_import_page_offers_is_described(tmp_path: Path) -> None:
    with make_client(tmp_path / "help.db") as client:
        offered_page = client.get("/import").text
        formats = client.get("/help/formats").text
    table = offered_page.split("What you can upload", 1)[1].split("</table>", 1)[0]
    offered = re.findall(r"<tr><th scope=\"row\">([^<]+)</th>", table)
    assert "Mastodon archive" in offered and "Bluesky export" in offered
    headings = re.findall(r"<h2>([^<]+)</h2>", formats)
    for label in offered:  # "Bluesky, Mastodon": a heading that names both
        names = label.split(", ")
        assert any(all(name in heading for name in names) for heading in headings), label
    words = page_words(formats)
    assert "Request your archive" in words and "repo.car" in words
    assert "staffpulse fetch" not in words and "--" not in words  # no terminal on the page


def test_the_x_archive_files_to_choose_include_every_part_and_the_manifest(tmp_path: Path) -> None:
    """Chosen from the data folder, an archive's tweets-part1.js left out lost its posts unseen:
    the page says to choose every part and manifest.js, which names one left out (QA s22)."""
    with make_client(tmp_path / "help.db") as client:
        words = page_words(client.get("/help/formats").text)
    x_archive = words.split("X archive", 1)[1].split("Mastodon archive", 1)[0]
    assert "tweets-part1.js" in x_archive and "manifest.js" in x_archive
    assert "one left out is named on the import's page" in x_archive
