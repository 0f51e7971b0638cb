"""The audit page's waits (web/routes_core.py, /audit/...): a slow first audit shows its
progress, then the audit; the benchmark's strips are waited for only within the page's wait."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, private_copy, sample_db_of_module  # noqa: E402

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")


def test_a_slow_audit_shows_progress_then_the_audit(
    sample_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """The first audit of an archive of 50,000 posts took 16 s with the browser left spinning:
    past the page's wait, a page says the audit is running, with its progress, and shows the
    audit when it is done."""
    import threading

    with make_client(private_copy(sample_db, tmp_path), page_wait=0.0) as c:
        backend = c.app.state.web.backend
        release = threading.Event()
        real = type(backend).audit

        def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
            release.wait(30)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(backend), "audit", slow)
        first = c.get("/audit/x/brightpathstaff")
        assert first.status_code == 200 and "Auditing @brightpathstaff" in first.text
        assert 'data-job="' in first.text and "takes a while the first time" in first.text
        job_id = first.text.split('data-job="', 1)[1].split('"', 1)[0]
        release.set()
        c.app.state.web.jobs.wait(job_id)
        ready = c.get("/audit/x/brightpathstaff")
        assert "Do this next" in ready.text and "data-job=" not in ready.text
        assert c.app.state.web.jobs.recent() == []  # not listed as an import


def test_an_audit_waits_for_the_benchmark_only_within_the_pages_wait(
    sample_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """On a store of 300,000 posts the benchmark ranks for minutes, and every audit opened
    meanwhile took the page's wait again for its strips (3.5 s in all, none shown): the
    audit's own time counts against the wait, and the strips come once the ranking is done.
    The page reads a clock the test moves, and the wait it gives the ranking is recorded:
    no wall time is measured, so a loaded machine changes nothing."""
    import threading

    from staffpulse.web import routes_core

    class Clock:
        now = 1000.0

        def monotonic(self) -> float:
            return self.now

    clock = Clock()
    monkeypatch.setattr(routes_core, "time", clock)  # the page's clock only
    with make_client(private_copy(sample_db, tmp_path), page_wait=30.0) as c:
        ctx = c.app.state.web
        backend = type(ctx.backend)
        release = threading.Event()
        audit, benchmark, get = backend.audit, backend.benchmark, ctx.slow.get
        bench_key = ctx.backend.benchmark_key()
        waits: list[float] = []
        jobs: list[Any] = []

        def slow_audit(self: Any, *args: Any, **kwargs: Any) -> Any:
            clock.now += 29.75  # of the page's 30 s (real ones, for a loaded machine)
            return audit(self, *args, **kwargs)

        def slow_benchmark(self: Any, *args: Any, **kwargs: Any) -> Any:
            release.wait(30)
            return benchmark(self, *args, **kwargs)

        def recorded_get(key: Any, label: str, compute: Any, wait: float) -> Any:
            value = get(key, label, compute, wait)
            if key == bench_key:
                waits.append(wait)
                jobs.append(value)
            return value

        monkeypatch.setattr(backend, "audit", slow_audit)
        monkeypatch.setattr(backend, "benchmark", slow_benchmark)
        monkeypatch.setattr(ctx.slow, "get", recorded_get)
        page = c.get("/audit/x/brightpathstaff").text
        release.set()
        assert "Do this next" in page and "Where you stand" not in page
        # the 0.25 s the audit left of the page's 30, not 30 s more after it
        assert waits == [pytest.approx(0.25)]
        ctx.jobs.wait(jobs[0].id, 60)  # the ranking, released, ends
        # the audit is kept, so the page's wait is the ranking's, now done
        assert "Where you stand among" in c.get("/audit/x/brightpathstaff").text
        assert waits[1:] == [pytest.approx(30.0)]
