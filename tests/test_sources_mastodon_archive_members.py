"""Finding a Mastodon archive's files: a tar recognised by its first member, a member named to
escape the folder ignored and told, the archive's own folder chosen when the tar holds other
files too, and its picture and media never told as files of no known format."""

from __future__ import annotations

from pathlib import Path

from mastodon_archive_helpers import archive_members, write_tar_gz
from staffpulse.sources.mastodon_archive_members import (
    files_in_tar,
    is_archive_companion,
    looks_mastodon_tar,
)


def test_a_tar_is_recognised_by_its_first_member(tmp_path: Path) -> None:
    archive = write_tar_gz(tmp_path / "archive.tar.gz", archive_members())
    assert looks_mastodon_tar(archive.read_bytes()[:4096])
    other = write_tar_gz(tmp_path / "photos.tar.gz", {"holiday/beach.jpg": b"\xff\xd8\xff"})
    assert not looks_mastodon_tar(other.read_bytes()[:4096])


def test_a_member_named_to_escape_the_folder_is_ignored_and_told(tmp_path: Path) -> None:
    members = archive_members()
    members = {"../actor.json": members["actor.json"], "outbox.json": members["outbox.json"]}
    found = files_in_tar(write_tar_gz(tmp_path / "a.tar.gz", members))
    assert found.actor is None and found.outbox is not None
    (problem,) = found.problems
    assert problem.file.endswith("a.tar.gz!../actor.json")
    assert problem.message == "unsafe member name; ignored"


def test_the_archives_own_folder_is_read_when_others_come_with_it(tmp_path: Path) -> None:
    members = {f"backup/{name}": data for name, data in archive_members().items()}
    members["notes/actor.json"] = b'{"not": "this one"}'
    found = files_in_tar(write_tar_gz(tmp_path / "b.tar.gz", members))
    assert found.outbox is not None and found.outbox.location.endswith("!backup/outbox.json")
    assert found.actor is not None and found.actor.location.endswith("!backup/actor.json")
    assert found.images["avatar.png"].location.endswith("!backup/avatar.png")
    assert found.media == 1
    assert [where.rsplit("!", 1)[1] for where in found.not_read] == ["backup/likes.json"]


def test_the_picture_and_media_beside_an_archive_are_its_own(tmp_path: Path) -> None:
    for name, data in archive_members().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert is_archive_companion(tmp_path / "avatar.png")
    photo = next((tmp_path / "media_attachments").rglob("*.jpg"))
    assert is_archive_companion(photo)
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    (elsewhere / "avatar.png").write_bytes(b"\x89PNG")
    assert not is_archive_companion(elsewhere / "avatar.png")
