"""Handles given to ``fetch`` are normalized and checked before any request."""

from __future__ import annotations

import pytest

from staffpulse.errors import InputError
from staffpulse.fetch.handles import bluesky_handle, instance_host, mastodon_account, x_handle


@pytest.mark.parametrize(
    ("text", "handle"),
    [("@AcmeStaffing", "AcmeStaffing"), ("acme_1", "acme_1"), (" @acme ", "acme"),
     ("https://x.com/AcmeStaffing", "acmestaffing"), ("https://twitter.com/acme/status/9", "acme"),
     ("x.com/acme", "acme"), ("www.twitter.com/acme", "acme")],
)  # fmt: skip
def test_x_handles(text: str, handle: str) -> None:
    assert x_handle(text) == handle


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [("@@bad handle!!", "is not a valid X handle", "1-15 letters, digits or underscores"),
     ("sixteen_letters_", "is not a valid X handle", "e.g. @acmestaffing"),
     ("", "is not a valid X handle", "https://x.com/acmestaffing"),
     ("acme.bsky.social", "looks like a Bluesky one", "staffpulse fetch bluesky acme.bsky.social"),
     ("@acme@mastodon.social", "looks like a Mastodon one",
      "staffpulse fetch mastodon @acme@mastodon.social")],
)  # fmt: skip
def test_bad_x_handles(text: str, message: str, hint: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        x_handle(text)
    assert f"'{text}'" in caught.value.message and hint in (caught.value.hint or "")
    assert caught.value.exit_code == 65


@pytest.mark.parametrize(
    ("text", "handle"),
    [("acme.bsky.social", "acme.bsky.social"), ("@Acme.Bsky.Social", "acme.bsky.social"),
     ("jobs.acme-staffing.com", "jobs.acme-staffing.com"), ("did:plc:abc123", "did:plc:abc123"),
     ("https://bsky.app/profile/acme.bsky.social", "acme.bsky.social")],
)  # fmt: skip
def test_bluesky_handles(text: str, handle: str) -> None:
    assert bluesky_handle(text) == handle


def test_bad_bluesky_handles() -> None:
    with pytest.raises(InputError, match="not a full Bluesky handle") as caught:
        bluesky_handle("acme")
    assert "did you mean acme.bsky.social?" in (caught.value.hint or "")
    with pytest.raises(InputError, match="is not a valid Bluesky handle"):
        bluesky_handle("a b")
    with pytest.raises(InputError, match="looks like a Mastodon one"):
        bluesky_handle("acme@mastodon.social")


@pytest.mark.parametrize(
    ("text", "account"),
    [("@acme@mastodon.social", ("acme", "mastodon.social")),
     ("acme@Staffing.Example", ("acme", "staffing.example")),
     ("acme", ("acme", "default.example")), ("@acme", ("acme", "default.example")),
     ("https://staffing.example/@acme", ("acme", "staffing.example"))],
)  # fmt: skip
def test_mastodon_accounts(text: str, account: tuple[str, str]) -> None:
    assert mastodon_account(text, "default.example") == account


def test_bad_mastodon_accounts() -> None:
    with pytest.raises(InputError, match="is not a valid Mastodon handle") as caught:
        mastodon_account("not a handle @@", "mastodon.social")
    assert "@user@instance" in (caught.value.hint or "")
    with pytest.raises(InputError, match="looks like a Bluesky one"):
        mastodon_account("acme.bsky.social", "mastodon.social")
    with pytest.raises(InputError):
        mastodon_account("acme", None)  # no default instance to put it on


@pytest.mark.parametrize(
    "typed",
    ["mastodon.social", "https://Mastodon.Social/", "HTTP://mastodon.social", "@mastodon.social"],
)
def test_an_instance_pasted_from_a_browser_or_with_an_at_names_the_same_host(typed: str) -> None:
    # --instance and --hashtag read the instance the same way
    assert instance_host(typed) == "mastodon.social"
