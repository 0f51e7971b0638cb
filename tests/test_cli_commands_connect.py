"""The ``connect`` and ``add-handles`` commands (staffpulse.cli.commands.connect): the
suggestions table, JSON and exports, roles as people write them (a mistyped one gets "did you
mean"), add-handles' bad lines, binary files (a PDF called a PDF) and a file whose every line
was skipped summed up, and fetching with the network down."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import staffpulse.connect.fetching as fetching
import staffpulse.connect.suggest as suggest_module
import staffpulse.signals.roles as roles_module
from connect_fixtures import NOW, FakeRoleModel, FakeScorer, add_posts, build_store, reply_post
from staffpulse.cli.app import app
from staffpulse.connect.handles import list_handles
from staffpulse.connect.suggestion import format_score
from staffpulse.models import Account, Post
from staffpulse.store import open_store

runner = CliRunner()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "connect.db"
    build_store(path).close()
    # the shipped models' loaders, as connect and add-handles call them
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "load_text_signals_or_none", FakeScorer)
    # offline: no live fetcher for Bluesky or Mastodon in these tests
    monkeypatch.setattr(fetching, "fetch_function", lambda platform: None)
    return path


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
    assert data["excluded"]["job-ad bot"] == 1
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--json", "--limit", "1"]
    )
    assert len(json.loads(result.stdout)["suggestions"]) == 1


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
    assert default.exit_code == 0 and "hannah_hr" in said and "shopmart_help" not in said
    assert "1 other outside hiring (use --role any to see it)" in said
    every = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--role", "any"])
    assert every.exit_code == 0 and "@shopmart_help" in every.output
    assert "other outside hiring" not in every.output
    helped = " ".join(runner.invoke(app, ["connect", "--help"]).output.replace("│", " ").split())
    assert "every role but other (brands, public figures); 'any' shows those too" in helped


def test_connect_export_to_file_and_stdout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "who.csv"
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0]["handle"] == "hannah_hr"
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "x-list"])
    assert result.stdout.splitlines()[0] == "@hannah_hr"


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
    assert "Traceback" not in result.output


def test_add_handles_stores_for_later_and_reports_bad_lines(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text(
        "# handles from the blog comments\n"
        "@rita_recruits\n"
        "new_person\n"
        "hello world\n"
        "\n"
        "@ann@fosstodon.org\n"
        "NEW_PERSON\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{sent}:4" in result.output  # the bad line, with file and line
    assert "3 added (1 known, 2 pending)" in result.output
    assert "merged 1 duplicate." in result.output
    with open_store(db) as store:
        handles = {(h.platform, h.handle): h for h in list_handles(store)}
    assert handles[("x", "rita_recruits")].status == "known"
    assert handles[("x", "rita_recruits")].role == "recruiter"
    assert handles[("x", "new_person")].status == "pending"
    assert "X credentials" in (handles[("x", "new_person")].message or "")
    assert handles[("x", "new_person")].source == f"{sent}:3"

    result = runner.invoke(app, ["add-handles", "--list", "--db", str(db), "--json"])
    pending = json.loads(result.stdout)["pending"]
    assert {h["handle"] for h in pending} >= {"new_person"}
    assert "rita_recruits" not in {h["handle"] for h in pending}


def test_add_handles_platform_option_and_all_bad(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "bsky.txt"
    sent.write_text("@rita.bsky.social\n@ann@fosstodon.org\n", encoding="utf-8")
    result = runner.invoke(
        app, ["add-handles", str(sent), "--platform", "bluesky", "--no-fetch", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert f"{sent}:2" in result.output
    bad = tmp_path / "bad.txt"
    bad.write_text("not a handle!\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    result = runner.invoke(app, ["add-handles", "--db", str(db)])
    assert result.exit_code != 0


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
    assert refused.exit_code == 65 and refused.stdout == ""
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


def test_re_adding_handles_reports_them_as_already_listed(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text("@rita_recruits\nx.com/new_person\n@ann@fosstodon.org\n", encoding="utf-8")
    args = ["add-handles", str(sent), "--db", str(db)]
    first = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert len(first["added"]) == 3 and first["already_listed"] == []
    again = runner.invoke(app, [*args, "--json"])
    data = json.loads(again.stdout)
    assert data["added"] == [] and len(data["already_listed"]) == 3
    assert {h["handle"] for h in data["already_listed"]} == {
        "rita_recruits",
        "new_person",
        "ann@fosstodon.org",
    }
    human = runner.invoke(app, args)
    assert "0 added; 3 already on the list (1 known, 2 pending)" in human.output
    with open_store(db) as store:
        assert len(list_handles(store)) == 3


def _offline_fetcher(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    import socket

    from staffpulse.errors import FetchError

    def offline(store: object, handle: str) -> None:
        calls.append(handle)
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except OSError:
            raise FetchError(f"{handle}: request failed (NetworkError)") from None

    monkeypatch.setattr(fetching, "fetch_function", lambda platform: offline)


def test_add_handles_with_the_network_down_stops_early(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    _offline_fetcher(monkeypatch, calls)
    sent = tmp_path / "sent.txt"
    sent.write_text(
        "a.bsky.social\nb.bsky.social\nc.bsky.social\n@ann@hr.social\n@bo@fosstodon.org\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert calls == ["a.bsky.social", "ann@hr.social"]  # then the network is taken as down
    assert "pending bluesky a.bsky.social: a.bsky.social: request failed" in result.output
    assert "Bluesky could not be reached (Name or service not known)" in result.output
    assert "The network looks down (Bluesky and hr.social failed to connect" in result.output
    assert (
        "Not tried: 3 handles whose service could not be reached (Bluesky: 2, the network: 1)"
        in result.output
    )
    assert "add-handles --retry" in result.output
    calls.clear()
    retried = runner.invoke(app, ["add-handles", "--retry", "--db", str(db), "--json"])
    data = json.loads(retried.stdout)
    assert len(calls) == 2 and data["added"] == [] and len(data["already_listed"]) == 5
    assert [u["skipped"] for u in data["unreachable"]] == [2, 0, 1]


def test_a_handles_file_with_no_handle_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "handles.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["add-handles", str(empty), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65 and "no handle in it" in result.output


def test_add_handles_prints_file_names_and_bad_lines_with_brackets_as_they_are(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name, so the table shows it whole
    sent = Path("s[b].txt")
    sent.write_text("new_person\nnot [bold]a[/] handle\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(sent), "--no-fetch", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "skipped s[b].txt:2:" in result.output and "[bold]a[/]" in result.output
    listed = runner.invoke(app, ["add-handles", "--list", "--db", str(db)])
    assert "s[b].txt:1" in listed.output


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


def test_add_handles_reads_a_header_utf16_and_refuses_binary(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "sent.csv"
    sent.write_bytes("handle,name\r\n@new_person,New Person\r\n".encode("utf-16"))
    result = runner.invoke(app, ["add-handles", str(sent), "--no-fetch", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert [h.handle for h in list_handles(store)] == ["new_person"]  # not "handle"
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(app, ["add-handles", str(photo), "--db", str(db)])
    assert result.exit_code == 65
    assert "binary data" in result.output and "What to do" in result.output


def test_add_handles_refuses_retry_with_no_fetch(db: Path) -> None:
    result = runner.invoke(app, ["add-handles", "--retry", "--no-fetch", "--db", str(db)])
    assert result.exit_code == 65
    assert "--retry fetches the pending handles again" in result.output
    assert "leave out one of them" in result.output


@pytest.mark.parametrize("date", ["0001-01-05", "1969-12-31", "3000-01-01"])
def test_an_as_of_date_no_platform_lived_in_is_bad_input_not_a_traceback(
    db: Path, date: str
) -> None:
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--as-of", date])
    assert result.exit_code == 65, result.output
    assert f"--as-of {date} is out of range: give a date from 1970 to 2999" in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, no traceback


def test_x_handles_without_a_token_are_told_apart_from_the_network_on_retry(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    _offline_fetcher(monkeypatch, calls)  # and no X_BEARER_TOKEN (conftest clears it)
    sent = tmp_path / "sent.txt"
    sent.write_text(
        "a.bsky.social\n@ann@hr.social\nhttps://x.com/JaneRecruits\n@jane@fosstodon.org\n"
        "@talent_tom\n",
        encoding="utf-8",
    )
    first = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert first.exit_code == 0, first.output
    retried = runner.invoke(app, ["add-handles", "--retry", "--db", str(db)])
    assert retried.exit_code == 0, retried.output
    for result in (first, retried):
        said = " ".join(result.output.split())
        assert (
            "2 X handles wait for X credentials: set X_BEARER_TOKEN (or add the token in "
            "Settings), then run staffpulse add-handles --retry" in said
        )
        # only jane@fosstodon.org waits for the network
        assert "Not tried: 1 handle whose service could not be reached (the network: 1)" in said
    data = json.loads(
        runner.invoke(app, ["add-handles", "--retry", "--db", str(db), "--json"]).stdout
    )
    assert {h["handle"] for h in data["waiting_for_credentials"]} == {"janerecruits", "talent_tom"}
    assert sum(u["skipped"] for u in data["unreachable"]) == 1


def test_a_bluesky_handle_and_its_did_sent_together_are_one_handle(
    db: Path, tmp_path: Path
) -> None:
    did = "did:plc:ubudpurydqvit3dhdnx4v6sv"
    with open_store(db) as store:
        add_posts(store, Account(platform="bluesky", id=did, handle="benoist.dev"))
    sent = tmp_path / "sent.txt"
    sent.write_text(f"https://bsky.app/profile/benoist.dev\n{did}\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 added (1 known); 1 already on the list (1 known)" in result.output
    with open_store(db) as store:
        assert [(h.handle, h.account_id) for h in list_handles(store)] == [("benoist.dev", did)]


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


def test_a_pdf_given_as_a_file_of_handles_is_called_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF)
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(app, ["add-handles", str(pdf), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65, result.output
    said = (
        f"Error: {pdf}: not a text file, so not a file of handles "
        "(it holds binary data: it is a PDF)"
    )
    assert said in " ".join(result.output.split())
    assert "%PDF" not in result.output


def test_add_handles_sums_up_a_file_whose_every_line_was_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a handle!!\n???\n")
    result = runner.invoke(app, ["add-handles", str(bad), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "No handle added: every line was skipped (2 bad lines, named above)." in " ".join(
        result.stderr.split()
    )


def test_a_mistyped_role_gets_did_you_mean(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(
        app, ["connect", "acme", "--role", "recrutier", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code != 0
    assert "unknown role 'recrutier': did you mean recruiter?" in result.output
