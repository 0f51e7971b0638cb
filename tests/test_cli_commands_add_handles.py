"""The ``add-handles`` command (staffpulse.cli.commands.add_handles): handles stored for later and
bad lines reported, re-added ones told as already listed, files with a header, in UTF-16, binary
(a PDF called a PDF) or with no handle, a file whose every line was skipped summed up, and
fetching with the network down or without an X token, and what an instance says of an account
fetched (moved)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

import staffpulse.connect.fetching as fetching
import staffpulse.signals.roles as roles_module
from connect_fixtures import FakeRoleModel, add_posts, connect_db
from mastodon_fetch_helpers import INSTANCE, FakeMastodon
from staffpulse.cli.app import app
from staffpulse.connect.handles import list_handles
from staffpulse.fetch import mastodon
from staffpulse.models import Account
from staffpulse.store import open_store

runner = CliRunner()
db = pytest.fixture(connect_db, name="db")


PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


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

    def offline(store: object, handle: str, report: object) -> None:
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
    # no service answered: 75, as refresh exits (exit 0 told a weekly script all went well)
    assert result.exit_code == 75, result.output
    assert calls == ["a.bsky.social", "ann@hr.social"]  # then the network is taken as down
    # the handle is said once, not again at the start of the reason
    assert "pending bluesky a.bsky.social: request failed (NetworkError)" in result.output
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
    assert retried.exit_code == 75  # the retry did nothing: a script can tell


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
    assert first.exit_code == 75, first.output  # the one service asked did not answer
    retried = runner.invoke(app, ["add-handles", "--retry", "--db", str(db)])
    assert retried.exit_code == 75, retried.output
    for result in (first, retried):
        said = " ".join(result.output.split())
        assert (
            "2 X handles wait for X credentials: set X_BEARER_TOKEN (or add the token in "
            "Settings), then run staffpulse --db" in said
        )
        assert "add-handles --retry" in said
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
    did = "did:plc:wbobyxe3tvgjgrwajfdxqdyk"
    with open_store(db) as store:
        add_posts(store, Account(platform="bluesky", id=did, handle="ferrow.dev"))
    sent = tmp_path / "sent.txt"
    sent.write_text(f"https://bsky.app/profile/ferrow.dev\n{did}\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 added (1 known); 1 already on the list (1 known)" in result.output
    with open_store(db) as store:
        assert [(h.handle, h.account_id) for h in list_handles(store)] == [("ferrow.dev", did)]


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


def test_nothing_pending_is_said_in_words(db: Path) -> None:
    """--retry with nothing pending printed nothing at all, and --list an empty table."""
    result = runner.invoke(app, ["add-handles", "--retry", "--list", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Nothing to retry: no handle is pending." in result.output
    assert "No pending handles." in result.output and "┏" not in result.output


def test_the_pending_table_names_platforms_as_people_write_them(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text("@new_person\n@ann@fosstodon.org\n", encoding="utf-8")
    runner.invoke(app, ["add-handles", str(sent), "--no-fetch", "--db", str(db)])
    listed = runner.invoke(app, ["add-handles", "--list", "--db", str(db)])
    lines = listed.output.splitlines()
    (person,) = [line for line in lines if "new_person" in line]
    (ann,) = [line for line in lines if "ann@fosstodon.org" in line]
    assert person.startswith("│ X ") and ann.startswith("│ Mastodon ")


def test_a_run_with_no_fetch_says_how_to_fetch_the_handles_later(db: Path, tmp_path: Path) -> None:
    """QA: after --no-fetch the run said "2 pending" and the list "fetching is off or not
    possible", and nothing said that --retry fetches them."""
    sent = tmp_path / "sent.txt"
    sent.write_text("someone.bsky.social\n@user@mastodon.social\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(sent), "--no-fetch", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Not fetched (--no-fetch): 2 handles" in result.stdout
    # the commands name the store given, and run as printed: alone they read the default one
    again = f"staffpulse --db {db} add-handles"
    said = " ".join(result.stdout.split())
    assert f"Run {again} --retry to fetch them; {again} --list shows them." in said
    listed = runner.invoke(app, ["add-handles", "--list", "--db", str(db)])
    # the words of the cell, wherever the table wraps it
    assert "--retry fetches it" in " ".join(listed.output.replace("│", " ").split())
    one = tmp_path / "one.txt"
    one.write_text("another.bsky.social\n", encoding="utf-8")
    single = runner.invoke(app, ["add-handles", str(one), "--no-fetch", "--db", str(db)])
    assert f"1 handle. Run {again} --retry to fetch it;" in " ".join(single.stdout.split())
    shown = runner.invoke(app, f"{again} --list".split()[1:])
    assert shown.exit_code == 0 and "another.bsky.social" in shown.stdout


def test_a_moved_mastodon_account_is_said_after_the_summary_and_in_the_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer
) -> None:
    # fetched through Mastodon.py from the local stand-in, which says the account moved
    instance = FakeMastodon(httpserver)
    instance.account["moved"] = {"id": "9", "username": "acme", "acct": "acme@new.example"}
    real, base = mastodon.make_client, httpserver.url_for("").rstrip("/")
    monkeypatch.setattr(mastodon, "make_client", lambda _url, *a: real(base, *a))
    # the fake role model, as the db fixture's: the shipped one would stay in the loader's
    # cache, which the role model's own tests check
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    db, sent = tmp_path / "store.db", tmp_path / "sent.txt"
    sent.write_text(f"@acme@{INSTANCE}\n", encoding="utf-8")
    moved = f"@acme@{INSTANCE} has moved to @acme@new.example: its new posts are there"
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if line.startswith(moved)]
    # the command to fetch it names the store given, as it is to run
    assert said == [f"{moved} (staffpulse --db {db} fetch mastodon @acme@new.example)"], said
    again = runner.invoke(app, ["add-handles", "--retry", "--db", str(db), "--json"])
    assert json.loads(again.stdout)["notes"] == []  # known now: nothing fetched, nothing said
    other = tmp_path / "other.db"
    fresh = runner.invoke(app, ["add-handles", str(sent), "--db", str(other), "--json"])
    data = json.loads(fresh.stdout)
    # the library's words for scripts, as the note is said to people but on no store
    note = f"{moved} (staffpulse fetch mastodon @acme@new.example)"
    assert data["added"][0]["status"] == "fetched" and data["notes"] == [note], fresh.stdout


