"""Segments the role model guesses for a benchmark's accounts without one
(staffpulse.audit.segment_guesses), and how the terminal, HTML and JSON mark them."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from rich.console import Console

from audit_helpers import T0, FakeScorer, FeedBuilder, cohort_store, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.report.audit_view import read_as_line
from staffpulse.report.html import render_benchmark_html
from staffpulse.report.terminal_benchmark import render_benchmark


class NameRoles:
    """A role model that reads the name only: "... Staffing" a staffing firm, "Vendor ..." a
    vendor, anyone else a job seeker (no segment of the claims: "other")."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]) -> Any:
        self.names += names
        roles = [
            "staffing_firm"
            if n.endswith("Staffing")
            else "vendor"
            if "Vendor" in n
            else "job_seeker"
            for n in names
        ]
        return SimpleNamespace(role=roles)


def _board(result: Any) -> dict[str, dict[str, Any]]:
    return {row["handle"]: row for row in result.leaderboard}


def test_without_a_cohort_file_the_role_model_fills_the_segments(tmp_path: Path) -> None:
    # every account was "No segment" and both vendor claims said NOT TESTED on an import
    store = cohort_store(tmp_path)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=NameRoles())  # type: ignore[arg-type]
    rows = _board(result)
    assert rows["firm0"]["segment"] == "staffing_firm" and rows["vendor3"]["segment"] == "vendor"
    assert all(row["segment_guessed"] for row in rows.values())
    assert result.segment_stats["vendor"]["guessed"] == result.segment_stats["vendor"]["n"] == 6
    voice, conversation, _mostly = result.claims
    assert voice["verdict"] != "not tested" and conversation["verdict"] != "not tested"
    data = json.loads(json.dumps(result.to_dict()))
    assert data["cohort"]["segments_guessed"] == 12
    assert data["leaderboard"][0]["segment_guessed"] is True
    out = io.StringIO()
    render_benchmark(Console(file=out, width=160, color_system=None), result)
    text = " ".join(out.getvalue().split())
    assert "staffing firm (guess)" in text and "│ Vendors (guessed) │ 6 │" in text
    assert "Every account's segment is a guess of the role model" in text
    page = render_benchmark_html(result)
    assert 'Vendor <span class="faint"' in page and "Vendors (guessed)</td>" in page
    assert "Every account&#39;s segment is a guess of the role model" in page


def test_a_file_of_handles_alone_is_guessed_too(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("@firm0\n@firm1\n@vendor0\n@vendor1\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    rows = _board(result)
    assert (rows["firm1"]["segment"], rows["firm1"]["segment_guessed"]) == ("staffing_firm", True)
    assert result.to_dict()["cohort"]["segments_guessed"] == 4


def test_a_file_naming_segments_keeps_its_own_and_its_blank_lines_add_up(tmp_path: Path) -> None:
    # the user's grouping is not mixed with guesses; the accounts it leaves without a segment
    # get a "No segment" row, so the Segments table's n's add up to the cohort
    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "cohort.txt"
    # firm1 written a vendor on purpose: the file wins over the model's "staffing firm"
    cohort.write_text("firm0,x,staffing firm\nfirm1,x,vendor\nvendor0\nvendor1\n")
    model = NameRoles()
    result = run_benchmark(store, cohort, scorer=FakeScorer(), role_model=model)  # type: ignore[arg-type]
    assert model.names == []  # never asked
    rows = _board(result)
    assert (rows["firm1"]["segment"], rows["firm1"]["segment_guessed"]) == ("vendor", False)
    stats = result.segment_stats
    assert stats["unknown"]["n"] == 2 and stats["unknown"]["label"] == "No segment"
    assert sum(s["n"] for s in stats.values()) == len(result.audits) == 4
    assert not any(row["segment_guessed"] for row in result.leaderboard)
    assert result.to_dict()["cohort"]["segments_guessed"] == 0
    page = render_benchmark_html(result)
    assert '<td class="segment-name">No segment</td><td class="num" data-label="Accounts">2' in page
    assert "(guess)" not in page and "guess of the role model" not in page
    out = io.StringIO()
    render_benchmark(Console(file=out, width=160, color_system=None), result)
    assert "│ No segment │ 2 │" in " ".join(out.getvalue().split())


def test_without_a_model_every_account_keeps_no_segment(tmp_path: Path) -> None:
    result = run_benchmark(
        cohort_store(tmp_path, firms=1, vendors=1), scorer=FakeScorer(), min_posts=1
    )  # type: ignore[arg-type]
    assert [r["segment"] for r in result.leaderboard] == ["unknown", "unknown"]
    assert result.claims[0]["verdict"] == "not tested"


class BoardRoles:
    """A role model that calls every account a job board, as it reads a staffing firm whose
    feed and bio are all openings."""

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]) -> Any:
        return SimpleNamespace(role=["job_board"] * len(names))


