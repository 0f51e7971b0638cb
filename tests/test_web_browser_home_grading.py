"""What the Accounts page's progress card says it grades, in real headless Chromium at phone
and desktop widths: the accounts the grading takes (10 posts or more of their own, as the
Benchmark ranks), not every account listed. A store of 1,687 accounts, 25 of them graded, read
"Grading 1,687 accounts." while `staffpulse benchmark` ranked 25."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import LiveServer, make_settings, native_jsonl  # noqa: E402

pytestmark = NEEDS_CHROMIUM


def _store(folder: Path, accounts: list[tuple[str, str, int]]) -> Path:
    source = folder / "firms.jsonl"
    source.write_bytes(native_jsonl(accounts))
    db = folder / "firms.db"
    with open_store(db) as store:
        import_paths(store, [source])
    return db


def _grading_card(db: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """The progress card's words while the grading is held back."""
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app
    from staffpulse.web.data import Backend

    release = threading.Event()
    real = Backend.all_accounts_benchmark

    def held(self: Backend, progress: Any = None) -> Any:
        release.wait(30)
        return real(self, progress)

    monkeypatch.setattr(Backend, "all_accounts_benchmark", held)
    app = create_app(make_settings(db, allowed_hosts=[], page_wait=0.0))
    try:
        with LiveServer(app) as live, opened_page(live.url + "/", width, 900) as tab:
            words = " ".join(tab.locator(".grading strong").first.inner_text().split())
            assert tab.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
            return words
    finally:
        release.set()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_card_names_the_accounts_the_grading_takes(
    tmp_path: Path, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = [("x", "busyfirm", 12), ("x", "otherfirm", 11)]
    accounts += [("x", f"passerby{i}", 1) for i in range(4)]
    said = _grading_card(_store(tmp_path, accounts), width, monkeypatch)
    assert said.startswith("Grading the accounts with 10 posts or more of their own"), said
    assert "6 accounts" not in said


def test_a_store_graded_whole_counts_its_accounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _grading_card(
        _store(tmp_path, [("x", "busyfirm", 12), ("x", "otherfirm", 11)]), 390, monkeypatch
    )
    assert said.startswith("Grading 2 accounts."), said
