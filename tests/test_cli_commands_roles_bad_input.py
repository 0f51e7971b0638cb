"""Bad input to ``staffpulse roles``: a missing, empty or binary file, a folder, a CSV header
without the needed columns, and malformed lines told with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import error_text, run_roles


def test_a_delimited_txt_without_the_needed_columns_is_told_as_csv(tmp_path: Path) -> None:
    src = tmp_path / "accounts.txt"
    src.write_text("user;about\nacme;We place people\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(tmp_path / "tags.jsonl"))
    assert result.exit_code == 65  # not "not valid JSON" on every line, exit 0
    assert "CSV header needs 'name' and 'description'" in " ".join(error_text(result).split())

    # the other names are said, not left to docs/formats.md (a pip install has no docs/)
    said = " ".join(error_text(result).split())
    assert "a name column may also be called display_name" in said
    assert "a description column bio, user_description" in said and "docs/" not in said
    # as a sentence: the last of each list after "or", the two lists apart
    assert "user_name or handle; a description column bio, user_description or profile" in said


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    result = run_roles(str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 66  # type: ignore[attr-defined]
    err = error_text(result)
    assert "no such file" in err and "What to do" in err and "Traceback" not in err


def test_folder_and_bad_csv_header_are_input_errors(tmp_path: Path) -> None:
    assert run_roles(str(tmp_path)).exit_code == 65  # type: ignore[attr-defined]
    src = tmp_path / "x.csv"
    src.write_text("user,about\nfoo,bar\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    assert "'id'" in error_text(result) and "'handle'" in error_text(result)


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
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    err = error_text(result)
    assert f"{src} is empty" in err and "What to do" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous tags\n"


def test_bad_json_line_reason_is_complete(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    good = json.dumps({"id": 1, "name": "a", "description": "b"})
    src.write_text(f'{good}\n{{"id": 2, "name": "never closed}}\n', encoding="utf-8")
    result = run_roles(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert f"{src}:2: not valid JSON: unterminated string starting at column 19" in error_text(
        result
    )


def test_a_file_whose_every_record_is_malformed_fails_and_writes_nothing(tmp_path: Path) -> None:
    """Exit 1 (nothing could be tagged, as the README's exit codes say), not 0 with an empty
    OUT that passes for a run that worked; the reasons come first, then what to do."""
    src = tmp_path / "a.jsonl"
    src.write_text(
        "[1, 2]\n{broken\n" + json.dumps({"id": None, "name": "x"}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "tags.jsonl"
    out.write_text("previous tags\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 1, error_text(result)  # type: ignore[attr-defined]
    err = error_text(result).replace("\n", " ")
    assert f"{src}:1: expected a JSON object" in err
    assert f"{src}:3: id is null: give each record an id" in err
    assert f"nothing in {src} could be used: all 3 of its records were skipped" in err
    assert "What to do" in err and "Tagged" not in err
    assert out.read_text(encoding="utf-8") == "previous tags\n"
    fresh = tmp_path / "new.jsonl"
    assert run_roles(str(src), "-o", str(fresh)).exit_code == 1  # type: ignore[attr-defined]
    assert not fresh.exists()


def test_random_bytes_are_told_as_binary_not_echoed(tmp_path: Path) -> None:
    src = tmp_path / "junk.csv"
    src.write_bytes(bytes(range(256)) * 4)
    result = run_roles(str(src), "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 65  # type: ignore[attr-defined]
    err = error_text(result).replace("\n", " ")
    assert "not a text file, so not a JSONL or CSV file (it holds binary data)" in err
    assert "found:" not in err and "\x07" not in err and "ÿ" not in err
