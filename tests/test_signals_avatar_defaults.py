"""Placeholder avatars from metadata, for the spellings of platforms a file may use
("Twitter", "bsky", a Misskey server), and a platform staffpulse does not know, whose picture
is never called a placeholder on a guess."""

from __future__ import annotations

import pytest

from staffpulse.signals.avatar_defaults import default_from_metadata

X_EGG = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


@pytest.mark.parametrize(
    ("platform", "url", "has_field"),
    [
        (" Twitter ", X_EGG, True),
        ("BSKY", "", True),
        ("atproto", None, False),
        ("misskey", "https://mk.example/avatars/original/missing.png#x", True),
    ],
)
def test_placeholders_are_found_whatever_the_platform_is_called(
    platform: str, url: str | None, has_field: bool
) -> None:
    assert default_from_metadata(platform, url, has_avatar_field=has_field)


def test_a_picture_on_a_platform_it_does_not_know_is_not_called_a_placeholder() -> None:
    assert not default_from_metadata("linkedin", "")
    assert not default_from_metadata("linkedin", X_EGG)
