"""The dashboard's Benchmark page guesses the segments the role model reads, as ``staffpulse
benchmark`` does (web/data.py passes the settings' role model), marks them, and asks the model
once per ranking, not at every visit."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from audit_helpers import cohort_store  # noqa: E402
from web_helpers import csrf_token, make_client, page_words  # noqa: E402


class CountingRoles:
    """A role model calling every "... Staffing" a staffing firm, anyone else a vendor, and
    counting how often it is asked."""

    def __init__(self) -> None:
        self.asked = 0

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]) -> Any:
        self.asked += 1
        return SimpleNamespace(
            role=["staffing_firm" if n.endswith("Staffing") else "vendor" for n in names]
        )


def test_the_page_guesses_the_segments_once_and_marks_them(tmp_path: Path) -> None:
    # it said "No segments yet" while staffpulse benchmark guessed them on the same store
    cohort_store(tmp_path, firms=2, vendors=0).close()  # type: ignore[attr-defined]
    roles = CountingRoles()
    with make_client(tmp_path / "test.db", role_model=roles) as client:
        page = client.get("/benchmark").text
        words = page_words(page)
        assert "No segments yet" not in words
        assert "Staffing firms (guessed)" in words and "Staffing firm (guess)" in words
        assert 'id="segments-guessed"' in page
        assert "upload a cohort file with a segment column to set them yourself" in words
        client.get("/benchmark")
        client.get("/")  # the home page's grades are the same ranking
        assert roles.asked == 1
        # a cohort file of handles alone: guessed too, and told where the column goes
        client.post(
            "/benchmark/cohort",
            data={"csrf_token": csrf_token(client, "/benchmark")},
            files={"cohort": ("rivals.csv", b"firm0\nfirm1\n", "text/csv")},
        )
        words = page_words(client.get("/benchmark").text)
        assert "This cohort file names no segments" not in words
        assert "Staffing firms (guessed)" in words
        assert "add a segment column (" in words and "to this cohort file" in words
