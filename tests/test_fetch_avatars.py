"""Avatar downloads for the Face pillar: only an image is saved, and one larger than the cap
is dropped whether its size is declared or only found while reading it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests

from staffpulse.fetch.avatars import download_avatar
from staffpulse.models import Account

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200


class _Answer:
    def __init__(self, body: bytes, kind: str, status: int = 200, declared: bool = True) -> None:
        self.status_code = status
        self.headers = {"content-type": kind}
        if declared:
            self.headers["content-length"] = str(len(body))
        self._body = body

    def __enter__(self) -> _Answer:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def iter_content(self, _size: int) -> list[bytes]:
        # in small chunks, as a slow server sends them: the cap is checked as they add up
        return [self._body[i : i + 64] for i in range(0, len(self._body), 64)]


class _Session:
    def __init__(self, answer: _Answer | Exception) -> None:
        self.answer = answer
        self.urls: list[str] = []

    def get(self, url: str, **_: Any) -> _Answer:
        self.urls.append(url)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def _account(url: str = "https://pbs.twimg.com/profile_images/1/acme_normal.png") -> Account:
    return Account(platform="x", id="9001", handle="AcmeStaffing", avatar_url=url)


def test_an_x_avatar_is_saved_at_its_larger_size(tmp_path: Path) -> None:
    session = _Session(_Answer(PNG, "image/png; charset=binary"))
    path = download_avatar(
        _account(), max_bytes=10_000, timeout=1, session=session, folder=tmp_path
    )
    assert path is not None and path.endswith(".png")
    assert Path(path).read_bytes() == PNG
    assert session.urls == ["https://pbs.twimg.com/profile_images/1/acme_400x400.png"]


def test_a_page_instead_of_an_image_is_not_saved(tmp_path: Path) -> None:
    session = _Session(_Answer(b"<html>login</html>", "text/html"))
    assert (
        download_avatar(_account(), max_bytes=10_000, timeout=1, session=session, folder=tmp_path)
        is None
    )
    assert list(tmp_path.iterdir()) == []


def test_an_image_over_the_cap_is_dropped_declared_or_not(tmp_path: Path) -> None:
    for declared in (True, False):
        session = _Session(_Answer(PNG, "image/png", declared=declared))
        assert (
            download_avatar(_account(), max_bytes=100, timeout=1, session=session, folder=tmp_path)
            is None
        )
    assert list(tmp_path.iterdir()) == []


def test_a_failed_download_or_a_placeholder_gives_no_avatar(tmp_path: Path) -> None:
    for answer in (_Answer(PNG, "image/png", status=404), requests.ConnectionError("down")):
        session = _Session(answer)
        assert (
            download_avatar(
                _account(), max_bytes=10_000, timeout=1, session=session, folder=tmp_path
            )
            is None
        )
    placeholder = _account(
        "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
    )
    session = _Session(_Answer(PNG, "image/png"))
    assert (
        download_avatar(placeholder, max_bytes=10_000, timeout=1, session=session, folder=tmp_path)
        is None
    )
    assert session.urls == []  # a placeholder is not even asked for
