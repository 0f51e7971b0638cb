"""Importing an X archive into a store: what is stored, counted and told, and what a second
import or an older archive leaves as it was."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from staffpulse.audit import audit_account
from staffpulse.config import home_dir
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post, Provenance
from staffpulse.sources import detect
from staffpulse.sources.x_archive import XArchive
from staffpulse.store import open_store
from x_archive_helpers import ARCHIVE, archive_of, linking, rows_of, zip_archive


def test_a_broken_tweet_costs_that_tweet_only(tmp_path: Path) -> None:
    shutil.copytree(ARCHIVE, tmp_path / "archive")
    tweets = tmp_path / "archive" / "data" / "tweets.js"
    text = tweets.read_text(encoding="utf-8")
    broken = text.replace('forklift operator: https://t.co/job1",', "forklift operator: ...,", 1)
    tweets.write_text(broken, encoding="utf-8")
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [tmp_path / "archive"])
    assert report.new_posts == 3  # the two tweets after it and the one in tweets-part1.js
    problem = next(p for p in report.problems if p.file == str(tweets))
    assert (problem.line, problem.records) == (2, 1)
    assert "not valid JSON at line 16" in problem.message
    assert "the entries after it were read" in problem.message


def test_an_archive_whose_only_tweet_is_broken_is_told_as_a_failed_import(
    tmp_path: Path,
) -> None:
    """account.js came in, but not the one post the archive held: exit 1, as when every post
    read is skipped, with the file and line of the broken tweet."""
    from typer.testing import CliRunner

    from staffpulse.cli.app import app

    broken = {"id_str": "101", "full_text": "Hiring", "created_at": "not a date at all"}
    archive = archive_of(tmp_path, [broken])
    db = str(tmp_path / "db.sqlite")
    result = CliRunner().invoke(app, ["import", str(archive), "--db", db])
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert f"{archive / 'data' / 'tweets.js'}:1: unreadable timestamp" in said
    assert "No post was imported: the one post read was skipped" in said
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [archive])
    assert report.every_post_skipped and report.posts_read == 1 and report.skipped == 1


def test_an_archive_with_a_broken_tweet_beside_good_ones_still_succeeds(tmp_path: Path) -> None:
    broken = {"id_str": "101", "full_text": "Hiring", "created_at": "not a date at all"}
    archive = archive_of(tmp_path, [broken, linking("102", "Open day on Friday", "")])
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [archive])
    assert report.posts == 1 and report.skipped == 1 and not report.nothing_imported


def test_an_entry_that_is_not_a_tweet_says_where_and_what_to_do(tmp_path: Path) -> None:
    archive = archive_of(tmp_path, [linking("101", "hello", "")])
    tweets = archive / "data" / "tweets.js"
    tweets.write_text(tweets.read_text(encoding="utf-8").replace("[", '["a text", ', 1))
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [archive])
    assert report.new_posts == 1 and report.skipped == 1
    (problem,) = report.problems
    assert problem.file == str(tweets) and problem.line == 1
    assert problem.message == (
        "entry is not a tweet object. What to do: correct the entry there (a text editor shows"
        " the line), or download the archive again, then import it again"
    )


def _with_community_post(archive: Path) -> Path:
    """``archive`` with the owner's post in an X Community, in the file X keeps those in."""
    post = {
        "id_str": "1900000000000000001",
        "created_at": "Mon Mar 02 09:30:00 +0000 2026",
        "full_text": "Charge nurse wanted for our Leeds clinic",
        "community_id_str": "1500000000000000000",
    }
    entries = json.dumps([{"tweet": post}])
    (archive / "data" / "community-tweet.js").write_text(
        f"window.YTD.community_tweet.part0 = {entries}", encoding="utf-8"
    )
    return archive


def test_the_owners_posts_in_communities_are_imported_with_the_others(tmp_path: Path) -> None:
    archive = _with_community_post(archive_of(tmp_path, [linking("101", "hello", "")]))
    zipped = zip_archive(tmp_path / "archive.zip", {"archive/": archive})
    for path in (archive, zipped):
        with open_store(tmp_path / f"{path.name}.sqlite") as store:
            report = import_paths(store, [path])
            posts = store.get_posts("x", ["101", "1900000000000000001"])
        assert report.new_posts == 2 and report.skipped == 0
        community = posts["1900000000000000001"]
        assert community.text == "Charge nurse wanted for our Leeds clinic"
        assert community.author_handle == "AcmeStaffing" and community.author_id == "9001"


def test_import_is_idempotent(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [ARCHIVE])
        stats = store.stats()
        second = import_paths(store, [ARCHIVE])
        assert store.stats() == stats
        assert first.new_posts == 4 and second.new_posts == 0
        assert stats["posts"]["x"] == {"original": 1, "reply": 1, "repost": 1, "quote": 1}