def test_a_guessed_job_board_gets_the_fix_it_gets_when_the_cohort_file_names_it(
    tmp_path: Path,
) -> None:
    # QA: a guessed job board was told "post fewer job ads", while the same account with its
    # segment from the cohort file was told to add a tip among the ads: one account, one fix
    feed = FeedBuilder("shiftfeed", display_name="Quickshift Feed", bio="Apply now for shifts")
    feed.job(9)
    feed.reply("rosa", 3)
    store = store_with(tmp_path, feed)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nshiftfeed,job_board\n")
    later = T0 + timedelta(days=30)  # still posting: no "Post again" first
    guessed = run_benchmark(
        store,
        scorer=FakeScorer(),  # type: ignore[arg-type]
        min_posts=1,
        role_model=BoardRoles(),
        now=later,
    ).leaderboard[0]
    given = run_benchmark(store, cohort, scorer=FakeScorer(), now=later).leaderboard[0]  # type: ignore[arg-type]
    assert (guessed["segment"], guessed["segment_guessed"]) == ("job_board", True)
    assert (given["segment"], given["segment_guessed"]) == ("job_board", False)
    assert guessed["top_action"] == given["top_action"]
    assert guessed["top_action"].startswith("Add one human post a week among the ads")
    assert "fewer job ads" not in guessed["top_action"]


