"""What ``staffpulse score`` reads from one shard (``staffpulse.scale.inputs``)."""

from __future__ import annotations

from pathlib import Path

from export_gap_helpers import MARCH, archive_of
from staffpulse.scale.inputs import read_posts


def test_an_older_x_archive_without_a_manifest_is_read_without_a_note(tmp_path: Path) -> None:
    # The marker the X archive reader yields for `import --remove-deleted` is no note for the
    # person scoring a cohort: the archive was read whole.
    folder = archive_of(tmp_path / "archive", MARCH, manifest=False)

    shard = read_posts(folder)

    assert sorted(post.id for post in shard.posts) == ["101", "102", "103", "104"]
    assert shard.notices == []
    assert shard.problems == []
