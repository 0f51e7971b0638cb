"""What a newer account export no longer holds: only the account's own posts within the
export's span are called missing, and a removal is refused, naming the files, when the export
was not read whole."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store
from staffpulse.store.export_gaps import ExportPosts, name_files, removal_refused

PROV = Provenance(
    source="test", location="mem", tool_version="t", retrieved_at=datetime(2026, 4, 1, tzinfo=UTC)
)


def _post(post_id: str, day: int, author: str = "9001") -> Post:
    return Post(
        platform="x",
        id=post_id,
        author_id=author,
        author_handle="AcmeStaffing" if author == "9001" else "other",
        text=f"update {post_id}",
        created_at=datetime(2026, 3, day, 12, tzinfo=UTC),
        kind="original",
    )


def _stored(store: Store) -> None:
    """March: the firm's posts of the 1st to the 9th, and another account's of the 5th."""
    store.upsert(
        [
            Account(platform="x", id="9001", handle="AcmeStaffing"),
            *(_post(str(100 + day), day) for day in (1, 3, 5, 7, 9)),
            _post("900", 5, author="42"),
        ],
        PROV,
    )


def test_only_the_accounts_posts_within_the_exports_span_are_missing(store: Store) -> None:
    _stored(store)
    export = ExportPosts()
    # the newer export: 3rd to 7th, 105 deleted; it quotes a post of another account
    export.add("x-archive", (_post("103", 3), _post("107", 7), _post("900", 5, author="42")))
    missing = export.missing(store.conn)
    assert missing is not None
    # 101 and 109 lie outside the export's span: not called deleted; 900 is not the firm's
    assert (missing.handle, missing.post_ids, missing.count) == ("AcmeStaffing", ("105",), 1)


def test_a_file_that_is_no_account_export_finds_nothing_missing(store: Store) -> None:
    _stored(store)
    export = ExportPosts()
    export.add("twarc2", (_post("103", 3), _post("107", 7)))
    assert export.missing(store.conn) is None


def test_an_export_holding_every_stored_post_finds_nothing_missing(store: Store) -> None:
    _stored(store)
    export = ExportPosts()
    export.add("bluesky-repo", tuple(_post(str(100 + day), day) for day in (1, 3, 5, 7, 9)))
    assert export.missing(store.conn) is None


def test_a_lone_file_of_an_archive_is_named_before_the_records_it_lost() -> None:
    reason = removal_refused(3, 0, lone_file=True, lost_in=["tweets.js"])
    assert reason is not None
    assert reason.startswith("only this file of the archive was imported")


def test_a_refusal_names_up_to_three_files_and_counts_the_rest() -> None:
    lost = ["a.js", "b.js", "a.js", "c.js", "d.js", "e.js"]
    assert name_files(lost) == "a.js, b.js, c.js and 2 more files"
    reason = removal_refused(1, 0, lost_in=["tweets.js"])
    assert reason is not None
    assert reason.startswith("a record of the export could not be read, in tweets.js")
    assert "correct that file or download the export again" in reason


def test_an_export_read_whole_may_be_removed_from() -> None:
    assert removal_refused(0, 0) is None