def test_the_league_csv_read_back_as_a_cohort_keeps_its_guesses_marked(tmp_path: Path) -> None:
    # the CSV wrote a guessed segment as a plain one: re-used as the next cohort file, every
    # guess read as the consultant's own grouping, its "(guess)" gone
    from staffpulse.report.spreadsheet import CSV_ENCODING, leaderboard_csv

    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("@firm0\n@firm1\n@vendor0\n@vendor1\n")
    first = run_benchmark(store, cohort, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    league = tmp_path / "league.csv"
    league.write_bytes(leaderboard_csv(first).encode(CSV_ENCODING))
    lines = league.read_text(encoding=CSV_ENCODING).splitlines()
    header = lines[0].split(",")
    assert header[header.index("segment") + 1] == "segment_source"
    assert all(",staffing firm,guess," in ln or ",vendor,guess," in ln for ln in lines[1:])
    model = NameRoles()
    again = run_benchmark(store, league, scorer=FakeScorer(), role_model=model)  # type: ignore[arg-type]
    assert model.names == []  # the file's guesses are kept, not asked again
    assert {r["handle"]: (r["segment"], r["segment_guessed"]) for r in again.leaderboard} == {
        r["handle"]: (r["segment"], True) for r in first.leaderboard
    }
    # a guess corrected and its mark cleared is the consultant's own; the others stay guesses
    fixed = [
        ln.replace(",vendor,guess,", ",recruiter,,") if "vendor0" in ln else ln for ln in lines
    ]
    league.write_text("\n".join(fixed) + "\n", encoding=CSV_ENCODING)
    mixed = run_benchmark(store, league, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    rows = _board(mixed)
    assert (rows["vendor0"]["segment"], rows["vendor0"]["segment_guessed"]) == ("recruiter", False)
    assert (rows["vendor1"]["segment"], rows["vendor1"]["segment_guessed"]) == ("vendor", True)
    # the user gave a file with a segment column: told how to make the rest theirs, not to
    # give one
    out = io.StringIO()
    render_benchmark(Console(file=out, width=100, color_system=None), mixed)
    for said in (" ".join(out.getvalue().split()), render_benchmark_html(mixed)):
        assert "segment_source column to make a segment yours" in said
        assert "give a cohort file with a segment column" not in said


def test_guesses_without_a_firm_or_vendor_do_not_send_the_user_to_a_cohort_file_they_lack(
    tmp_path: Path,
) -> None:
    # with no cohort file the claims said "write staffing firm or vendor in the cohort file's
    # segment column": there was no cohort file to write in
    store = cohort_store(tmp_path, firms=2, vendors=2)
    result = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=BoardRoles())  # type: ignore[arg-type]
    voice, conversation, mostly = result.claims
    for claim in (voice, conversation):
        assert claim["verdict"] == "not tested"
        said = claim["explanation"]
        assert "the cohort file's segment column" not in said
        assert "The role model guessed no account here a staffing firm or a vendor" in said
        assert "(its guesses: job boards)" in said
        assert "give a cohort file with a segment column (handle,platform,segment)" in said
    # nor is "mostly job ads" tested on the guessed job boards as if they were the firms
    assert mostly["verdict"] == "not tested"
    assert mostly["explanation"].startswith(
        "The role model guessed no account here a staffing firm (its guesses: job boards): "
        "to test this, give a cohort file with a segment column"
    )


def test_an_account_with_next_to_nothing_to_read_gets_no_guessed_segment(tmp_path: Path) -> None:
    """Only reposts, no bio and a name without a trade word: the model reads a handle alone
    and answers anyway, so the league table would show that answer as a finding. It stays "No
    segment", counted as no guess, while the firm beside it is guessed as ever."""
    thin = FeedBuilder("jsmith84")
    for i in range(4):
        thin.post(f"a post by someone else, shared {i}", kind="repost")
    firm = FeedBuilder("firm0", display_name="Firm 0 Staffing")
    firm.job(3)
    store = store_with(tmp_path, thin, firm)
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("@jsmith84\n@firm0\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    rows = _board(result)
    assert (rows["jsmith84"]["segment"], rows["jsmith84"]["segment_guessed"]) == ("unknown", False)
    assert rows["jsmith84"]["segment_source"] is None
    assert (rows["firm0"]["segment"], rows["firm0"]["segment_guessed"]) == ("staffing_firm", True)
    assert result.to_dict()["cohort"]["segments_guessed"] == 1


def test_the_audit_says_what_the_benchmark_reads_the_account_as(tmp_path: Path) -> None:
    # QA: a job board's audit never said it read the account as one, while the benchmark of
    # the same account called it a job board (guess)
    from staffpulse.audit.engine import audit_account
    from staffpulse.report.html import render_audit_html
    from staffpulse.report.terminal_audit import render_audit

    board = FeedBuilder("retailjobsfeed", display_name="Retail Jobs Feed")
    board.job(12)
    person = FeedBuilder("plainperson", display_name="Plain Person")
    person.chat(12)
    store = store_with(tmp_path, board, person)
    bench = run_benchmark(store, scorer=FakeScorer(), role_model=BoardRoles())  # type: ignore[arg-type]
    assert bench.row_of("retailjobsfeed", "x")["segment"] == "job_board"  # type: ignore[index]
    result = audit_account(
        store, "retailjobsfeed", scorer=FakeScorer(), save=False, role_model=BoardRoles()
    )
    assert result.read_as == "job_board"
    assert json.loads(json.dumps(result.to_dict()))["read_as"] == "job_board"
    buf = io.StringIO()
    render_audit(Console(file=buf, width=120, color_system=None), result)
    said = " ".join(buf.getvalue().replace("│", " ").split())
    line = "Read as a job board: the role model's guess from the name, bio and posts"
    assert line in said
    assert line in " ".join(render_audit_html(result).split()).replace("&#39;", "'")
    # "other" names nothing, and an audit asked no model says nothing
    other = audit_account(
        store, "plainperson", scorer=FakeScorer(), save=False, role_model=NameRoles()
    )
    assert other.read_as is None
    plain = audit_account(store, "retailjobsfeed", scorer=FakeScorer(), save=False)
    assert plain.read_as is None and plain.to_dict()["read_as"] is None


def test_an_audit_read_as_a_job_board_gets_a_job_feeds_advice(tmp_path: Path) -> None:
    # QA: the header said "Read as a job board" above "Spend 10 minutes a day answering
    # recruiters" and "Rosa at" for its name: a firm's advice under a job board's reading
    from staffpulse.audit.engine import audit_account

    board = FeedBuilder("metrojobsfeed", display_name="Northline Partners")
    board.job(12)
    store = store_with(tmp_path, board)
    read = audit_account(
        store, "metrojobsfeed", scorer=FakeScorer(), save=False, role_model=BoardRoles()
    )
    plain = audit_account(store, "metrojobsfeed", scorer=FakeScorer(), save=False)

    def advice(result: Any) -> str:
        return " ".join(" ".join(p.recommendations) for p in result.pillars.values())

    assert read.read_as == "job_board" and str(read.kind) == "job feed"
    assert "@metrojobsfeed reads as a job board: it is graded as any account is" in (
        read.caution or ""
    )
    assert "Rosa at" not in advice(read) and "answering recruiters" not in advice(read)
    assert "Job seekers ask about your listings" in advice(read)
    # without the role model's reading it is advised as any firm, as before
    assert str(plain.kind) == "any" and "Rosa at" in advice(plain)
    # a cohort file that named it a staffing firm (kept in the store) is what the benchmark
    # ranks it as: advised as a firm, and the header says so and which file said it (it once
    # said "Read as a job board", the model's, above a firm's advice)
    cohort = tmp_path / "agencies.csv"
    cohort.write_text("handle,segment\nmetrojobsfeed,staffing firm\n")
    run_benchmark(store, cohort, scorer=FakeScorer(), role_model=BoardRoles())  # type: ignore[arg-type]
    named = audit_account(
        store, "metrojobsfeed", scorer=FakeScorer(), save=False, role_model=BoardRoles()
    )
    assert (named.read_as, named.read_as_file) == ("staffing_firm", "agencies.csv")
    assert str(named.kind) == "any"
    assert "Rosa at" in advice(named) and "reads as a job board:" not in (named.caution or "")
    assert read_as_line(named) == (
        "Read as a staffing firm: the segment your cohort file agencies.csv gives it, the one"
        " staffpulse benchmark ranks it in."
    )
    assert named.to_dict()["read_as_file"] == "agencies.csv"


def test_a_cohort_file_that_names_a_job_board_is_advised_as_one_without_the_model(
    tmp_path: Path,
) -> None:
    # the file's word is what counts: the model (NameRoles would say "other") is not asked
    from staffpulse.audit.engine import audit_account

    board = FeedBuilder("harbourjobsnet", display_name="Harbour Network")
    board.job(12)
    store = store_with(tmp_path, board)
    cohort = tmp_path / "boards.csv"
    cohort.write_text("handle,segment\nharbourjobsnet,job board\n")
    run_benchmark(store, cohort, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    model = NameRoles()
    result = audit_account(
        store, "harbourjobsnet", scorer=FakeScorer(), save=False, role_model=model
    )
    assert model.names == []
    assert (result.read_as, result.read_as_file, str(result.kind)) == (
        "job_board",
        "boards.csv",
        "job feed",
    )
    assert "Read as a job board: the segment your cohort file boards.csv" in (
        read_as_line(result) or ""
    )


def test_an_account_read_as_outside_staffing_is_told_whom_in_its_field_to_talk_with(
    tmp_path: Path,
) -> None:
    # QA: a person the role model reads as no staffing account was told to "pick 5 people a
    # week (clients, candidates, HR voices)": the other pillars' advice follows what it is
    from staffpulse.audit.engine import audit_account

    person = FeedBuilder("plainperson", display_name="Plain Person")
    person.chat(12)
    store = store_with(tmp_path, person)
    read = audit_account(
        store, "plainperson", scorer=FakeScorer(), save=False, role_model=NameRoles()
    )
    advice = " ".join(str(a) for a in read.pillars["conversation"].recommendations)
    assert "Pick 5 people a week (peers in your field and people you want to reach)" in advice
    assert "answering the people you serve and your peers in your field" in advice
    assert "candidates" not in advice and "HR" not in advice
    assert read.read_as is None  # "other" is still no segment the header names
    # asked no model, the staffing firm's words, as before
    plain = audit_account(store, "plainperson", scorer=FakeScorer(), save=False)
    said = " ".join(str(a) for a in plain.pillars["conversation"].recommendations)
    assert "clients, candidates, HR voices" in said


def test_an_account_read_as_hr_is_an_hr_person_in_the_header() -> None:
    # base said "Read as an HR person"; one round said "Read as HR", which names no one
    result = SimpleNamespace(read_as="hr", read_as_file=None)
    assert (read_as_line(result) or "").startswith("Read as an HR person: the role model's guess")  # type: ignore[arg-type]
