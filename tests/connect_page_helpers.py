"""What the Connect page's tests (routes_people) share: the sample store and a dashboard on it,
a ranking report served in place of the library's, and the page's result card."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from staffpulse.connect.advice import HeldBack, Ranking
from staffpulse.connect.explanation import Explanation
from staffpulse.connect.suggest import Suggestion, SuggestReport
from staffpulse.models import Account
from web_helpers import make_client, private_copy, sample_store

ACCOUNT = "x:brightpathstaff"
NOW = datetime(2026, 11, 20, tzinfo=UTC)
# a terminal option or command on a page: "--as-of", "--role", "staffpulse add-handles"
TERMINAL = re.compile(r"--[a-z]|staffpulse [a-z-]+ ")
# the advice sentence of a page with nothing to suggest
ADVICE = re.compile(r"No account to suggest yet\. What to do: (.*?)</p>", re.S)


def connect_sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store of a test module: ``sample_db = pytest.fixture(connect_sample_db,
    scope="module", name="sample_db")``."""
    return sample_store(tmp_path_factory.mktemp("connect"))


def connect_client(sample_db: Path) -> Iterator[Any]:
    """The dashboard on the module's sample store: ``client = pytest.fixture(connect_client,
    name="client")``."""
    with make_client(sample_db) as c:
        yield c


def connect_fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for a test whose app is set up otherwise:
    ``fresh_db = pytest.fixture(connect_fresh_db, name="fresh_db")``."""
    return private_copy(sample_db, tmp_path)


def result_card(page: str) -> str:
    """The result card: what the ranking said (the page's brand and footer name staffpulse)."""
    return page.split('<section class="card">', 1)[1].split("</section>", 1)[0]


def connect_report(held: HeldBack, role: str | None = None, suggestions: Any = ()) -> SuggestReport:
    """A ranking of @brightpathstaff as of :data:`NOW` that holds ``held`` back."""
    run = Ranking("@brightpathstaff", "x", NOW, False, 90, role)
    return SuggestReport(
        account=Account(platform="x", id="1", handle="brightpathstaff"),
        as_of=NOW,
        suggestions=list(suggestions),
        circle_size=9,
        held_back=held,
        ranking=run,
    )


def serve_report(client: Any, monkeypatch: pytest.MonkeyPatch, report: SuggestReport) -> None:
    """The dashboard answers every ranking with ``report``."""
    backend = type(client.app.state.web.backend)
    monkeypatch.setattr(backend, "suggestions", lambda self, *args, **kwargs: report)


def suggestion_at(rank: int, score: float) -> Suggestion:
    """A recruiter suggested at ``rank`` with ``score``."""
    return Suggestion(
        rank=rank,
        platform="x",
        account_id=str(rank),
        handle=f"firm{rank}",
        display_name=f"Firm {rank}",
        url=None,
        role="recruiter",
        score=score,
        pagerank=score / 1000,
        voice=None,
        conversation=None,
        via=(),
        reasons=Explanation(None, ("replied to you 1×",)),
    )
