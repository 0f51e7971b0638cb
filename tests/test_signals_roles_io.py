"""Reading a file of accounts for ``staffpulse roles``: ids come back as they were written,
a deleted post in a list is nothing and a number is its digits, but a number in ``posts``
(``staffpulse accounts --json`` writes an account's count of posts there) is no post, and a
Mastodon bio is read from its HTML note only beside ``acct`` (a "note" elsewhere is a user's
own note)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from staffpulse.signals.roles import load_role_model
from staffpulse.signals.roles_io import (
    AccountRecord,
    TagReport,
    read_accounts,
    role_summary,
    tag_records,
)

# an account as `staffpulse accounts --json` writes it: "posts" is how many it has
FREIGHT = {
    "platform": "x",
    "id": "harborline_ops",
    "handle": "Harborline_Ops",
    "display_name": "Harborline Freight",
    "bio": "Freight forwarding and customs paperwork for the Gulf coast.",
    "posts": 169,
}


def _read(tmp_path: Path, *records: dict[str, object]) -> tuple[list[AccountRecord], list[str]]:
    path = tmp_path / "accounts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    skipped: list[str] = []
    with read_accounts(path, skipped.append) as found:
        return list(found), skipped


def test_ids_posts_and_bios_are_read_as_written(tmp_path: Path) -> None:
    records, skipped = _read(
        tmp_path,
        {"id": 7, "name": "Acme", "description": "We place nurses", "text": ["RNs", None, 42]},
        {"id": "b", "name": "Bo", "note": "my own note on Bo: met at SHRM"},
        {"id": "c", "username": "cy", "acct": "cy", "note": "<p>HR &amp; people ops</p>"},
    )
    assert skipped == []
    acme, bo, cy = records
    assert (acme.id, acme.text) == (7, ["RNs", "42"])  # a number stays a number
    assert bo.description == ""  # not Bo's bio
    assert (cy.name, cy.description) == ("cy", "HR & people ops")


def test_the_summary_counts_kinds_and_only_the_roles_found() -> None:
    report = TagReport(written=3)
    report.kinds.update(["org", "org", "person"])
    assert role_summary(report) == "org 2, person 1"
    report.roles.update(["recruiter", "staffing_firm", "staffing_firm"])
    assert role_summary(report) == "org 2, person 1; staffing_firm 2, recruiter 1"


def _tag(tmp_path: Path, *records: dict[str, object]) -> list[str]:
    path = tmp_path / "accounts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = io.StringIO()
    with read_accounts(path, print) as found:
        tag_records(load_role_model(), found, out)
    return out.getvalue().splitlines()


def test_a_count_of_posts_tags_the_account_as_no_posts_does(tmp_path: Path) -> None:
    """Read as a post, the count "169" moved p_org and, for 68 of 2,524 accounts of a real
    store, the kind or role: the same account got another role as it posted more."""
    bare = {k: v for k, v in FREIGHT.items() if k != "posts"}
    counted = [FREIGHT, {**FREIGHT, "posts": 2}, {**FREIGHT, "posts": "1,204"}]
    lists = [{**FREIGHT, "posts": [12, 40]}, {**FREIGHT, "posts": None}]
    (alone,) = _tag(tmp_path, bare)
    assert _tag(tmp_path, *counted, *lists) == [alone] * 5


def test_posts_given_as_texts_are_still_read_and_counts_among_them_dropped(
    tmp_path: Path,
) -> None:
    said = ["Two reefers free for Friday pickup in Mobile", "Customs desk closed Monday"]
    records, skipped = _read(
        tmp_path,
        {**FREIGHT, "posts": said},
        {**FREIGHT, "id": "b", "posts": [said[0], 17]},
        {**FREIGHT, "id": "c", "posts": said[1]},
        {**FREIGHT, "id": "d", "text": 42, "posts": 9},  # a text field's number is its digits
        {"id": "e", "posts": 12},  # nothing left to tag
    )
    assert [r.text for r in records] == [said, [said[0]], said[1], "42"]
    assert len(skipped) == 1 and "no name, description or text to tag" in skipped[0]
    tagged = _tag(tmp_path, {**FREIGHT, "posts": said})
    assert tagged != _tag(tmp_path, FREIGHT)  # the posts count


def test_a_csv_column_of_post_counts_is_no_text_and_not_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text(
        'handle,display_name,bio,posts\nHarborline_Ops,Harborline Freight,Freight,"1,204"\n'
        "Bay_Pilots,Bay Pilots,Harbor pilots,Pilot boat on station at dawn\n",
        encoding="utf-8",
    )
    skipped: list[str] = []
    with read_accounts(path, skipped.append) as found:
        records = list(found)
        notes = list(found.notes)
    assert [r.text for r in records] == [None, "Pilot boat on station at dawn"]
    assert skipped == [] and not any("posts" in note for note in notes)


def test_records_repeating_an_account_are_counted_apart(tmp_path: Path) -> None:
    """QA s40: a CSV of one row per post said "Tagged 15,531 accounts" for 14,680 accounts.
    The summary now says how many distinct accounts the records hold (each record keeps its
    own line, with the contract's keys alone)."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,name,description,text\n"
        "101,tilly_teaches,Maths teacher and hill walker,marking all weekend\n"
        "102,Tilly_Teaches,Maths teacher and hill walker,half term at last\n"
        "103,brookfield_temps,We place warehouse staff across the Midlands,night shifts open\n"
        "104,tilly_teaches,Maths teacher and fell runner,a new bio and a new account for us\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with read_accounts(path, lambda _: None) as records:
        report = tag_records(load_role_model(), records, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [list(line) for line in lines] == [["id", "kind", "p_org", "role", "role_scores"]] * 4
    assert report.written == 4
    assert report.summary().startswith(
        "3 distinct accounts by name and bio (1 record repeats one, tagged on its own line too); "
        "org "
    )
    # no record repeats another: the summary is the kinds and roles alone
    alone = TagReport(written=1, accounts={1})
    alone.kinds.update(["org"])
    assert alone.summary() == "org 1, person 0"
