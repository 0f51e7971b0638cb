"""Mastodon custom emoji in display names (staffpulse.custom_emoji): shortcodes are left out
or marked, and what only looks like one (a time, a word glued to colons) is kept."""

from __future__ import annotations

import pytest

from staffpulse.custom_emoji import without_custom_emoji


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Tomas Reyes :verified:", "Tomas Reyes"),
        ("Brenwick :glowypaws:", "Brenwick"),
        (":blobcat: Rosa Lund", "Rosa Lund"),
        ("Rosa :blob_cat_2: Lund", "Rosa Lund"),
        ("Rosa Lund 10:30:00", "Rosa Lund 10:30:00"),  # a time holds no shortcode
        ("Note:this:", "Note:this:"),  # glued to a word: no shortcode
        ("Rosa Lund", "Rosa Lund"),
    ],
)
def test_shortcodes_are_left_out_of_a_name(name: str, shown: str) -> None:
    assert without_custom_emoji(name) == shown


def test_a_shortcode_alone_can_be_marked() -> None:
    assert without_custom_emoji(":blobcat:", "\u2605") == "\u2605"
    assert without_custom_emoji(":blobcat:") == ""
