"""``staffpulse connect --export`` (staffpulse.cli.commands.connect): to a file or stdout, the
--json summary, an export with nothing usable or no suggestion refused, the accounts not
exported listed or counted, and the Bluesky list and handles exports said for what they are."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from connect_fixtures import NOW, add_posts, connect_db, reply_post
from staffpulse.cli.app import app
from staffpulse.models import Account, Post
from staffpulse.store import open_store

runner = CliRunner()
db = pytest.fixture(connect_db, name="db")


@pytest.mark.parametrize("spelling", ["--output", "-o"])
def test_connect_export_to_file_and_stdout(db: Path, tmp_path: Path, spelling: str) -> None:
    """-o as classify, roles, score and demo take it: it was "No such option: -o"."""
    out = tmp_path / "who.csv"
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--export", "csv", spelling, str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0]["handle"] == "hannah_hr"
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "x-list"])
    assert result.stdout.splitlines()[0] == "@hannah_hr"


@pytest.mark.parametrize("fmt", ["mastodon-list", "mastodon-follows", "bluesky-list"])
def test_an_export_with_nothing_usable_writes_nothing_and_fails(
    db: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "list.out"
    args = ["connect", "acme_staffing", "--db", str(db), "--export", fmt]
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 65, result.output
    assert not out.exists()
    assert "every suggestion was skipped" in result.output
    assert "an X account, not a" in result.output
    assert "--export x-list or csv" in result.output
    assert "not exported" not in result.output  # the error counts them: no line for each
    printed = runner.invoke(app, args)  # to stdout: nothing printed either
    assert printed.exit_code == 65 and printed.stdout == ""


def test_an_export_of_no_suggestions_fails_with_the_next_step(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "who.csv"
    args = ["connect", "sam_stranger", "--db", str(db), "--export", "csv", "--output", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 65 and not out.exists()
    assert "there are no suggestions" in result.output
    assert "--include-contacts" in result.output  # the report's own next step


def test_connect_export_json_prints_a_summary(db: Path, tmp_path: Path) -> None:
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--json"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 65  # stdout: the error as JSON, not an export nor a summary
    assert json.loads(refused.stdout)["error"]["exit_code"] == 65
    assert "--export with --json needs --output FILE" in refused.output
    out = tmp_path / "who.csv"
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert summary == {
        "format": "csv",
        "path": str(out),
        "written": len(rows),
        "skipped": [],
        "notes": [],
    }


def _add_long_handled_contacts(db: Path, count: int) -> list[str]:
    """Accounts rita replies to whose handles X would refuse (over 15 characters)."""
    names = [f"recruiting_desk_{n}" for n in range(count)]
    with open_store(db) as store:
        for n, name in enumerate(names):
            add_posts(
                store,
                Account(platform="x", id=f"id_{name}", handle=name),
                reply_post(100 + 2 * n, name, "rita_recruits", 1),
                reply_post(101 + 2 * n, "rita_recruits", name, 1),
            )
    return names


@pytest.mark.parametrize("count", [2, 7])
def test_an_export_lists_few_skipped_accounts_and_counts_many(
    db: Path, tmp_path: Path, count: int
) -> None:
    names = _add_long_handled_contacts(db, count)
    out = tmp_path / "x.txt"
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "x-list", "--output", str(out)]
    args += ["--role", "any"]  # the fake role model calls the desks "other"
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "@hannah_hr" in out.read_text(encoding="utf-8").splitlines()
    said = " ".join(result.output.split())
    listed = [name for name in names if f"not exported @{name}:" in said]
    if count <= 5:
        assert listed == names
    else:
        assert listed == []
        assert (
            f"not exported {count} accounts: {count} × not a valid X handle (1-15 letters, "
            "digits or _) (--json with --output lists each)" in said
        )
    assert f"; {count} not exported." in said


def _bluesky_network(db: Path) -> None:
    """A firm on Bluesky replying to a recruiter who replies to an HR pro."""
    people = {"acme.bsky.social": "did:plc:acme", "rita.bsky.social": "did:plc:rita"}
    people["hannah.bsky.social"] = "did:plc:hannah"
    rows: list[Post | Account] = [
        Account(platform="bluesky", id=did, handle=handle) for handle, did in people.items()
    ]
    pairs = [
        ("acme.bsky.social", "rita.bsky.social"),
        ("rita.bsky.social", "hannah.bsky.social"),
        ("hannah.bsky.social", "rita.bsky.social"),
    ]
    for n, (author, to) in enumerate(pairs * 3):
        rows.append(
            Post(
                platform="bluesky",
                id=f"at://{people[author]}/app.bsky.feed.post/{n}",
                author_id=people[author],
                author_handle=author,
                text="I think so",
                created_at=NOW - timedelta(days=1 + n),
                kind="reply",
                reply_to_account_id=people[to],
                reply_to_handle=to,
            )
        )
    with open_store(db) as store:
        add_posts(store, *rows)


def test_a_bluesky_list_name_too_long_is_cut_and_said(db: Path, tmp_path: Path) -> None:
    _bluesky_network(db)
    name = "Staffing & recruiting voices worth following for our Q3 campaign across the US"
    out = tmp_path / "list.json"
    args = ["connect", "acme.bsky.social", "--db", str(db), "--export", "bluesky-list"]
    result = runner.invoke(app, [*args, "--list-name", name, "--output", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))["list"]["record"]["name"]
    assert written == name[:64]
    said = " ".join(result.output.split())
    assert f"list name cut to 64 characters, Bluesky's limit: '{written}'" in said
    fits = runner.invoke(app, [*args, "--list-name", "HR voices", "--output", str(out)])
    assert fits.exit_code == 0 and "cut to 64" not in fits.output


def test_a_bluesky_list_says_it_is_for_scripts_and_the_handles_export_is_for_people(
    db: Path, tmp_path: Path
) -> None:
    _bluesky_network(db)
    args = ["connect", "acme.bsky.social", "--db", str(db), "--output"]
    records = runner.invoke(app, [*args, str(tmp_path / "list.json"), "--export", "bluesky-list"])
    said = " ".join(records.output.split())
    assert records.exit_code == 0 and "Bluesky's app cannot import it" in said
    assert "to follow the accounts by hand, use --export bluesky-handles" in said
    out = tmp_path / "follow.csv"
    people = runner.invoke(app, [*args, str(out), "--export", "bluesky-handles"])
    assert people.exit_code == 0, people.output
    assert "Wrote 1 account" in people.output and "note:" not in people.output
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    assert row["handle"] == "hannah.bsky.social"
    assert row["profile_link"] == "https://bsky.app/profile/hannah.bsky.social"
    assert row["role"] == "HR pro" and "rita" not in row["handle"]


def test_an_unknown_export_format_is_said_first(db: Path) -> None:
    # before "--export with --json needs --output FILE": a typo is the first thing to fix
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "xls", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 65
    error = json.loads(result.stdout)["error"]
    assert error["message"] == "unknown export format 'xls'"
    assert "csv, x-list" in error["hint"]


def test_an_empty_list_name_is_refused_before_ranking(db: Path, tmp_path: Path) -> None:
    """Bluesky and Mastodon take no nameless list: the file was written with an empty name."""
    out = tmp_path / "lists.csv"
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "mastodon-list"]
    result = runner.invoke(app, [*args, "--list-name", "  ", "--output", str(out)])
    assert result.exit_code == 65 and not out.exists()
    assert "--list-name is empty" in result.output
    # a csv has no list name to miss
    csv_out = tmp_path / "who.csv"
    ok = ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--list-name", ""]
    assert runner.invoke(app, [*ok, "--output", str(csv_out)]).exit_code == 0


def test_a_misspelled_export_format_is_offered_the_one_meant(db: Path) -> None:
    for typed, meant in (("xlist", "x-list"), ("CSV", "csv"), ("mastodon_list", "mastodon-list")):
        args = ["connect", "acme_staffing", "--db", str(db), "--export", typed, "--json"]
        result = runner.invoke(app, args)
        assert result.exit_code == 65
        message = json.loads(result.stdout)["error"]["message"]
        assert message == f"unknown export format '{typed}': did you mean {meant}?"


def test_a_list_name_without_export_is_refused_not_dropped(db: Path) -> None:
    args = ["connect", "acme_staffing", "--db", str(db), "--list-name", "Nurses"]
    result = runner.invoke(app, args)
    assert result.exit_code == 65, result.output
    assert "--list-name names the list of a Bluesky or Mastodon list export" in result.output
    assert "add --export bluesky-list or --export mastodon-list" in result.output


def test_connect_export_to_a_dash_prints_the_export(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--output", "-"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["handle"] == "hannah_hr"
    assert not (tmp_path / "-").exists()  # no file literally named '-'
    refused = runner.invoke(app, [*args, "--json"])  # stdout cannot carry both
    assert refused.exit_code == 65
    assert "--export with --json needs --output FILE" in refused.output


def test_the_file_written_is_named_whole_on_one_line_however_long_its_path(
    db: Path, tmp_path: Path
) -> None:
    # Rich wrapped "Wrote N accounts to PATH" at 80 columns, breaking the path at a space in a
    # folder's name or in the middle of a name: copied from the terminal, it named no file
    folder = tmp_path / "Client lists 2026" / ("people_worth_following_" * 3)
    folder.mkdir(parents=True)
    out = folder / "who.csv"
    args = ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--output", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert len(f"Wrote 1 account to {out}") > 80
    assert f" to {out} (csv)" in result.output


@pytest.mark.parametrize(
    ("fmt", "name", "says", "offered"),
    [
        ("csv", "who.html", "an HTML file", "who.csv"),
        ("bluesky-list", "list.csv", "a CSV file", "list.json"),
        ("x-list", "handles.json", "a JSON file", "handles.txt"),
    ],
)
def test_an_output_named_for_another_kind_of_file_is_refused_before_ranking(
    tmp_path: Path, fmt: str, name: str, says: str, offered: str
) -> None:
    """As audit and benchmark check theirs: ``--export csv --output who.html`` wrote a CSV
    under an HTML name, and only after the whole ranking. The store named here does not
    exist: the name is told first, and nothing is written."""
    out = tmp_path / name
    args = ["connect", "acme_staffing", "--db", str(tmp_path / "none.db"), "--export", fmt]
    result = runner.invoke(app, [*args, "--output", str(out), "--json"])
    assert result.exit_code == 65, result.output
    error = json.loads(result.stdout)["error"]
    assert error["message"] == f"not writing {out}: --output writes " + (
        f"{'JSON' if fmt == 'bluesky-list' else 'text' if fmt == 'x-list' else 'CSV'} "
        f"for --export {fmt}, and the name says {says}"
    )
    assert f"e.g. --output {tmp_path / offered}" in error["hint"]
    assert "choose the --export format that file is for" in error["hint"]
    assert not out.exists()


def test_an_output_in_a_missing_folder_is_refused_before_ranking(tmp_path: Path) -> None:
    out = tmp_path / "reprots" / "2026" / "who.csv"
    args = ["connect", "acme_staffing", "--db", str(tmp_path / "none.db"), "--export", "csv"]
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 65, result.output
    assert "does not exist" in result.output and "reprots" in result.output
