"""The second step of ``staffpulse score``'s reduce: the author of a shared post scored in
another shard is read back from the per-post Parquet parts, as the audit would name it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.models import Post
from staffpulse.scale.conversation import TalkPartial
from staffpulse.scale.references import read_shared_authors, wanted_posts

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

DID = "did:plc:jane0000000000000000000"
JANE_POST = f"at://{DID}/app.bsky.feed.post/3kabc"
JANE_OTHER = f"at://{DID}/app.bsky.feed.post/3kxyz"  # a post of hers no shard scored
STRANGER = "at://did:plc:stranger00000000000000/app.bsky.feed.post/3kqqq"


def _part(folder: Path, n: int, rows: list[tuple[str, str, str, str]]) -> None:
    columns = list(zip(*rows, strict=True))
    table = pa.table(
        {
            name: pa.array(list(values), pa.string())
            for name, values in zip(
                ("platform", "post_id", "author_id", "author_handle"), columns, strict=True
            )
        }
    )
    parquet.write_table(table, folder / f"part-{n}.parquet")


def test_shared_posts_are_named_by_their_authors_handle_in_lower_case(tmp_path: Path) -> None:
    _part(tmp_path, 0, [("x", "10", "1", "AcmeStaffing"), ("x", "11", "2", "")])
    _part(tmp_path, 1, [("bluesky", JANE_POST, DID, "Jane.bsky.social")])
    wanted = {"x": {"10", "11", "99"}, "bluesky": {JANE_POST, JANE_OTHER, STRANGER}}
    found = read_shared_authors(tmp_path, wanted)
    # an X post without a handle is named by its author's id; one never scored is not named
    assert found["x"] == {"10": "acmestaffing", "11": "2"}
    # a Bluesky post names its author in its URI: her handle if a post of hers was scored
    assert found["bluesky"] == {
        JANE_POST: "jane.bsky.social",
        JANE_OTHER: "jane.bsky.social",
        STRANGER: "did:plc:stranger00000000000000",
    }


def test_nothing_wanted_reads_no_part(tmp_path: Path) -> None:
    (tmp_path / "part-0.parquet").write_text("not parquet")  # would fail if it were read
    assert read_shared_authors(tmp_path, {"x": set()}) == {}


def test_only_reposts_whose_post_was_in_another_shard_are_wanted() -> None:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    talk = TalkPartial()
    shard = {"10": "acmestaffing"}
    for post_id, shared in (("20", "10"), ("21", "77")):
        repost = Post(
            platform="x",
            id=post_id,
            author_id="5",
            author_handle="recruiter",
            created_at=when,
            kind="repost",
            reposted_post_id=shared,
        )
        talk.fold(repost, shard)
    assert wanted_posts([("x", talk)]) == {"x": {"77"}}
