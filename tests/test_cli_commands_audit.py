"""The ``audit`` and ``benchmark`` commands (staffpulse.cli.commands.audit): JSON, terminal,
HTML and CSV outputs, errors as messages with what to do, profile addresses and platforms
as people type them, cohort files (a PDF given as one is called a PDF) and what the
default cohort leaves out."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.store import open_store

try:
    from staffpulse.cli.app import app

    FULL_APP = True
except ImportError:  # another command module is mid-way: test ours on a bare app
    import typer

    from staffpulse.cli.commands import audit as audit_commands

    app = typer.Typer()
    audit_commands.register(app)
    FULL_APP = False

runner = CliRunner()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.fixture
def fake_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Audits score posts with the fake scorer, not the shipped models."""
    import staffpulse.audit.signals as signals

    monkeypatch.setattr(signals, "default_scorer", lambda: FakeScorer())


@pytest.fixture
def db(tmp_path: Path, fake_scorer: None) -> Path:
    firm = FeedBuilder("acme", display_name="Acme Staffing")
    firm.job(15)
    rosa = FeedBuilder(
        "rosa", display_name="Rosa Tamlin", bio="Recruiter in Tacoma. Ask me anything!"
    )
    for i in range(5):
        rosa.post(f"My story {'abcde'[i]}: I love this job lol")
        rosa.reply(f"peer{i}")
    store_with(tmp_path, firm, rosa).close()
    return tmp_path / "test.db"


