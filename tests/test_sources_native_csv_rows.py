"""Rows of a staffpulse CSV as people fill them in: a reply that names the account it answers
but not the parent post's id, and a row with fewer cells than the header."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.audit import audit_account
from staffpulse.connect.graph import load_graph
from staffpulse.ingest import import_paths
from staffpulse.ingest_blank_texts import BLANK_TEXT
from staffpulse.models import Post
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.native_csv import NativeCsv
from staffpulse.store import open_store
from staffpulse.store.core import Record

REPLIES_CSV = (
    "id,author,text,created_at,reply_to_author\r\n"
    "bh-40,brighthire_staff,Happy Friday from the BrightHire team!,2026-03-06T16:00:00Z,\r\n"
    "bh-41,brighthire_staff,@dana_recruits thanks for the shoutout!,2026-03-07T09:30:00Z,"
    "dana_recruits\r\n"
)


def test_a_row_naming_whom_it_answers_is_a_reply_without_the_parents_id(tmp_path: Path) -> None:
    path = tmp_path / "brighthire_posts.csv"
    path.write_text(REPLIES_CSV, encoding="utf-8")
    posts = {
        row.id: row
        for item in NativeCsv().read(path)
        if isinstance(item, Record)
        for row in item.rows
        if isinstance(row, Post)
    }
    reply = posts["bh-41"]
    assert (reply.kind, reply.reply_to_handle, reply.reply_to_post_id) == (
        "reply",
        "dana_recruits",
        None,
    )
    assert reply.conversation_id is None  # unknown: not a conversation of its own
    assert (posts["bh-40"].kind, posts["bh-40"].conversation_id) == ("original", "bh-40")


def test_the_audit_and_connect_count_that_reply(tmp_path: Path) -> None:
    path = tmp_path / "brighthire_posts.csv"
    path.write_text(REPLIES_CSV, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [path])
        stored = store.conn.execute(
            "SELECT kind, reply_to_handle FROM posts WHERE id = 'bh-41'"
        ).fetchone()
        edges = store.conn.execute(
            "SELECT target_id, kind, count FROM interactions WHERE source_id = ?",
            ("brighthire_staff",),
        ).fetchall()
        result = audit_account(store, "brighthire_staff", save=False)
        graph = load_graph(store, "csv")
    assert tuple(stored) == ("reply", "dana_recruits")
    # one reply edge to the account answered, not a reply plus a mention of it
    assert [tuple(edge) for edge in edges] == [("@dana_recruits", "reply", 1)]
    assert result.pillars["conversation"].evidence["replies"] == 1
    assert graph.edges[("brighthire_staff", "@dana_recruits")].kinds == {"reply": 1}


def test_reply_to_handle_names_the_account_too_and_a_written_kind_wins(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    lines = [
        {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "@jo yes",
         "reply_to_handle": "@Jo"},
        {"type": "post", "platform": "x", "id": "2", "author": "acme", "text": "@jo see this",
         "reply_to_author": "jo", "kind": "original"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        import_paths(store, [path])
        kinds = store.conn.execute(
            "SELECT id, kind, reply_to_handle FROM posts ORDER BY id"
        ).fetchall()
    assert [tuple(row) for row in kinds] == [("1", "reply", "jo"), ("2", "original", "jo")]


SHORT_CSV = (
    "id;author;text;created_at;likes\n"
    "w0;brighthire;Bonjour;2026-03-01T10:00:00Z;3\n"
    "w1;brighthire;Café au lait for the whole desk\n"
    "w2;brighthire;Open day on Friday;2026-03-02T10:00:00Z\n"
    "w3;brighthire\n"
)


def test_a_row_short_of_cells_is_imported_and_told_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(SHORT_CSV, encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        dates = dict(store.conn.execute("SELECT id, created_at FROM posts").fetchall())
    assert report.posts == 3 and dates["w1"] is None  # kept, as a row with a blank date is
    [notice] = [n for n in report.notices if "cells" in n.message]
    assert notice.file == str(path)
    assert notice.message.startswith(
        "line 3 has 3 cells, the header has 5: imported without created_at, likes; "
        "so was 1 more short row (line 4)"
    )
    assert "Fill in the missing cells" in notice.message
    # a short row that lacks a required cell is skipped, its shortness told as the reason
    [problem] = report.problems
    assert (problem.file, problem.line, report.skipped) == (str(path), 5, 1)
    assert problem.message.startswith("has 2 cells, the header has 5: ")
    assert "'text'" in problem.message


def test_whole_rows_and_empty_cells_are_told_nothing(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text,created_at\n1,acme,Hello,\n2,acme,Again,\n", encoding="utf-8")
    items = list(NativeCsv().read(path))
    assert not [item for item in items if isinstance(item, Notice | Problem)]
    assert len([item for item in items if isinstance(item, Record)]) == 3  # 2 posts, 1 author


def test_profile_addresses_in_a_sheet_of_accounts_are_read_as_handles(tmp_path: Path) -> None:
    path = tmp_path / "competitors.csv"
    path.write_text(
        "handle,platform\nhttps://x.com/ZenithTemps,x\nbsky.app/profile/rosa.bsky.social,"
        "bluesky\nhttps://acme.example/about,x\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        assert report.accounts == 2
        assert store.find_account("zenithtemps").handle == "ZenithTemps"
        assert store.find_account("rosa.bsky.social").platform == "bluesky"
    (problem,) = report.problems
    assert problem.line == 4 and "is not a profile URL" in problem.message


def test_a_row_whose_text_cell_is_empty_is_skipped_and_told_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "march_posts.csv"
    path.write_text(
        "id,author,text,kind,reposted_id,quoted_id,urls,likes\n"
        "m-1,northgate_hr,Our spring open day is on Friday,,,,,\n"
        "m-2,northgate_hr,,,,,,\n"  # the text left out: nothing to read
        'm-3,northgate_hr,"   ",,,,,\n'  # spaces only
        "m-4,northgate_hr,,repost,m-90,,,\n"  # a repost says what it posted
        "m-5,northgate_hr,,,,m-91,,\n"  # so does a quote
        "m-6,northgate_hr,,,,,https://northgate.example/flyer.png,\n"  # a picture alone
        "m-1,northgate_hr,,,,,,12\n",  # a later line of m-1, its likes only: an update
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        stored = dict(store.conn.execute("SELECT id, likes FROM posts").fetchall())
    assert [(p.line, p.message) for p in report.problems] == [(line, BLANK_TEXT) for line in (3, 4)]
    assert report.skipped == 2
    assert stored == {"m-1": 12, "m-4": None, "m-5": None, "m-6": None}


def test_a_spreadsheets_formula_error_is_never_stored_as_a_text_or_handle(tmp_path: Path) -> None:
    # Opened in Excel, "@dana_recruits thanks!" and "- new shifts" were read as formulas and
    # saved back as #NAME?: the posts they stood for are skipped and told, not stored so
    path = tmp_path / "resaved.csv"
    path.write_text(
        "id,author,text\n"
        "r-1,northgate_hr,Open day on Friday\n"
        "r-2,northgate_hr,#NAME?\n"
        "r-3,#NAME?,Second shift starts at six\n"
        "r-4,northgate_hr,#ERROR!\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        handles = [a.account.handle for a in store.list_accounts("csv")]
    assert (report.posts, report.skipped, handles) == (1, 3, ["northgate_hr"])
    assert [(p.line, p.message.split(",")[0]) for p in report.problems] == [
        (3, "'text' holds #NAME?"),
        (4, "'author' holds #NAME?"),
        (5, "'text' holds #ERROR!"),
    ]
    assert "use Data › From Text/CSV with the column text as Text" in report.problems[0].message


def test_the_text_mark_an_exporter_puts_before_an_id_or_formula_is_not_kept(
    tmp_path: Path,
) -> None:
    # as staffpulse's own CSVs (connect's export) write them: imported back, the ' came in as
    # part of the id, another account beside the same one fetched later
    path = tmp_path / "suggested.csv"
    path.write_text(
        "\ufeffrank,platform,handle,id,display_name\r\n"
        "1,x,'4455667788,'1900000000000000042,'=Team Lakeside\r\n"
        "2,x,lakeside_jobs,'42,'Round the clock crew\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        rows = store.conn.execute("SELECT id, handle, display_name FROM accounts ORDER BY id")
        accounts = [tuple(row) for row in rows]
    assert (report.accounts, report.problems) == (2, [])
    assert accounts == [
        # a name is a person's words: only ids, handles and counts lose an exporter's mark
        ("1900000000000000042", "4455667788", "'=Team Lakeside"),
        ("42", "lakeside_jobs", "'Round the clock crew"),  # a word's apostrophe is the name's
    ]


def test_a_bio_or_post_that_really_begins_with_an_apostrophe_keeps_it(tmp_path: Path) -> None:
    # free text is never an exporter's mark: '@someone and '16 are what the person wrote
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "handle,display_name,bio\r\n"
        "'@crew_north,Crew North,'@harbor_hq told us to hire more\r\n"
        "crew_south,'16 Staffing,'16 was the year we opened our doors\r\n",
        encoding="utf-8",
    )
    posts = tmp_path / "posts.csv"
    posts.write_text(
        "id,author,text,likes\r\n'0077,'@crew_north,'-10 degrees and still on shift,'12\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [accounts, posts])
        people = store.conn.execute("SELECT handle, display_name, bio FROM accounts ORDER BY 1")
        rows = [tuple(row) for row in people]
        post = store.conn.execute("SELECT id, text, likes FROM posts").fetchone()
    assert report.problems == []
    assert rows == [
        ("crew_north", "Crew North", "'@harbor_hq told us to hire more"),
        ("crew_south", "'16 Staffing", "'16 was the year we opened our doors"),
    ]
    assert tuple(post) == ("0077", "'-10 degrees and still on shift", 12)


def test_a_total_row_under_the_posts_is_passed_over_and_told_not_skipped(tmp_path: Path) -> None:
    path = tmp_path / "q1.csv"
    path.write_text(
        "id,author,text,likes\n"
        "q-1,elm_recruit,Spring hiring day on the 4th,3\n"
        "q-2,elm_recruit,Total shift coverage this week,2\n"  # a post that starts with Total
        ",,,\n"
        "Total:,,,5\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert [n.message for n in report.notices] == [
        'line 5 ("Total:") sums up the rows above it, as a spreadsheet\'s total does: not a'
        " post or an account, so passed over; nothing was lost"
    ]


def test_several_summing_rows_are_told_in_one_note(tmp_path: Path) -> None:
    path = tmp_path / "q2.csv"
    path.write_text(
        "id,author,text,likes\n"
        "q-1,elm_recruit,Spring hiring day on the 4th,3\n"
        "Total,,,3\n"
        "Average,,,3\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 0)
    assert [n.message for n in report.notices] == [
        'line 3 ("Total") and 1 more such row sum up the rows above them, as a spreadsheet\'s'
        " totals do: not posts or accounts, so passed over; nothing was lost"
    ]


def test_a_total_row_after_a_row_number_is_passed_over_too(tmp_path: Path) -> None:
    path = tmp_path / "q3.csv"
    path.write_text(
        "id,platform,author,text,likes\n"
        "1,x,elm_recruit,Spring hiring day on the 4th,3\n"
        "2,x,elm_recruit,Forklift crew wanted,4\n"
        "3,Total,,,7\n",  # the sheet's numbering filled down into its total row
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert [n.message for n in report.notices] == [
        'line 4 ("Total") sums up the rows above it, as a spreadsheet\'s total does: not a'
        " post or an account, so passed over; nothing was lost"
    ]