def test_a_quote_engages_the_account_in_its_link(tmp_path: Path) -> None:
    # The archive's quote (103) links twitter.com/hrweekly/status/555, a tweet not in the store.
    with open_store(tmp_path / "db.sqlite") as store:
        import_paths(store, [ARCHIVE])
        store.refresh_interactions()
        edges = store.conn.execute(
            "SELECT source_id, target_id, kind, count FROM interactions WHERE kind = 'quote'"
        ).fetchall()
        result = audit_account(store, "AcmeStaffing", save=False)
    assert [tuple(edge) for edge in edges] == [("9001", "@hrweekly", "quote", 1)]
    evidence = result.pillars["conversation"].evidence
    assert evidence["reposts_and_quotes_of_others"] == 2  # the retweet and the quote
    # the quote talks with @hrweekly; the bare retweet is a share only
    assert {"handle": "hrweekly", "interactions": 1} in evidence["top_partners"]


def test_folder_holding_an_archive_folder_is_imported(tmp_path: Path) -> None:
    download = tmp_path / "Downloads"
    inner = download / "twitter-2026-11-01" / "data"
    inner.parent.mkdir(parents=True)
    shutil.copytree(ARCHIVE / "data", inner)
    (inner.parent / "Your archive.html").write_text("<html></html>")
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [download])
    assert report.files == [(str(inner.parent), "X archive")]
    assert report.new_posts == 4 and report.new_accounts == 1


def test_a_lone_archive_file_says_what_to_import_and_counts_its_tweets(tmp_path: Path) -> None:
    lone = tmp_path / "tweets.js"
    shutil.copy(ARCHIVE / "data" / "tweets.js", lone)
    report = import_paths(open_store(":memory:"), [lone])
    (problem,) = report.problems
    assert "without the archive's account.js, which says whose archive it is" in problem.message
    assert "import the whole archive ZIP as X sent it, or its data folder" in problem.message
    # the summary's skipped count is the tweets not read, not "0" (nor "1 malformed record")
    assert problem.file == str(lone) and problem.records == 3
    assert (report.posts, report.skipped) == (0, 3)


def test_a_lone_archive_file_tells_how_many_of_what_it_held(tmp_path: Path) -> None:
    # "Skipped 3 records" alone did not say they were the file's posts; the one message
    # about the file says so, with the same count
    from typer.testing import CliRunner

    from staffpulse.cli import app

    for name, said in (
        ("tweets.js", "so its 3 posts were not read: import the whole archive ZIP"),
        ("follower.js", "so its 2 followers were not read"),
        ("following.js", "so its 1 followed account was not read"),
        ("profile.js", "so its 1 profile was not read"),
    ):
        folder = tmp_path / name.removesuffix(".js")
        folder.mkdir()
        shutil.copy(ARCHIVE / "data" / name, folder / name)
        result = CliRunner().invoke(
            app, ["import", str(folder / name), "--db", str(tmp_path / "s.db")]
        )
        told = " ".join(result.output.split())
        assert result.exit_code == 1, told
        assert said in told, told
        count = said.split("its ")[1].split()[0]
        assert f"Skipped {count} record" in told, told


MANIFEST = """window.__THAR_CONFIG = {
  "userInfo" : { "accountId" : "9001", "userName" : "AcmeStaffing" },
  "archiveInfo" : { "generationDate" : "2021-11-20T16:22:24.361Z", "isPartialArchive" : false }
}
"""


