"""Slow pages prepared in the background (staffpulse.web.background): a page whose
computation fails shows its error, and the next visit tries again rather than showing the
old failure. (Each slow page's progress is tested beside its route: the Inbox in
test_web_routes_inbox.py, Connect in test_web_routes_people.py, the Benchmark in
test_web_routes_bench.py.)"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("background"))


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for a test whose app is set up otherwise."""
    return private_copy(sample_db, tmp_path)


def test_a_failing_background_page_shows_its_error_once_then_retries(
    fresh_db: Path, monkeypatch: Any
) -> None:
    from staffpulse.errors import InputError

    calls: list[int] = []

    def broken(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise InputError("the inbox broke", hint="try again")

    with make_client(fresh_db, page_wait=5.0) as client:
        monkeypatch.setattr(type(client.app.state.web.backend), "inbox", broken)
        page = client.get("/inbox")
        assert page.status_code == 400 and "the inbox broke" in page.text
        assert client.get("/inbox").status_code == 400
    assert len(calls) == 2  # each visit after a failure tries again


def test_a_left_out_post_dismissed_after_a_slow_ranking_leaves_the_list(tmp_path: Path) -> None:
    """The Inbox ranked in the background (its progress page shown, then reloaded): a post
    the inbox left out, dismissed from the list of them, is gone from that list at once; the
    finished ranking's old list, still naming it, was shown again."""
    from test_web_inbox_left_out import HOSTILE, JOB_AD, QUESTION, _post, store_of
    from web_helpers import mark_conversation

    db = store_of(
        tmp_path,
        _post("801", "ana", QUESTION),
        _post("802", "depotjobs", JOB_AD),
        _post("803", "rantybob", HOSTILE),
    )
    with make_client(db, page_wait=0.0) as client:
        jobs = client.app.state.web.jobs

        def left_out_list() -> str:
            """The list as the page first shows it, after its progress page if any."""
            for _ in range(5):
                page = client.get("/inbox?left_out=all").text
                if 'id="left-out"' in page:
                    return page.split('id="left-out"', 1)[1].split("</section>", 1)[0]
                # the progress page: wait for the ranking it names, then reload
                jobs.wait(re.search(r'data-job="([^"]+)"', page).group(1))  # type: ignore[union-attr]
            raise AssertionError("the Inbox never showed its list of the ones left out")

        assert "@depotjobs" in left_out_list()
        assert mark_conversation(client, "802", "x", "dismissed").status_code == 303
        listed = left_out_list()
    assert "@depotjobs" not in listed and "@rantybob" in listed
