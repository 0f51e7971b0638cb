"""``staffpulse roles`` (staffpulse.cli.commands.roles): the contract the held-out evaluation
relies on, one line per good record, in order, ids as given, and a missing model told, not a
traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import check_role_row, error_text, read_rows, run_roles
from staffpulse.signals import roles as roles_mod


def test_jsonl_contract_order_ids_and_malformed_mid_file(tmp_path: Path) -> None:
    src = tmp_path / "accounts.jsonl"
    lines = [
        json.dumps({"id": 7, "name": "tmj_chi_jobs", "description": "Follow us for Chicago jobs"}),
        json.dumps(
            {
                "id": "x-2",
                "name": "Jane Doe",
                "description": "Mom of two, runner",
                "text": ["Ran my first half marathon!", "Coffee first."],
            }
        ),
        "{broken json",
        json.dumps({"name": "no_id_here", "description": "who am I"}),
        json.dumps({"id": "bad-text", "name": "x", "description": "y", "text": {"a": 1}}),
        "",
        json.dumps(
            {
                "id": "0012",
                "name": "jdoe_talent",
                "description": "Senior Technical Recruiter at Acme",
                "text": "Hiring backend engineers, DM me!",
                "followers": 120,
            }
        ),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    result = run_roles(str(src), "--output", str(out))
    assert result.exit_code == 0, error_text(result)  # type: ignore[attr-defined]
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [7, "x-2", "0012"]  # order and id types kept
    for row in rows:
        check_role_row(row)
    assert rows[0]["role"] == "job_board" and rows[0]["kind"] == "org"
    assert rows[1]["role"] == "other" and rows[1]["kind"] == "person"
    assert rows[2]["role"] == "recruiter" and rows[2]["kind"] == "person"
    err = error_text(result)
    assert f"{src}:3" in err and f"{src}:4" in err and f"{src}:5" in err
    assert f"Tagged 3 account records to {out}; skipped 3 malformed records." in err.replace(
        "\n", ""
    )
    assert "Traceback" not in err


def test_csv_without_text_column_and_stdout(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "id,name,description\n1,tmj_sea_nursing,Healthcare jobs in Seattle\n", encoding="utf-8"
    )
    result = run_roles(str(src))
    assert result.exit_code == 0, error_text(result)  # type: ignore[attr-defined]
    row = json.loads(str(result.stdout).strip().splitlines()[0])  # type: ignore[attr-defined]
    assert row["id"] == "1"
    check_role_row(row)


def test_missing_model_is_reported_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(roles_mod, "ARTIFACT_DIR", tmp_path / "no-artifacts")
    roles_mod._load_cached.cache_clear()
    try:
        result = run_roles(str(src), "-o", str(tmp_path / "o.jsonl"))
    finally:
        roles_mod._load_cached.cache_clear()
    assert result.exit_code == 70  # type: ignore[attr-defined]
    assert "Traceback" not in error_text(result)
