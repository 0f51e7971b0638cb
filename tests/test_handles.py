"""The handle parser: every form people send, and the reasons it refuses the rest."""

from __future__ import annotations

import pytest

from staffpulse.handles import ascii_address, display_address, parse_handle, plain_handle

DID = "did:plc:abcdefghijklmnopqrstuvwx"

# (what people send, platform given or None, expected (platform, handle))
PARSED = [
    # X: bare names, @names, profile URLs in every shape people paste
    ("@Rita_Recruits", None, ("x", "rita_recruits")),
    ("acmestaffing", None, ("x", "acmestaffing")),
    ("https://x.com/foo_bar", None, ("x", "foo_bar")),
    ("https://x.com/@acme", None, ("x", "acme")),  # not the Mastodon acme@x.com
    ("x.com/baz123", None, ("x", "baz123")),
    ("www.x.com/acme", None, ("x", "acme")),
    ("HTTPS://WWW.X.COM/Acme/", None, ("x", "acme")),
    ("https://twitter.com/foo_bar?s=20", None, ("x", "foo_bar")),
    ("twitter.com/foo_bar/", None, ("x", "foo_bar")),
    ("https://twitter.com/acme/status/123", None, ("x", "acme")),
    ("https://mobile.twitter.com/acme", None, ("x", "acme")),
    ("https://mobile.twitter.com/acme?lang=en#top", None, ("x", "acme")),
    ("https://x.com/acme", "x", ("x", "acme")),
    # Bluesky: domain handles, DIDs, bsky.app profile URLs
    ("jane.bsky.social", None, ("bluesky", "jane.bsky.social")),
    ("@Jane.bsky.social", None, ("bluesky", "jane.bsky.social")),
    ("acme-staffing.com", None, ("bluesky", "acme-staffing.com")),
    (DID, None, ("bluesky", DID)),
    ("https://bsky.app/profile/jane.bsky.social", None, ("bluesky", "jane.bsky.social")),
    ("https://bsky.app/profile/jane.bsky.social/", None, ("bluesky", "jane.bsky.social")),
    ("bsky.app/profile/jane.bsky.social", None, ("bluesky", "jane.bsky.social")),
    ("https://www.bsky.app/profile/Jane.bsky.social", None, ("bluesky", "jane.bsky.social")),
    (f"https://bsky.app/profile/{DID}/post/3k", None, ("bluesky", DID)),
    ("rita", "bluesky", ("bluesky", "rita.bsky.social")),
    # Mastodon: addresses, profile URLs, remote profiles shown by another instance
    ("@Val@HR.social", None, ("mastodon", "val@hr.social")),
    ("recruiter@mastodon.social", "mastodon", ("mastodon", "recruiter@mastodon.social")),
    # a bare user@host is an account when the host is plainly a fediverse server
    ("recruiter@mastodon.social", None, ("mastodon", "recruiter@mastodon.social")),
    ("Ann@Fosstodon.org", None, ("mastodon", "ann@fosstodon.org")),
    ("sam@recruiting.social", None, ("mastodon", "sam@recruiting.social")),
    ("https://fosstodon.org/@ann", None, ("mastodon", "ann@fosstodon.org")),
    ("https://hr.social/@maria/", None, ("mastodon", "maria@hr.social")),
    ("https://hr.social/@maria?tab=posts", None, ("mastodon", "maria@hr.social")),
    ("https://mastodon.social/@Jane/1123", None, ("mastodon", "jane@mastodon.social")),
    ("https://mastodon.social/@jane@hr.social", None, ("mastodon", "jane@hr.social")),
    ("mastodon.social/@jane@hr.social", None, ("mastodon", "jane@hr.social")),
    ("https://mastodon.social/users/Jane", None, ("mastodon", "jane@mastodon.social")),
    ("<https://hr.social/@maria>", None, ("mastodon", "maria@hr.social")),
    # an instance on an internationalized domain, typed in Unicode or ASCII: one account, in
    # the ASCII (IDNA) form Mastodon keys it by
    ("@jose@café.example", None, ("mastodon", "jose@xn--caf-dma.example")),
    ("@Anna@BÜCHER.social", None, ("mastodon", "anna@xn--bcher-kva.social")),
    ("anna@bücher.social", None, ("mastodon", "anna@xn--bcher-kva.social")),
    ("@anna@xn--bcher-kva.social", None, ("mastodon", "anna@xn--bcher-kva.social")),
    ("https://bücher.social/@anna", None, ("mastodon", "anna@xn--bcher-kva.social")),
    ("bücher.social/@anna", None, ("mastodon", "anna@xn--bcher-kva.social")),
    ("https://bücher.social/users/anna", None, ("mastodon", "anna@xn--bcher-kva.social")),
    (
        "https://mastodon.social/@anna@bücher.social",
        None,
        ("mastodon", "anna@xn--bcher-kva.social"),
    ),
]

