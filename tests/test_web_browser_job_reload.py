"""A page being prepared (the Benchmark's "Ranking the cohort") reloads itself when its job ends,
in real headless Chromium: a page asked for meanwhile must still open. The reload cancelled it:
the first visit to the Inbox, opened while the Benchmark was ranking, ended in ERR_ABORTED
(QA s40), as a click on "Inbox" stayed on the Benchmark, lost."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM


def test_a_page_asked_for_while_another_is_prepared_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app
    from staffpulse.web.data import Backend

    ranked, found = threading.Event(), threading.Event()

    def held_benchmark(self: Backend, progress: Any = None) -> Any:
        ranked.wait(30)
        raise RuntimeError("ended")  # a job that ends either way: the page reloads

    real_inbox = Backend.inbox

    def held_inbox(self: Backend, *args: Any, **kwargs: Any) -> Any:
        found.wait(30)
        return real_inbox(self, *args, **kwargs)

    monkeypatch.setattr(Backend, "benchmark", held_benchmark)
    monkeypatch.setattr(Backend, "inbox", held_inbox)
    # each page waits a second for its data, then shows its progress page
    app = create_app(make_settings(sample_store(tmp_path), allowed_hosts=[], page_wait=1.0))
    try:
        with LiveServer(app) as live, opened_page(live.url + "/benchmark", 1280, 900) as tab:
            assert tab.title().startswith("Ranking the cohort")
            # the ranking ends while the Inbox's request waits its second on the server
            threading.Timer(0.1, ranked.set).start()
            tab.goto(live.url + "/inbox", wait_until="load")
            assert tab.url == live.url + "/inbox"
            assert tab.title().startswith("Finding the conversations worth joining")
    finally:
        ranked.set()
        found.set()