def test_an_archive_older_than_the_stored_profile_does_not_roll_it_back(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    (archive / "data" / "manifest.js").write_text(MANIFEST, encoding="utf-8")
    store = open_store(":memory:")
    fetched = Provenance(
        source="x-api",
        location="api",
        tool_version="t",
        retrieved_at=datetime(2026, 3, 1, tzinfo=UTC),
    )
    newer = Account(platform="x", id="9001", handle="AcmeStaffing", bio="Now placing nurses too")
    store.upsert([newer], fetched)
    import_paths(store, [archive])
    assert store.find_account("AcmeStaffing").bio == "Now placing nurses too"
    stored = store.conn.execute("SELECT DISTINCT observed_at FROM posts").fetchall()
    assert [row[0] for row in stored] == ["2021-11-20T16:22:24Z"]  # the posts' likes, as of then


def _answering(tweet_id: str, user_id: str, handle: str) -> dict[str, object]:
    """A reply whose parent tweet is gone: X keeps the account answered, not the tweet."""
    return {
        "id_str": tweet_id,
        "created_at": "Sun Mar 01 14:05:00 +0000 2026",
        "full_text": f"@{handle} thanks, we will call you Monday",
        "in_reply_to_user_id": user_id,
        "in_reply_to_user_id_str": user_id,
        "in_reply_to_screen_name": handle,
        "entities": {"user_mentions": [{"screen_name": handle, "id_str": user_id}]},
    }


def test_a_reply_whose_parent_is_gone_is_a_reply_and_a_re_import_corrects_the_store(
    tmp_path: Path,
) -> None:
    """QA s21: 68 tweets of a real archive answer an account but name no parent tweet (it was
    deleted); they were stored as originals, which made the audit count broadcasts instead of
    conversation. A store filled by that version is corrected by importing the file again."""
    archive = archive_of(
        tmp_path,
        [
            linking("400", "We are hiring https://t.co/q1", "https://acme.example/jobs"),
            _answering("401", "42", "JaneDoe"),
            _answering("402", "9001", "AcmeStaffing"),  # a thread of its own
        ],
    )
    old = datetime(2026, 3, 2, tzinfo=UTC)
    prov = Provenance(source="x-archive", location="old", tool_version="t", retrieved_at=old)
    with open_store(tmp_path / "db.sqlite") as store:
        # what the older version stored: originals, each starting its own conversation
        store.upsert(
            [
                Post(platform="x", id=i, author_id="9001", text="@x", conversation_id=i)
                for i in ("401", "402")
            ],
            prov,
        )
        report = import_paths(store, [archive])
        stored = {
            row["id"]: tuple(row)[1:]
            for row in store.conn.execute(
                "SELECT id, kind, reply_to_post_id, reply_to_account_id, reply_to_handle,"
                " conversation_id FROM posts ORDER BY id"
            )
        }
        result = audit_account(store, "AcmeStaffing", save=False)
    assert report.updated_posts == 2  # said in the import's summary
    assert stored == {
        "400": ("original", None, None, None, "400"),
        "401": ("reply", None, "42", "janedoe", None),  # no parent id invented
        "402": ("reply", None, "9001", "acmestaffing", None),
    }
    evidence = result.pillars["conversation"].evidence
    assert (evidence["replies"], evidence["replies_to_self"]) == (1, 1)
    assert evidence["original_posts"] == 1


def test_the_owners_counts_come_from_the_follower_lists_as_of_the_archive(
    tmp_path: Path,
) -> None:
    dated = tmp_path / "dated"
    shutil.copytree(ARCHIVE, dated)
    (dated / "data" / "manifest.js").write_text(MANIFEST, encoding="utf-8")
    undated = tmp_path / "undated"
    shutil.copytree(ARCHIVE, undated)
    damaged = tmp_path / "damaged"
    shutil.copytree(dated, damaged)
    follower_js = damaged / "data" / "follower.js"
    follower_js.write_text(
        follower_js.read_text(encoding="utf-8").replace('"accountId" : "43"', '"id" : "43"'),
        encoding="utf-8",
    )
    counts = {}
    for archive in (dated, undated, damaged):
        with open_store(":memory:") as store:
            report = import_paths(store, [archive])
            owner = store.find_account("AcmeStaffing")
            counts[archive.name] = (owner.followers, owner.following, report.follows)
    # the fixture lists 2 followers and 1 account followed
    assert counts["dated"] == (2, 1, 3)
    assert counts["undated"] == (None, None, 3)  # no date to count them as of
    assert counts["damaged"] == (None, 1, 2)  # one follower entry lost: no short count


def _files_under(*folders: Path) -> set[Path]:
    return {file for folder in folders if folder.exists() for file in folder.rglob("*")}


def test_the_reader_writes_no_file_and_the_import_saves_the_picture_for_the_face_pillar(
    tmp_path: Path,
) -> None:
    """Reading an archive only reads: the profile picture comes on the owner's row. The import
    saves it beside the store, once, keeps no image bytes in the raw payloads, and the
    audit's Face pillar reads the saved file."""
    archive = zip_archive(tmp_path / "twitter-2026.zip", {"data/": ARCHIVE / "data"})
    png = (ARCHIVE / "data" / "profile_media" / "9001-face.png").read_bytes()
    before = _files_under(tmp_path, home_dir())
    items = list(detect(archive).read(archive)) + list(XArchive().read(ARCHIVE))
    assert _files_under(tmp_path, home_dir()) == before  # no avatar copy, anywhere
    owners = [r for r in rows_of(items) if isinstance(r, Account)]
    assert owners and all(o.avatar_path is None for o in owners)
    assert all(o.avatar_image is not None and o.avatar_image.data == png for o in owners)

    with open_store(tmp_path / "clients" / "client.db") as store:
        import_paths(store, [archive])
        account = store.get_account("x", "9001")
        payloads = [row[0] for row in store.conn.execute("SELECT payload FROM raw_payloads")]
        result = audit_account(store, "AcmeStaffing", save=False)
    assert account is not None and account.avatar_path is not None
    kept = Path(account.avatar_path)
    assert kept.parent == tmp_path / "clients" / "client-avatars" and kept.read_bytes() == png
    assert list(kept.parent.iterdir()) == [kept]
    assert payloads and not any("PNG" in p for p in payloads)  # the image is the file alone
    avatar = result.pillars["face"].evidence["avatar"]
    assert avatar["file"] == kept.name and avatar["source"] != "none"
