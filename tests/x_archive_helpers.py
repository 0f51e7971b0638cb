"""A small hand-written X archive (tests/fixtures/x_archive) and the ways the tests build
others from it: zipped under a folder, or a minimal one holding given tweets."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.base import Problem
from staffpulse.store.core import Record

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive"


def rows_of(items: list[Record | Problem]) -> list[Account | Post | Follow]:
    return [row for item in items if isinstance(item, Record) for row in item.rows]


def zip_archive(target: Path, prefixes: dict[str, Path]) -> Path:
    """A ZIP holding the fixture archive's files under each prefix (e.g. a person's folder)."""
    with zipfile.ZipFile(target, "w") as z:
        for prefix, source in prefixes.items():
            for file in sorted(source.rglob("*")):
                if file.is_file():
                    z.write(file, prefix + file.relative_to(source).as_posix())
    return target


def archive_of(tmp_path: Path, tweets: list[dict[str, object]]) -> Path:
    """A minimal archive: account.js and tweets.js holding ``tweets``."""
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    account = {"account": {"accountId": "9001", "username": "AcmeStaffing"}}
    (data / "account.js").write_text(
        f"window.YTD.account.part0 = {json.dumps([account])}", encoding="utf-8"
    )
    entries = json.dumps([{"tweet": tweet} for tweet in tweets], ensure_ascii=False)
    (data / "tweets.js").write_text(f"window.YTD.tweets.part0 = {entries}", encoding="utf-8")
    return data.parent


def linking(tweet_id: str, text: str, expanded: str) -> dict[str, object]:
    return {
        "id_str": tweet_id,
        "created_at": "Sun Mar 01 14:05:00 +0000 2026",
        "full_text": text,
        "entities": {"urls": [{"url": "https://t.co/q1", "expanded_url": expanded}]},
    }
