"""Columns of a staffpulse CSV nothing reads (staffpulse.sources.csv_unread): told once for
the file, with the name to give a column close to one staffpulse reads."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store


def _notes(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "posts.csv"
    path.write_text(text, encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
    assert report.posts == 1 and report.problems == []
    return [notice.message for notice in report.notices]


def test_a_count_under_another_name_is_told_with_the_name_to_use(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "id,author,text,likes_count\n1,dockside_hr,Crane crew wanted,4\n")
    assert notes == [
        'the column "likes_count" was not read: staffpulse reads no column of that name, so '
        "its cells are kept only in the stored raw record, not used (staffpulse import --help "
        'lists the formats); rename "likes_count" to "likes" (if it holds that) and import the file '
        "again (nothing is stored twice)"
    ]


def test_several_unread_columns_are_told_in_one_note(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        "id,author,text,Retweets,Campaign,likes\n1,dockside_hr,Crane crew wanted,2,spring,5\n",
    )
    (note,) = notes
    # named as the header writes them
    assert note.startswith('the columns "Retweets", "Campaign" were not read')
    assert 'rename "Retweets" to "reposts"' in note and '"Campaign" to' not in note


def test_a_file_whose_columns_are_all_read_is_told_nothing(tmp_path: Path) -> None:
    # username is read as the author
    notes = _notes(
        tmp_path, "id,username,text,likes,reposts\n1,dockside_hr,Crane crew wanted,1,2\n"
    )
    assert notes == []


def test_a_name_column_of_accounts_is_told_to_be_renamed_display_name(tmp_path: Path) -> None:
    (note,) = _notes(
        tmp_path,
        "type,id,author,handle,name,text\n"
        "account,,,quayside_jobs,Quayside Jobs,\n"
        "post,p1,quayside_jobs,,,Forklift drivers wanted for the night shift\n",
    )
    assert note.startswith('the column "name" was not read')
    assert 'rename "name" to "display_name" (if it holds that)' in note


def test_a_name_column_of_posts_alone_gets_no_rename_it_would_not_read(tmp_path: Path) -> None:
    # a post row reads no display name: renaming would lose the names as silently
    (note,) = _notes(tmp_path, "id,author,text,name\n1,dockside_hr,Crane crew wanted,Dock HR\n")
    assert note.startswith('the column "name" was not read') and "rename" not in note


def test_an_unread_column_is_named_as_the_sheet_writes_it(tmp_path: Path) -> None:
    (said,) = _notes(tmp_path, "id,author,text,Likes Count\nu-1,aspen_crew,Night shift bonus,3\n")
    assert said.startswith('the column "Likes Count" was not read')
    assert 'rename "Likes Count" to "likes" (if it holds that)' in said


def test_a_column_of_the_posts_addresses_beside_their_ids_is_read_as_their_links(
    tmp_path: Path,
) -> None:
    # "Post URL" beside an id column was passed over unsaid: the posts lost their links
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,Post URL\n1,dockside_hr,Crane crew wanted,https://x.com/d/status/9\n"
        "2,dockside_hr,Yard crew wanted,\n",
        encoding="utf-8",
    )
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        links = {p.id: p.url for p in store.posts_by("csv", "dockside_hr")}
    assert (report.posts, report.problems, report.notices) == (2, [], [])
    assert links == {"1": "https://x.com/d/status/9", "2": None}


def test_a_posts_files_bio_column_is_told_not_read_with_how_to_have_it_read(
    tmp_path: Path,
) -> None:
    # an accounts file's description is its bio; among posts it was dropped without a word
    (note,) = _notes(
        tmp_path,
        "id,author,text,description\n1,quarry_hr,Loader drivers wanted,Night loader role\n",
    )
    assert note.startswith(
        'the column "description" was not read: staffpulse reads it only on a row of an'
        " account, and each row of this file is a post"
    )
    assert 'move it to a file of accounts, with "handle" as well, or add a "type" column' in note


def test_an_accounts_files_post_columns_are_told_not_read(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("handle,bio,likes,Campaign\nquarry_hr,We hire loaders,4,spring\n", "utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        account = store.find_account("quarry_hr", "csv")
    assert account is not None and account.bio == "We hire loaders"
    unread, other = (notice.message for notice in report.notices)
    assert unread.startswith('the column "Campaign" was not read: staffpulse reads no column')
    assert other.startswith('the column "likes" was not read: staffpulse reads it only on a row')
    assert 'move it to a file of posts, with "id", "author" and "text" as well' in other


def test_a_typed_file_reads_each_kinds_columns_and_is_told_nothing(tmp_path: Path) -> None:
    notes = _notes(
        tmp_path,
        "type,id,author,handle,description,text\n"
        "account,,,quarry_hr,We hire loaders,\n"
        "post,p1,quarry_hr,,,Loader drivers wanted\n",
    )
    assert notes == []
