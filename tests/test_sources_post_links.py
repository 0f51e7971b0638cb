"""A sheet of posts with their links but no id column, and rows of other networks: the ids are
read from the links, and other networks' rows are told once a file, counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.post_links import post_of_link
from staffpulse.store import open_store

HEADER = "Platform,Handle,text,Post URL\r\n"


def test_posts_without_an_id_column_take_their_ids_from_their_links(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        HEADER
        + "X,@CrateHire,Forklift shifts open,https://twitter.com/CrateHire/status/1811111111111111111\r\n"
        + ",cratehire.bsky.social,Open day Friday,https://bsky.app/profile/cratehire.bsky.social/post/3lzzq\r\n"
        + ",cratehire,Drivers wanted,https://mstdn.example/@cratehire/112233445566\r\n"
        + "X,CrateHire,A post with no link,\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        again = import_paths(store, [path])
        authors = [("x", "cratehire"), ("mastodon", "cratehire")]
        authors.append(("bluesky", "cratehire.bsky.social"))
        stored = {(p.platform, p.id) for pl, a in authors for p in store.posts_by(pl, a)}
    assert stored == {
        ("x", "1811111111111111111"),
        ("bluesky", "at://cratehire.bsky.social/app.bsky.feed.post/3lzzq"),
        ("mastodon", "mstdn.example:112233445566"),
    }
    assert (report.posts, report.skipped, again.new_posts) == (3, 1, 0)
    (problem,) = report.problems
    assert problem.line == 5
    assert 'has no id column, so a post\'s id is read from its link in "Post URL"' in (
        problem.message
    )
    told = [n.message for n in report.notices if "ids of" in n.message]
    assert told == [
        'the file has no id column: the ids of 3 posts were read from their links in "Post URL"'
        " (a post imported again from the same link is not stored twice)"
    ]
    # the link column is read, so never told as a column to rename
    assert not any('"Post URL"' in n.message and "not read" in n.message for n in report.notices)


def test_a_header_without_id_or_text_asks_only_for_the_text(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Handle,Post text,Post URL\r\nCrateHire,hi,https://x.com/CrateHire/status/1811111111111111111\r\n",
        encoding="utf-8",
    )
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert (
        'it has no text column: rename the column "Post text" to "text" (the ids are read from'
        ' the links in "Post URL")'
    ) in caught.value.message


def test_rows_of_another_network_are_told_once_counted(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,Platform,Handle,text\r\n"
        + "1,LinkedIn,cratehire,We are hiring\r\n"
        + "2,X,CrateHire,We are hiring too\r\n"
        + "3,linkedin,cratehire,Come see us\r\n"
        + "4,Instagram,cratehire,Photo day\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 3)
    assert sorted((p.line, p.records, p.message) for p in report.problems) == [
        (
            2,
            2,
            "2 rows are LinkedIn posts (the first on this line): staffpulse reads X/Twitter,"
            " Bluesky and Mastodon, so they were not imported (nothing to fix; the file's other"
            " rows were read)",
        ),
        (
            5,
            1,
            "this row is an Instagram post: staffpulse reads X/Twitter, Bluesky and Mastodon,"
            " so it was not imported (nothing to fix; the file's other rows were read)",
        ),
    ]


@pytest.mark.parametrize(
    ("link", "found"),
    [
        ("https://x.com/i/status/1811111111111111111?s=20", ("x", "1811111111111111111")),
        ("https://x.com/i/web/status/1811111111111111113", ("x", "1811111111111111113")),
        (
            "https://bsky.app/profile/did:plc:abc123/post/3lzzq",
            ("bluesky", "at://did:plc:abc123/app.bsky.feed.post/3lzzq"),
        ),
        (
            # a handle typed with capitals names the same post a fetch stores lower-cased
            "https://bsky.app/profile/Crate.Hire.social/post/3lzzq",
            ("bluesky", "at://crate.hire.social/app.bsky.feed.post/3lzzq"),
        ),
        ("https://Mstdn.example/@jo@other.example/998877", ("mastodon", "mstdn.example:998877")),
        ("https://mstdn.example/users/jo/statuses/998877", ("mastodon", "mstdn.example:998877")),
        ("https://www.linkedin.com/feed/update/urn:li:activity:71", None),
        ("https://x.com/CrateHire", None),
    ],
)
def test_post_of_link(link: str, found: tuple[str, str] | None) -> None:
    assert post_of_link(link) == found


def test_a_jsonl_of_another_network_is_told_once_counted(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    lines = [
        '{"type": "post", "platform": "LinkedIn", "id": "1", "author": "crate", "text": "a"}',
        '{"type": "post", "platform": "x", "id": "2", "author": "crate", "text": "b"}',
        '{"type": "post", "platform": "linkedin", "id": "3", "author": "crate", "text": "c"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 2)
    ((line, records, message),) = [(p.line, p.records, p.message) for p in report.problems]
    assert (line, records) == (1, 2)
    assert message == (
        "2 records are LinkedIn posts (the first on this line): staffpulse reads X/Twitter,"
        " Bluesky and Mastodon, so they were not imported (nothing to fix; the file's other"
        " records were read)"
    )


def test_a_sheet_of_own_posts_by_link_alone_takes_authors_from_the_links(tmp_path: Path) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text(
        "Date posted,Post URL,text\r\n"
        "2026-03-01,https://x.com/CrateHire/status/1811111111111111111,Shift open\r\n"
        "2026-03-02,https://mstdn.example/@cratehire/1122,Open day\r\n"
        "2026-03-03,https://x.com/i/status/1811111111111111112,Whose post\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        x_posts = [(p.id, p.author_handle) for p in store.posts_by("x", "cratehire")]
        fedi = [p.id for p in store.posts_by("mastodon", "cratehire@mstdn.example")]
    assert x_posts == [("1811111111111111111", "CrateHire")]
    assert fedi == ["mstdn.example:1122"]
    ((line, message),) = [(p.line, p.message) for p in report.problems]
    assert line == 4
    assert "names no handle: add an author column with the account's handle" in message
    assert any(
        n.message.startswith("the file has no id or author column: the ids and authors of 2")
        for n in report.notices
    )


def test_share_menu_links_by_id_alone_take_the_author_from_the_author_column(
    tmp_path: Path,
) -> None:
    # x.com/i/web/status/<id> (X's share menu) was refused as no status link
    path = tmp_path / "calendar.csv"
    path.write_text(
        "Author,Post URL,text\r\n"
        "CrateHire,https://twitter.com/i/web/status/1811111111111111121,Shift open\r\n"
        "CrateHire,https://x.com/i/status/1811111111111111122,Open day\r\n"
        "CrateHire,https://x.com/i/web/status/1811111111111111123?s=20,Crane course\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        posts = [(p.id, p.url) for p in store.posts_by("x", "cratehire")]
    assert not report.problems
    assert sorted(posts) == [
        ("1811111111111111121", "https://twitter.com/i/web/status/1811111111111111121"),
        ("1811111111111111122", "https://x.com/i/status/1811111111111111122"),
        ("1811111111111111123", "https://x.com/i/web/status/1811111111111111123?s=20"),
    ]


def test_rows_linking_to_another_network_are_told_as_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text(
        "Post URL,text\r\n"
        "https://x.com/CrateHire/status/1811111111111111111,Shift open\r\n"
        "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000009,Open day\r\n"
        "https://www.instagram.com/p/Cq1xYzAbC/,Team photo\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 2)
    assert sorted(p.message.split(":")[0] for p in report.problems) == [
        "this row is a LinkedIn post",
        "this row is an Instagram post",
    ]


def test_blank_ids_in_an_id_column_are_read_from_the_rows_links(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,platform,author,text,Post URL\r\n"
        "1811111111111111111,x,CrateHire,Forklift shifts open,\r\n"
        ",x,CrateHire,Night shift open,https://x.com/CrateHire/status/1811111111111111112\r\n"
        ",,cratehire.bsky.social,Open day,https://bsky.app/profile/cratehire.bsky.social/post/3lq\r\n"
        ",x,CrateHire,Neither id nor link,\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        again = import_paths(store, [path])
        x_ids = sorted(p.id for p in store.posts_by("x", "cratehire"))
        sky = [p.id for p in store.posts_by("bluesky", "cratehire.bsky.social")]
    assert x_ids == ["1811111111111111111", "1811111111111111112"]
    assert sky == ["at://cratehire.bsky.social/app.bsky.feed.post/3lq"]
    assert (report.posts, report.skipped, again.new_posts) == (3, 1, 0)
    assert [p.line for p in report.problems] == [5]
    told = [n.message for n in report.notices if "no id" in n.message]
    assert told == [
        '2 posts had no id: their ids were read from their links in "Post URL" (a post imported'
        " again from the same link is not stored twice)"
    ]


def test_one_post_by_its_link_is_told_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Post URL,text\r\nhttps://x.com/CrateHire/status/1811111111111111111,Yard tour\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert [n.message for n in report.notices if "column:" in n.message] == [
        "the file has no id or author column: the id and author of 1 post were read from its"
        ' link in "Post URL" (a post imported again from the same link is not stored twice)'
    ]


def test_blank_ids_read_from_links_keep_a_sheet_without_platforms_one_account(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,author,text,url\r\n"
        "501,yardcrew,Loading bay tour,https://x.com/yardcrew/status/501\r\n"
        ",yardcrew,Pickers wanted Monday,https://x.com/yardcrew/status/502\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        accounts = [tuple(r) for r in store.conn.execute("SELECT platform, id FROM accounts")]
        posts = sorted(p.id for p in store.posts_by("csv", "yardcrew"))
    assert accounts == [("csv", "yardcrew")] and posts == ["501", "502"]
    told = [n.message for n in report.notices if "no id" in n.message]
    assert told == [
        '1 post had no id: its id was read from its link in "url" (a post imported again from'
        " the same link is not stored twice); the sheet has no platform column, so it is stored"
        " under the platform csv as its posts with an id are, and each author stays one account"
    ]


def test_a_link_beside_an_id_is_kept_as_the_posts_url_and_no_address_is_told(
    tmp_path: Path,
) -> None:
    # a "link" of pages that are no posts was read for blank ids only, then dropped unsaid;
    # a blank id beside such a link was told only as a missing id
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,author,text,link\r\n"
        "71,pierhands,Dock tour photos,https://pierhands.example/tour\r\n"
        "72,pierhands,Night crew signup,ask Dana\r\n"
        "73,pierhands,Crane course,\r\n"
        "74,pierhands,Hard hats back in stock,N/A\r\n"
        ",pierhands,Forklift day,https://pierhands.example/forklift\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        urls = {p.id: p.url for p in store.posts_by("csv", "pierhands")}
    assert urls == {"71": "https://pierhands.example/tour", "72": None, "73": None, "74": None}
    assert [(p.line, p.message) for p in report.problems] == [
        (
            6,
            "its id is blank and its link in \"link\", 'https://pierhands.example/forklift', is"
            " not an x.com or twitter.com status link, a bsky.app post link or a Mastodon post"
            " link, so no id could be read from it: fill in the post's id (or its link) and"
            " import the file again",
        )
    ]
    assert [n.message for n in report.notices] == [
        "1 row's cell in \"link\" (line 3) is no web address, so it was not kept as the post's"
        " link (only in the stored raw record): write the post's address there (https://...)"
        " and import the file again (nothing is stored twice)"
    ]


def test_rows_skipped_for_another_reason_are_not_counted_in_the_link_notes(
    tmp_path: Path,
) -> None:
    # a row left out for its missing author was also counted as 'no web address' or as a
    # post whose id was read from its link, though no post of it was stored
    path = tmp_path / "sheet.csv"
    path.write_text(
        "id,author,text,link\r\n"
        "81,pierhands,Gate times change,ask Dana\r\n"
        "82,,Crane course,ask Lee\r\n"
        ",,Forklift day,https://x.com/i/web/status/1811111111111111131\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert [p.line for p in report.problems] == [3, 4]
    assert [n.message.split(" in ")[0] for n in report.notices] == ["1 row's cell"]
    assert "(line 2) is no web address" in report.notices[0].message


def test_a_row_left_without_its_author_is_told_what_its_link_shows(tmp_path: Path) -> None:
    # both rows were told only "post is missing the required field 'author'", though the link
    # beside the blank cell shows whom to write in, or that it names no one
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,url\r\n"
        "1,cratehire,Forklift shifts open,https://x.com/cratehire/status/1811111111111111111\r\n"
        "2,,Open day Friday,https://x.com/CrateHire/status/1811111111111111112?s=46&t=Zq\r\n"
        "3,,Drivers wanted,https://x.com/i/web/status/1811111111111111113\r\n"
        "4,,Night crew wanted,\r\n"
        "5,,Yard open,https://bsky.app/profile/did:plc:yard4crew/post/3kaaaaaaaaa22\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    told = {p.line: p.message for p in report.problems}
    assert told[3].startswith("post has no author, but its link (https://x.com/CrateHire/")
    assert "names @CrateHire: write CrateHire in its 'author' column" in told[3]
    assert "(https://x.com/i/web/status/1811111111111111113) names none" in told[4]
    assert "write the author's handle in its 'author' column" in told[4]
    assert told[5].startswith("post is missing the required field 'author'")
    # a Bluesky link by DID names the account, not by a share menu's post number alone
    assert "names the account by its DID (did:plc:yard4crew), not its handle" in told[6]
    assert "share menu" not in told[6]
    assert (report.posts, report.skipped) == (1, 4)
