"""The Benchmark page (routes_bench): what it says about the cohort it ranks, in words a
marketer reads, why the demo's segment comparison is gone once their own data is in, that
a cohort file of handles alone is told to add a segment column, and that a slow benchmark keeps
its toolbar while it is prepared, with its progress, and that its strips are drawn once per
ranking. On the sample cohort: the page itself,
a cohort uploaded and removed, and the sample's own cohort used when none is given; on a store
of the user's own, only accounts with posts of their own ranked by default."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    native_jsonl,
    page_words,
    private_copy,
    sample_cohort_client,
    sample_store,
    upload_files,
    x_archive_bytes,
)

DROPPED = (
    "You added your own data, so the sample's segments are no longer used. Upload a cohort "
    "file to compare segments."
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("bench"))


@pytest.fixture
def demo(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    """The dashboard on the demo's store (``staffpulse demo --serve``)."""
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for a test whose app is set up otherwise."""
    return private_copy(sample_db, tmp_path)


def test_the_demo_compares_the_samples_segments_without_a_note(demo: Any) -> None:
    page = demo.get("/benchmark").text
    assert "compared by segment" in page and DROPPED not in page


def test_after_the_first_import_the_page_says_why_the_segments_are_gone(demo: Any) -> None:
    status = finished_job(demo, upload_files(demo, [("archive.zip", x_archive_bytes())]))
    assert status["state"] == "done"
    page = demo.get("/benchmark").text
    assert DROPPED in page  # not "No segments yet", as if there never had been any
    assert "No segments yet" not in page and "compared by segment" not in page
    # a cohort file of the user's own brings the comparison back, and the note goes
    token = csrf_token(demo, "/benchmark")
    cohort = "handle,platform,segment\nbrightpathstaff,x,staffing firm\nhireloop,x,vendor\n"
    demo.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": ("firms.csv", cohort.encode(), "text/csv")},
    )
    page = demo.get("/benchmark").text
    assert "compared by segment" in page and DROPPED not in page


def test_segments_the_store_kept_from_the_samples_file_get_no_note_that_they_are_gone(
    fresh_db: Path,
) -> None:
    # QA: after an import into the demo's store the page said "the sample's segments are no
    # longer used", then ranked by the segments its cohort file had left in the store
    from audit_helpers import FakeScorer
    from staffpulse.benchmark import run_benchmark
    from staffpulse.demo import SAMPLE_DIR
    from staffpulse.store import Store

    with Store(fresh_db) as store:  # as staffpulse demo ranks the sample, keeping its segments
        run_benchmark(store, SAMPLE_DIR / "cohort.csv", scorer=FakeScorer())  # type: ignore[arg-type]
    with make_client(fresh_db) as demo:
        status = finished_job(demo, upload_files(demo, [("archive.zip", x_archive_bytes())]))
        assert status["state"] == "done"
        page = " ".join(demo.get("/benchmark").text.split())
    assert "kept in the store" in page and DROPPED not in page


def test_the_sample_shown_by_its_button_never_leaves_the_note(tmp_path: Path) -> None:
    # "Load the sample data" keeps the sample in a store of its own: an import goes to the
    # user's store, which never held the sample, so there were no segments to lose
    with make_client(tmp_path / "mine.db") as client:
        client.post("/sample/load", data={"csrf_token": csrf_token(client, "/")})
        assert DROPPED not in client.get("/benchmark").text
        finished_job(client, upload_files(client, [("archive.zip", x_archive_bytes())]))
        page = client.get("/benchmark").text
        assert DROPPED not in page and "No segments yet" in page


def test_the_page_speaks_plainly_and_keeps_the_statistics_folded(demo: Any) -> None:
    page = demo.get("/benchmark").text
    main = page.split('<main class="page"', 1)[1]
    assert "essay" not in main.lower()
    assert "the classic claims about staffing firms on social media" in main.lower()
    how = main.index('<details class="how">')
    assert "Mann-Whitney" in main[how:] and "Mann-Whitney" not in main[:how]
    assert "95% interval" not in main[:how]
    assert re.search(r">beats \d+%<", main) and not re.search(r">p\d+<", main)
    assert "staffing_firm" not in main.split("<form", 1)[0]  # segments in words
    assert "Staffing firm" in main and ">HR<" in main
    # the dots of the strips are named on hover, never "jitter"
    assert "<title>@hireloop: " in main and "jitter" not in main


def test_a_cohort_of_handles_alone_is_told_to_add_a_segment_column(demo: Any) -> None:
    sent = demo.post(
        "/benchmark/cohort",
        data={"csrf_token": csrf_token(demo, "/benchmark")},
        files={"cohort": ("handles.csv", b"handle\nbrightpathstaff\nhireloop\n", "text/csv")},
    )
    page = page_words(demo.get(sent.headers["location"]).text)
    assert "add a segment column (staffing firm, vendor, job board, recruiter, HR or other)" in page
    assert "third column" not in page


def test_the_cohort_form_lists_the_segments_the_benchmark_takes(
    demo: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # written once (benchmark/segments): a segment the benchmark learns is offered on the page
    from staffpulse.benchmark import segments

    monkeypatch.setattr(segments, "SEGMENTS", (*segments.SEGMENTS, "franchise"))
    monkeypatch.setitem(segments.SEGMENT_WORDS, "franchise", "Franchise")
    page = page_words(demo.get("/benchmark").text)
    assert "Segments: staffing firm, vendor, job board, recruiter, HR, other, franchise." in page


def test_a_slow_benchmark_keeps_its_toolbar_while_it_is_prepared(
    fresh_db: Path, monkeypatch: Any
) -> None:
    with make_client(fresh_db, page_wait=0.0) as client:
        backend = client.app.state.web.backend
        release = threading.Event()
        real = type(backend).benchmark

        def slow(self: Any, progress: Any = None) -> Any:
            if progress is not None:
                progress("Scoring posts", 5, 10)
            release.wait(30)
            return real(self, progress)

        monkeypatch.setattr(type(backend), "benchmark", slow)
        page = client.get("/benchmark")
        assert "Ranking the cohort" in page.text and "Use this cohort" in page.text
        job_id = page.text.split('data-job="', 1)[1].split('"', 1)[0]
        status = client.get(f"/api/jobs/{job_id}").json()
        assert status["phase"] == "Scoring posts" and status["percent"] == 50
        release.set()
        client.app.state.web.jobs.wait(job_id)
        assert "Leaderboard" in client.get("/benchmark").text


# the dashboard with the sample's cohort file given, shared: a test below uploads its own
client = pytest.fixture(sample_cohort_client, scope="module", name="client")


def test_benchmark_page(client: Any) -> None:
    page = client.get("/benchmark")
    assert page.status_code == 200
    for part in ("Leaderboard", "Segments", "Staffing firms", "Vendors", "cohort.csv"):
        assert part in page.text
    assert "<svg" in page.text  # percentile strips


def test_the_default_benchmark_ranks_accounts_with_posts_of_their_own(tmp_path: Path) -> None:
    # A firm whose timeline was imported, and three authors of posts it shared, one post each:
    # with a grade from one post they would outrank the firm.
    accounts = [("x", "busyfirm", 12), *[("x", f"passerby{i}", 1) for i in range(3)]]
    with make_client(tmp_path / "default.db") as c:
        status = finished_job(c, upload_files(c, [("f.jsonl", native_jsonl(accounts))]))
        assert status["state"] == "done", status
        page = " ".join(re.sub(r"<[^>]+>", " ", c.get("/benchmark").text).split())
    assert "1 account ranked" in page and "@passerby0" not in page
    assert (
        "Ranking every account with at least 10 posts of its own in the store: 3 accounts with"
        " fewer are left out" in page
    )
    assert "A cohort file that lists them ranks them too" in page


def test_the_strips_are_drawn_once_per_ranking_not_at_every_visit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a cohort of 2,000 accounts took 1.7 s to draw at every visit of the page
    from staffpulse.web import routes_bench

    drawn: list[int] = []
    draw = routes_bench.benchmark_context
    monkeypatch.setattr(
        routes_bench, "benchmark_context", lambda result: drawn.append(1) or draw(result)
    )
    accounts = [("x", "busyfirm", 12), ("x", "otherfirm", 11)]
    with make_client(tmp_path / "twice.db") as c:
        finished_job(c, upload_files(c, [("f.jsonl", native_jsonl(accounts))]))
        first, again = c.get("/benchmark").text, c.get("/benchmark").text
        assert len(drawn) == 1 and "2 accounts ranked" in first and "<svg" in again
        # new data: ranked and drawn again, with it
        more = native_jsonl([("x", "thirdfirm", 10)], display="Third {i}")
        finished_job(c, upload_files(c, [("more.jsonl", more)]))
        assert "3 accounts ranked" in c.get("/benchmark").text and len(drawn) == 2


def test_benchmark_cohort_upload(client: Any) -> None:
    token = csrf_token(client, "/benchmark")
    cohort = b"handle,platform,segment\nbrightpathstaff,x,staffing_firm\nhireloop,x,vendor\n"
    done = client.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": ("mine.csv", cohort, "text/csv")},
    )
    assert done.status_code == 303
    assert "2 accounts ranked" in client.get("/benchmark").text
    removed = client.post("/benchmark/cohort", data={"csrf_token": token, "action": "remove"})
    assert removed.status_code == 303
    assert "12 accounts ranked" in client.get("/benchmark").text


def test_sample_store_benchmark_uses_the_sample_cohort(sample_db: Path) -> None:
    with make_client(sample_db) as plain:  # no --cohort given
        page = plain.get("/benchmark")
    assert "Staffing firms" in page.text and "Ranking the accounts listed in" in page.text


def test_a_page_drawn_while_an_import_ended_is_not_kept_for_the_new_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the ranking is read, then an import ends before the page is drawn from it: that drawing
    # is shown once but not kept as the new data's (a ranking's id may be taken again)
    from staffpulse.web import routes_bench

    accounts = [("x", "busyfirm", 12), ("x", "otherfirm", 11)]
    with make_client(tmp_path / "race.db") as c:
        finished_job(c, upload_files(c, [("f.jsonl", native_jsonl(accounts))]))
        backend = c.app.state.web.backend
        first = backend.benchmark()
        reads: list[int] = []

        def read_then_import_ends(request: Any) -> Any:
            if not reads:
                backend.invalidate()  # as an import ending in the terminal or the page does
            reads.append(1)
            return first

        monkeypatch.setattr(routes_bench, "benchmark_data", read_then_import_ends)
        drawn: list[int] = []
        draw = routes_bench.benchmark_context
        monkeypatch.setattr(
            routes_bench, "benchmark_context", lambda result: drawn.append(1) or draw(result)
        )
        assert "2 accounts ranked" in c.get("/benchmark").text
        c.get("/benchmark")
    assert len(drawn) == 2
