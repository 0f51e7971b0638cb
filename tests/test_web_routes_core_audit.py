"""The audit page (web/routes_core.py, /audit/...) on the sample cohort: what the report says,
its avatar and sample badge, the download and the record, the inbox advice linked, and an
account unknown, without posts or with a picture known only by its address told on the page."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.demo import SAMPLE_DIR  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    make_client,
    private_copy,
    sample_cohort_client,
    sample_db_of_module,
    sample_store,
)

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")
client = pytest.fixture(sample_cohort_client, scope="module", name="client")


def test_audit_page_matches_the_report(client: Any) -> None:
    page = client.get("/audit/x/brightpathstaff")
    assert page.status_code == 200
    text = page.text
    for heading in ("Do this next", "Four pillars", "Content mix over time", "Posts that hold"):
        assert heading in text
    assert "Where you stand among 12 accounts" in text  # percentile strips from the benchmark
    assert "Each dot is one of the 12 accounts of your cohort file" in text
    assert 'class="grade"' in text and "<svg" in text
    assert 'action="/audit/x/brightpathstaff/record"' in text
    from staffpulse.audit import audit_account
    from web_helpers import FakeScorer

    with open_store(client.app.state.web.settings.db_path) as store:
        expected = audit_account(store, "brightpathstaff", "x", scorer=FakeScorer(), save=False)
    assert f'<div class="letter">{expected.grade}</div>' in text
    from staffpulse.report.audit_view import action_points, actions_summary

    for action in expected.top_actions:  # what each action is worth, as in the report
        assert not action["points"] or f"({action_points(action)})" in text
    summary = actions_summary(expected)
    assert summary is None or summary in text


def test_audit_page_shows_the_avatar_and_sample_badge_of_the_report(client: Any) -> None:
    from staffpulse.audit import audit_account
    from staffpulse.report.html import render_audit_html
    from web_helpers import FakeScorer

    page = client.get("/audit/x/brightpathstaff").text
    with open_store(client.app.state.web.settings.db_path) as store:
        result = audit_account(store, "brightpathstaff", "x", scorer=FakeScorer(), save=False)
    report = render_audit_html(result, sample=True)
    avatar = re.search(r'<img class="avatar" src="(data:image/png;base64,[^"]+)"', report)
    assert avatar and avatar.group(1) in page  # the same picture, inlined the same way
    assert 'alt="avatar of @brightpathstaff"' in page
    assert '<span class="badge">Sample data</span>' in page
    download = client.get("/audit/x/brightpathstaff/report.html").text
    assert avatar.group(1) in download and '<span class="badge">Sample data</span>' in download


def test_own_data_is_not_labelled_sample_even_next_to_the_sample(tmp_path: Path) -> None:
    from web_helpers import finished_job, native_jsonl, upload_files

    mine = [("mine.jsonl", native_jsonl([("x", "acmestaffing", 4)]))]
    with make_client(tmp_path / "own.db") as own:
        assert finished_job(own, upload_files(own, mine))["state"] == "done"
        pages = [own.get("/").text, own.get("/audit/x/acmestaffing").text]
    mixed_db = sample_store(tmp_path)  # the sample, then the user's own data next to it
    with make_client(mixed_db) as mixed:
        assert finished_job(mixed, upload_files(mixed, mine))["state"] == "done"
        pages += [mixed.get("/").text, mixed.get("/audit/x/brightpathstaff").text]
        assert mixed.app.state.web.backend.cohort() is None  # every account is ranked
    assert all("Sample data" not in page for page in pages)


def test_audit_advice_about_the_inbox_links_to_the_accounts_inbox(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with make_client(private_copy(sample_db, tmp_path, "listened.db")) as client:
        # the inbox built and opened as the firm: its count is advice (not of other accounts)
        assert client.get("/inbox?as=brightpathstaff").status_code == 200
        page = client.get("/audit/x/brightpathstaff").text
        link = re.search(r'<a href="(/inbox\?[^"]+)">your inbox</a>', page)
        assert link, "no inbox link"
        assert "Start with the open conversations in <a" in page
        inbox = client.get(html.unescape(link.group(1))).text
        assert 'value="@brightpathstaff (x)"' in inbox and '<option value="x" selected>' in inbox
        # the stand-alone report has no Inbox page to link to
        download = client.get("/audit/x/brightpathstaff/report.html").text
        assert "your inbox" in download and 'href="/inbox' not in download
        # the words around the link stay text, whatever a message holds
        backend = type(client.app.state.web.backend)
        real = backend.audit

        def hostile(self: Any, platform: str, handle: str) -> Any:
            result = real(self, platform, handle)
            result.pillars["conversation"].recommendations = ["<b>x</b> & your inbox <i>"]
            return result

        monkeypatch.setattr(backend, "audit", hostile)
        page = client.get("/audit/x/mia_recruits").text
    assert (
        '&lt;b&gt;x&lt;/b&gt; &amp; <a href="/inbox?as=%40mia_recruits&amp;platform=x">your inbox'
        "</a> &lt;i&gt;" in page
    )


def test_audit_download_and_record(client: Any) -> None:
    report = client.get("/audit/x/mia_recruits/report.html")
    assert report.status_code == 200
    assert "attachment" in report.headers["content-disposition"]
    assert report.text.startswith("<!doctype html>")
    token = csrf_token(client, "/audit/x/mia_recruits")
    saved = client.post("/audit/x/mia_recruits/record", data={"csrf_token": token})
    assert saved.status_code == 303 and "notice=recorded" in saved.headers["location"]
    assert "Audit saved to the history" in client.get(saved.headers["location"]).text


def test_audit_of_unknown_account_is_a_friendly_404(client: Any) -> None:
    page = client.get("/audit/x/nobody_here")
    assert page.status_code == 404
    assert "What to do" in page.text and "Traceback" not in page.text


def test_model_error_is_explained(tmp_path: Path, sample_db: Path) -> None:
    class Broken:
        def score(self, texts: Any) -> Any:
            from staffpulse.errors import ModelError

            raise ModelError("the post signals are not installed", hint="reinstall staffpulse")

    with make_client(sample_db, scorer=Broken()) as broken:
        home = broken.get("/")
        audit = broken.get("/audit/x/hireloop")
    assert home.status_code == 200 and "Grades are not available right now" in home.text
    assert audit.status_code == 503 and "reinstall staffpulse" in audit.text


def test_the_audit_page_of_an_account_without_posts_says_what_to_do_on_the_page(
    sample_db: Path, tmp_path: Path
) -> None:
    from staffpulse.models import Account
    from staffpulse.sources.base import provenance

    db = private_copy(sample_db, tmp_path)  # other accounts have posts: this one has none
    with open_store(db) as store:
        store.upsert([Account(platform="x", id="q1", handle="quiet")], provenance("t", "f"))
    with make_client(db) as c:
        page = c.get("/audit/x/quiet")
    assert page.status_code == 404
    text = html.unescape(page.text)
    assert "no posts of @quiet in the store" in text
    assert "import its posts on the Import page first" in text  # the page's words, no command
    assert "staffpulse import" not in text
    # in a store where no account has posts, the audit says what the Accounts page says
    alone = tmp_path / "alone.db"
    with open_store(alone) as store:
        store.upsert([Account(platform="x", id="q1", handle="quiet")], provenance("t", "f"))
    with make_client(alone) as c:
        audit, home = c.get("/audit/x/quiet"), c.get("/")
    assert audit.status_code == home.status_code == 200
    said = html.unescape(audit.text)
    assert "<h1>No posts yet</h1>" in said and "<h1>No posts yet</h1>" in home.text
    assert "This store holds 1 account known only by name, but no posts" in said


def test_a_broken_cohort_leaves_out_the_strips_but_a_store_failure_is_told(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.errors import MissingFileError, StoreError

    def cohort_gone(request: Any, wait: float | None = None) -> Any:
        raise MissingFileError("cohort.csv: no such file", hint="choose the cohort again")

    monkeypatch.setattr("staffpulse.web.routes_bench.benchmark_data", cohort_gone)
    with make_client(sample_db, cohort_file=SAMPLE_DIR / "cohort.csv") as c:
        page = c.get("/audit/x/brightpathstaff")
    assert page.status_code == 200 and "Four pillars" in page.text
    assert "Where you stand among" not in page.text

    def store_locked(request: Any, wait: float | None = None) -> Any:
        raise StoreError("the store is locked by another program", hint="close it and retry")

    monkeypatch.setattr("staffpulse.web.routes_bench.benchmark_data", store_locked)
    with make_client(sample_db, cohort_file=SAMPLE_DIR / "cohort.csv") as c:
        page = c.get("/audit/x/brightpathstaff")
    assert page.status_code == 503 and "locked by another program" in page.text


def test_the_audit_page_says_how_to_check_a_picture_known_only_by_its_address(
    tmp_path: Path,
) -> None:
    """A file import stores a picture's web address, not the image: the page, and the report
    file it downloads, tell the Import page's live fetch (``staffpulse audit --html`` the
    command that fetches it)."""
    from datetime import UTC, datetime, timedelta

    from staffpulse.models import Account, Post
    from staffpulse.sources.base import provenance

    db = tmp_path / "picture.db"
    now = datetime.now(UTC)
    account = Account(
        platform="bluesky",
        id="did:plc:rosa",
        handle="rosa.example.social",
        display_name="Rosa Lund",
        avatar_url="https://cdn.example.invalid/avatar/rosa.jpg",
    )
    posts = [
        Post(
            platform="bluesky",
            id=f"p{i}",
            author_id="did:plc:rosa",
            author_handle="rosa.example.social",
            created_at=now - timedelta(days=i),
            text=f"What question do you ask first in a warehouse interview? Day {i}",
        )
        for i in range(5)
    ]
    with open_store(db) as store:
        store.upsert([account, *posts], provenance("t", "f"))
    with make_client(db) as c:
        page = c.get("/audit/bluesky/rosa.example.social")
        assert page.status_code == 200
        text = html.unescape(page.text)
        assert "We could not check your picture" in text
        assert "staffpulse fetch" not in text and "staffpulse avatar" not in text
        # the step links the place it names, with the form filled in: nothing to retype
        link = re.search(r'Fetch the account live on <a href="([^"]+)">the Import page</a>', text)
        assert link, "no link to the Import page"
        form = c.get(link.group(1)).text
        # the report downloaded from the dashboard says the same to its reader, not the
        # command it told before ("Run `staffpulse fetch bluesky ...` (with your --db ...)")
        download = html.unescape(c.get("/audit/bluesky/rosa.example.social/report.html").text)
    assert link.group(1).endswith("#fetch") and 'id="fetch"' in form
    assert "Fetch the account live on the Import page (Fetch an account live)" in download
    assert "staffpulse fetch" not in download and "--db" not in download
    assert "<nav" not in download and 'href="/import' not in download  # the report's own page
    assert '<option value="bluesky" selected>' in form
    assert 'id="handle" name="handle" value="rosa.example.social"' in form


def test_open_another_account_by_its_display_name(client: Any) -> None:
    """ "Mia Castellano" typed in "Open another account" went to the Accounts page's search,
    listing the one account of that name: it opens her audit, as her handle would."""
    go = client.get("/audit-go", params={"account": "Mia Castellano", "from": "/audit/x/hireloop"})
    assert go.status_code == 303 and go.headers["location"] == "/audit/x/mia_recruits"
    several = client.get("/audit-go", params={"account": "staffing"})  # more than one: listed
    assert several.headers["location"].startswith("/?q=staffing&flash=")


def test_each_open_link_says_what_it_opens(client: Any, tmp_path: Path) -> None:
    """A screen reader listed the audit's evidence links as "open, open, open…": each now
    names its post, and Connect's names its profile and, shown too, its platform ("open on
    X": an "open" alone did not say it left the dashboard)."""
    import json

    from web_helpers import finished_job, upload_files

    posts = [
        {"type": "post", "platform": "x", "id": f"9{i}", "author": "linkfirm",
         "url": f"https://x.com/linkfirm/status/9{i}", "created_at": f"2026-03-0{i + 1}T10:00:00Z",
         "text": f"Our team's Friday story number {i}: what we learned placing nurses"}
        for i in range(6)
    ]  # fmt: skip
    data = "\n".join(json.dumps(p) for p in posts).encode()
    with make_client(tmp_path / "links.db") as c:
        finished_job(c, upload_files(c, [("posts.jsonl", data)]))
        audit = c.get("/audit/x/linkfirm").text
    labels = re.findall(r'aria-label="([^"]*)">open</a>', audit)
    assert labels and all(label.startswith("open the post “Our team") for label in labels)
    assert "story number" in labels[0]  # the post itself, as the page shows it
    assert audit.count(">open</a>") == len(labels)
    connect = client.get("/connect", params={"account": "@harborline (x)"}).text
    named = re.findall(r'aria-label="(open on X: the profile of [^"]*)">open on X</a>', connect)
    assert named and connect.count(">open on X</a>") == len(named)
    assert ">open</a>" not in connect