# (what people send, platform given or None, part of the message)
REJECTED = [
    ("way_too_long_for_an_x_handle", None, "at most 15"),
    ("hello world", None, "not a handle"),
    ("@x@", None, "not a Mastodon address"),
    ("@@@", None, "not a handle"),
    ("mailto:someone@example.com", None, "not a Mastodon address"),
    ("@ünïcødé.bsky.social", None, "not a Bluesky handle"),
    ("@josé@café.example", None, "not a Mastodon address"),  # Mastodon's names are ASCII
    ("@anna@bü..social", None, "not a Mastodon address"),
    ("https://example.com/about", None, "not a profile URL"),
    ("https://x.com/", None, "not an X profile URL"),
    ("https://x.com/home", None, "not an X profile URL"),
    ("https://x.com/i/lists/1", None, "not an X profile URL"),
    ("https://x.com/@bad!!", None, "not an X profile URL"),
    ("https://bsky.app/search?q=hr", None, "not a Bluesky profile URL"),
    ("ann", "mastodon", "instance"),
    ("x.com/acme", "bluesky", "looks like a x handle, not bluesky"),
    ("", None, "empty handle"),
    # user@host without a leading @ or a platform may be an email address
    ("mia@example.com", None, "may be an email address: write a Mastodon account as @mia@"),
    ("jo@gmail.com", None, "may be an email address"),
    ("mia@social-staffing.com", None, "may be an email address"),
    ("mia@example.com", "x", "looks like a mastodon handle \\(or an email address\\), not x"),
]


@pytest.mark.parametrize(("text", "platform", "expected"), PARSED)
def test_parse_handle_reads_the_forms_people_send(
    text: str, platform: str | None, expected: tuple[str, str]
) -> None:
    assert parse_handle(text, platform) == expected


@pytest.mark.parametrize(("text", "platform", "message"), REJECTED)
def test_parse_handle_rejects_with_a_reason(text: str, platform: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_handle(text, platform)


def test_ascii_address_keys_an_account_on_an_internationalized_domain_once() -> None:
    assert ascii_address("anna@bücher.social") == "anna@xn--bcher-kva.social"
    assert ascii_address("@anna@bücher.social") == "@anna@xn--bcher-kva.social"
    # what is no Mastodon address, or has no ASCII form, is left for its reader to judge
    for other in ("acme", "jane.bsky.social", "anna@xn--bcher-kva.social", "a@bü..c", "@bü"):
        assert ascii_address(other) == other


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("AgenceIntérim", "AgenceInterim"),  # no X handle has an accent
        ("josé@mastodon.social", "jose@mastodon.social"),  # nor a Mastodon user name
        ("josé@bücher.social", "jose@xn--bcher-kva.social"),  # the instance is IDNA
        ("bücher.example", "xn--bcher-kva.example"),  # a Bluesky handle is a domain name
        ("AcmeStaffing", "AcmeStaffing"),
    ],
)
def test_a_handle_written_with_accents_is_the_plain_one(written: str, meant: str) -> None:
    assert plain_handle(written) == meant


def test_an_internationalized_address_is_shown_in_unicode_and_kept_in_ascii() -> None:
    assert display_address("anna@xn--bcher-kva.social") == "anna@bücher.social"
    assert display_address("@anna@xn--bcher-kva.social") == "@anna@bücher.social"
    assert display_address("xn--bcher-kva.example") == "bücher.example"  # a Bluesky handle
    assert ascii_address(display_address("anna@xn--bcher-kva.social")) == (
        "anna@xn--bcher-kva.social"
    )
    for other in ("acmestaffing", "jane@hr.social", "x@xn--zz.social"):  # the last: no IDNA
        assert display_address(other) == other
