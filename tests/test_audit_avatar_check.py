"""What an account's picture shows (staffpulse.audit.avatar_check): placeholder metadata as
the fetcher reads it, the image model on stored images, and a picture left unchecked with the
reason (no image, a corrupt file, no image extra, a corrupt model)."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from staffpulse.audit.avatar_check import avatar_info, avatar_infos
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.face import face_pillar
from staffpulse.fetch.avatars import download_avatar
from staffpulse.models import Account, Platform
from staffpulse.signals import avatar as avatar_signal
from staffpulse.sources.bluesky import account_from_profile

X_STICKY = "https://abs.twimg.com/sticky/default_profile_images"


def acct(platform: Platform = "x", **kw: Any) -> Account:
    return Account(platform=platform, id="a", handle="a", **kw)


def test_no_image_is_unknown_and_says_why() -> None:
    info = avatar_info(acct(avatar_url="https://pbs.example/abc.jpg"))
    assert info.label is None and info.note


def test_an_account_never_fetched_is_not_called_default() -> None:
    """No avatar on record (a handle from a cohort file) says nothing of the picture."""
    for platform in ("x", "bluesky", "mastodon"):
        info = avatar_info(acct(platform=platform, avatar_url=None))
        assert info.label is None and info.note == "no avatar image is stored for this account"


class _Response:
    def __init__(self) -> None:
        self.status_code = 404
        self.headers: dict[str, str] = {}

    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Session:
    """Records the avatar downloads the fetcher tries (and answers 404: nothing is saved)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def get(self, url: str, **kwargs: object) -> _Response:
        self.urls.append(url)
        return _Response()


def _bluesky(profile: dict[str, str]) -> Account:
    return account_from_profile({"did": "did:plc:a", "handle": "a.bsky.social", **profile})


@pytest.mark.parametrize(
    ("account", "is_default"),
    [
        (acct(avatar_url=f"{X_STICKY}/default_profile_normal.png"), True),
        (acct(avatar_url=f"{X_STICKY}/default_profile_3_400x400.png?x=1"), True),
        (acct(avatar_url="https://pbs.twimg.com/profile_images/1/a_normal.jpg"), False),
        (_bluesky({}), True),  # a Bluesky profile without the avatar field
        (_bluesky({"avatar": "https://cdn.bsky.app/img/avatar/plain/did:plc:a/b@jpeg"}), False),
        (
            acct(platform="mastodon", avatar_url="https://m.social/avatars/original/missing.png"),
            True,
        ),
        (acct(platform="mastodon", avatar_url="https://pl.example/images/avi.png"), True),
        (
            acct(
                platform="mastodon", avatar_url="https://gts.example/assets/default_avatars/s.webp"
            ),
            True,
        ),
        (acct(platform="mastodon", avatar_url="https://fr.example/images/person-300.jpg"), True),
        (
            acct(
                platform="mastodon", avatar_url="https://m.social/accounts/avatars/1/original/a.png"
            ),
            False,
        ),
    ],
)
def test_the_audit_and_the_fetcher_agree_on_default_avatars(
    account: Account, is_default: bool, tmp_path: Path
) -> None:
    session = _Session()
    download_avatar(account, max_bytes=1000, timeout=1, session=session, folder=tmp_path)
    assert (session.urls == []) is is_default  # a placeholder is never downloaded
    info = avatar_info(account)
    assert (info.label == "default") is is_default
    recs = face_pillar(account, DEFAULTS, info).recommendations
    assert any("default picture" in r for r in recs) is is_default


def _sample_avatar(name: str) -> str:
    return str(files("staffpulse").joinpath("sample", "avatars", f"{name}.png"))


def test_a_corrupt_image_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    pytest.importorskip("cv2")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    infos = avatar_infos(
        [
            acct(avatar_path=_sample_avatar("harborline")),
            acct(avatar_path=str(broken)),
            acct(avatar_path=_sample_avatar("brightpathstaff")),
        ]
    )
    assert [i.label for i in infos] == ["person", None, "logo"]
    assert "broken.png: not a readable image" in (infos[1].note or "")
    pillar = face_pillar(acct(avatar_path=str(broken)), DEFAULTS, infos[1])
    assert any("We could not check your picture" in r for r in pillar.recommendations)


def test_missing_image_extra_skips_with_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in ("PIL.Image", "cv2"):  # as if `pip install staffpulse` had no [image]
        monkeypatch.setitem(sys.modules, module, None)
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG")
    info = avatar_info(acct(avatar_path=str(image)))
    assert info.label is None and info.source == "skipped"
    assert "pip install 'staffpulse[image]'" in (info.note or "")
    pillar = face_pillar(acct(avatar_path=str(image)), DEFAULTS, info)
    assert "skipped" in (pillar.evidence["avatar"]["note"] or "")


def test_a_corrupt_avatar_model_leaves_the_picture_unchecked_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(avatar_signal, "MODEL_ARTIFACT", "no_such_model.json")
    avatar_signal.load_model.cache_clear()
    try:
        image = tmp_path / "a.png"
        image.write_bytes(b"\x89PNG")
        info = avatar_info(acct(avatar_path=str(image)))
    finally:
        avatar_signal.load_model.cache_clear()
    assert info.label is None
    assert "no_such_model.json is missing or corrupt" in (info.note or "")


def test_an_unchecked_picture_on_x_is_also_offered_the_free_route() -> None:
    # `fetch x` needs a paid API token: the advice named no other way to have it checked
    none = avatar_info(acct(avatar_url=None))
    for platform, free in (("x", True), ("bluesky", False), ("mastodon", False)):
        account = acct(platform=platform, display_name="Rosa Lund", bio="Nurse recruiter in Ohio")
        advice = " ".join(face_pillar(account, dict(DEFAULTS), none).recommendations)
        assert f"staffpulse fetch {platform}" in advice
        said = "import the picture itself: a staffpulse CSV or JSON Lines file whose account row"
        assert (said in advice) is free
        # where a pip user finds that column: the import's help, not docs they do not have
        told = "avatar_file column (staffpulse import --help lists the columns)"
        assert (told in advice) is free and "docs/formats.md" not in advice
