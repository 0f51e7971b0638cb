"""staffpulse.sources.detect: a file of no known format is told what it is, and one that is
part of an extracted archive (its viewer page, a README beside it) is told to give the whole
archive instead (QA s29: "Your archive.html" was told only the list of formats)."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_gap_helpers import archive_of, tweet
from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect

VIEWER = (
    '<!DOCTYPE html>\n<html><head><title>Your archive</title><script src="assets/js/app.js">'
    '</script></head><body><div id="root"></div></body></html>\n'
)


@pytest.mark.parametrize("inside", ["Your archive.html", "data/README.txt"])
def test_a_file_of_an_x_archive_is_told_to_give_the_whole_archive(
    tmp_path: Path, inside: str
) -> None:
    archive = archive_of(tmp_path / "twitter-2026-04-10", [tweet("101", 1)])
    given = archive / inside
    given.write_text(VIEWER if given.suffix == ".html" else "Open Your archive.html to view.\n")
    with pytest.raises(UnknownFormatError) as refused:
        detect(given)
    assert refused.value.message.startswith(f"{given}: not a format staffpulse can import")
    assert refused.value.hint == (
        f"it is part of the X archive in {archive}: give that whole folder (or the ZIP it came"
        " in) instead"
    )


def test_a_stray_file_elsewhere_is_still_told_the_formats(tmp_path: Path) -> None:
    given = tmp_path / "notes.txt"
    given.write_text("call the client back on Monday\n")
    with pytest.raises(UnknownFormatError) as refused:
        detect(given)
    assert refused.value.hint is not None and "supported formats:" in refused.value.hint
