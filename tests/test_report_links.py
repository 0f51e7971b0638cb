from __future__ import annotations

import pytest

from staffpulse.report.links import safe_link


@pytest.mark.parametrize(
    "url",
    ["https://x.com/acme/status/1", "http://example.org/post", "HTTPS://Example.org/Post"],
)
def test_a_web_address_stays_a_link(url: str) -> None:
    assert safe_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "x.com/acme",
        "",
        None,
    ],
)
def test_any_other_address_is_no_link(url: str | None) -> None:
    assert safe_link(url) is None


def test_spaces_around_a_web_address_are_trimmed() -> None:
    assert safe_link("  https://bsky.app/profile/acme \n") == "https://bsky.app/profile/acme"
