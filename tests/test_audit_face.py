from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.face import AvatarInfo, avatar_info, bio_score, face_pillar, name_score
from staffpulse.errors import MissingExtraError
from staffpulse.models import Account


def acct(**kw: object) -> Account:
    base: dict[str, object] = {"platform": "x", "id": "a", "handle": "a"}
    base.update(kw)
    return Account(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "human"),
    [
        ("Rosa Tamlin", True),
        ("Rosa at Harborline Talent", True),
        ("BrightPath Staffing", False),
        ("Keystone Temps", False),
        ("JOBWIRE", False),
        ("", False),
    ],
)
def test_name_reads_as_human(name: str, human: bool) -> None:
    assert (name_score(name)[0] >= 0.9) is human


def test_bio() -> None:
    assert bio_score("", 40)[0] == 0
    assert bio_score("Jobs", 40)[0] == 0.5
    assert bio_score("We place warehouse and office people across Tacoma, WA.", 40)[0] == 1


def test_person_beats_logo_beats_default() -> None:
    account = acct(display_name="Acme Staffing", bio="")
    scores = [
        face_pillar(account, DEFAULTS, AvatarInfo(label, 0.9, "test")).score
        for label in ("person", "other", "logo", "default")
    ]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_confidence_pulls_towards_unknown() -> None:
    sure = face_pillar(acct(), DEFAULTS, AvatarInfo("person", 1.0, "t")).score
    unsure = face_pillar(acct(), DEFAULTS, AvatarInfo("person", 0.2, "t")).score
    assert sure > unsure


def test_evidence_and_advice_for_a_logo() -> None:
    pillar = face_pillar(acct(display_name="Acme Staffing"), DEFAULTS, AvatarInfo("logo", 0.8, "t"))
    assert pillar.evidence["avatar"] == pytest.approx(
        {"label": "logo", "confidence": 0.8, "source": "t", "note": None, "file": None, "url": None}
    )
    assert 1 <= len(pillar.recommendations) <= 3
    assert "logo" in pillar.recommendations[0]


def test_default_avatar_from_metadata() -> None:
    url = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
    assert avatar_info(acct(avatar_url=url)).label == "default"


def test_no_image_is_unknown_and_says_why() -> None:
    info = avatar_info(acct(avatar_url="https://pbs.example/abc.jpg"))
    assert info.label is None and info.note


def test_missing_image_extra_skips_with_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG")
    fake = types.ModuleType("staffpulse.signals.avatar")

    def classify_avatar(path: object) -> object:
        raise MissingExtraError(extra="image", feature="the avatar check", module="PIL")

    fake.classify_avatar = classify_avatar  # type: ignore[attr-defined]
    fake.default_from_metadata = lambda platform, url, **kw: False  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "staffpulse.signals.avatar", fake)
    info = avatar_info(acct(avatar_path=str(image)))
    assert info.label is None and info.source == "skipped"
    assert "pip install 'staffpulse[image]'" in (info.note or "")
    pillar = face_pillar(acct(avatar_path=str(image)), DEFAULTS, info)
    assert "skipped" in (pillar.evidence["avatar"]["note"] or "")


def test_a_broken_avatar_model_never_sinks_the_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG")
    fake = types.ModuleType("staffpulse.signals.avatar")

    def classify_avatar(path: object) -> object:
        raise TypeError("boom")

    fake.classify_avatar = classify_avatar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "staffpulse.signals.avatar", fake)
    info = avatar_info(acct(avatar_path=str(image)))
    assert info.label is None and "boom" in (info.note or "")


def test_real_verdicts_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from staffpulse.audit.face import avatar_infos

    paths = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.png").write_bytes(b"\x89PNG")
        paths.append(str(tmp_path / f"{name}.png"))
    fake = types.ModuleType("staffpulse.signals.avatar")
    verdict = types.SimpleNamespace
    fake.classify_avatars = lambda ps: [  # type: ignore[attr-defined]
        verdict(label="person", confidence=0.8, error=None),
        verdict(label="logo", confidence=0.7, error=None),
    ]
    monkeypatch.setitem(sys.modules, "staffpulse.signals.avatar", fake)
    url = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
    infos = avatar_infos(
        [acct(avatar_path=paths[0]), acct(avatar_url=url), acct(avatar_path=paths[1])]
    )
    assert [(i.label, i.confidence) for i in infos] == [
        ("person", 0.8),
        ("default", 0.95),
        ("logo", 0.7),
    ]


@pytest.mark.parametrize(
    ("display_name", "advice"),
    [
        ("Erik ❤️", '"Erik at YourFirm"'),  # one word may already be a first name
        ("BrightPath Staffing", '"Rosa at BrightPath Staffing"'),
    ],
)
def test_display_name_advice_fits_the_name(display_name: str, advice: str) -> None:
    pillar = face_pillar(
        acct(display_name=display_name, bio=""), DEFAULTS, AvatarInfo("person", 0.9, "t")
    )
    assert any(advice in r for r in pillar.recommendations)
    assert not any("Rosa at Erik" in r for r in pillar.recommendations)
