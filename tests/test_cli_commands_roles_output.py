"""Where ``staffpulse roles`` writes: an existing output is replaced only by a run that
succeeds (not by a failed or interrupted one), the input is never overwritten, and a missing
folder is made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import error_text, run_roles
from staffpulse.signals import roles as roles_mod


def test_failed_run_keeps_existing_output_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "tags.jsonl"
    old = b'{"id": 1, "kind": "org"}\n\xff\xfe partial'
    out.write_bytes(old)
    src = tmp_path / "x.csv"
    src.write_text("user,about\nfoo,bar\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(out))
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
    result = run_roles(str(src), "-o", str(out))
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
        result = run_roles(str(src), "-o", str(out))
        assert result.exit_code == 65  # type: ignore[attr-defined]
        assert "erase the input" in error_text(result) and "Tagged" not in error_text(result)
        assert src.read_text(encoding="utf-8") == original


def test_missing_output_folder_is_created(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": 1, "name": "a", "description": "b"}) + "\n", encoding="utf-8")
    result = run_roles(str(src), "-o", str(tmp_path / "out" / "tags.jsonl"))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "tags.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_numeric_ids_are_written_back_as_the_input_wrote_them(tmp_path: Path) -> None:
    # Python reads -0 as 0 and 1e2 as 100.0: a scorer matching ids as text lost those rows
    ids = ["-0", "1e2", "1.50", "-0.0", "7", "12345678901234567890123"]
    lines = [f'{{"id": {i}, "name": "Acme", "description": "Bakery."}}' for i in ids]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    written = out.read_text(encoding="utf-8").splitlines()
    assert [line.split(",", 1)[0] for line in written] == [f'{{"id": {i}' for i in ids]
    assert all(json.loads(line)["kind"] in ("org", "person") for line in written)
