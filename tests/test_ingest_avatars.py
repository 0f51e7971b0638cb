"""The ``avatar_file`` of a staffpulse record: an image the Face pillar reads is stored (by its
absolute path); a path to nothing, a folder, a PDF, a phone's HEIC photo or a web address is
left out of the account, which comes in all the same, and the file is told once what is wrong
with which line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def _avatars(db: Path) -> dict[str, str | None]:
    with open_store(db) as store:
        return dict(store.conn.execute("SELECT handle, avatar_path FROM accounts").fetchall())


def test_each_unusable_avatar_file_is_told_and_its_account_still_imported(
    tmp_path: Path,
) -> None:
    (tmp_path / "avatars").mkdir()
    (tmp_path / "avatars" / "ok.png").write_bytes(PNG)
    (tmp_path / "avatars" / "doc.png").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "avatars" / "me.heic").write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 12)
    (tmp_path / "avatars" / "empty.png").write_bytes(b"")
    path = tmp_path / "accounts.csv"
    path.write_text(
        "handle,platform,avatar_file\n"
        "acme,x,avatars/ok.png\n"
        "bob,x,avatars/missing.png\n"
        "carol,x,avatars/doc.png\n"
        "dan,x,avatars/me.heic\n"
        "erin,x,https://cdn.example/erin.jpg\n"
        "fay,x,avatars\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.accounts, report.skipped, report.problems) == (6, 0, [])
    assert _avatars(tmp_path / "s.db") == {
        "acme": str(tmp_path / "avatars" / "ok.png"),
        **dict.fromkeys(["bob", "carol", "dan", "erin", "fay"]),
    }
    (told,) = [n.message for n in report.notices]
    assert told.startswith(
        f'line 3: avatar_file "avatars/missing.png" was not found (looked for'
        f" {tmp_path / 'avatars' / 'missing.png'})"
    )
    assert 'line 4: avatar_file "avatars/doc.png" is a PDF, not an image staffpulse reads' in told
    assert 'line 5: avatar_file "avatars/me.heic" is a HEIC or AVIF photo' in told
    assert told.endswith(
        "; and 2 more. So 5 accounts were imported without an avatar (the audit cannot judge"
        " the face): correct the avatar_file, then import the file again"
    )


def test_a_web_address_or_an_empty_file_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    path = tmp_path / "accounts.jsonl"
    lines = [
        {"type": "account", "platform": "x", "handle": "erin", "avatar_file": "https://a.jpg"},
        {"type": "account", "platform": "x", "handle": "gus", "avatar_file": "empty.png"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    (told,) = [n.message for n in report.notices]
    assert 'line 1: avatar_file "https://a.jpg" is a web address, not a file: write it in' in told
    assert 'line 2: avatar_file "empty.png" is an empty file: copy the image again' in told


def test_an_avatar_the_zip_lacks_is_told_by_its_name_in_the_zip(tmp_path: Path) -> None:
    record = {"type": "account", "platform": "x", "handle": "acme", "avatar_file": "av/a.png"}
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("accounts.jsonl", json.dumps(record) + "\n")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [zipped])
    assert report.accounts == 1
    assert [(n.file, n.message.split(":")[0]) for n in report.notices] == [
        (f"{zipped}!accounts.jsonl", "line 1")
    ]
    assert f"was not found (looked for {zipped}!av/a.png)" in report.notices[0].message
    assert "So its account was imported without an avatar" in report.notices[0].message


def _folder_with_an_avatar(folder: Path) -> None:
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "acme.png").write_bytes(PNG)
    (folder / "img" / "me.heic").write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 12)
    (folder / "stray.png").write_bytes(PNG)
    (folder / "accounts.csv").write_text(
        "platform,handle,display_name,avatar_file\n"
        "x,acme,Acme,img/./acme.png\n"
        "x,bob,Bob,img/me.heic\n",
        encoding="utf-8",
    )


def test_an_image_a_record_names_is_not_told_as_a_file_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    _folder_with_an_avatar(folder)
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for file in sorted(folder.rglob("*")):
            archive.write(file, file.relative_to(folder).as_posix())
    for given, shown in ((folder, f"{folder}/"), (zipped, f"{zipped}!")):
        with open_store(tmp_path / f"{given.name}.db") as store:
            report = import_paths(store, [given])
        assert report.accounts == 2
        # acme's image is stored, bob's is told in the avatar note: neither is "left out";
        # an image no record names still is
        assert [p.file for p in report.problems] == [f"{shown}stray.png"]
        assert "not a known format: this is a PNG image" in report.problems[0].message
        (told,) = [n.message for n in report.notices]
        assert 'line 3: avatar_file "img/me.heic" is a HEIC or AVIF photo' in told
    assert _avatars(tmp_path / "export.db")["acme"] == str(folder / "img" / "acme.png")
    assert _avatars(tmp_path / "export.zip.db")["acme"] is not None
