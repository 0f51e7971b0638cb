"""benchmark/cohort_help.py: a cohort file that is not there yet is told how to write one,
then what the command does without it; a file that is on its way keeps its own advice."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from staffpulse.benchmark.cohort import read_cohort
from staffpulse.benchmark.cohort_help import (
    WRITE_A_COHORT,
    read_cohort_or_say_how,
    refuse_missing_cohort,
)
from staffpulse.errors import MissingFileError


def _missing(hint: str) -> None:
    raise MissingFileError("rivals.csv: no such file", hint=hint)


def test_a_missing_file_is_told_how_to_write_one_then_the_way_without() -> None:
    with pytest.raises(MissingFileError) as told:
        read_cohort_or_say_how(lambda: _missing("check the path"), "or leave out --cohort")
    assert told.value.message == "rivals.csv: no such file"
    assert told.value.hint == f"check the path; {WRITE_A_COHORT}; or leave out --cohort"
    assert told.value.exit_code == 66
    assert "handle,platform,segment" in WRITE_A_COHORT


def test_a_download_still_running_or_a_link_gone_keeps_its_own_advice(tmp_path: Path) -> None:
    # decided by the file's state, not by the hint's first words ("it is ...")
    (tmp_path / "rivals.csv.part").write_text("handle\nacme\n", encoding="utf-8")
    (tmp_path / "gone.csv").symlink_to(tmp_path / "moved_away.csv")
    for name in ("rivals.csv", "gone.csv"):
        with pytest.raises(MissingFileError) as told:
            read_cohort_or_say_how(partial(read_cohort, tmp_path / name), "or leave out --cohort")
        assert told.value.hint and WRITE_A_COHORT not in told.value.hint
        assert "--cohort" not in told.value.hint
    with pytest.raises(MissingFileError) as told:
        refuse_missing_cohort(tmp_path / "rivals.csv", "or leave out --cohort")
    assert told.value.hint and "still being downloaded" in told.value.hint
    assert WRITE_A_COHORT not in told.value.hint


def test_a_file_not_written_yet_is_told_how_to_write_one_whatever_its_hint_says(
    tmp_path: Path,
) -> None:
    with pytest.raises(MissingFileError) as told:
        read_cohort_or_say_how(lambda: read_cohort(tmp_path / "rivals.csv"), "or leave out it")
    assert told.value.hint and told.value.hint.endswith(f"{WRITE_A_COHORT}; or leave out it")
    # a hint that merely opens with "it is" is no file on its way
    with pytest.raises(MissingFileError) as told:
        read_cohort_or_say_how(lambda: _missing("it is not there"), "or leave out --cohort")
    assert told.value.hint == f"it is not there; {WRITE_A_COHORT}; or leave out --cohort"


def test_a_file_read_is_returned_as_read() -> None:
    assert read_cohort_or_say_how(lambda: ["acme"]) == ["acme"]
