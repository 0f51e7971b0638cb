"""The import job page of an X archive uploaded as a few of its files (the upload limit's advice):
chosen with its manifest they are read as that archive, and other files beside it each alone."""

from __future__ import annotations

import html
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    import_job_page,
    make_client,
    page_words,
    upload_files,
)


def _archive_files(archive: Path) -> list[tuple[str, bytes]]:
    """The files of an extracted X archive's data folder, as a user chooses them together."""
    return [(file.name, file.read_bytes()) for file in sorted((archive / "data").iterdir())]


def _upload_removing_deleted(client: Any, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Upload ``files`` with "Remove posts deleted on the platform" ticked; the job's status."""
    parts = [("file", (name, data, "application/octet-stream")) for name, data in files]
    token = csrf_token(client)
    sent = client.post("/import/upload", data={"csrf_token": token, "remove_deleted": "1"},
                       files=parts)  # fmt: skip
    return finished_job(client, sent)


def test_an_x_archives_files_chosen_with_its_manifest_are_read_as_that_archive(
    tmp_path: Path,
) -> None:
    """An archive too large to upload is sent as a few of its files (the upload limit's advice).
    Each was read alone: manifest.js was "a read-me beside the data", the tweets-part1.js it
    lists and the user did not choose went untold, and removing deleted posts was refused for
    every file. Chosen with manifest.js, they are read as the archive (QA s22)."""
    from export_gap_helpers import APRIL, MARCH, archive_of, list_in_manifest

    march = archive_of(tmp_path / "march", MARCH)
    lacking = list_in_manifest(
        archive_of(tmp_path / "lacking", APRIL), {"data/tweets.js": 3, "data/tweets-part1.js": 2}
    )
    april = archive_of(tmp_path / "april", APRIL)
    with make_client(tmp_path / "loose.db") as client:
        finished_job(client, upload_files(client, _archive_files(march)))
        partial = _upload_removing_deleted(client, _archive_files(lacking))
        told = page_words(client.get(f"/jobs/{partial['id']}").text)
        whole = _upload_removing_deleted(client, _archive_files(april))
        removed = page_words(client.get(f"/jobs/{whole['id']}").text)
    missing = html.unescape(told.split("Files missing from the archive (1)")[1])
    # the table's column names (read by screen readers only) come before the file's row
    assert "imported. File Why it was not imported tweets-part1.js listed in the archive's" in (
        missing
    )
    assert "with 2 tweets, but not among the files you chose" in missing
    assert "choose it too, from the data folder of the unzipped archive, or upload the " in missing
    assert "Files we left out" not in told  # manifest.js was read, as the archive's list
    assert "Not removed, although “Remove posts deleted on the platform” was ticked" in told
    assert "upload-" not in told + removed  # never the upload's temporary folder
    assert whole["result"]["summary"].endswith(
        "Removed 2 posts the export no longer holds (deleted on the platform)."
    )
    assert "Files missing" not in removed and "Files we left out" not in removed


def test_a_manifest_chosen_with_other_files_leaves_them_each_read(tmp_path: Path) -> None:
    """Only an archive's own files are read as that archive: a CSV chosen beside manifest.js
    would be lost to it (a folder holding an X archive is read as the archive alone)."""
    from export_gap_helpers import MARCH, archive_of

    files = _archive_files(archive_of(tmp_path / "march", MARCH))
    posts = b"id,author,created_at,text\n1,acme,2026-03-01T10:00:00Z,We are hiring\n"
    status, page = import_job_page(tmp_path / "job.db", [*files, ("posts.csv", posts)])
    assert status["state"] == "done", status
    text = page_words(page)
    assert "@acme" in text and "@AcmeStaffing" in text
