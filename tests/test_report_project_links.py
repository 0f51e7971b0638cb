"""Where a report's reader finds the staffpulse documentation (report/project_links.py): the
address the package declares in pyproject.toml's [project.urls], never a placeholder."""

from __future__ import annotations

import pytest

from staffpulse.report.project_links import documentation_url, is_public_address


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://staffpulse.dev/docs", True),
        ("http://github.com/acme/staffpulse", True),
        ("https://example.invalid/staffpulse", False),  # pyproject's placeholder
        ("https://docs.example.com/staffpulse", False),
        ("https://staffpulse.test", False),
        ("https://localhost/docs", False),
        ("ftp://staffpulse.dev/docs", False),
        ("docs/models", False),  # a path of the source: a client cannot open it
    ],
)
def test_only_an_address_a_reader_can_open_counts(url: str, public: bool) -> None:
    assert is_public_address(url) is public


def test_the_documentation_comes_before_the_home_page_and_placeholders_are_none() -> None:
    declared = [
        "Homepage, https://staffpulse.dev",
        "Documentation, https://staffpulse.dev/docs",
    ]
    assert documentation_url(declared) == "https://staffpulse.dev/docs"
    placeholder = ["Homepage, https://example.invalid/staffpulse"]
    assert documentation_url(placeholder) is None
    assert documentation_url([*placeholder, "Source, https://git.acme.dev/sp"]) == (
        "https://git.acme.dev/sp"
    )
    assert documentation_url([]) is None


def test_the_installed_package_gives_none_or_an_address_that_opens() -> None:
    found = documentation_url()
    assert found is None or is_public_address(found)
