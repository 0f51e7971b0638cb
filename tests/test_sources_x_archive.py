"""Reading an X archive: the rows the adapter makes of a small hand-written archive as a
folder, a ZIP or a single file. What importing them into a store does is in
test_sources_x_archive_import.py."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.x_archive import XArchive
from staffpulse.sources.x_archive_files import archive_roots
from x_archive_helpers import ARCHIVE, archive_of, linking, rows_of, zip_archive


def test_folder_is_claimed_and_read() -> None:
    assert detect(ARCHIVE).name == "x-archive"
    items = list(XArchive().read(ARCHIVE))
    rows = rows_of(items)
    posts = {p.id: p for p in rows if isinstance(p, Post)}
    assert set(posts) == {"100", "101", "102", "103"}
    assert posts["100"].kind == "original" and posts["100"].hashtags == ("hiring",)
    assert posts["100"].urls == ("https://acme.example/jobs/1",) and posts["100"].likes == 3
    assert posts["101"].kind == "reply" and posts["101"].reply_to_post_id == "77"
    assert posts["101"].reply_to_account_id == "42" and posts["101"].reply_to_handle == "janedoe"
    assert posts["102"].kind == "repost" and posts["102"].mentions == ("hrweekly",)
    assert posts["103"].kind == "quote" and posts["103"].quoted_post_id == "555"
    assert posts["103"].mentions == ("hrweekly",)  # from its link twitter.com/hrweekly/status/555
    assert all(p.author_id == "9001" and p.author_handle == "AcmeStaffing" for p in posts.values())
    owner = next(r for r in rows if isinstance(r, Account))
    assert owner.bio.startswith("We place") and owner.avatar_url and owner.avatar_image
    assert owner.avatar_image.data.startswith(b"\x89PNG") and owner.avatar_path is None
    follows = {(f.follower_id, f.followee_id) for f in rows if isinstance(f, Follow)}
    assert follows == {("42", "9001"), ("43", "9001"), ("9001", "43")}
    problems = [p for p in items if isinstance(p, Problem)]
    assert len(problems) == 1 and problems[0].file.endswith("tweets-part1.js")
    assert problems[0].line == 19 and "timestamp" in problems[0].message


def test_zip_with_zip_slip_member(tmp_path: Path) -> None:
    archive = tmp_path / "twitter-2026.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in sorted((ARCHIVE / "data").rglob("*")):
            if file.is_file():
                z.write(file, "data/" + file.relative_to(ARCHIVE / "data").as_posix())
        z.writestr("../../evil.js", "window.YTD.tweets.part9 = []")
    assert detect(archive).name == "zip"  # a ZIP is read as a folder; the archive is in it
    items = list(detect(archive).read(archive))
    assert any(isinstance(p, Problem) and "zip-slip" in p.message for p in items)
    assert not (tmp_path.parent / "evil.js").exists()
    assert len([r for r in rows_of(items) if isinstance(r, Post)]) == 4


def test_single_tweet_file_uses_sibling_account() -> None:
    file = ARCHIVE / "data" / "tweets.js"
    assert detect(file).name == "x-archive"
    rows = rows_of(list(XArchive().read(file)))
    assert [r.id for r in rows if isinstance(r, Post)] == ["100", "101", "102"]
    assert any(isinstance(r, Account) and r.id == "9001" for r in rows)


def test_manifest_names_the_owner_without_account_js(tmp_path: Path) -> None:
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text((ARCHIVE / "data" / "tweets.js").read_text())
    (data / "manifest.js").write_text(
        'window.__THAR_CONFIG = {\n "userInfo" : {"accountId" : "9001", "userName" : "AcmeStaffing",'
        ' "displayName" : "Acme"}\n}'
    )
    rows = rows_of(list(XArchive().read(tmp_path / "archive")))
    assert len([r for r in rows if isinstance(r, Post) and r.author_id == "9001"]) == 3
    assert any(isinstance(r, Account) and r.handle == "AcmeStaffing" for r in rows)


def test_single_profile_file_extracts_avatar() -> None:
    rows = rows_of(list(XArchive().read(ARCHIVE / "data" / "profile.js")))
    (owner,) = rows
    assert isinstance(owner, Account) and owner.avatar_image is not None
    assert owner.avatar_image.name.endswith("face.png")


def test_zip_of_a_named_folder_is_read_at_any_depth(tmp_path: Path) -> None:
    data = ARCHIVE / "data"
    roots = {"person_acme/": "person_acme", "twitter-2026-11-01/data/": "twitter-2026-11-01"}
    for prefix in ("person_acme/", "twitter-2026-11-01/data/", "a/b/c/"):
        archive = zip_archive(tmp_path / "x.zip", {prefix: data})
        # The folder the archive fills: its other files (likes, media) are not read as inputs.
        folder = prefix.rstrip("/")
        assert archive_roots([prefix + "tweets.js"]) == {folder: roots.get(prefix, folder)}
        items = list(XArchive().read(archive))
        rows = rows_of(items)
        assert len([r for r in rows if isinstance(r, Post)]) == 4, prefix
        owner = next(r for r in rows if isinstance(r, Account))
        assert owner.id == "9001" and owner.avatar_image is not None, prefix


def test_zip_with_two_archives_reads_each_with_its_owner(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "account.js").write_text(
        'window.YTD.account.part0 = [ { "account" : '
        '{ "username" : "HarborTalent", "accountId" : "8001" } } ]'
    )
    (other / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "500", "full_text" : "Tacos!",'
        ' "created_at" : "Wed Oct 10 20:19:24 +0000 2018", "entities" : { } } } ]'
    )
    archive = zip_archive(tmp_path / "two.zip", {"acme/data/": ARCHIVE / "data", "harbor/": other})
    rows = rows_of(list(XArchive().read(archive)))
    authors = {p.id: p.author_id for p in rows if isinstance(p, Post)}
    assert authors == {"100": "9001", "101": "9001", "102": "9001", "103": "9001", "500": "8001"}
    assert {a.id for a in rows if isinstance(a, Account)} == {"9001", "8001"}


def test_a_link_in_quotation_marks_or_to_a_tweets_photo_is_a_quote(tmp_path: Path) -> None:
    archive = archive_of(
        tmp_path,
        [
            linking(
                "300",
                "Our recruiter put it best: “skills first https://t.co/q1”",
                "https://twitter.com/hrweekly/status/555",
            ),
            linking(
                "301",
                "This chart of hiring trends https://t.co/q1",
                "https://twitter.com/jobsdata/status/556/photo/1",
            ),
            linking("302", "Read our blog https://t.co/q1", "https://acme.example/blog/status/557"),
        ],
    )
    posts = {p.id: p for p in rows_of(list(XArchive().read(archive))) if isinstance(p, Post)}
    assert (posts["300"].kind, posts["300"].quoted_post_id) == ("quote", "555")
    assert posts["300"].mentions[:1] == ("hrweekly",)
    assert (posts["301"].kind, posts["301"].quoted_post_id) == ("quote", "556")
    assert posts["301"].mentions[:1] == ("jobsdata",)
    assert posts["302"].kind == "original"  # a link that is not to a tweet


def test_a_part_under_another_name_is_read_by_its_first_line(tmp_path: Path) -> None:
    """QA s20: ``tweets (1).js`` (a browser's second download) or ``tweets.json`` beside
    account.js was "not a format staffpulse can import"."""
    shutil.copytree(ARCHIVE, tmp_path / "archive")
    data = tmp_path / "archive" / "data"
    for name in ("tweets (1).js", "tweets.json"):
        renamed = data / name
        shutil.copy(data / "tweets.js", renamed)
        assert detect(renamed).name == "x-archive"
        rows = rows_of(list(XArchive().read(renamed)))
        assert [r.id for r in rows if isinstance(r, Post)] == ["100", "101", "102"]
        assert any(isinstance(r, Account) and r.id == "9001" for r in rows)
    notes = data / "notes.js"
    notes.write_text("var notes = [];\n", encoding="utf-8")  # JavaScript, not an archive part
    assert not XArchive().sniff(notes, notes.read_bytes())


def test_an_account_js_that_lost_its_id_takes_it_from_the_manifest(tmp_path: Path) -> None:
    import json

    from export_gap_helpers import MARCH
    from export_gap_helpers import archive_of as archive_with_manifest

    folder = archive_with_manifest(tmp_path / "a", MARCH)
    damaged = {"account": {"accountId": None, "username": "AcmeStaffing"}}  # a damaged copy
    account_js = folder / "data" / "account.js"
    account_js.write_text(f"window.YTD.account.part0 = {json.dumps([damaged])}")
    items = list(XArchive().read(folder))
    posts = [r for i in items if not isinstance(i, Problem) for r in getattr(i, "rows", ())]
    assert sum(isinstance(r, Post) for r in posts) == len(MARCH)  # none lost
    assert {r.author_id for r in posts if isinstance(r, Post)} == {"9001"}
    assert not [i for i in items if isinstance(i, Problem)]
    (folder / "data" / "manifest.js").unlink()  # nothing to take it from: told what is wrong
    problems = [i for i in XArchive().read(folder) if isinstance(i, Problem)]
    said = [p.message for p in problems]
    assert "account.js has no 'accountId' or 'username'" in said
    assert (
        "account.js has no 'accountId' or 'username', and it says whose archive this is, so its"
        " 4 posts were not read: download the archive from X again"
    ) in said
    assert not [m for m in said if "without the archive's account.js" in m]
