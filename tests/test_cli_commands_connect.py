"""The ``connect`` command (staffpulse.cli.commands.connect): the suggestions table and JSON
(a list cut short by --limit says how many it shows of how many),
roles as people write them (a mistyped one gets "did you mean"), a brand left out by default,
and bad input (an unknown account or role, numbers out of range, a date no platform lived in)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from connect_fixtures import add_posts, connect_db, reply_post
from staffpulse.cli.app import app
from staffpulse.connect.suggestion import format_score
from staffpulse.models import Account
from staffpulse.store import open_store

runner = CliRunner()
db = pytest.fixture(connect_db, name="db")


def test_connect_table(db: Path) -> None:
    result = runner.invoke(app, ["connect", "@acme_staffing", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "hannah_hr" in result.output
    assert "replied to them" in result.output
    assert "Left out" in result.output


def test_connect_json_role_and_limit(db: Path) -> None:
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--json", "--role", "vendor"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["handle"] for s in data["suggestions"]] == ["val_vendor"]
    assert data["excluded"]["job_ad_bot"] == 1  # a name for scripts, and the words people read
    assert {
        "reason": "job_ad_bot",
        "count": 1,
        "said": "1 automated job feed (@tmj_jobs_bot)",
        "accounts": ["@tmj_jobs_bot"],
        "shown_with": '--include-job-ads (or --role "job board")',
    } in data["excluded_reasons"]
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--json", "--limit", "1"]
    )
    assert len(json.loads(result.stdout)["suggestions"]) == 1


def test_a_list_cut_short_says_how_many_of_how_many_and_the_limit_that_shows_all(
    db: Path,
) -> None:
    short = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--limit", "1"])
    assert short.exit_code == 0, short.output
    said = " ".join(short.stdout.split())
    assert "Showing 1 of 2 suggestions: --limit 2 shows them all." in said
    data = json.loads(
        runner.invoke(
            app, ["connect", "acme_staffing", "--db", str(db), "--json", "--limit", "1"]
        ).stdout
    )
    assert (data["shown"], data["candidates"], data["candidates_exact"]) == (1, 2, True)
    # the whole list: nothing more to see, nothing said
    whole = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--limit", "2"])
    assert "Showing" not in whole.stdout


def test_the_same_account_shows_the_same_score_with_and_without_role(db: Path) -> None:
    def scores(*extra: str) -> dict[str, float]:
        args = ["connect", "acme_staffing", "--db", str(db), "--json", *extra]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        return {s["handle"]: s["score"] for s in json.loads(result.stdout)["suggestions"]}

    full, vendors = scores(), scores("--role", "vendor")
    assert list(vendors) == ["val_vendor"] and vendors["val_vendor"] == full["val_vendor"]
    table = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--role", "vendor"])
    assert f" {format_score(full['val_vendor'])} " in table.output and " 100 " not in table.output


def test_a_brand_is_left_out_by_default_with_a_note_and_role_any_shows_it(db: Path) -> None:
    with open_store(db) as store:  # a shop's care account the recruiter talks with
        add_posts(
            store,
            Account(platform="x", id="id_shopmart_help", handle="shopmart_help"),
            reply_post(200, "rita_recruits", "shopmart_help", 1),
            reply_post(201, "shopmart_help", "rita_recruits", 1),
        )
    default = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db)])
    said = " ".join(default.output.split())
    assert default.exit_code == 0 and "hannah_hr" in said
    assert "@shopmart_help" not in said.partition("Left out")[0]  # not among the suggestions
    assert "1 other outside hiring (@shopmart_help; use --role any to see it)" in said
    every = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--role", "any"])
    assert every.exit_code == 0 and "@shopmart_help" in every.output
    assert "other outside hiring" not in every.output
    helped = " ".join(runner.invoke(app, ["connect", "--help"]).output.replace("│", " ").split())
    assert "every role but other (brands, public figures); 'any' shows those too" in helped


def test_connect_errors(db: Path) -> None:
    result = runner.invoke(app, ["connect", "nobody", "--db", str(db)])
    assert result.exit_code != 0 and "no account" in result.output
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--role", "wizard"])
    assert result.exit_code != 0 and "unknown role" in result.output
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "vcard"])
    assert result.exit_code != 0 and "unknown export format" in result.output
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--as-of", "soon"])
    assert result.exit_code == 65 and "--as-of 'soon' is not a date" in result.output
    assert "--as-of 2026-01-31" in result.output  # the hint shows what works


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--limit", "0"], "--limit must be at least 1 (got 0)"),
        (["--inactive-days", "0"], "--inactive-days must be from 1 to 36,500 (got 0)"),
        # a century back is the most: more used to fail as a date before year 1
        (["--inactive-days", "99999999"], "--inactive-days must be from 1 to 36,500"),
    ],
)
def test_out_of_range_numbers_are_bad_input_like_every_command(
    db: Path, option: list[str], message: str
) -> None:
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), *option])
    assert result.exit_code == 65, result.output  # README: bad input exits 65, not usage 2
    assert message in result.stderr and "Usage:" not in result.output
    assert "What to do: give " in result.stderr  # each says what to type instead
    assert "Traceback" not in result.output


def test_connect_takes_a_profile_url_and_roles_as_people_write_them(db: Path) -> None:
    result = runner.invoke(
        app,
        ["connect", "https://x.com/acme_staffing", "--role", "HR pro", "--db", str(db), "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["account"]["handle"] == "acme_staffing"
    assert [s["handle"] for s in data["suggestions"]] == ["hannah_hr"]


def test_nothing_to_suggest_names_the_option_that_changes_it(db: Path) -> None:
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--role", "job seeker", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "No suggestions" in result.output
    assert "a wider --role (or none)" in " ".join(result.output.split())
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--role", "job_seeker", "--db", str(db), "--json"]
    )
    assert "--role" in json.loads(result.stdout)["next_step"]


@pytest.mark.parametrize("date", ["0001-01-05", "1969-12-31", "3000-01-01"])
def test_an_as_of_date_no_platform_lived_in_is_bad_input_not_a_traceback(
    db: Path, date: str
) -> None:
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--as-of", date])
    assert result.exit_code == 65, result.output
    assert f"--as-of {date} is out of range: give a date from 1970 to 2999" in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, no traceback


def test_a_mistyped_role_gets_did_you_mean(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(
        app, ["connect", "acme", "--role", "recrutier", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code != 0
    assert "unknown role 'recrutier': did you mean recruiter?" in result.output


def test_include_job_ads_brings_back_the_accounts_left_out_for_their_ads(db: Path) -> None:
    """The job-ad accounts are named in "Left out" with what shows them; --include-job-ads does."""
    base = ["connect", "acme_staffing", "--db", str(db), "--role", "any"]
    plain = runner.invoke(app, [*base, "--json"])
    assert plain.exit_code == 0, plain.output
    parts = {p["reason"]: p for p in json.loads(plain.stdout)["excluded_reasons"]}
    assert parts["job_ad_bot"]["accounts"] == ["@tmj_jobs_bot"]
    assert parts["job_ad_bot"]["shown_with"].startswith("--include-job-ads")
    kept = runner.invoke(app, [*base, "--json", "--include-job-ads"])
    assert kept.exit_code == 0, kept.output
    data = json.loads(kept.stdout)
    assert "job_ad_bot" not in data["excluded"]
    assert "tmj_jobs_bot" in {s["handle"] for s in data["suggestions"]}


def test_a_cohort_file_not_written_yet_is_told_how_to_write_one(db: Path, tmp_path: Path) -> None:
    """Review: connect --cohort said only "check the path", where benchmark tells how to
    write one."""
    missing = str(tmp_path / "rivals.csv")
    result = runner.invoke(app, ["connect", "acme_staffing", "--cohort", missing, "--db", str(db)])
    assert result.exit_code == 66
    said = " ".join(result.stderr.split())
    assert "to make one, write a CSV with the columns handle,platform,segment" in said
    assert "or leave out --cohort to use the role model's guesses" in said
