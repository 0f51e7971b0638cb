"""What connect was asked for: roles as people spell them, the account by handle, id or URL."""

from __future__ import annotations

import pytest

from connect_fixtures import NOW, add_posts
from staffpulse.connect.choices import find_connect_account, parse_roles
from staffpulse.errors import InputError, NotFoundError
from staffpulse.models import Account, Post
from staffpulse.store import Store, open_store


@pytest.mark.parametrize(
    ("typed", "roles"),
    [
        ("HR pro", {"hr_pro"}),
        ("hr-pro", {"hr_pro"}),
        ("hr_pro", {"hr_pro"}),
        ("HR", {"hr_pro"}),
        ("staffing firm", {"staffing_firm"}),
        ("Job boards", {"job_board"}),
        ("recruiters, HR pros", {"recruiter", "hr_pro"}),
        ("industry", {"staffing_firm", "recruiter", "hr_pro", "vendor"}),
        ("", None),
        ("any", None),  # every role, brands and public figures too
        ("Any", None),
    ],
)
def test_roles_are_read_as_people_write_them(typed: str, roles: set[str] | None) -> None:
    assert parse_roles(typed) == roles


def test_an_unknown_role_is_named_as_typed() -> None:
    with pytest.raises(InputError, match="unknown role 'wizard of HR'") as caught:
        parse_roles("recruiter, wizard of HR")
    assert caught.value.hint and "hr_pro" in caught.value.hint and "any" in caught.value.hint


@pytest.mark.parametrize(
    ("typed", "roles"),
    [
        ("staffing agency", {"staffing_firm"}),
        ("Recruitment agencies", {"staffing_firm"}),
        ("HR professionals", {"hr_pro"}),
        ("brands", {"other"}),
        ("all", None),
        ("recruiter;vendor", {"recruiter", "vendor"}),
        ("recruiter / HR pro", {"recruiter", "hr_pro"}),
    ],
)
def test_common_words_for_a_role_and_other_list_separators_are_understood(
    typed: str, roles: set[str] | None
) -> None:
    assert parse_roles(typed) == roles


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("recruter", "unknown role 'recruter': did you mean recruiter?"),
        # "any" shows every account: never guessed for a word that merely looks like it
        ("company", "unknown role 'company'"),
        (
            "recruiter vendor",
            "unknown role 'recruiter vendor': did you mean 'recruiter,vendor' (several roles "
            "go comma-separated)?",
        ),
    ],
)
def test_a_misspelled_role_gets_a_guess_only_when_one_is_close(typed: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_roles(typed)
    assert caught.value.message == said


def test_only_no_role_leaves_out_the_accounts_outside_hiring() -> None:
    from staffpulse.connect.choices import leaves_out_outsiders

    assert leaves_out_outsiders(None) and leaves_out_outsiders("") and leaves_out_outsiders(" ")
    assert not leaves_out_outsiders("any") and not leaves_out_outsiders("other")


@pytest.fixture
def store() -> Store:
    store = open_store(":memory:")
    add_posts(
        store,
        Account(platform="x", id="1", handle="Acme_Staffing"),
        Account(platform="bluesky", id="did:plc:abc", handle="ferrow.dev"),
        Account(platform="mastodon", id="https://hr.social/@jane", handle="jane@hr.social"),
        Post(platform="x", id="p1", author_id="1", text="hi", created_at=NOW),
    )
    return store


@pytest.mark.parametrize(
    ("typed", "platform", "account_id"),
    [
        ("https://bsky.app/profile/ferrow.dev", "bluesky", "did:plc:abc"),
        ("bsky.app/profile/did:plc:abc", "bluesky", "did:plc:abc"),
        ("https://x.com/acme_staffing/status/1", "x", "1"),
        ("https://hr.social/@jane", "mastodon", "https://hr.social/@jane"),
        ("@Acme_Staffing", "x", "1"),
        ("jane", "mastodon", "https://hr.social/@jane"),  # the user part of user@instance
    ],
)
def test_the_account_is_found_by_handle_or_profile_url(
    store: Store, typed: str, platform: str, account_id: str
) -> None:
    found = find_connect_account(store, typed)
    assert (found.platform, found.id) == (platform, account_id)


def test_a_url_that_is_no_profile_or_no_stored_account_says_so(store: Store) -> None:
    with pytest.raises(InputError, match="not a profile URL"):
        find_connect_account(store, "https://example.com/about")
    with pytest.raises(NotFoundError, match=r"no account 'someone\.bsky\.social'"):
        find_connect_account(store, "https://bsky.app/profile/someone.bsky.social")


def _store_with_long_x_handle() -> Store:
    # import keeps an X handle of 16 characters (with a note); connect must find it by URL too
    store = open_store(":memory:")
    add_posts(
        store,
        Account(platform="x", id="77", handle="brightpath_staff", display_name="BrightPath"),
    )
    return store


@pytest.mark.parametrize(
    "typed",
    [
        "brightpath_staff",
        "https://x.com/brightpath_staff",
        "x.com/BrightPath_Staff/status/1",
        "https://twitter.com/@brightpath_staff?lang=en",
    ],
)
def test_a_profile_url_finds_a_stored_account_whose_handle_x_would_refuse(typed: str) -> None:
    assert find_connect_account(_store_with_long_x_handle(), typed).id == "77"


def test_a_long_x_name_not_stored_is_refused_saying_why() -> None:
    with pytest.raises(InputError) as caught:
        find_connect_account(_store_with_long_x_handle(), "https://x.com/brightpath_stafff")
    assert (
        "@brightpath_stafff, which has 17 characters: X handles have at most 15"
        in caught.value.message
    )


def test_a_bluesky_url_is_not_held_to_xs_length_rule() -> None:
    with pytest.raises((InputError, NotFoundError)) as caught:
        find_connect_account(
            _store_with_long_x_handle(), "https://bsky.app/profile/brightpath_staff"
        )
    message = caught.value.message
    assert "at most 15" not in message and "letters, digits and _" not in message
    assert "Bluesky" in message


@pytest.mark.parametrize("typed", ["", "  ", "@"])
def test_no_account_given_is_said_as_such(store: Store, typed: str) -> None:
    with pytest.raises(InputError, match="no account given") as caught:
        find_connect_account(store, typed)
    assert "staffpulse accounts" in (caught.value.hint or "")


def test_every_default_list_size_and_inactive_span_is_the_one_constant() -> None:
    """The 20 suggestions were written in five places and the 90 inactive days in three: a
    change to one left the CLI, the library and the dashboard disagreeing."""
    import inspect

    from typer.testing import CliRunner

    from staffpulse.cli.app import app
    from staffpulse.connect import SuggestOptions, suggest_accounts, suggest_report
    from staffpulse.connect.choices import DEFAULT_SUGGESTIONS
    from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS

    for ranks in (suggest_accounts, suggest_report):
        assert inspect.signature(ranks).parameters["limit"].default == DEFAULT_SUGGESTIONS
    assert SuggestOptions().inactive_days == DEFAULT_INACTIVE_DAYS
    said = " ".join(
        CliRunner().invoke(app, ["connect", "--help"], env={"COLUMNS": "200"}).output.split()
    )
    assert f"[default: {DEFAULT_SUGGESTIONS}]" in said
    assert f"[default: {DEFAULT_INACTIVE_DAYS}]" in said
