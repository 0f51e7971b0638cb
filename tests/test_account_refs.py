"""Account references as people type them (staffpulse.account_refs): handles, profile
addresses and picker values found in the store or read without it; an address of no
profile, a misspelled handle or one on another platform told as such, with what to do."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.account_refs import (
    explain_missing_account,
    find_account_ref,
    parse_account_ref,
    read_account_ref,
)
from staffpulse.errors import AmbiguousAccountError, InputError, NoSuchAccountError, NotFoundError
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture
def store() -> Store:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="1", handle="Acme_Staffing"),
            Account(platform="bluesky", id="did:plc:abc", handle="ridgeway.bsky.social"),
            Account(platform="mastodon", id="https://hr.social/@jane", handle="jane@hr.social"),
            # the same bare handle on Bluesky, as a CSV without full handles stores it
            Account(platform="bluesky", id="did:plc:twin", handle="acme_staffing"),
            Post(platform="x", id="p1", author_id="1", text="hi", created_at=NOW),
        ],
        Provenance("test", "here", "t", NOW),
    )
    return store


@pytest.mark.parametrize(
    ("typed", "platform", "account_id"),
    [
        # what people paste from a browser: every form names its platform
        ("https://x.com/acme_staffing", "x", "1"),
        ("https://twitter.com/Acme_Staffing/status/9?s=20", "x", "1"),
        ("x.com/acme_staffing", "x", "1"),
        ("https://bsky.app/profile/ridgeway.bsky.social", "bluesky", "did:plc:abc"),
        ("https://bsky.app/profile/did:plc:abc", "bluesky", "did:plc:abc"),
        ("https://hr.social/@jane", "mastodon", "https://hr.social/@jane"),
        ("https://hr.social/users/jane", "mastodon", "https://hr.social/@jane"),
        # what people type, and what the dashboard's pickers send
        ("@Ridgeway.bsky.social", "bluesky", "did:plc:abc"),
        ("@jane@hr.social", "mastodon", "https://hr.social/@jane"),
        ("jane", "mastodon", "https://hr.social/@jane"),
        ("@acme_staffing (x)", "x", "1"),
        ("bsky:ridgeway.bsky.social", "bluesky", "did:plc:abc"),
    ],
)
def test_an_account_is_found_by_handle_id_or_profile_url(
    store: Store, typed: str, platform: str, account_id: str
) -> None:
    found = find_account_ref(store, typed)
    assert (found.platform, found.id) == (platform, account_id)


def test_the_url_says_which_platform_when_a_handle_is_on_two(store: Store) -> None:
    # "acme_staffing" alone is on X and Bluesky; the X profile address is the X account
    with pytest.raises(AmbiguousAccountError):
        find_account_ref(store, "acme_staffing")
    found = find_account_ref(store, "https://x.com/acme_staffing")
    assert (found.platform, found.id) == ("x", "1")


def test_a_platform_that_contradicts_the_reference_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="names an X account, not a Bluesky one"):
        find_account_ref(store, "https://x.com/acme_staffing", "bsky")
    with pytest.raises(InputError, match="names an X account"):
        find_account_ref(store, "@acme_staffing (x)", "mastodon")
    assert find_account_ref(store, "https://x.com/acme_staffing", "Twitter").id == "1"


def test_an_address_of_no_profile_or_no_stored_account_says_so(store: Store) -> None:
    with pytest.raises(InputError, match="not a profile URL"):
        find_account_ref(store, "https://example.com/about")
    with pytest.raises(NotFoundError, match=r"no account 'someone' on x"):
        find_account_ref(store, "https://x.com/someone")


def test_read_without_the_store() -> None:
    assert read_account_ref("https://x.com/Acme_Staffing") == ("acme_staffing", "x")
    assert read_account_ref("https://hr.social/@jane") == ("jane@hr.social", "mastodon")
    assert read_account_ref("acme", "twitter") == ("acme", "x")
    assert read_account_ref("@acme") == ("acme", None)
    assert parse_account_ref("  ") == ("", None)


def test_a_misspelled_handle_is_offered_the_closest_stored_ones(store: Store) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_account_ref(store, "@Acme_Stafing", "x")
    assert "did you mean @Acme_Staffing (x)?" in caught.value.message
    assert "import its posts" in str(caught.value.hint)  # still possible, no longer the only fix
    # a Bluesky handle typed without its domain
    with pytest.raises(NotFoundError, match=r"did you mean @ridgeway\.bsky\.social \(bluesky\)"):
        find_account_ref(store, "ridgeway")
    # nothing close: the plain message, and what to do
    with pytest.raises(NotFoundError) as caught:
        find_account_ref(store, "zzqqxx")
    assert "did you mean" not in caught.value.message
    assert "import its posts" in str(caught.value.hint)


def test_a_handle_on_another_platform_is_told_where_it_is(store: Store) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_account_ref(store, "ridgeway.bsky.social", "x")
    assert caught.value.message == "@ridgeway.bsky.social is on Bluesky, not X"
    assert "--platform bluesky" in str(caught.value.hint)
    # the account it is, for a caller that offers it (the dashboard's button to its audit)
    assert isinstance(caught.value, NoSuchAccountError)
    assert caught.value.close == (("ridgeway.bsky.social", "bluesky"),)
    assert "import" not in str(caught.value.hint)  # it is imported already


def test_a_handle_from_a_csv_with_no_platform_is_not_said_to_be_on_csv(store: Store) -> None:
    store.upsert(
        [Account(platform="csv", id="nw", handle="northwind")], Provenance("t", "h", "t", NOW)
    )
    with pytest.raises(NotFoundError) as caught:
        find_account_ref(store, "northwind", "x")
    assert caught.value.message == "@northwind is from a CSV (no platform), not X"
    # "--platform csv" alone reads as a network to a user who never wrote "csv"
    assert str(caught.value.hint) == (
        "use --platform csv (the accounts imported from a CSV with no platform column), "
        "or leave --platform out"
    )


def test_a_missing_account_says_which_handle_and_platform_it_looked_for(store: Store) -> None:
    with pytest.raises(NoSuchAccountError) as caught:
        find_account_ref(store, "@Acme_Stafing", "x")
    assert (caught.value.handle, caught.value.platform) == ("Acme_Stafing", "x")
    with pytest.raises(NoSuchAccountError) as elsewhere:
        find_account_ref(store, "ridgeway.bsky.social", "x")
    assert elsewhere.value.platform == "x"


def test_only_a_missing_account_is_explained_by_close_handles(store: Store) -> None:
    # worded like a missing account, but another failure: told as it is, with no guesses
    other = NotFoundError("no account of the cohort has posts in the store")
    assert explain_missing_account(store, "acme_stafing", "x", other) is other
    missing = NoSuchAccountError("acme_stafing", "x")
    assert (
        "did you mean @Acme_Staffing (x)?"
        in explain_missing_account(store, "acme_stafing", "x", missing).message
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("https://www.linkedin.com/in/foo", ""),
        ("https://x.com/home", ": it is not an X profile URL (x.com/name)"),
    ],
)
def test_an_address_of_no_profile_is_named_once(typed: str, reason: str) -> None:
    with pytest.raises(InputError) as refused:
        read_account_ref(typed)
    message = str(refused.value.args[0])
    assert message == f"'{typed}' is not a profile URL staffpulse reads{reason}"
    assert message.count(typed) == 1
    assert "x.com, bsky.app or a Mastodon instance" in (refused.value.hint or "")


def _twcs_store() -> Store:
    """A brand and one of its customers as the TWCS import stores them (docs/formats.md): the
    brand's account keyed by its lower-cased handle, the customer's posts under
    ``twcs:<number>`` with no account."""
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="acmesupport", handle="AcmeSupport"),
            Post(
                platform="x", id="twcs:1", author_id="twcs:913579", created_at=NOW,
                text="@AcmeSupport my shift app logs me out", mentions=("acmesupport",),
            ),
            Post(
                platform="x", id="twcs:2", author_id="acmesupport", created_at=NOW,
                text="@913579 Sorry! Which phone?", reply_to_post_id="twcs:1",
                reply_to_account_id="twcs:913579",
            ),
            Post(
                platform="x", id="twcs:3", author_id="twcs:913579", created_at=NOW,
                text="an iPhone", reply_to_post_id="twcs:2", reply_to_account_id="acmesupport",
            ),
        ],
        Provenance("twcs", "sample.csv", "t", NOW),
    )  # fmt: skip
    return store


@pytest.mark.parametrize("typed", ["twcs:913579", "@913579"])
def test_an_anonymized_customer_is_told_it_has_posts_but_no_account(typed: str) -> None:
    with _twcs_store() as store, pytest.raises(NoSuchAccountError) as caught:
        find_account_ref(store, typed)
    assert caught.value.message == (
        "'twcs:913579' is an anonymized customer of a Customer Support on Twitter (TWCS) file:"
        " its 2 posts are in the store, but the dataset names customers only by a number, so"
        " there is no account behind it"
    )
    # not "import its posts first": they are imported; the brand it wrote to is the account
    assert caught.value.hint == (
        "choose the brand it wrote to instead, @AcmeSupport"
        " (staffpulse accounts lists every stored account)"
    )


def test_a_number_or_id_of_no_stored_customer_is_still_missing() -> None:
    with _twcs_store() as store:
        for typed in ("twcs:999", "999"):
            with pytest.raises(NoSuchAccountError) as caught:
                find_account_ref(store, typed)
            assert caught.value.message == f"no account '{typed}' in the store"
            assert "import its posts first" in str(caught.value.hint)


def test_a_part_of_a_stored_handle_is_offered_the_handles_containing_it(store: Store) -> None:
    # "staffing" is no typo of any handle, but two stored handles hold it: they are offered,
    # not "import its posts first" for an account that is there
    with pytest.raises(NotFoundError) as caught:
        find_account_ref(store, "staffing", "x")
    assert caught.value.message.endswith("did you mean @Acme_Staffing (x)?")
    with pytest.raises(NotFoundError, match=r"did you mean @Acme_Staffing \(x\) or"):
        find_account_ref(store, "staffing")
    with pytest.raises(NotFoundError) as short:  # too short a part to say which was meant
        find_account_ref(store, "acm")
    assert "did you mean" not in short.value.message


def test_a_bare_name_asked_for_on_bluesky_finds_its_bsky_social_handle(store: Store) -> None:
    """``connect ridgeway --platform bluesky`` said the account was not on Bluesky, while
    add-handles reads the same name as ridgeway.bsky.social."""
    found = find_account_ref(store, "ridgeway", "bluesky")
    assert (found.platform, found.id) == ("bluesky", "did:plc:abc")
    assert find_account_ref(store, "bluesky:ridgeway").id == "did:plc:abc"
    # a bare handle stored as it is stays first
    assert find_account_ref(store, "acme_staffing", "bluesky").id == "did:plc:twin"
    with pytest.raises(NotFoundError):
        find_account_ref(store, "nobody", "bluesky")


def test_handles_on_the_same_server_are_compared_by_the_part_that_differs() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="bluesky", id="did:plc:m", handle="monday.bsky.social"),
            Account(platform="mastodon", id="https://hr.social/@jane", handle="jane@hr.social"),
        ],
        Provenance("test", "here", "t", NOW),
    )
    # only ".bsky.social" (or "@hr.social") in common: no typo of the stored handle
    for typed in ("nobody.bsky.social", "noone@hr.social"):
        with pytest.raises(NotFoundError) as caught:
            find_account_ref(store, typed)
        assert "did you mean" not in caught.value.message
    # a typo in the name, or in the server, is still offered the stored handle
    for typed in ("mondy.bsky.social", "monday.bsky.socal"):
        with pytest.raises(NotFoundError, match=r"did you mean @monday\.bsky\.social \(bluesky\)"):
            find_account_ref(store, typed)
    with pytest.raises(NotFoundError, match=r"did you mean @jane@hr\.social \(mastodon\)"):
        find_account_ref(store, "jame@hr.social")


def test_a_name_no_handle_could_be_says_why_and_sends_only_a_csv_name_to_import(
    store: Store,
) -> None:
    with pytest.raises(NoSuchAccountError) as anywhere:
        find_account_ref(store, "@pay#roll!")
    assert anywhere.value.message == (
        "no account 'pay#roll!' in the store: it has '#' and '!', which no X, Bluesky or"
        " Mastodon handle has"
    )
    assert (anywhere.value.hint or "").startswith("import its posts first")
    assert (anywhere.value.hint or "").endswith(
        "; only a name from a CSV's author column can have them: any other is mistyped"
    )
    with pytest.raises(NoSuchAccountError) as on_x:
        find_account_ref(store, "pay#roll", "x")
    assert on_x.value.message.endswith(": it has '#', which no X, Bluesky or Mastodon handle has")
    assert "import" not in (on_x.value.hint or "")


def test_a_did_or_a_server_port_is_no_odd_character(store: Store) -> None:
    for ref in ("did:plc:nothere", "@nobody@hr.social:3000"):
        with pytest.raises(NoSuchAccountError) as missing:
            find_account_ref(store, ref)
        assert "which no X" not in missing.value.message


def test_a_space_in_a_name_is_told_in_words_not_as_a_quoted_blank(store: Store) -> None:
    # "' '" read as a stray pair of quotes; a no-break space pasted from a page is one too
    with pytest.raises(NoSuchAccountError) as missing:
        find_account_ref(store, "Dana\u00a0Ruiz from payroll!")
    assert missing.value.message.endswith(
        " in the store: it has a space and '!', which no X, Bluesky or Mastodon handle has"
    )