def invoke(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_audit_json(db: Path) -> None:
    result = invoke("audit", "@rosa", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["account"] == {**data["account"], "platform": "x", "handle": "rosa"}
    assert set(data["pillars"]) == {"face", "mix", "voice", "conversation"}


def test_audit_terminal_and_html(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke("audit", "acme", "--db", db, "--html", out, "--since", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert "Do this next" in result.output and "Mix" in result.output
    assert out.exists() and "HTML report" in result.output
    # the heading names the platform as the reports do, not by its key ("(x)")
    assert "Acme Staffing @acme on X" in result.output


def test_outside_text_with_brackets_is_printed_as_it_is(tmp_path: Path, fake_scorer: None) -> None:
    firm = FeedBuilder("acme", display_name="Acme [b]Co[/]")
    firm.job(3)
    store_with(tmp_path, firm).close()
    out = tmp_path / "r[b].html"
    result = invoke("audit", "acme", "--db", tmp_path / "test.db", "--html", out)
    assert result.exit_code == 0, result.output
    assert "\u201cAcme [b]Co[/]\u201d" in result.output  # the display name, quoted
    assert f"HTML report: {out}" in result.output.replace("\n", "")


def test_audit_errors_are_messages(db: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    result = invoke("audit", "ghost", "--db", db)
    assert result.exit_code == 66
    assert "no account 'ghost'" in result.output
    bad = invoke("audit", "rosa", "--db", db, "--since", "yesterday-ish")
    assert bad.exit_code == 65 and "--since 'yesterday-ish' is not a date" in bad.output
    empty = invoke("audit", "rosa", "--db", db, "--since", "2099-01-01")
    assert empty.exit_code == 66 and "no posts in the store since 2099-01-01" in empty.output
    # a time given is said, in UTC: the day alone would deny the posts earlier that day
    later = invoke("audit", "rosa", "--db", db, "--since", "2099-01-01T22:10+01:00")
    assert later.exit_code == 66
    assert "no posts in the store since 1 Jan 2099, 21:10 UTC" in later.output
    # an empty shell variable: said for what it is, not "import the account ''"
    blank = invoke("audit", " @ ", "--db", db)
    assert blank.exit_code == 65 and "no account given: audit grades one account" in blank.output


@pytest.mark.parametrize(
    "typed", ["https://x.com/rosa", "x.com/Rosa/status/12?s=20", "https://twitter.com/rosa"]
)
def test_audit_reads_a_profile_url_as_connect_does(db: Path, typed: str) -> None:
    result = invoke("audit", typed, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["account"]["handle"] == "rosa"


def test_a_profile_url_names_its_platform(db: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    # rosa is on X only: her Bluesky address finds nothing rather than another platform's rosa
    elsewhere = invoke("audit", "https://bsky.app/profile/rosa.bsky.social", "--db", db)
    assert elsewhere.exit_code == 66 and "on bluesky" in elsewhere.output
    clash = invoke("audit", "https://x.com/rosa", "--platform", "bluesky", "--db", db)
    assert clash.exit_code == 65 and "names an X account, not a Bluesky one" in clash.output
    nowhere = invoke("audit", "https://example.com/about", "--db", db)
    assert nowhere.exit_code == 65 and "not a profile URL" in nowhere.output


def test_audit_platform_takes_twitter_and_refuses_an_unknown_one(db: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    result = invoke("audit", "rosa", "--platform", "twitter", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["account"]["platform"] == "x"
    bad = invoke("audit", "rosa", "--platform", "facebook", "--db", db)
    assert bad.exit_code == 65
    assert "unknown platform 'facebook' (use one of x, bluesky, mastodon, csv)" in bad.output


def test_benchmark_outputs(db: Path, tmp_path: Path) -> None:
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("acme staffing_firm\nrosa recruiter\nghost vendor\n")
    board = tmp_path / "board.csv"
    result = invoke("benchmark", cohort, "--db", db, "--csv", board, "--html", tmp_path / "b.html")
    assert result.exit_code == 0, result.output
    assert "too few to tell" in result.output.lower()  # the verdict in words
    assert f"{cohort}:3" in result.output.replace("\n", "")
    rows = list(csv.DictReader(board.open(encoding="utf-8-sig")))
    # the ranked accounts only: 'ghost' is said in the terminal above, not as a CSV row
    assert [r["handle"] for r in rows] == ["rosa", "acme"] and all(
        r["rank"].isdigit() for r in rows
    )
    assert "ghost" in result.output and "ghost" not in board.read_text(encoding="utf-8-sig")
    # the line naming the CSV says the skipped line is not in it (a long path wraps anywhere)
    compact = "".join(result.output.split())
    note = "(1 cohort line that could not be used is listed above, not in the CSV)"
    assert f"CSVleaderboard:{board}{''.join(note.split())}" in compact
    as_json = invoke("benchmark", "--db", db, "--json")
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["cohort"]["accounts"] == 2


def test_benchmark_json_tells_the_skipped_cohort_lines_on_stderr_too(
    db: Path, tmp_path: Path
) -> None:
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("acme staffing_firm\nrosa recruiter\nghost vendor\n")
    result = invoke("benchmark", cohort, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # stdout stays JSON alone
    assert [p["line"] for p in data["cohort"]["problems"]] == [3]
    told = " ".join(result.stderr.split())
    assert f"skipped {cohort}:3: no account 'ghost' in the store" in told


def test_benchmark_help_says_which_accounts_the_default_cohort_holds() -> None:
    shown = " ".join(invoke("benchmark", "--help").output.replace("│", " ").split())
    assert "Default: every account with at least --min-posts posts of its own" in shown
    assert "--min-posts" in shown and "1 ranks every account with posts of its own" in shown
    # what a cohort file holds, without opening the README
    assert "handle,platform,segment (the header line is optional" in shown
    assert "a plain list of handles or profile URLs works too" in shown


def test_benchmark_help_gives_the_benchmarks_own_default_minimum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--min-posts' help said "Default without a cohort file: 10" whatever the default was."""
    import staffpulse.benchmark.members

    monkeypatch.setattr(staffpulse.benchmark.members, "DEFAULT_MIN_POSTS", 7)
    shown = " ".join(invoke("benchmark", "--help").output.replace("│", " ").split())
    assert "Default without a cohort file: 7 (accounts seen only as authors" in shown


def test_a_cohort_csv_without_skipped_lines_is_named_plainly(db: Path, tmp_path: Path) -> None:
    board = tmp_path / "board.csv"
    result = invoke("benchmark", "--db", db, "--min-posts", "1", "--csv", board)
    assert result.exit_code == 0, result.output
    said = "".join(result.output.split())  # a long path wraps anywhere
    assert f"CSVleaderboard:{board}" in said and "notintheCSV" not in said


def test_an_empty_store_says_to_import_not_to_fix_a_cohort_file(tmp_path: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    store_with(tmp_path).close()
    refused = invoke("benchmark", "--db", tmp_path / "test.db")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 65 and "the store has no account with posts yet" in said
    # on the store given: the hint's commands name its --db
    on = f"staffpulse --db {tmp_path / 'test.db'}"
    assert f"{on} import FILE_OR_FOLDER" in said and "cohort file" not in said
    assert "Traceback" not in said


def test_the_default_benchmark_leaves_out_accounts_seen_in_passing_and_says_so(
    tmp_path: Path, fake_scorer: None
) -> None:
    firm = FeedBuilder("acme", display_name="Acme Staffing")
    firm.job(12)
    passerby = FeedBuilder("quillpasserby", display_name="Quill")  # the author of a post shared
    passerby.post("What a lovely day with my team, I love it")
    store_with(tmp_path, firm, passerby).close()
    db = tmp_path / "test.db"
    table = invoke("benchmark", "--db", db)
    assert table.exit_code == 0, table.output
    said = " ".join(table.output.split())
    assert "@acme" in said and "@quillpasserby" not in said
    assert (
        "1 account with fewer than 10 posts of its own (reposts do not count) left out:"
        " staffpulse --db" in said
    )
    assert "benchmark --min-posts 1 ranks it too." in said  # on the store given, to run as said
    every = invoke("benchmark", "--db", db, "--min-posts", "1", "--json")
    assert every.exit_code == 0, every.output
    cohort = json.loads(every.output)["cohort"]
    assert (cohort["accounts"], cohort["min_posts"], cohort["left_out"]) == (2, 1, 0)
    if FULL_APP:  # the error boundary turns the library's refusal into a message
        refused = invoke("benchmark", "--db", db, "--min-posts", "0")
        assert refused.exit_code == 65 and "--min-posts must be 1 or more" in refused.output


def test_a_segment_typo_is_a_note_and_every_output_says_no_segment(
    db: Path, tmp_path: Path
) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nacme,staffing frim\nrosa,recruiter\n")
    board, page = tmp_path / "board.csv", tmp_path / "b.html"
    result = invoke("benchmark", cohort, "--db", db, "--csv", board, "--html", page)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"note {cohort}:2: unknown segment 'staffing frim'" in said
    assert "— @acme is kept without a segment" in said and "skipped" not in said
    rows = {r["handle"]: r for r in csv.DictReader(board.open(encoding="utf-8-sig"))}
    assert (rows["acme"]["segment"], rows["rosa"]["segment"]) == ("no segment", "recruiter")
    html = page.read_text()
    assert ">No segment</td>" in html and "unknown</td>" not in html
    assert "Cohort lines we could not use as written" in html


def test_an_account_without_posts_is_refused_with_what_to_do(tmp_path: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    from audit_helpers import PROV
    from staffpulse.models import Account

    store = store_with(tmp_path, FeedBuilder("firm"))
    store.upsert([Account(platform="x", id="quiet", handle="Quiet")], PROV)
    store.close()
    db = tmp_path / "test.db"
    refused = invoke("audit", "quiet", "--db", db)
    assert refused.exit_code == 66  # as an unknown account or an empty --since window
    assert "no posts of @Quiet in the store" in refused.output
    said = " ".join(refused.output.split())
    assert f"staffpulse --db {db} import FILE" in said and "Traceback" not in said


def _thread_feed(handle: str, to_self: int, to_others: int) -> FeedBuilder:
    feed = FeedBuilder(handle, display_name="Rosa Tamlin")
    for i in range(6):
        feed.post(f"My story {i}: I love this job lol")
    feed.reply(handle, to_self)  # the rest of its own thread
    for i in range(to_others):
        feed.reply(f"peer{i}")
    return feed


def test_the_header_says_which_replies_only_continue_the_accounts_threads(
    tmp_path: Path, fake_scorer: None
) -> None:
    store_with(tmp_path, _thread_feed("solo", 3, 0), _thread_feed("mixed", 2, 3)).close()
    db = tmp_path / "test.db"

    def header(handle: str) -> tuple[str, str]:
        out = tmp_path / f"{handle}.html"
        result = invoke("audit", handle, "--db", db, "--html", out)
        assert result.exit_code == 0, result.output
        return " ".join(result.output.replace("│", " ").split()), out.read_text()

    solo, solo_html = header("solo")
    assert "3 replies (all in your own threads)" in solo
    assert "3 replies (all in your own threads)" in solo_html
    assert "None of your 9 posts answers someone else: 3 continue threads of your own" in solo
    mixed, mixed_html = header("mixed")
    assert "5 replies (2 of them in your own threads)" in mixed
    assert "5 replies (2 of them in your own threads)" in mixed_html
    data = json.loads(invoke("audit", "mixed", "--db", db, "--json").output)
    assert data["counts"]["reply"] == 5 and data["counts"]["replies_in_own_threads"] == 2


def test_a_pdf_given_as_a_cohort_file_is_called_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF)
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(app, ["benchmark", str(pdf), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65, result.output
    said = (
        f"Error: {pdf}: not a text file, so not a cohort file (it holds binary data: it is a PDF)"
    )
    assert said in " ".join(result.output.split())
    assert "%PDF" not in result.output


def test_an_anonymized_twcs_customer_is_sent_to_the_brand_not_to_import(tmp_path: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    from datetime import UTC, datetime

    from staffpulse.models import Account, Post, Provenance

    when = datetime(2017, 10, 31, tzinfo=UTC)
    with open_store(tmp_path / "s.db") as store:
        # as the TWCS import stores them: the brand has an account, its customer only posts
        store.upsert(
            [
                Account(platform="x", id="acmesupport", handle="AcmeSupport"),
                Post(
                    platform="x", id="twcs:1", author_id="twcs:913579", created_at=when,
                    text="@AcmeSupport my shift app logs me out", mentions=("acmesupport",),
                ),
            ],
            Provenance("twcs", "sample.csv", "t", when),
        )  # fmt: skip
    result = invoke("audit", "twcs:913579", "--db", tmp_path / "s.db")
    said = " ".join(result.output.split())
    assert result.exit_code == 66
    assert (
        "Error: 'twcs:913579' is an anonymized customer of a Customer Support on Twitter (TWCS)"
        " file: its post is in the store, but the dataset names customers only by a number, so"
        " there is no account behind it"
    ) in said
    assert (
        "What to do: choose the brand it wrote to instead, @AcmeSupport (staffpulse --db"
        f" {tmp_path / 's.db'} accounts lists every stored account)"
    ) in said
    assert "import its posts first" not in said and "Traceback" not in said


def test_a_file_of_posts_given_as_the_cohort_is_sent_to_import(tmp_path: Path) -> None:
    if not FULL_APP:
        pytest.skip("the full CLI (with its error boundary) cannot be imported yet")
    # one twarc2 search page (docs/formats.md), as `twarc2 search` writes it
    page = {
        "data": [
            {
                "id": "1590000000000000001",
                "text": "We're hiring forklift drivers in Tacoma",
                "author_id": "2244994945",
                "created_at": "2022-11-08T10:00:00.000Z",
                "edit_history_tweet_ids": ["1590000000000000001"],
            }
        ]
    }
    posts = tmp_path / "brexit.jsonl"
    posts.write_text(json.dumps(page) + "\n", encoding="utf-8")
    open_store(tmp_path / "s.db").close()
    result = invoke("benchmark", posts, "--db", tmp_path / "s.db")
    said = " ".join(result.output.split())
    assert result.exit_code == 65
    assert (
        f"Error: {posts} looks like data to import (twarc2 / X API v2 JSON), not a cohort file"
    ) in said
    assert (
        f"What to do: import it first (staffpulse --db {tmp_path / 's.db'} import {posts}), then"
        f" run staffpulse --db {tmp_path / 's.db'} benchmark"
        " with a cohort file of handles (handle,platform,segment), or without one to rank the"
        " store's accounts"
    ) in said
    assert "too many fields" not in said and "Traceback" not in said
