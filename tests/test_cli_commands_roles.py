"""``staffpulse roles``: the contract the held-out evaluation relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.signals import roles as roles_mod
from staffpulse.signals.roles import ROLES

runner = CliRunner()
KEYS = {"id", "kind", "p_org", "role", "role_scores"}


def _run(*args: str) -> object:
    return runner.invoke(app, ["roles", *args])


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _err(result: object) -> str:
    return str(getattr(result, "stderr", "") or getattr(result, "output", ""))


def _check_row(row: dict[str, object]) -> None:
    assert set(row) == KEYS
    assert row["kind"] in ("org", "person")
    assert 0.0 <= float(row["p_org"]) <= 1.0  # type: ignore[arg-type]
    assert row["role"] in ROLES
    scores = row["role_scores"]
    assert isinstance(scores, dict) and list(scores) == list(ROLES)
    assert abs(sum(scores.values()) - 1.0) < 1e-2


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
    result = _run(str(src), "--output", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    rows = _read(out)
    assert [r["id"] for r in rows] == [7, "x-2", "0012"]  # order and id types kept
    for row in rows:
        _check_row(row)
    assert rows[0]["role"] == "job_board" and rows[0]["kind"] == "org"
    assert rows[1]["role"] == "other" and rows[1]["kind"] == "person"
    assert rows[2]["role"] == "recruiter" and rows[2]["kind"] == "person"
    err = _err(result)
    assert f"{src}:3" in err and f"{src}:4" in err and f"{src}:5" in err
    assert f"Tagged 3 accounts to {out}; skipped 3 malformed records." in err.replace("\n", "")
    assert "Traceback" not in err


def test_csv_with_bom_and_optional_text(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "\ufeffid,name,description,text\n"
        "a1,BlueRiverStaffing,Staffing agency placing warehouse temps in Ohio,Now hiring pickers!\n"
        ",nobody,missing id,\n"
        '0042,HRwithKim,"HR Manager. Employee relations, benefits, policies.",\n',
        encoding="utf-8",
    )
    out = tmp_path / "tags.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    rows = _read(out)
    assert [r["id"] for r in rows] == ["a1", "0042"]  # CSV ids stay strings, leading zeros kept
    for row in rows:
        _check_row(row)
    assert rows[0]["role"] == "staffing_firm"
    assert f"{src}:3" in _err(result)


def test_csv_stray_quote_loses_only_its_row_and_semicolons_are_read(tmp_path: Path) -> None:
    # A .txt export from Excel with ';' and a bio whose quote is never closed (line 3).
    src = tmp_path / "accounts.txt"
    src.write_text(
        "id;name;description\n"
        "1;tmj_chi_jobs;Follow us for Chicago jobs\n"
        '2;jane;"Mom of two, runner\n'
        "3;jdoe_talent;Senior Technical Recruiter at Acme\n"
        "4;HRwithKim;HR Manager\n",
        encoding="utf-8",
    )
    out = tmp_path / "tags.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    assert [r["id"] for r in _read(out)] == ["1", "3", "4"]  # rows after the quote still read
    err = _err(result).replace("\n", " ")
    assert f"{src}:3: unclosed quote starting at line 3" in err
    assert "skipped 1 malformed record" in err


def test_a_delimited_txt_without_the_needed_columns_is_told_as_csv(tmp_path: Path) -> None:
    src = tmp_path / "accounts.txt"
    src.write_text("user;name;description\nacme;Acme;We place people\n", encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path / "tags.jsonl"))
    assert result.exit_code == 65  # not "not valid JSON" on every line, exit 0
    assert "CSV header needs 'id'" in _err(result).replace("\n", " ")


def test_csv_without_text_column_and_stdout(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "id,name,description\n1,tmj_sea_health,Healthcare jobs in Seattle\n", encoding="utf-8"
    )
    result = _run(str(src))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    row = json.loads(str(result.stdout).strip().splitlines()[0])  # type: ignore[attr-defined]
    assert row["id"] == "1"
    _check_row(row)


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 66  # type: ignore[attr-defined]
    err = _err(result)
    assert "no such file" in err and "What to do" in err and "Traceback" not in err


def test_folder_and_bad_csv_header_are_input_errors(tmp_path: Path) -> None:
    assert _run(str(tmp_path)).exit_code == 65  # type: ignore[attr-defined]
    src = tmp_path / "x.csv"
    src.write_text("user,about\nfoo,bar\n", encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    assert "'id'" in _err(result) and "'handle'" in _err(result)


def test_missing_model_is_reported_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(roles_mod, "ARTIFACT_DIR", tmp_path / "no-artifacts")
    roles_mod._load_cached.cache_clear()
    try:
        result = _run(str(src), "-o", str(tmp_path / "o.jsonl"))
    finally:
        roles_mod._load_cached.cache_clear()
    assert result.exit_code == 70  # type: ignore[attr-defined]
    assert "Traceback" not in _err(result)


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.jsonl", ""), ("empty.csv", ""), ("bom.csv", "\ufeff\n"), ("header.csv", "id,name\n")],
)
def test_empty_input_is_an_error_and_output_is_kept(
    tmp_path: Path, name: str, content: str
) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    out.write_text("previous tags\n", encoding="utf-8")
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    err = _err(result)
    assert f"{src} is empty" in err and "What to do" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous tags\n"


def test_failed_run_keeps_existing_output_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "tags.jsonl"
    old = b'{"id": 1, "kind": "org"}\n\xff\xfe partial'
    out.write_bytes(old)
    src = tmp_path / "x.csv"
    src.write_text("user,about\nfoo,bar\n", encoding="utf-8")
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tags.jsonl", "x.csv"]


def test_interrupted_run_keeps_existing_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n", encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    out.write_text("previous tags\n", encoding="utf-8")

    def ctrl_c(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(roles_mod.RoleTagger, "predict", ctrl_c)
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 130  # type: ignore[attr-defined]
    assert out.read_text(encoding="utf-8") == "previous tags\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "tags.jsonl"]


def test_output_that_is_the_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "accounts.jsonl"
    original = json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n"
    src.write_text(original, encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(src)
    for out in (src, link):
        result = _run(str(src), "-o", str(out))
        assert result.exit_code == 65  # type: ignore[attr-defined]
        assert "erase the input" in _err(result) and "Tagged" not in _err(result)
        assert src.read_text(encoding="utf-8") == original


def test_missing_output_folder_is_created(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n", encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path / "out" / "tags.jsonl"))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "tags.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_bad_json_line_reason_is_complete(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    good = json.dumps({"id": 1, "name": "a", "description": "b"})
    src.write_text(f'{good}\n{{"id": 2, "name": "tab\there"}}\n', encoding="utf-8")
    result = _run(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert f"{src}:2: not valid JSON: invalid control character U+0009 at column 23" in _err(result)


def test_a_file_whose_every_record_is_malformed_fails_and_writes_nothing(tmp_path: Path) -> None:
    """Exit 1 (nothing could be tagged, as the README's exit codes say), not 0 with an empty
    OUT that passes for a run that worked; the reasons come first, then what to do."""
    src = tmp_path / "a.jsonl"
    src.write_text("[1, 2]\n{broken\n" + json.dumps({"name": "no id"}) + "\n", encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    out.write_text("previous tags\n", encoding="utf-8")
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 1, _err(result)  # type: ignore[attr-defined]
    err = _err(result).replace("\n", " ")
    assert f"{src}:1: expected a JSON object" in err and f"{src}:3: missing or invalid id" in err
    assert f"nothing in {src} could be used: all 3 of its records were skipped" in err
    assert "What to do" in err and "Tagged" not in err
    assert out.read_text(encoding="utf-8") == "previous tags\n"
    fresh = tmp_path / "new.jsonl"
    assert _run(str(src), "-o", str(fresh)).exit_code == 1  # type: ignore[attr-defined]
    assert not fresh.exists()


def test_the_accounts_json_of_staffpulse_is_tagged_as_it_is(tmp_path: Path) -> None:
    """``staffpulse accounts --json > a.json; staffpulse roles a.json``: a JSON array whose
    objects have id, handle, display_name and bio (QA16 #10)."""
    data = tmp_path / "firms.jsonl"
    rows = [
        {"type": "account", "platform": "x", "handle": "bluerivertemps",
         "display_name": "Blue River Staffing", "bio": "Staffing agency placing warehouse temps"},
        {"type": "account", "platform": "x", "handle": "jane_runs",
         "display_name": "", "bio": "Mom of two, runner"},
    ]  # fmt: skip
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(data), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["accounts", "--json", "--db", db])
    assert listed.exit_code == 0
    src = tmp_path / "accounts.json"
    src.write_text(listed.stdout, encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    tags = {row["id"]: row for row in _read(out)}
    assert set(tags) == {"bluerivertemps", "jane_runs"}
    for row in tags.values():
        _check_row(row)
    assert tags["bluerivertemps"]["role"] == "staffing_firm"
    assert tags["jane_runs"]["kind"] == "person"
    assert "Tagged 2 accounts" in _err(result)


def test_staffpulse_account_columns_stand_in_for_the_contract_ones(tmp_path: Path) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "type,platform,handle,display_name,bio,id,author,text\n"
        "account,x,bluerivertemps,Blue River Staffing,Staffing agency placing warehouse temps,,,\n"
        "post,x,,,,p1,bluerivertemps,Now hiring pickers\n"
        "account,x,jane_runs,,Mom of two and runner,,,\n"
        "follow,x,,,,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "tags.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    tags = _read(out)
    assert [row["id"] for row in tags] == ["bluerivertemps", "jane_runs"]  # the handles
    assert tags[0]["role"] == "staffing_firm" and tags[1]["kind"] == "person"
    err = _err(result).replace("\n", " ")
    assert "Tagged 2 accounts" in err and "skipped 0 malformed records" in err
    assert f"{src}: left out 1 follow and 1 post (not accounts)" in err


def test_the_contract_columns_win_over_staffpulse_ones(tmp_path: Path) -> None:
    src = tmp_path / "accounts.jsonl"
    src.write_text(
        json.dumps({"id": 7, "handle": "h", "name": "tmj_chi_jobs", "display_name": "Jane",
                    "description": "Follow us for Chicago jobs", "bio": "Mom of two"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "tags.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)  # type: ignore[attr-defined]
    [row] = _read(out)
    assert row["id"] == 7 and row["role"] == "job_board"


def test_random_bytes_are_told_as_binary_not_echoed(tmp_path: Path) -> None:
    src = tmp_path / "junk.csv"
    src.write_bytes(bytes(range(256)) * 4)
    result = _run(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    err = _err(result).replace("\n", " ")
    assert "not a text file, so not a JSONL or CSV file (it holds binary data)" in err
    assert "found:" not in err and "\x07" not in err and "ÿ" not in err


FIRM = {"name": "AcmeStaffing", "description": "Staffing agency placing IT contractors"}


@pytest.mark.parametrize(
    "record",
    [
        {"id": 1, "screen_name": FIRM["name"], "user_description": FIRM["description"]},
        {"ID": 1, "Name": FIRM["name"], "Description": FIRM["description"]},
        {"id": 1, "username": FIRM["name"], "bio": FIRM["description"]},
        {"id": 1, "full_text": "hi", "user": {"screen_name": FIRM["name"], **FIRM}},
        {"id": 1, "author": {"username": FIRM["name"], "description": FIRM["description"]}},
    ],
)
def test_other_tools_field_names_are_read_as_the_contract_ones(
    tmp_path: Path, record: dict[str, object]
) -> None:
    """QA F2/F4: X API v1.1/twarc names and a nested user object are the same account as
    the contract's id, name and description, not an empty account."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, **FIRM}) + "\n" + json.dumps(record) + "\n")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)
    contract, other = _read(out)
    assert other["id"] == 1 and other["role"] == contract["role"] == "staffing_firm"
    assert other["kind"] == "org"


def test_a_record_with_no_name_description_or_text_is_reported_not_tagged(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": 5, **FIRM})
        + "\n"
        + json.dumps({"id": 6})
        + "\n"
        + json.dumps({"id": 7, "nick": "bob", "about": "dad"})
        + "\n"
        + json.dumps({"id": 8, "name": "", "description": None})  # empty, but said so
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)
    assert [row["id"] for row in _read(out)] == [5, 8]
    err = _err(result).replace("\n", " ")
    assert f"{src}:2: no name, description or text to tag (found: id)" in err
    assert f"{src}:3: no name, description or text to tag (found: id, nick, about)" in err
    assert "skipped 2 malformed records" in err


def test_csv_headers_take_the_same_other_names_and_a_repeated_header_is_skipped(
    tmp_path: Path,
) -> None:
    src = tmp_path / "accounts.csv"
    src.write_text(
        "ID,Screen Name,User Description\n"
        f"1,{FIRM['name']},{FIRM['description']}\n"
        "ID,Screen Name,User Description\n"
        "2,bob,dad and golfer\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)
    rows = _read(out)
    assert [row["id"] for row in rows] == ["1", "2"]
    assert rows[0]["role"] == "staffing_firm"
    assert f"{src}:3: the header again" in _err(result)


def test_a_null_among_the_posts_is_dropped_not_the_account(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, **FIRM, "text": ["We're hiring", None]}) + "\n")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "-o", str(out))
    assert result.exit_code == 0, _err(result)
    assert [row["id"] for row in _read(out)] == [1]
