"""Face's picture advice (staffpulse.audit.face): how to get a picture checked when the data
holds only its address or none, and one headline per kind of picture."""

from __future__ import annotations

from typing import Any

import pytest

from staffpulse.audit.avatar_check import AvatarInfo, avatar_info
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.face import face_pillar
from staffpulse.audit.types import Tentative
from staffpulse.models import Account, Platform


def acct(platform: Platform = "x", **kw: Any) -> Account:
    return Account(platform=platform, id="a", handle="a", **kw)


@pytest.mark.parametrize(
    ("platform", "handle", "command"),
    [
        ("bluesky", "erik.example.dev", "staffpulse fetch bluesky erik.example.dev"),
        ("mastodon", "ana@social.example", "staffpulse fetch mastodon @ana@social.example"),
        ("x", "acmestaffing", "staffpulse fetch x @acmestaffing"),
    ],
)
def test_an_imported_avatar_address_tells_how_to_get_the_picture_checked(
    platform: Platform, handle: str, command: str
) -> None:
    # a file import stores only the picture's web address: the advice says how to check it
    account = Account(
        platform=platform,
        id="a1",
        handle=handle,
        display_name="Ana Ruiz",
        bio="Recruiting nurses across Ohio since 2015, ask me anything.",
        avatar_url="https://cdn.example/avatar/a1.jpg",
    )
    info = avatar_info(account)
    pillar = face_pillar(account, DEFAULTS, info)
    advice = " ".join(pillar.recommendations)
    assert f"`{command}`" in advice
    # the avatar command reads a saved copy but puts nothing in the store: the advice must not
    # promise that running it checks the picture for the audit
    assert "`staffpulse avatar picture.jpg` on a saved copy only says what it shows" in advice
    assert "the audit does not read it" in advice
    assert "stores only its web address" in advice
    assert any("partial until the picture is checked" in note for note in pillar.notes)
    # once the image model has judged the picture, the score is no longer called partial
    checked = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "image model"))
    assert checked.notes == []


@pytest.mark.parametrize(
    ("label", "headline"),
    [
        ("default", "Replace the default picture"),
        ("logo", "Show a person, not a logo, in the picture"),
        ("other", "Use a clear photo of a person as the picture"),
        (None, "Check the picture: it could not be read"),
    ],
)
def test_picture_advice_is_headlined_about_the_account(label: str | None, headline: str) -> None:
    account = acct(display_name="Rosa Lund", bio="Rosa and team: office jobs across Tacoma.")
    pillar = face_pillar(account, DEFAULTS, AvatarInfo(label, 0.9, "t"))
    assert [getattr(r, "headline", None) for r in pillar.recommendations] == [headline]
    # a picture that could not be read is advice on what was not seen: listed after the rest
    assert isinstance(pillar.recommendations[0], Tentative) == (label is None)


def test_a_picture_the_data_does_not_hold_is_not_headlined_as_unreadable() -> None:
    # the league table's "fix first" read "Check the picture: it could not be read" of a firm
    # whose data held no picture at all, as if its image were broken
    bio = "Rosa and team: office jobs across Tacoma."
    none = face_pillar(
        acct(display_name="Rosa Lund", bio=bio), DEFAULTS, AvatarInfo(None, 0, "none")
    )
    address = face_pillar(
        acct(display_name="Rosa Lund", bio=bio, avatar_url="https://cdn.example/a.jpg"),
        DEFAULTS,
        AvatarInfo(None, 0, "none"),
    )
    assert [r.headline for r in none.recommendations] == [
        "Import or fetch the profile to check the picture: this data has none"
    ]
    assert [r.headline for r in address.recommendations] == [
        "Import or fetch the profile to check the picture: this data has only its web address"
    ]


@pytest.mark.parametrize("name", ["dayton_warehouse_jobs", "OHIO JOBS NOW", "Jobs4Dayton"])
def test_a_job_feed_name_is_read_as_the_feed_it_is(name: str) -> None:
    # QA: a job board read as one had "unclear whether a person or a brand" as its name's
    # verdict, beside advice that says the name names the feed, as a feed's should
    from staffpulse.audit.account_kind import AccountKind

    account = acct(display_name=name, bio="Warehouse and forklift openings in Dayton, daily.")
    info = AvatarInfo("logo", 0.9, "test")
    feed = face_pillar(account, DEFAULTS, info, kind=AccountKind.JOB_FEED)
    verdict = feed.evidence["display_name"]["verdict"]
    assert verdict == "a feed's name, as a job board's is: the bio can say who runs it"
    other = face_pillar(account, DEFAULTS, info)
    assert other.evidence["display_name"]["verdict"] != verdict  # any other account: as before
    assert feed.score == other.score  # the words change, not the score
