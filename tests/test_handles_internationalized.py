"""A Mastodon account on an internationalized domain (``@anna@bücher.social``) is one account
on every path its address enters: a CSV written by people, the Mastodon API's JSON (which
writes the domain in its ASCII form), a Mastodon archive, ``audit`` and ``add-handles``; and
importing again adds nothing (staffpulse.handles.ascii_address)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.audit.face import fetch_and_check
from staffpulse.cli.app import app
from staffpulse.connect.handles import list_handles
from staffpulse.fetch.handles import mastodon_account
from staffpulse.models import Account, Provenance
from staffpulse.store import Record, open_store

runner = CliRunner()
ASCII_HOME = "https://xn--bcher-kva.social"  # bücher.social as DNS and Mastodon write it


def write_csv(tmp_path: Path) -> Path:
    path = tmp_path / "posts.csv"
    path.write_text(
        "platform,id,author,text,created_at\n"
        "mastodon,p1,@anna@bücher.social,Wir suchen Pflegekräfte,2026-03-01T10:00:00Z\n"
        "mastodon,p2,anna@xn--bcher-kva.social,Zweiter Beitrag,2026-03-02T10:00:00Z\n"
        "mastodon,p3,@Anna@BÜCHER.social,Dritter Beitrag,2026-03-03T10:00:00Z\n",
        encoding="utf-8",
    )
    return path


def write_api_json(tmp_path: Path) -> Path:
    """A status as the Mastodon API returns it, mentioning someone on café.example."""
    status = {
        "id": "201",
        "created_at": "2026-03-04T10:00:00.000Z",
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "uri": f"{ASCII_HOME}/users/anna/statuses/201",
        "url": f"{ASCII_HOME}/@anna/201",
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 1,
        "content": "<p>Vierter Beitrag</p>",
        "reblog": None,
        "account": {
            "id": "7",
            "username": "anna",
            "acct": "anna",
            "display_name": "Anna",
            "note": "",
            "url": f"{ASCII_HOME}/@anna",
            "followers_count": 5,
            "following_count": 2,
            "statuses_count": 4,
        },
        "mentions": [{"id": "9", "acct": "jose@café.example", "url": "https://café.example/@jose"}],
        "tags": [],
    }
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([status]), encoding="utf-8")
    return path


def test_the_account_written_either_way_is_one_account_and_reimport_adds_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.db"
    files = [str(write_csv(tmp_path)), str(write_api_json(tmp_path))]
    first = runner.invoke(app, ["import", *files, "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["import", *files, "--db", str(db), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    with open_store(db) as store:
        accounts = [s.account for s in store.list_accounts()]
        assert [a.handle for a in accounts] == ["anna@xn--bcher-kva.social"]
        posts = store.posts_by("mastodon", accounts[0].id)
    assert len(posts) == 4
    assert any("jose@xn--caf-dma.example" in post.mentions for post in posts)


def test_audit_finds_the_account_by_either_spelling_of_its_domain(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner.invoke(app, ["import", str(write_api_json(tmp_path)), "--db", str(db)])
    for asked in (
        "@anna@bücher.social",
        "anna@xn--bcher-kva.social",
        "https://bücher.social/@anna",
    ):
        result = runner.invoke(app, ["audit", asked, "--db", str(db), "--json"])
        assert result.exit_code == 0, (asked, result.output)
        assert json.loads(result.stdout)["account"]["handle"] == "anna@xn--bcher-kva.social"


def test_add_handles_merges_the_two_spellings(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    sent = tmp_path / "handles.txt"
    sent.write_text("@jose@café.example\n@jose@xn--caf-dma.example\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db), "--no-fetch"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        listed = [(h.platform, h.handle) for h in list_handles(store)]
    assert listed == [("mastodon", "jose@xn--caf-dma.example")]


def test_a_store_holding_the_address_as_typed_still_finds_it(tmp_path: Path) -> None:
    # written before addresses were kept in ASCII: the account as a CSV gave it
    typed = Account(platform="mastodon", id="jose@café.example", handle="jose@café.example")
    provenance = Provenance("staffpulse-csv", "old.csv", "t", datetime(2026, 1, 1, tzinfo=UTC))
    with open_store(tmp_path / "s.db") as store:
        store.write_records([Record(rows=(typed,), provenance=provenance)])
        assert store.find_account("@jose@café.example", "mastodon").id == "jose@café.example"


def test_people_are_shown_the_unicode_address_not_the_xn_form(tmp_path: Path) -> None:
    # stored as xn--bcher-kva.social (the key), shown as bücher.social: "xn--" means nothing
    # to the marketer who typed @anna@bücher.social
    db = tmp_path / "s.db"
    runner.invoke(app, ["import", str(write_api_json(tmp_path)), "--db", str(db)])
    audit = runner.invoke(app, ["audit", "@anna@bücher.social", "--db", str(db)])
    accounts = runner.invoke(app, ["accounts", "--db", str(db)])
    report = tmp_path / "audit.html"
    runner.invoke(app, ["audit", "@anna@bücher.social", "--db", str(db), "--html", str(report)])
    heading = next(line for line in audit.output.splitlines() if "on Mastodon" in line)
    assert "Anna @anna@bücher.social on Mastodon" in heading
    listed = next(line for line in accounts.output.splitlines() if "Mastodon" in line)
    assert "@anna@bücher.social" in listed and "xn--" not in listed
    assert "@anna@bücher.social</span></h1>" in report.read_text("utf-8").replace("<wbr>", "")


def test_the_audit_shows_the_domain_in_unicode_and_its_fetch_step_works_as_written(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    db = tmp_path / "s.db"
    runner.invoke(app, ["import", str(write_api_json(tmp_path)), "--db", str(db)])
    picture = tmp_path / "anna.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")  # only inlined by the report, never decoded
    with open_store(db) as store:
        anna = store.find_account("@anna@bücher.social", "mastodon")
        pictured = replace(anna, avatar_path=str(picture), display_name=None)
        provenance = Provenance("test", "fixture", "t", datetime(2026, 3, 5, tzinfo=UTC))
        store.write_records([Record(rows=(pictured,), provenance=provenance)])
    html = tmp_path / "a.html"
    runner.invoke(app, ["audit", "anna@xn--bcher-kva.social", "--db", str(db), "--html", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "<title>Social presence audit: @anna@bücher.social</title>" in page
    assert 'alt="avatar of @anna@bücher.social"' in page
    assert "@jose@café.example (1 post)" in page  # who it talks with most
    # links keep the address DNS uses; nothing a person reads does
    assert "xn--" not in re.sub(r'href="[^"]*"', "", page)
    # a picture never fetched: the step to fetch it names the address as people read it
    step = re.search(r"staffpulse fetch mastodon ([^`\s]+)", fetch_and_check(anna))
    assert step is not None and step.group(1) == "@anna@bücher.social"
    # and the step works as written: fetch reads the same account from it
    assert mastodon_account(step.group(1), None) == ("anna", "xn--bcher-kva.social")
