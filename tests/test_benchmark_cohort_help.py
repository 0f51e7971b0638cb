"""benchmark/cohort_help.py: a cohort file that is not there yet is told how to write one,
then what the command does without it; a file that is on its way keeps its own advice."""

from __future__ import annotations

import pytest

from staffpulse.benchmark.cohort_help import WRITE_A_COHORT, read_cohort_or_say_how
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


def test_a_download_still_running_keeps_its_own_advice() -> None:
    waiting = "it is still being downloaded (rivals.csv.part is there): wait until it ends"
    with pytest.raises(MissingFileError) as told:
        read_cohort_or_say_how(lambda: _missing(waiting), "or leave out --cohort")
    assert told.value.hint == waiting


def test_a_file_read_is_returned_as_read() -> None:
    assert read_cohort_or_say_how(lambda: ["acme"]) == ["acme"]
