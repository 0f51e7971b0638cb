"""``staffpulse inbox --left-out [REASON]``: the conversations the inbox left out, each with
its reason, author, opening, link and id; one reason; ``--json``; a reason that does not
exist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from listen_helpers import dated, fake_post_models, runner, store_with
from staffpulse.cli.app import app

fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")

JOB_AD = "We're hiring a payroll coordinator in Leeds, apply now via our careers page"
JOKE = "Meeting that could have been an email, twice #MyJobInFiveWords"
JOKE_URL = "https://x.com/deskjoker/status/joke1"
QUESTION = "Recruiters, how do you keep candidates warm during a slow interview loop?"


@pytest.fixture(name="db")
def db_fixture(tmp_path: Path) -> Path:
    store = store_with(
        tmp_path,
        dated("ad1", JOB_AD, author="payroll_jobs_hq", author_handle="payroll_jobs_hq"),
        dated("joke1", JOKE, author="deskjoker", author_handle="deskjoker", url=JOKE_URL),
        dated("q1", QUESTION, author="ana_recruits", author_handle="ana_recruits"),
    )
    store.close()
    return tmp_path / "inbox.db"


def run(db: Path, *args: str) -> Any:
    return runner.invoke(app, ["inbox", "--db", str(db), *args])


def test_the_listing_names_each_left_out_post_with_its_reason_and_id(db: Path) -> None:
    result = run(db, "--left-out")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Left out 1 joke for a TV hashtag game and 1 job ad: not conversations to join." in out
    assert f"a hashtag-game joke · @deskjoker: {JOKE}" in out
    assert "a job ad · @payroll_jobs_hq: We're hiring a payroll coordinator" in out
    assert "(id: joke1)" in out and "(id: ad1)" in out
    assert f"{JOKE} {JOKE_URL} (id: joke1)" in out
    assert QUESTION not in out  # the open conversation is not listed here
    assert "reopen does not bring one back" in out


def test_a_reason_lists_only_its_own_and_limit_cuts_the_list(db: Path) -> None:
    result = run(db, "--left-out", "job-ad")
    assert result.exit_code == 0, result.output
    assert "(id: ad1)" in result.stdout and "joke1" not in result.stdout
    none = run(db, "--left-out", "nsfw")
    assert none.exit_code == 0 and "No open conversation is left out as NSFW." in none.stdout
    cut = run(db, "--left-out", "--limit", "1")
    assert "(id: joke1)" in cut.stdout and "ad1)" not in cut.stdout  # game jokes come first
    assert "Showing 1 of 2 conversations left out (--limit to see more)." in cut.stdout


def test_json_is_a_list_of_id_reason_author_text_and_url(db: Path) -> None:
    result = run(db, "--left-out", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "id": "joke1",
            "platform": "x",
            "reason": "hashtag_game",
            "author": "@deskjoker",
            "text": JOKE,
            "url": JOKE_URL,
        },
        {
            "id": "ad1",
            "platform": "x",
            "reason": "job_ad",
            "author": "@payroll_jobs_hq",
            "text": JOB_AD,
            "url": None,
        },
    ]


def test_an_empty_reason_lists_every_one_as_the_bare_flag_does(db: Path) -> None:
    result = runner.invoke(app, ["inbox", "--db", str(db), "--left-out="])
    assert result.exit_code == 0, result.output
    assert "no such reason" not in result.output
    assert "(id: joke1)" in result.stdout and "(id: ad1)" in result.stdout


def test_an_unknown_reason_exits_65_naming_the_reasons(db: Path) -> None:
    result = run(db, "--left-out", "adverts")
    assert result.exit_code == 65
    said = " ".join(result.output.split())
    assert "--left-out adverts: no such reason" in said
    assert "hashtag_game" in said and "job_ad" in said and "off_work" in said


def _left_out_section(page: str) -> str:
    return page.split('id="left-out"', 1)[1].split("</section>", 1)[0]


def test_html_beside_left_out_writes_the_page_with_its_list_open(db: Path, tmp_path: Path) -> None:
    # it was refused ("lists in the terminal, not in an --html page") once the page had the list
    page = tmp_path / "inbox.html"
    result = run(db, "--left-out", "--html", str(page))
    assert result.exit_code == 0, result.output
    assert "(id: ad1)" in result.stdout  # the terminal lists them as before
    assert "HTML inbox:" in result.stdout and "inbox.html" in result.stdout
    section = _left_out_section(page.read_text(encoding="utf-8"))
    assert "<details open>" in section
    assert "deskjoker" in section and "payroll_jobs_hq" in section


def test_a_reason_beside_html_lists_only_its_own_on_the_page(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "ads.html"
    assert run(db, "--left-out", "job_ad", "--html", str(page)).exit_code == 0
    section = _left_out_section(page.read_text(encoding="utf-8"))
    assert "Left out: 1 conversation, a job ad</h2>" in section
    assert "payroll_jobs_hq" in section and "deskjoker" not in section


def test_the_page_without_left_out_keeps_the_list_folded(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "inbox.html"
    assert run(db, "--html", str(page)).exit_code == 0
    section = _left_out_section(page.read_text(encoding="utf-8"))
    assert "<details>" in section and "Left out: 2 conversations not to join" in section


def test_a_dismissed_left_out_post_leaves_the_listing(db: Path) -> None:
    assert "(id: ad1)" in run(db, "--left-out").stdout  # the id as listed takes a mark
    done = runner.invoke(app, ["inbox", "dismiss", "ad1", "--db", str(db)])
    assert done.exit_code == 0
    # QA: it said only "It is hidden from every inbox", where a job ad never was
    assert "if the inbox left it out (a job ad, a joke), from the posts left out" in " ".join(
        done.stdout.split()
    )
    result = run(db, "--left-out", "--json")
    assert [i["id"] for i in json.loads(result.stdout)] == ["joke1"]


def test_a_mark_command_after_left_out_names_the_command_to_type(db: Path) -> None:
    # the listing's closing line names "dismiss ID"; typed after --left-out, "dismiss" was
    # read as the reason and the id as a command: "No such command 'ad1'"
    result = run(db, "--left-out", "dismiss", "ad1")
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())
    assert "'dismiss' is a command of staffpulse inbox, not a reason for --left-out" in said
    assert "No such command" not in said
    scripted = run(db, "--left-out", "dismiss", "ad1", "--json")
    error = json.loads(scripted.stdout)["error"]
    assert error["message"].endswith(
        f"leave out --left-out: staffpulse inbox --db {db} dismiss ad1 --json"
    )
    no_id = json.loads(run(db, "--left-out", "mark-joined", "--json").stdout)["error"]
    assert no_id["message"].endswith(" mark-joined ID --json")
    joined = json.loads(run(db, "--left-out=dismiss", "ad1", "--json").stdout)["error"]
    assert joined["message"].endswith(f"--db {db} dismiss ad1 --json")
    # the refused line marked nothing: the post is still listed as left out
    assert "(id: ad1)" in run(db, "--left-out").stdout


def test_the_line_offered_leaves_out_the_listing_options_a_mark_refuses(db: Path) -> None:
    # "inbox --limit 5 --left-out dismiss ad1" offered "inbox --limit 5 dismiss ad1", which
    # was then refused: "--limit sets what 'staffpulse inbox' lists, not 'inbox dismiss'"
    assert "(id: ad1)" in run(db, "--left-out").stdout
    typed = ["--limit", "5", "--keep-new", "--max-age=30d", "--left-out", "dismiss", "ad1"]
    error = json.loads(run(db, *typed, "--json").stdout)["error"]
    offered = f"staffpulse inbox --db {db} dismiss ad1 --json"
    assert error["message"].endswith(
        "leave out --left-out, --limit, --keep-new and --max-age (they set what the inbox"
        f" lists): {offered}"
    )
    done = runner.invoke(app, offered.split()[1:])  # the line offered works as it is
    assert done.exit_code == 0, done.output
    assert "(id: ad1)" not in run(db, "--left-out").stdout


def test_the_listing_counts_the_conversations_that_never_mention_work(tmp_path: Path) -> None:
    """QA: the listing counted 79 of a store's 2,800 conversations; its support threads,
    never about work, were nowhere. They get one line, so the numbers add up to the store."""
    store_with(
        tmp_path,
        dated("ad1", JOB_AD, author="payroll_jobs_hq", author_handle="payroll_jobs_hq"),
        dated("q1", QUESTION, author="ana_recruits", author_handle="ana_recruits"),
        dated("p1", "My parcel is three days late, can someone check the tracking?"),
    ).close()
    db = tmp_path / "inbox.db"
    out = " ".join(run(db, "--left-out").stdout.split())
    assert "Left out 1 job ad: not a conversation to join. 1 other conversation never" in out
    assert "never mentions work (not counted above)." in out
    assert "never mention" not in run(db, "--left-out", "job_ad").stdout  # one reason only


def test_a_job_ad_reopened_is_said_to_go_back_among_the_posts_left_out(db: Path) -> None:
    """QA: reopening a job ad dismissed from this list said only "It is open in every inbox
    again": the user then looked for it among the conversations to join, where it never is."""
    assert "(id: ad1)" in run(db, "--left-out").stdout  # the inbox read once, as a user does
    assert run(db, "dismiss", "ad1").exit_code == 0
    reopened = run(db, "reopen", "ad1")
    assert reopened.exit_code == 0, reopened.output
    said = " ".join(reopened.stdout.split())
    assert "Reopened the X conversation ad1." in said
    assert (
        "If it is of a kind the inbox leaves out (a job ad, a joke), it goes back among the"
        f" posts left out, not the conversations to join: staffpulse --db {db} inbox --left-out"
        " lists them." in said
    )
    assert "(id: ad1)" in run(db, "--left-out").stdout  # where the message sends the user
