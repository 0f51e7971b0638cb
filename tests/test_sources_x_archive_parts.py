"""An X archive X sent in several ZIPs: imported together (in one command, from one folder, or
unzipped into folders of their own) they are one archive, its account from the first ZIP and
the posts of every part; a ZIP of parts given alone is refused, naming the ZIP to add."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from staffpulse.errors import InputError
from staffpulse.ingest import import_paths
from staffpulse.store import open_store

# Which part holds which tweets (ids), as manifest.js lists them
PARTS = {"data/tweets.js": ["101", "102"], "data/tweets-part1.js": ["103", "104"]}
PARTS2 = {"data/tweets-part2.js": ["105"]}


def _ytd(kind: str, number: int, entries: list[dict[str, object]]) -> str:
    return f"window.YTD.{kind}.part{number} = {json.dumps(entries, indent=2)}"


def _tweets(number: int, ids: list[str]) -> str:
    entries: list[dict[str, object]] = [
        {
            "tweet": {
                "id_str": tweet_id,
                "full_text": f"Now hiring warehouse leads, opening {tweet_id}",
                "created_at": "Wed Oct 05 12:00:00 +0000 2022",
                "favorite_count": "2",
                "retweet_count": "0",
                "entities": {"hashtags": [], "user_mentions": [], "urls": []},
            }
        }
        for tweet_id in ids
    ]
    return _ytd("tweets", number, entries)


def _manifest() -> str:
    files = [
        {"fileName": name, "globalName": f"YTD.tweets.part{n}", "count": str(len(ids))}
        for n, (name, ids) in enumerate({**PARTS, **PARTS2}.items())
    ]
    config = {
        "userInfo": {"accountId": "42", "userName": "acmestaff", "displayName": "Acme"},
        "archiveInfo": {"generationDate": "2022-11-05T20:55:00.000Z", "isPartialArchive": True},
        "dataTypes": {"tweets": {"files": files}},
    }
    return f"window.__THAR_CONFIG = {json.dumps(config)}"


def _first_members() -> dict[str, str]:
    account = [{"account": {"accountId": "42", "username": "acmestaff"}}]
    return {
        "data/manifest.js": _manifest(),
        "data/account.js": _ytd("account", 0, account),
        "data/tweets.js": _tweets(0, PARTS["data/tweets.js"]),
    }


def _second_members() -> dict[str, str]:
    return {
        "data/tweets-part1.js": _tweets(1, PARTS["data/tweets-part1.js"]),
        "data/tweets-part2.js": _tweets(2, PARTS2["data/tweets-part2.js"]),
    }


def _zip(path: Path, members: dict[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def _folder(path: Path, members: dict[str, str]) -> Path:
    for name, text in members.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


def _split(tmp_path: Path) -> tuple[Path, Path]:
    return (
        _zip(tmp_path / "dl" / "twitter-2022-11-05-part1.zip", _first_members()),
        _zip(tmp_path / "dl" / "twitter-2022-11-05-part2.zip", _second_members()),
    )


def _stored_ids(db: Path) -> set[str]:
    with open_store(db) as store:
        return {row[0] for row in store.conn.execute("SELECT id FROM posts")}


def test_the_zips_of_one_archive_given_together_are_read_as_one(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [second, first])  # in any order
        again = import_paths(store, [first, second])
    assert _stored_ids(tmp_path / "db.sqlite") == {"101", "102", "103", "104", "105"}
    assert (report.new_posts, report.skipped, report.missing_files) == (5, 0, [])
    assert report.problems == []
    assert (again.posts, again.new_posts) == (5, 0)  # re-imported: nothing twice
    told = [str(n) for n in report.notices]  # the summary names the first ZIP only
    assert any(str(second) in n and "one archive" in n for n in told), told


def test_a_part_renamed_in_the_second_zip_is_read_by_its_first_line(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    members = _second_members()
    members["data/tweets-part2 (1).js"] = members.pop("data/tweets-part2.js")
    _zip(second, members)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [first, second])
    assert (report.new_posts, report.skipped, report.missing_files) == (5, 0, [])


def test_a_folder_holding_the_zips_is_one_archive(tmp_path: Path) -> None:
    first, _second = _split(tmp_path)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [first.parent])
    assert (report.new_posts, report.skipped, report.problems) == (5, 0, [])


def test_the_unzipped_parts_in_two_folders_are_one_archive(tmp_path: Path) -> None:
    first = _folder(tmp_path / "x" / "part1", _first_members())
    second = _folder(tmp_path / "x" / "part2", _second_members())
    with open_store(tmp_path / "db.sqlite") as store:
        together = import_paths(store, [first, second])
        in_one = import_paths(store, [tmp_path / "x"])
    assert (together.new_posts, together.skipped, together.problems) == (5, 0, [])
    assert (in_one.posts, in_one.new_posts, in_one.skipped) == (5, 0, 0)


def test_remove_deleted_with_every_zip_removes_what_x_no_longer_has(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        import_paths(store, [first, second])
    fewer = _second_members()
    fewer["data/tweets-part2.js"] = _tweets(2, [])  # 105 deleted on X since
    manifest = _manifest().replace('"count": "1"', '"count": "0"')
    _zip(second, fewer)
    _zip(first, {**_first_members(), "data/manifest.js": manifest})
    with open_store(db) as store:
        report = import_paths(store, [first, second], remove_deleted=True)
    assert report.removed == 1
    assert _stored_ids(db) == {"101", "102", "103", "104"}


def test_remove_deleted_without_a_zip_is_refused_naming_the_missing_part(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        import_paths(store, [first, second])
        report = import_paths(store, [first], remove_deleted=True)
    assert report.removed == 0
    assert _stored_ids(db) == {"101", "102", "103", "104", "105"}
    missing = {Path(m.file).name: m for m in report.missing_files}
    assert set(missing) == {"tweets-part1.js", "tweets-part2.js"}
    assert "in one command" in missing["tweets-part1.js"].message


def test_the_second_zip_alone_names_the_first_to_add(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    with open_store(tmp_path / "db.sqlite") as store, pytest.raises(InputError) as raised:
        import_paths(store, [second])
    said = f"{raised.value} {raised.value.hint}"
    assert "tweets-part1.js: 2 posts" in said and "tweets-part2.js: 1 post" in said
    assert f"staffpulse import {first} {second}" in said
    assert _stored_ids(tmp_path / "db.sqlite") == set()


def test_an_unzipped_part_alone_says_to_add_the_folder_with_account_js(tmp_path: Path) -> None:
    second = _folder(tmp_path / "part2", _second_members())
    with open_store(tmp_path / "db.sqlite") as store, pytest.raises(InputError) as raised:
        import_paths(store, [second])
    assert "account.js" in str(raised.value) and "unzipped folder" in str(raised.value.hint)


def _renamed_members() -> dict[str, str]:
    """The second ZIP with every part renamed, as a browser or a person saves copies."""
    members = _second_members()
    members["data/tweets-part1 (1).js"] = members.pop("data/tweets-part1.js")
    members["data/tweets-part2 copy.js"] = members.pop("data/tweets-part2.js")
    return members


def test_a_second_zip_whose_parts_are_all_renamed_is_joined(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    _zip(second, _renamed_members())
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [first, second])
    assert (report.new_posts, report.skipped, report.missing_files, report.problems) == (
        5,
        0,
        [],
        [],
    )


def test_unzipped_parts_all_renamed_are_joined_or_named_alone(tmp_path: Path) -> None:
    first = _folder(tmp_path / "x" / "part1", _first_members())
    second = _folder(tmp_path / "x" / "part2", _renamed_members())
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [first, second])
        again = import_paths(store, [second])  # the store knows whose posts they are
    assert (report.new_posts, report.skipped, report.problems) == (5, 0, [])
    assert (again.posts, again.new_posts) == (3, 0)  # its two parts, read as the owner's
    assert "read as @" in str(again.notices[0])
    with open_store(tmp_path / "new.sqlite") as store, pytest.raises(InputError) as raised:
        import_paths(store, [second])
    assert "tweets-part1 (1).js: 2 posts" in str(raised.value)


def test_other_files_in_a_joined_zip_are_read_or_told(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    csv = "id,text,created_at,author_handle,platform\n9,Join our team,2024-01-02,acmejobs,x\n"
    members = {
        **_second_members(),
        "extra/more.csv": csv,
        "extra/plan.pdf": "%PDF-1.4",
        "data/like-part1.js": "window.YTD.like.part1 = []",
        "data/tweets_media/1-a.jpg": "\xff\xd8\xff",
        "data/tweets_media/2-b.mp4": "....",
    }
    _zip(second, members)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [first, second])
    assert _stored_ids(tmp_path / "db.sqlite") == {"101", "102", "103", "104", "105", "9"}
    assert (f"{second}!extra/more.csv", "staffpulse CSV") in report.files
    assert [(p.file, p.message) for p in report.problems] == [
        (
            f"{second}!extra/plan.pdf",
            "not a known format: this is a PDF, not a file of posts or accounts",
        )
    ]
    told = " ".join(str(n) for n in report.notices)  # the archive's own files: not read, said
    assert "not read from them, as from any X archive" in told
    assert f"{second}!data/like-part1.js, 2 media files" in told


def test_a_zip_of_the_downloads_holding_the_zips_is_one_archive(tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    _zip(second, _renamed_members())
    outer = tmp_path / "downloads.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(first, f"downloads/{first.name}")
        archive.write(second, f"downloads/{second.name}")
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [outer])
    assert (report.new_posts, report.skipped, report.missing_files, report.problems) == (
        5,
        0,
        [],
        [],
    )
    told = " ".join(str(n) for n in report.notices)
    assert f"read as one archive with {outer}!downloads/{second.name}" in told
    assert "staffpulse-zip" not in told  # the temporary folder is never named


def test_the_unzipped_parts_zipped_together_are_one_archive(tmp_path: Path) -> None:
    """Each ZIP X sent unzipped into a folder of its own, and the folders zipped again."""
    csv = "id,text,created_at,author_handle,platform\n9,Join our team,2024-01-02,acmejobs,x\n"
    members = {f"part1/{name}": text for name, text in _first_members().items()}
    members |= {f"part2/{name}": text for name, text in _renamed_members().items()}
    members |= {
        "part2/data/like.js": "window.YTD.like.part0 = []",
        "part2/data/tweets_media/1-a.jpg": "\xff\xd8\xff",
        "part2/more.csv": csv,
    }
    both = _zip(tmp_path / "archive folders.zip", members)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [both])
        again = import_paths(store, [both])
    assert _stored_ids(tmp_path / "db.sqlite") == {"101", "102", "103", "104", "105", "9"}
    assert (report.skipped, report.missing_files, report.problems) == (0, [], [])
    assert [label for _file, label in report.files] == ["X archive", "staffpulse CSV"]
    told = " ".join(str(n) for n in report.notices)
    assert f"read as one archive with its parts in {both}!part2 (X sent it" in told
    assert "not read from them, as from any X archive" in told
    assert f"{both}!part2/data/like.js, 1 media file" in told
    assert (again.posts, again.new_posts) == (6, 0)


def test_a_whole_archive_zip_cut_short_is_told_as_cut_not_as_a_part(tmp_path: Path) -> None:
    # its account.js was after the cut: it was told to be "part of an X archive X sent in
    # several ZIPs", with another ZIP of the folder to add
    members = {**_second_members(), **_first_members()}  # the parts first, as X may order them
    whole = _zip(tmp_path / "full" / "twitter-2022-11-05.zip", members)
    data = whole.read_bytes()
    cut = tmp_path / "dl" / "twitter-2022-11-05.zip"
    cut.parent.mkdir()
    cut.write_bytes(data[: data.index(b"data/manifest.js") + 200])  # inside the 3rd file
    _zip(tmp_path / "dl" / "other.zip", _first_members())
    with open_store(tmp_path / "db.sqlite") as store, pytest.raises(InputError) as raised:
        import_paths(store, [cut])
    said = f"{raised.value} {raised.value.hint}"
    assert "the ZIP is cut short (its download or copy stopped)" in said
    assert "download or copy the ZIP again" in said
    assert "several ZIPs" not in said and "other.zip" not in said