@pytest.mark.parametrize("flag", ["--list", "--retry"])
def test_list_and_retry_without_a_store_say_so_and_make_none(tmp_path: Path, flag: str) -> None:
    missing = tmp_path / "my stores" / "typo.db"
    result = runner.invoke(app, ["add-handles", flag, "--db", str(missing)])
    assert result.exit_code == 66, result.output
    assert "no store at" in result.output
    assert not missing.exists()
    # the way to fill it is this command, not an import of posts; quoted, the path with a
    # space is one argument when the hint is run as printed
    said = " ".join(result.output.split())
    assert f"staffpulse add-handles FILE --db '{missing}'" in said
    assert "staffpulse import" not in said


def test_list_keeps_the_file_name_of_a_handle_from_a_deep_folder(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports" / "bluesky" / "2026-11"
    folder.mkdir(parents=True)
    sent = folder / "follows.txt"
    sent.write_text("new_person\n", encoding="utf-8")
    added = runner.invoke(app, ["add-handles", str(sent), "--no-fetch", "--db", str(db)])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["add-handles", "--list", "--db", str(db)])
    # before, the path was cut at its end: "/tmp/pytest-of-…", and the file never shown
    assert "…/follows.txt:1" in listed.output
    whole = runner.invoke(app, ["add-handles", "--list", "--db", str(db), "--json"])
    assert json.loads(whole.output)["pending"][0]["source"] == f"{sent}:1"


def test_add_handles_with_nothing_to_do_says_how_to_give_a_file(db: Path) -> None:
    """QA: "add-handles" alone answered "see --help": the first line to type fits in the hint."""
    result = runner.invoke(app, ["add-handles", "--db", str(db)])
    assert result.exit_code == 65
    said = " ".join(result.stderr.split())
    assert "give a handles FILE, or --list, or --retry" in said
    assert f"e.g. staffpulse add-handles handles.txt --db {db} (one handle a line" in said
    assert "--list shows the handles kept for later" in said
    assert "see --help" not in said
