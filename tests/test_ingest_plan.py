"""Planning an import (staffpulse.ingest_plan): what of the paths given is read, by which
source, and what is left out with why, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import EmptyInputError, MissingFileError
from staffpulse.ingest_plan import plan_import

POSTS = "id,author,text\np1,acmestaffing,We are hiring nurses in Dayton\n"


def test_a_folder_is_planned_file_by_file_and_its_readme_left_out(tmp_path: Path) -> None:
    (tmp_path / "in" / "march").mkdir(parents=True)
    (tmp_path / "in" / "march" / "posts.csv").write_text(POSTS, encoding="utf-8")
    (tmp_path / "in" / "README.md").write_text("# Our client files\n", encoding="utf-8")
    plan, problems = plan_import([tmp_path / "in"])
    assert [(path.name, source.name) for path, source in plan] == [("posts.csv", "staffpulse-csv")]
    assert [Path(p.file).name for p in problems] == ["README.md"]


def test_nothing_is_planned_from_a_typo_or_from_empty_files_only(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="no such file or folder"):
        plan_import([tmp_path / "postss.csv"])
    (tmp_path / "a.csv").write_text("", encoding="utf-8")
    (tmp_path / "b.csv").write_text("", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="none of the 2 paths holds anything"):
        plan_import([tmp_path / "a.csv", tmp_path / "b.csv"])


def test_a_file_named_beside_a_folder_is_marked_named_and_a_folders_file_is_not(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "posts.csv").write_text(POSTS, encoding="utf-8")
    (tmp_path / "in" / "LICENSE").write_text("Free to use, with credit.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Ask Dana about the March export.\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("name,team\nDana,sales\n", encoding="utf-8")
    _plan, problems = plan_import(
        [tmp_path / "in", tmp_path / "people.csv", tmp_path / "notes.txt"]
    )
    named = {Path(p.file).name: p for p in problems if p.named}
    assert sorted(named) == ["notes.txt", "people.csv"]
    assert "the header (line 1) has name, team" in named["people.csv"].message
    # a note the user named is said to be one, as it is when a folder is given alone
    assert named["notes.txt"].message.endswith("this is text a person wrote")
    assert [Path(p.file).name for p in problems if not p.named] == ["LICENSE"]


def test_other_platforms_exports_given_together_are_each_told_what_they_are(
    tmp_path: Path,
) -> None:
    tiktok = tmp_path / "user_data.json"
    tiktok.write_text(
        '{"Profile": {"Profile Information": {"ProfileMap": {"userName": "harbor_crew"}}},'
        ' "Video": {"Videos": {"VideoList": []}}}',
        encoding="utf-8",
    )
    instagram = tmp_path / "posts_1.json"
    instagram.write_text(
        '[{"media": [{"uri": "media/posts/dock.jpg", "creation_timestamp": 1714000000,'
        ' "title": "New crane on the quay"}]}]',
        encoding="utf-8",
    )
    picture = tmp_path / "logo.png"
    picture.write_bytes(bytes(range(256)) * 8)  # no PNG's first bytes
    with pytest.raises(EmptyInputError) as refused:
        plan_import([tiktok, instagram, picture])
    lines = refused.value.message.splitlines()
    assert lines[0].endswith("none of the 3 paths holds anything staffpulse can import:")
    assert lines[1].startswith("  user_data.json: this is a file of TikTok's data download")
    assert lines[2].startswith("  posts_1.json: this is a file of Instagram's")
    assert "X, Bluesky and Mastodon" in lines[1] and "X, Bluesky and Mastodon" in lines[2]
    assert lines[3].startswith("  logo.png: this is not a PNG image, though its name ends in .png")
    # each was told why: no need to import them one at a time to hear it
    assert "alone" not in (refused.value.hint or "")
