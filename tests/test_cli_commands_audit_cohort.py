"""``staffpulse audit HANDLE --cohort COHORT --html FILE`` (staffpulse.cli.commands.audit): the
client's report shows where the account stands among the cohort's accounts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from audit_helpers import FakeScorer, FeedBuilder, store_with
from report_html_helpers import page_text

try:
    from staffpulse.cli.app import app
except ImportError:  # another command module is mid-way: test ours on a bare app
    import typer

    from staffpulse.cli.commands import audit as audit_commands

    app = typer.Typer()
    audit_commands.register(app)

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import staffpulse.audit.signals as signals

    monkeypatch.setattr(signals, "default_scorer", lambda: FakeScorer())
    feeds = []
    for name in ("acme", "brightpath", "rosa"):
        feed = FeedBuilder(name)
        feed.chat(6)
        feed.job(6)
        feeds.append(feed)
    store_with(tmp_path, *feeds).close()
    return tmp_path / "test.db"


def invoke(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_the_audit_report_places_the_account_among_a_cohort_file(db: Path, tmp_path: Path) -> None:
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle,segment\nacme,staffing firm\nbrightpath,vendor\nghost,vendor\n")
    out = tmp_path / "rosa.html"
    result = invoke("audit", "rosa", "--db", db, "--cohort", cohort, "--html", out)
    assert result.exit_code == 0, result.output
    assert "rivals.csv:4" in result.output and "ghost" in result.output  # the line not used
    text = page_text(out.read_text(encoding="utf-8"))
    assert "Where you stand among 2 accounts" in text
    assert re.search(r"the dark marker is @rosa, not one of them \(your cohort file", text)
    plain = tmp_path / "plain.html"
    assert invoke("audit", "rosa", "--db", db, "--html", plain).exit_code == 0
    assert "Where you stand" not in plain.read_text(encoding="utf-8")


def test_a_cohort_without_an_html_report_is_refused_with_what_to_do(
    db: Path, tmp_path: Path
) -> None:
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("acme\n")
    result = invoke("audit", "rosa", "--db", db, "--cohort", cohort)
    assert result.exit_code == 65
    assert "no --html file was given" in result.output and "add --html FILE" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["benchmark", "audit"])
def test_a_cohort_file_not_yet_written_is_told_how_to_write_one(
    db: Path, tmp_path: Path, command: str
) -> None:
    # the README's "staffpulse benchmark cohort.csv", run before writing the file, said only
    # "check the path"
    missing = tmp_path / "cohort.csv"
    args = ["benchmark", missing] if command == "benchmark" else ["audit", "rosa", "--cohort"]
    if command == "audit":
        args += [missing, "--html", tmp_path / "rosa.html"]
    result = invoke(*args, "--db", db)
    said = " ".join(result.output.split())
    assert result.exit_code == 66
    assert f"{missing}: no such cohort file" in said
    assert "write a CSV with the columns handle,platform,segment, one account a line" in said
    # each command's own way on without a file (audit was told benchmark's)
    if command == "benchmark":
        assert "benchmark without a file, which ranks every stored account with at least 10" in said
    else:
        assert "or leave out --cohort to audit the account alone" in said
        assert "benchmark without a file" not in said
    assert "Traceback" not in result.output


@pytest.mark.parametrize("as_json", [False, True])
def test_cohort_lines_past_the_first_twenty_are_all_in_the_audits_html_report(
    db: Path, tmp_path: Path, as_json: bool
) -> None:
    """The terminal names the first 20 unusable lines and says where the rest are: the audit's
    HTML report, which lists them all (its JSON is the audit's, with no cohort to list)."""
    cohort = tmp_path / "long.csv"
    missing = "\n".join(f"nobody{i},vendor" for i in range(25))
    cohort.write_text(f"handle,segment\nacme,vendor\n{missing}\n", encoding="utf-8")
    out = tmp_path / "rosa.html"
    args = ["audit", "rosa", "--db", db, "--cohort", cohort, "--html", out]
    result = invoke(*args, *(["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "… and 5 more cohort lines (5 skipped, 0 noted): the HTML report lists them all" in said
    assert "--json lists them all" not in said and "cohort.problems" not in said
    text = page_text(out.read_text(encoding="utf-8"))
    assert "25 lines of the cohort file could not be used: see why" in text
    assert "Cohort lines we could not use as written" in text
    assert all(f"'nobody{i}'" in text for i in range(25))


class _RolesByName:
    """A role model calling acme a staffing firm and anyone else a vendor."""

    def predict(self, names: Any, bios: Any, texts: Any) -> Any:
        from types import SimpleNamespace

        return SimpleNamespace(
            role=["staffing_firm" if "acme" in n.lower() else "vendor" for n in names]
        )


def test_a_cohort_of_handles_alone_is_guessed_as_the_benchmark_guesses_it(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the benchmark guessed the segments of a file of handles, the audit's "Where you stand"
    # did not: the same cohort read two ways
    import json

    import staffpulse.signals.roles as roles

    monkeypatch.setattr(roles, "load_role_model_or_none", lambda: _RolesByName())
    cohort = tmp_path / "rivals.txt"
    cohort.write_text("acme\nbrightpath\n")
    ranked = invoke("benchmark", cohort, "--db", db, "--json")
    assert ranked.exit_code == 0, ranked.output
    board = json.loads(ranked.stdout)["leaderboard"]
    assert {(r["handle"], r["segment"], r["segment_guessed"]) for r in board} == {
        ("acme", "staffing_firm", True),
        ("brightpath", "vendor", True),
    }
    out = tmp_path / "rosa.html"
    assert invoke("audit", "rosa", "--db", db, "--cohort", cohort, "--html", out).exit_code == 0
    text = page_text(out.read_text(encoding="utf-8"))
    assert "Staffing firms (guessed)" in text and "Vendors (guessed)" in text


def test_junk_lines_of_a_cohort_file_are_each_said_with_their_line_and_why(
    db: Path, tmp_path: Path
) -> None:
    cohort = tmp_path / "pasted.csv"
    cohort.write_text(
        "handle,segment\nacme,vendor\n@@,vendor\nhttp://???,vendor\n"
        "https://example.com/some page,vendor\nbright path,vendor\nbrightpath,vendor\n",
        encoding="utf-8",
    )
    out = tmp_path / "rosa.html"
    result = invoke("audit", "rosa", "--db", db, "--cohort", cohort, "--html", out)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.replace("│", " ").split())
    assert f"skipped {cohort}:3: no handle on this line" in said
    assert f"skipped {cohort}:4: 'http://???' is not a profile URL staffpulse reads" in said
    # an address with a space was told to be written as the handle "@https://example.com/somepage"
    assert f"skipped {cohort}:5: 'https://example.com/some page' is not a profile URL" in said
    assert "@https://" not in said
    assert f"skipped {cohort}:6: 'bright path' has a space, and a handle has none" in said
    assert "Where you stand among 2 accounts" in page_text(out.read_text(encoding="utf-8"))


def test_a_cohort_file_cut_by_min_posts_is_told_what_ranks_its_accounts_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: "benchmark c.csv --min-posts 1000" ended "--min-posts 1 ranks them too", where
    leaving it out ranks every account of the file, and a lower value may be enough."""
    import staffpulse.audit.signals as signals

    monkeypatch.setattr(signals, "default_scorer", lambda: FakeScorer())
    feeds = []
    for name, each in (("acme", 8), ("rosa", 8), ("brightpath", 3)):
        feed = FeedBuilder(name)
        feed.chat(each)
        feed.job(each)
        feeds.append(feed)
    store_with(tmp_path, *feeds).close()
    cohort = tmp_path / "rivals.csv"
    cohort.write_text("handle\nacme\nrosa\nbrightpath\n")
    result = invoke("benchmark", cohort, "--db", tmp_path / "test.db", "--min-posts", 10)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "1 account with fewer than 10 posts of its own (reposts do not count) left out: leave"
        " out --min-posts to rank every account of the cohort file, or --min-posts 6 ranks it"
        " too." in said
    )
    assert "--min-posts 1 ranks" not in said
