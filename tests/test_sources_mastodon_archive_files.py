"""A Mastodon account archive as files (staffpulse.sources.mastodon_archive_files and
mastodon_archive_members): the .tar.gz, the ZIP newer Mastodon sends, the unpacked folder or
outbox.json alone; one cut short or broken said with its file and line; likes and media told
the same whatever the form."""

from __future__ import annotations

import io
import json
import re
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from mastodon_archive_helpers import (
    AVATAR,
    HOME,
    ME,
    archive_members,
    create_activity,
    rosa_actor,
    rosa_outbox,
    rosa_posts,
    run_import,
    write_tar_gz,
)
from staffpulse.store import open_store


def test_the_unpacked_folder_and_the_two_files_given_together_import(tmp_path: Path) -> None:
    folder = tmp_path / "mastoarch"
    for name, data in archive_members().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    result = run_import(tmp_path / "a.sqlite", folder)
    assert result.exit_code == 0, result.output
    assert "of no known format" not in result.output  # likes.json, the media: not complained of
    assert len(rosa_posts(tmp_path / "a.sqlite")) == 4
    together = run_import(tmp_path / "b.sqlite", folder / "outbox.json", folder / "actor.json")
    assert together.exit_code == 0, together.output
    assert len(rosa_posts(tmp_path / "b.sqlite")) == 4
    with open_store(tmp_path / "b.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.bio.startswith("Recruiter")


def test_outbox_json_alone_finds_its_owner_from_the_activities(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox.json"
    outbox.write_text(json.dumps(rosa_outbox()))
    result = run_import(tmp_path / "db.sqlite", outbox)
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "db.sqlite") as store:
        (rosa,) = store.list_accounts("mastodon")
    assert rosa.account.handle == "rosa@mastodon.example"
    assert len(rosa_posts(tmp_path / "db.sqlite")) == 4


def test_the_zip_newer_mastodon_sends_imports(tmp_path: Path) -> None:
    archive = tmp_path / "archive-20261101-abc.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name, data in archive_members().items():
            z.writestr(name, data)
    result = run_import(tmp_path / "db.sqlite", archive)
    assert result.exit_code == 0, result.output
    assert len(rosa_posts(tmp_path / "db.sqlite")) == 4
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.avatar_path
    assert Path(rosa.avatar_path).read_bytes() == AVATAR


def test_an_archive_cut_short_keeps_what_came_before_and_says_so(tmp_path: Path) -> None:
    whole = io.BytesIO()
    with tarfile.open(fileobj=whole, mode="w") as tar:
        for name, data in archive_members().items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    raw = whole.getvalue()
    # a download that stopped inside actor.json, the last member: no gzip trailer either
    packer = zlib.compressobj(wbits=31)
    cut_at = raw.index(b"actor.json") + 600
    cut = tmp_path / "archive.tar.gz"
    cut.write_bytes(packer.compress(raw[:cut_at]) + packer.flush(zlib.Z_SYNC_FLUSH))
    result = run_import(tmp_path / "db.sqlite", cut)
    text = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "archive.tar.gz: the archive is damaged or cut short near actor.json" in text
    assert "request the archive again" in text
    assert "Imported 4 posts (4 new), 1 account (1 new)" in text  # the owner from the outbox
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.handle == "rosa@mastodon.example" and not rosa.bio


def test_a_tar_gz_cut_inside_its_outbox_counts_the_activities_lost(tmp_path: Path) -> None:
    """Not "no outbox.json in it" and 1 record: the outbox as far as it came is told cut
    short, with every activity its header announced counted."""
    members = archive_members()
    outbox = rosa_outbox()
    outbox["orderedItems"] *= 60  # an outbox of some size: the cut falls inside it
    outbox["totalItems"] = len(outbox["orderedItems"])
    members["outbox.json"] = json.dumps(outbox).encode()
    raw = write_tar_gz(tmp_path / "whole.tar.gz", members).read_bytes()
    cut = tmp_path / "archive.tar.gz"
    cut.write_bytes(raw[: len(raw) // 2])
    text = " ".join(run_import(tmp_path / "db.sqlite", cut).output.split())
    assert "archive.tar.gz: the archive is damaged or cut short near outbox.json" in text
    assert "archive.tar.gz!outbox.json:1: the file looks cut short" in text
    read, lost = _read_and_lost(text)
    assert read > 0 and read + lost == outbox["totalItems"]  # all it announced, counted
    assert f"Skipped {lost:,} records" in text
    assert "no outbox.json or actor.json in it" not in text


def test_a_tar_gz_cut_before_its_outbox_came_says_so_once(tmp_path: Path) -> None:
    raw = write_tar_gz(tmp_path / "whole.tar.gz", archive_members()).read_bytes()
    cut = tmp_path / "archive.tar.gz"
    cut.write_bytes(raw[: len(raw) * 2 // 3])  # in its outbox.json, before any of it came
    text = " ".join(run_import(tmp_path / "db.sqlite", cut).output.split())
    assert "archive.tar.gz: the archive is damaged or cut short" in text
    assert "nothing of its outbox.json or actor.json came before the cut" in text
    assert "not a whole Mastodon archive" not in text  # the cut is why, said just above


def _read_and_lost(text: str) -> tuple[int, int]:
    """The activities an outbox cut short says it read before the cut, and lost."""
    found = re.search(
        r"so the ([\d,]+) activit\w+ before the cut \w+ read and at least ([\d,]+)", text
    )
    assert found is not None, text
    read, lost = found.groups()
    return int(read.replace(",", "")), int(lost.replace(",", ""))


def test_a_broken_outbox_names_the_file_and_line(tmp_path: Path) -> None:
    members = archive_members()
    members["outbox.json"] = json.dumps(rosa_outbox(), indent=1).encode()[:-400]
    result = run_import(tmp_path / "db.sqlite", write_tar_gz(tmp_path / "archive.tar.gz", members))
    text = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "archive.tar.gz!outbox.json:" in text and "cut short" in text
    read, lost = _read_and_lost(text)  # the activities before the cut are read
    assert read + lost == 5 and f"Skipped {lost} record" in text  # the direct message too


def test_an_outbox_cut_in_half_counts_the_activities_its_header_announced(
    tmp_path: Path,
) -> None:
    """The header's totalItems comes before the cut: the message and the summary count every
    activity lost, not only those begun before the cut."""
    folder = tmp_path / "archive"
    folder.mkdir()
    whole = json.dumps(rosa_outbox()).encode()
    (folder / "outbox.json").write_bytes(whole[: len(whole) // 2])
    (folder / "actor.json").write_text(json.dumps(rosa_actor()))
    result = run_import(tmp_path / "db.sqlite", folder)
    text = " ".join(result.output.split())
    assert "outbox.json:1: the file looks cut short" in text
    read, lost = _read_and_lost(text)
    assert read + lost == 5 and f"Skipped {lost} record" in text


def _notes(result: Any) -> list[str]:
    """The import's notes, one a line, as the user reads them."""
    text = " ".join(result.output.split())
    return [" note " + part.strip() for part in text.split(" note ")[1:]]


def test_likes_and_media_are_told_the_same_in_the_tar_gz_and_the_zip(tmp_path: Path) -> None:
    """The likes (other people's posts) are told as not imported, and the media summed up in
    one line, in either form; the avatar the ZIP's actor.json names is used, never told as a
    file of no known format."""
    members = archive_members()
    archive = write_tar_gz(tmp_path / "archive.tar.gz", members)
    packed = tmp_path / "archive.zip"
    with zipfile.ZipFile(packed, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    likes = "likes.json: the likes of a Mastodon archive (other people's posts): not imported"
    media = "media_attachments: 1 media file (pictures, videos): not read"
    for path, db in ((archive, "tar.sqlite"), (packed, "zip.sqlite")):
        result = run_import(tmp_path / db, path)
        assert result.exit_code == 0, result.output
        notes = _notes(result)
        assert any(f"{path.name}!{likes}" in note for note in notes), notes
        assert any(f"{path.name}!{media}" in note for note in notes), notes
        assert not any("import outbox.json and actor.json" in note for note in notes)
        assert "of no known format" not in result.output  # neither the avatar nor the media
        assert "avatar.png as" not in result.output  # read with actor.json, not on its own
    with open_store(tmp_path / "zip.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.avatar_path


def test_an_archive_of_likes_only_says_it_saw_them(tmp_path: Path) -> None:
    members = {name: data for name, data in archive_members().items() if name == "likes.json"}
    result = run_import(tmp_path / "db.sqlite", write_tar_gz(tmp_path / "likes.tar.gz", members))
    said = " ".join(result.output.split())
    assert "no outbox.json or actor.json in it" in said
    assert "likes.tar.gz!likes.json: the likes of a Mastodon archive" in said
    assert "import outbox.json and actor.json, or the whole archive" in said


def test_the_progress_bar_sees_a_tar_gz_read_whole(tmp_path: Path) -> None:
    from staffpulse.read_offsets import read_offset
    from staffpulse.sources.mastodon_archive_files import MastodonArchive

    archive = write_tar_gz(tmp_path / "archive.tar.gz", archive_members())
    items = MastodonArchive().read(archive)
    next(items)  # the first record: the progress callback runs after each batch of them
    assert read_offset(archive) == archive.stat().st_size


def test_the_list_of_accounts_followed_is_told_what_it_is_not_what_to_rename(
    tmp_path: Path,
) -> None:
    # Mastodon's Data export page gives following_accounts.csv beside the archive; it was told
    # "A staffpulse CSV of posts needs the columns id, author and text" and to fix the file
    from staffpulse.errors import UnknownFormatError
    from staffpulse.sources import detect

    listed = tmp_path / "following_accounts.csv"
    listed.write_text(
        "Account address,Show boosts,Notify on new posts,Languages\ndana@hr.social,true,false,\n",
        encoding="utf-8",
    )
    try:
        detect(listed)
    except UnknownFormatError as refused:
        assert "this is a list of accounts Mastodon exports" in refused.message
        assert "import its archive (Request your archive" in refused.message
        assert refused.hint and not refused.hint.startswith("fix the file")
    else:
        raise AssertionError("following_accounts.csv was taken for a format")


def test_an_archive_whose_every_post_is_broken_is_told_as_a_failed_import(
    tmp_path: Path,
) -> None:
    """actor.json came in, but not the outbox's one post: exit 1, with where and what to do."""
    folder = tmp_path / "mastoarch"
    folder.mkdir()
    broken = create_activity("1001", "<p>Hiring</p>", published="not a date")
    outbox = rosa_outbox() | {"totalItems": 1, "orderedItems": [broken]}
    (folder / "outbox.json").write_text(json.dumps(outbox))
    (folder / "actor.json").write_text(json.dumps(rosa_actor()))
    result = run_import(tmp_path / "db.sqlite", folder)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert "outbox.json:1: orderedItems[0]: unreadable timestamp 'not a date'; request the" in said
    assert "No post was imported: the one post read was skipped" in said


def test_a_backup_with_no_bookmarks_and_its_follows_says_what_each_file_is(
    tmp_path: Path,
) -> None:
    """An empty bookmarks.json (most people's) was read as an outbox ("the activities' actor
    '' is not a Mastodon account address"), and a Pleroma backup's following.json told as
    other people's posts."""
    collection = {"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection"}
    backup = tmp_path / "backup.zip"
    with zipfile.ZipFile(backup, "w") as z:
        z.writestr("outbox.json", json.dumps(rosa_outbox()))
        z.writestr("actor.json", json.dumps(rosa_actor()))
        z.writestr("bookmarks.json", json.dumps(collection | {"orderedItems": []}))
        follows = {"orderedItems": ["https://other.example/users/dana"]}
        z.writestr("following.json", json.dumps(collection | follows))
    result = run_import(tmp_path / "db.sqlite", backup)
    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert "bookmarks.json: the bookmarks of a Mastodon archive (other people's posts)" in said
    assert "following.json: the accounts followed, of a Pleroma or Akkoma backup" in said
    assert "actor ''" not in said and "Skipped 0 records" in said


def test_an_outbox_of_no_activities_given_alone_says_so(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox.json"
    outbox.write_text(json.dumps(rosa_outbox() | {"totalItems": 0, "orderedItems": []}))
    result = run_import(tmp_path / "db.sqlite", outbox)
    assert result.exit_code == 1
    assert "an outbox that holds no activities" in " ".join(result.output.split())


def test_an_activity_repeated_in_the_outbox_is_told_with_its_lines(tmp_path: Path) -> None:
    outbox = rosa_outbox()
    first, *rest = outbox.pop("orderedItems")
    items = [first, *rest, first]  # the first activity again at the end
    lines = ",\n".join(json.dumps(item) for item in items)  # one activity a line, from line 2
    text = json.dumps(outbox)[:-1] + ', "orderedItems": [\n' + lines + "\n]}"
    folder = tmp_path / "mastoarch"
    folder.mkdir()
    (folder / "outbox.json").write_text(text)
    (folder / "actor.json").write_text(json.dumps(rosa_actor()))
    result = run_import(tmp_path / "a.sqlite", folder / "outbox.json")
    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert len(rosa_posts(tmp_path / "a.sqlite")) == 4
    assert f"1 entry repeats an earlier one exactly (line {len(items) + 1} repeats line 2)" in said
    packed = write_tar_gz(tmp_path / "archive.tar.gz", {"outbox.json": text.encode()})
    said = " ".join(run_import(tmp_path / "b.sqlite", packed).output.split())
    assert f"(line {len(items) + 1} repeats line 2 of {packed}!outbox.json)" in said


def test_posts_deleted_on_mastodon_are_counted_and_told(tmp_path: Path) -> None:
    # a Tombstone in a Create and a Delete activity were passed over without a word
    outbox = rosa_outbox()
    outbox["orderedItems"] += [
        {"id": f"{ME}/statuses/1009/activity", "type": "Create", "actor": ME,
         "object": {"id": f"{ME}/statuses/1009", "type": "Tombstone"}},
        {"id": f"{ME}#delete", "type": "Delete", "actor": ME,
         "object": {"id": f"{ME}/statuses/1008", "type": "Tombstone"}},
    ]  # fmt: skip
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps(outbox))
    result = run_import(tmp_path / "db.sqlite", path)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "2 posts deleted on Mastodon left out: the archive keeps only a mark" in said
    assert len(rosa_posts(tmp_path / "db.sqlite")) == 4
