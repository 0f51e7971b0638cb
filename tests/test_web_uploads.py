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
