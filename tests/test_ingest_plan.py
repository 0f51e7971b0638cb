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
