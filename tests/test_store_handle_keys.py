"""Rows that name an account by its handle alone join the account the store holds with it
(store/handle_keys.py): a spreadsheet of posts added to a firm's X archive, in either order."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse import ingest
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Follow, Post, Provenance, keyed_by_handle
from staffpulse.store import Store, open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_archive"  # @AcmeStaffing, X id 9001
WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _posts_csv(tmp_path: Path, author: str = "AcmeStaffing", name: str = "recent.csv") -> Path:
    path = tmp_path / name
    path.write_text(
        "id,author,platform,created_at,text\n"
        f"1900000000000000001,{author},x,2026-04-05T10:00:00Z,We are hiring a nurse. Apply now!\n"
        f"1900000000000000002,{author},x,2026-04-06T10:00:00Z,Coffee with the team today\n"
    )
    return path


def _accounts(store: Store) -> list[tuple[str, str, str]]:
    return [
        tuple(row)
        for row in store.conn.execute("SELECT platform, id, handle FROM accounts ORDER BY id")
    ]


def _authors(store: Store) -> dict[str, int]:
    rows = store.conn.execute("SELECT author_id, COUNT(*) FROM posts GROUP BY author_id")
    return {row[0]: row[1] for row in rows}


def test_a_handle_key_is_the_lower_cased_handle() -> None:
    assert keyed_by_handle("acmestaffing", "AcmeStaffing")
    assert keyed_by_handle("acmestaffing", "@acmestaffing")
    assert not keyed_by_handle("9001", "AcmeStaffing")
    assert not keyed_by_handle("did:plc:abc", "acme.bsky.social")
    assert not keyed_by_handle("acme", "")


def test_posts_named_by_handle_join_the_archive_account(tmp_path: Path) -> None:
    store = open_store(":memory:")
    import_paths(store, [ARCHIVE])
    # the handle as the spreadsheet spells it, in another case
    report = import_paths(store, [_posts_csv(tmp_path, author="acmestaffing")])
    assert (report.posts, report.new_posts, report.accounts, report.new_accounts) == (2, 2, 1, 0)
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]  # the archive's spelling kept
    assert _authors(store)["9001"] == 6  # the archive's 4 posts and the spreadsheet's 2
    handles = store.conn.execute("SELECT DISTINCT author_handle FROM posts WHERE author_id='9001'")
    assert [row[0] for row in handles] == ["AcmeStaffing"]
    assert not report.notices
    # the audit, the accounts list and the benchmark see one firm with every post
    assert len(store.posts_by("x", "9001")) == 6
    assert [(a.account.handle, a.posts) for a in store.list_accounts()] == [("AcmeStaffing", 6)]


def test_an_archive_imported_after_the_spreadsheet_takes_its_posts(tmp_path: Path) -> None:
    store = open_store(":memory:")
    import_paths(store, [_posts_csv(tmp_path)])
    assert _accounts(store) == [("x", "acmestaffing", "AcmeStaffing")]  # a bare account
    report = import_paths(store, [ARCHIVE])
    assert report.accounts == 1
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    assert _authors(store)["9001"] == 6 and "acmestaffing" not in _authors(store)
    account = store.get_account("x", "9001")
    assert account is not None and account.display_name == "Acme Staffing"
    # the edges of the merged posts are the real account's
    sources = {i.source_id for i in store.interactions("x")}
    assert "acmestaffing" not in sources
    # importing both again changes nothing
    stats = store.stats()
    import_paths(store, [ARCHIVE, _posts_csv(tmp_path)])
    assert store.stats() == stats and _accounts(store) == [("x", "9001", "AcmeStaffing")]


def test_a_store_split_before_this_rule_is_mended_by_importing_again(tmp_path: Path) -> None:
    store = open_store(":memory:")
    import_paths(store, [ARCHIVE])
    # what an import used to leave: a second account keyed by the handle, with its post
    store.conn.execute(
        "INSERT INTO accounts (platform, id, handle, handle_norm, first_seen, bio_known,"
        " name_known) VALUES ('x', 'acmestaffing', 'AcmeStaffing', 'acmestaffing', '2026', 0, 0)"
    )
    store.conn.execute(
        "INSERT INTO posts (platform, id, author_id, author_handle, text, kind, first_seen)"
        " VALUES ('x', '1900000000000000001', 'acmestaffing', 'AcmeStaffing', 'hi', 'original',"
        " '2026')"
    )
    report = import_paths(store, [_posts_csv(tmp_path)])
    assert not report.problems  # no "post id ... is already used by a post of @AcmeStaffing"
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    assert _authors(store)["9001"] == 6


def test_a_handle_of_several_accounts_stays_apart_and_is_told(tmp_path: Path) -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="9001", handle="AcmeStaffing"),
            Account(platform="x", id="9002", handle="acmestaffing"),  # the handle changed hands
        ],
        PROV,
    )
    report = import_paths(store, [_posts_csv(tmp_path)])
    assert _authors(store) == {"acmestaffing": 2}
    assert [a[1] for a in _accounts(store)] == ["9001", "9002", "acmestaffing"]
    [notice] = report.notices
    assert notice.file.endswith("recent.csv")
    assert "@acmestaffing is the handle of 2 accounts on X (ids 9001, 9002)" in notice.message
    assert "author_id column" in notice.message


def test_another_platform_is_another_account(tmp_path: Path) -> None:
    store = open_store(":memory:")
    import_paths(store, [ARCHIVE])
    path = tmp_path / "bsky.csv"
    path.write_text("id,author,platform,text\nb1,AcmeStaffing,bluesky,hello\n")
    import_paths(store, [path])
    assert ("bluesky", "acmestaffing", "AcmeStaffing") in _accounts(store)
    assert ("x", "9001", "AcmeStaffing") in _accounts(store)


def test_an_author_column_of_ids_never_renames_the_account() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="9001", handle="AcmeStaffing")], PROV)
    # author given as the id: the post and its bare account use the id as a handle
    store.upsert(
        [
            Account(platform="x", id="9001", handle="9001", name_known=False, bio_known=False),
            Post(platform="x", id="5", author_id="9001", author_handle="9001", text="hi"),
        ],
        PROV,
    )
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    post = store.get_posts("x", ["5"])["5"]
    assert (post.author_id, post.author_handle) == ("9001", "AcmeStaffing")


def test_an_account_row_without_id_fills_the_blanks_of_the_real_one() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="acme", handle="acme", bio="We place people.")], PROV)
    store.upsert([Account(platform="x", id="42", handle="Acme", display_name="Acme Inc")], PROV)
    account = store.get_account("x", "42")
    assert account is not None
    assert (account.display_name, account.bio) == ("Acme Inc", "We place people.")
    assert _accounts(store) == [("x", "42", "Acme")]


def test_follow_edges_and_replies_move_with_the_account() -> None:
    store = open_store(":memory:")
    # TWCS names the brand by its handle, and so do the replies to it
    store.upsert(
        [
            Account(platform="x", id="acmehelp", handle="AcmeHelp"),
            Post(platform="x", id="t1", author_id="acmehelp", author_handle="AcmeHelp", text="hi"),
            Post(
                platform="x",
                id="t2",
                author_id="twcs:1",
                text="thanks",
                kind="reply",
                reply_to_post_id="t1",
                reply_to_account_id="acmehelp",
                reply_to_handle="acmehelp",
            ),
            Follow(
                platform="x",
                follower_id="jane",
                followee_id="acmehelp",
                follower_handle="jane",
                followee_handle="AcmeHelp",
            ),
            Follow(
                platform="x",
                follower_id="acmehelp",
                followee_id="bob",
                follower_handle="AcmeHelp",
                followee_handle="bob",
            ),
        ],
        PROV,
    )
    store.refresh_interactions()
    store.upsert([Account(platform="x", id="77", handle="AcmeHelp")], PROV)
    store.refresh_interactions()
    assert _accounts(store) == [("x", "77", "AcmeHelp")]
    posts = store.get_posts("x", ["t1", "t2"])
    assert posts["t1"].author_id == "77" and posts["t2"].reply_to_account_id == "77"
    edges = {tuple(e) for e in store.conn.execute("SELECT follower_id, followee_id FROM follows")}
    assert edges == {("jane", "77"), ("77", "bob")}
    targets = {(i.source_id, i.target_id, i.kind) for i in store.interactions("x")}
    assert ("twcs:1", "77", "reply") in targets
    assert not any("acmehelp" in (i.source_id, i.target_id) for i in store.interactions("x"))


def test_follows_named_by_handle_join_the_accounts_when_written() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="9001", handle="AcmeStaffing")], PROV)
    store.upsert(
        [
            Follow(
                platform="x",
                follower_id="jane",
                followee_id="acmestaffing",
                follower_handle="jane",
                followee_handle="acmestaffing",
            )
        ],
        PROV,
    )
    edges = list(
        store.conn.execute("SELECT follower_id, followee_id, followee_handle FROM follows")
    )
    assert [tuple(e) for e in edges] == [("jane", "9001", "AcmeStaffing")]


def test_a_batch_holding_the_account_and_its_posts_keeps_them_together() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Post(platform="x", id="1", author_id="acme", author_handle="acme", text="hi"),
            Account(platform="x", id="acme", handle="acme"),
            Account(platform="x", id="42", handle="Acme", display_name="Acme Inc"),
        ],
        PROV,
    )
    assert _accounts(store) == [("x", "42", "Acme")]
    assert _authors(store) == {"42": 1}


def test_an_account_renamed_in_the_batch_no_longer_holds_its_old_handle() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="42", handle="acme")], PROV)
    store.upsert(
        [
            Account(platform="x", id="42", handle="acme_new"),
            Post(platform="x", id="1", author_id="acme", author_handle="acme", text="hi"),
        ],
        PROV,
    )
    assert _authors(store) == {"acme": 1}  # whoever holds @acme now, it is not account 42


def test_handles_in_a_declared_file_join_its_own_account_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "BATCH_SIZE", 1)  # each line its own batch
    path = tmp_path / "firm.jsonl"
    path.write_text(
        '{"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "hi"}\n'
        '{"type": "account", "platform": "x", "id": "42", "handle": "Acme"}\n'
    )
    store = open_store(":memory:")
    import_paths(store, [path])
    assert _accounts(store) == [("x", "42", "Acme")]
    assert _authors(store) == {"42": 1}


@pytest.mark.parametrize("archive_first", [True, False])
def test_the_accounts_command_lists_the_firm_once_in_either_order(
    tmp_path: Path, archive_first: bool
) -> None:
    from typer.testing import CliRunner

    from staffpulse.cli import app

    runner, db = CliRunner(), str(tmp_path / "s.db")
    paths = [str(ARCHIVE), str(_posts_csv(tmp_path))]
    for path in paths if archive_first else paths[::-1]:
        assert runner.invoke(app, ["import", path, "--db", db]).exit_code == 0
    result = runner.invoke(app, ["accounts", "--json", "--db", db])
    rows = json.loads(result.stdout)
    assert [(r["handle"], r["id"], r["posts"]) for r in rows] == [("AcmeStaffing", "9001", 6)]


@pytest.mark.parametrize("archive_first", [True, False])
def test_a_spreadsheet_holding_archive_posts_clashes_with_nothing(
    tmp_path: Path, archive_first: bool
) -> None:
    # the firm's own spreadsheet of posts, tweet 100 among them (the archive's first tweet)
    path = tmp_path / "export.csv"
    path.write_text("id,author,platform,text\n100,AcmeStaffing,x,We are #hiring\n")
    store = open_store(":memory:")
    reports = [
        import_paths(store, [p]) for p in ([ARCHIVE, path] if archive_first else [path, ARCHIVE])
    ]
    assert not [p for r in reports for p in r.problems if "already used" in p.message]
    assert store.get_posts("x", ["100"])["100"].author_id == "9001"
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]


def test_a_newer_profile_known_by_handle_survives_its_merge_and_an_older_import() -> None:
    store = open_store(":memory:")
    march, april, may = (datetime(2026, month, 1, tzinfo=UTC) for month in (3, 4, 5))

    def import_profile(
        account_id: str, handle: str, bio: str, followers: int, observed_at: datetime
    ) -> None:
        profile = Account(
            platform="x",
            id=account_id,
            handle=handle,
            bio=bio,
            followers=followers,
            observed_at=observed_at,
        )
        store.upsert([profile], PROV)

    import_profile("9001", "AcmeOld", "Old bio", 500, march)
    # the firm's newest profile, known by its new handle only (no id yet)
    import_profile("acmestaffing", "AcmeStaffing", "Welders wanted", 1200, may)
    # an April copy gives the id its new handle: the two are merged, then April is older
    import_profile("9001", "AcmeStaffing", "Nurses wanted", 900, april)
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    account = store.get_account("x", "9001")
    assert account is not None and (account.bio, account.followers) == ("Welders wanted", 1200)
    observed = store.conn.execute("SELECT observed_at FROM accounts WHERE id = '9001'")
    assert observed.fetchone()[0].startswith("2026-05-01")
    # a March copy imported later still changes nothing
    import_profile("9001", "AcmeStaffing", "Old bio", 500, march)
    account = store.get_account("x", "9001")
    assert account is not None and (account.bio, account.followers) == ("Welders wanted", 1200)


def test_a_spreadsheet_and_its_archive_in_one_import_count_one_new_account(
    tmp_path: Path,
) -> None:
    store = open_store(":memory:")
    # the spreadsheet's bare @AcmeStaffing becomes the archive's account 9001 as it comes
    report = import_paths(store, [_posts_csv(tmp_path), ARCHIVE])
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    assert (report.accounts, report.new_accounts, report.updated_profiles) == (1, 1, 0)


def test_an_account_stored_under_its_accented_handle_is_mended_by_importing_again(
    tmp_path: Path,
) -> None:
    # before handles were read without accents, "@AcmeStäffing" in a CSV made the bare
    # account acmestäffing; the same CSV read again names acmestaffing, and its posts were
    # refused as another account's ("post id ... is already used by a post of @AcmeStäffing")
    store = open_store(":memory:")
    former = Account(platform="x", id="acmestäffing", handle="AcmeStäffing", bio_known=False)
    posts = [
        Post(platform="x", id=f"190000000000000000{n}", author_id="acmestäffing",
             author_handle="AcmeStäffing", text="We are hiring", created_at=WHEN)
        for n in (1, 2)
    ]  # fmt: skip
    store.upsert([former, *posts], PROV)
    report = import_paths(store, [_posts_csv(tmp_path, author="@AcmeStäffing")])
    assert (report.posts, report.new_posts, report.new_accounts) == (2, 0, 0)
    assert not report.problems
    assert _accounts(store) == [("x", "acmestaffing", "AcmeStaffing")]
    import_paths(store, [ARCHIVE])  # and the archive finds the posts, as for any handle key
    assert _accounts(store) == [("x", "9001", "AcmeStaffing")]
    assert _authors(store) == {"9001": 6}
