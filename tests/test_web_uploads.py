"""Uploads (staffpulse.web.uploads): a size is said as people say it (whole megabytes as
"1 MB", never "1.0 MB"), by the library and on the Import and Settings pages that name the
upload limit."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.web.uploads import human_bytes  # noqa: E402
from web_helpers import make_client  # noqa: E402


def test_upload_limits_are_whole_megabytes(tmp_path: Path) -> None:
    assert [human_bytes(n) for n in (200 * 2**20, 2**20, 1024, int(2.6 * 2**20))] == [
        "200 MB",
        "1 MB",
        "1 KB",
        "2.6 MB",
    ]
    with make_client(tmp_path / "s.db", max_upload_bytes=2**20) as small:
        assert "Choose a file (up to 1 MB)" in small.get("/import").text
        assert "1 MB" in small.get("/settings").text and "1.0 MB" not in small.get("/settings").text


def test_a_quote_in_a_file_name_is_shown_as_the_user_named_the_file(tmp_path: Path) -> None:
    import html

    from web_helpers import finished_job, native_jsonl, upload_files

    # a browser (as the test client) sends the quotes of a file name as %22
    name = 'Client "North" posts.jsonl'
    with make_client(tmp_path / "s.db") as client:
        status = finished_job(client, upload_files(client, [(name, native_jsonl([("x", "a", 2)]))]))
        assert status["state"] == "done"
        job_page = client.get(f"/jobs/{status['id']}").text
        page = html.unescape(client.get("/import").text + job_page)
    assert name in page and "%22" not in page
