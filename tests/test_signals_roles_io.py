"""Reading a file of accounts for ``staffpulse roles``: ids come back as they were written,
a deleted post in a list is nothing and a number is its digits, and a Mastodon bio is read
from its HTML note only beside ``acct`` (a "note" elsewhere is a user's own note)."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.signals.roles_io import AccountRecord, TagReport, read_accounts, role_summary


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
