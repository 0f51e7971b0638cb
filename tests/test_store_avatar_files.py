"""An avatar image is saved beside the store it belongs to (``client.db``:
``client-avatars/``), under a file name any file system takes, and a later image of the
same account replaces the earlier one."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Account
from staffpulse.store import open_store
from staffpulse.store.avatar_files import save_avatar

DID = "did:plc:rosa4harbor7staffing"


def test_an_avatar_is_saved_beside_the_store_under_a_safe_name(tmp_path: Path) -> None:
    account = Account(platform="bluesky", id=DID, handle="rosa.bsky.social")
    with open_store(tmp_path / "client.db") as store:
        saved = Path(save_avatar(store.avatar_folder, account, b"\x89PNG first", ".png"))
    assert saved.parent == tmp_path / "client-avatars"
    assert saved.name == "bluesky-did_plc_rosa4harbor7staffing.png"  # no colon in a file name
    assert saved.read_bytes() == b"\x89PNG first"


def test_a_later_image_of_the_account_replaces_the_earlier(tmp_path: Path) -> None:
    account = Account(platform="x", id="../../etc/passwd", handle="acme")
    folder = tmp_path / "client-avatars"
    first = save_avatar(folder, account, b"old", ".jpg")
    second = save_avatar(folder, account, b"new", ".jpg")
    assert first == second and Path(second).read_bytes() == b"new"
    assert Path(second).parent == folder  # an id cannot lead out of the folder
    assert [p.name for p in folder.iterdir()] == [Path(second).name]