def test_the_audits_dates_read_as_on_every_other_page(client: Any) -> None:
    # the span under the account and the date of each post shown as evidence read
    # "2026-05-23": every other page writes a day "23 May 2026"
    words = html.unescape(
        " ".join(re.sub(r"<[^>]+>", " ", client.get("/audit/x/brightpathstaff").text).split())
    )
    day = r"\d\d [A-Z][a-z]{2} \d{4}"
    assert re.search(rf"posts from {day} to {day}", words), words
    assert re.search(rf"· (original|reply|quote) · {day}", words)
    assert not re.search(r"posts from \d{4}-|· (original|reply|quote|repost) · \d{4}-", words)


class _BoardRoles:
    """A role model that reads every account as a job board."""

    def predict(self, names: Any, bios: Any, texts: Any) -> Any:
        from types import SimpleNamespace

        return SimpleNamespace(role=["job_board"] * len(names))


def test_the_audit_page_says_what_the_role_model_reads_the_account_as(tmp_path: Path) -> None:
    # QA: staffpulse audit said "Read as a job board: ..." and the dashboard's page of the
    # same account did not
    from audit_helpers import FeedBuilder, store_with
    from web_helpers import page_words

    board = FeedBuilder("citywidejobsfeed", display_name="Citywide Jobs Feed")
    board.job(12)
    store_with(tmp_path, board).close()
    with make_client(tmp_path / "test.db", role_model=_BoardRoles()) as web:
        page = page_words(web.get("/audit/x/citywidejobsfeed").text).replace("&#39;", "'")
    assert "Read as a job board: the role model's guess from the name, bio and posts" in page
