"""Where ``staffpulse classify`` writes: an existing output is replaced only by a run that
succeeds (not by a failed, interrupted or killed one), the input is never overwritten, a
missing folder is made, ``-o -`` is standard output, and standard output is UTF-8."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contract_helpers import post_line, read_rows, run_classify
from staffpulse.cli.app import app
from staffpulse.signals.text import TextSignals


def test_failed_run_keeps_existing_output_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    old = b'{"id": "last-week"}\r\n\x00 not even text\n'
    out.write_bytes(old)
    src = tmp_path / "bad.csv"
    src.write_text("post,body\n1,hello\n", encoding="utf-8")
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "scores.jsonl"]


def test_interrupted_run_keeps_existing_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "scores.jsonl"
    out.write_text("old results\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(post_line(1) + post_line(2), encoding="utf-8")

    def ctrl_c(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(TextSignals, "score", ctrl_c)
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]


def test_successful_run_replaces_output_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    out.write_text("old\n" * 1000, encoding="utf-8")
    out.chmod(0o640)
    src = tmp_path / "in.jsonl"
    src.write_text(post_line("a") + post_line("b"), encoding="utf-8")
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_rows(out)] == ["a", "b"]  # nothing of the old file is left
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_output_that_is_the_input_is_refused(tmp_path: Path, spelling: str) -> None:
    src = tmp_path / "posts.jsonl"
    original = post_line(1) + post_line(2)
    src.write_text(original, encoding="utf-8")
    out = {"same": src, "dotted": tmp_path / "." / "posts.jsonl"}.get(spelling)
    if out is None:
        out = tmp_path / "alias.jsonl"
        if spelling == "symlink":
            out.symlink_to(src)
        else:
            os.link(src, out)
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    assert "erase the input" in result.output and "What to do" in result.output
    assert "Classified" not in result.output
    assert src.read_text(encoding="utf-8") == original


def test_missing_output_folder_is_created_only_by_a_run_that_succeeds(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(post_line(1), encoding="utf-8")
    folder = tmp_path / "run" / "one"
    assert run_classify(str(src), "-o", str(folder / "out.jsonl")).exit_code == 0
    assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert run_classify(str(empty), "-o", str(tmp_path / "other" / "out.jsonl")).exit_code == 65
    assert not (tmp_path / "other").exists()


def test_output_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(post_line(1), encoding="utf-8")
    result = run_classify(str(src), "-o", str(tmp_path))
    assert result.exit_code == 65
    assert "is a folder" in result.output


def test_sigterm_keeps_the_old_output_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA F7: ``timeout`` sends SIGTERM; it must clean up as Ctrl-C does."""
    out = tmp_path / "scores.jsonl"
    out.write_text("old results\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(post_line(1) + post_line(2), encoding="utf-8")

    def terminated(*_args: object, **_kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the run")

    monkeypatch.setattr(TextSignals, "score", terminated)
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 128 + signal.SIGTERM
    assert "Any output file you had is unchanged" in result.stderr
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scores.jsonl"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_output_dash_is_standard_output_not_a_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA s20: ``-o -`` wrote a file called ``-`` in the current folder."""
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(post_line(1) + post_line(2), encoding="utf-8")
    result = run_classify(str(src), "-o", "-")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]
    assert not (tmp_path / "-").exists()


def test_stdout_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    """QA s20: with stdout in cp1252 (Windows, redirected: ``classify in.jsonl > out.jsonl``)
    an id holding an emoji stopped the run with exit 70."""
    src = tmp_path / "in.jsonl"
    src.write_text(post_line("café-☕") + post_line(2), encoding="utf-8")
    result = CliRunner(charset="cp1252").invoke(app, ["classify", str(src)])
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["café-☕", 2]


@pytest.mark.parametrize("given", ["results/", "existing/", ""])
def test_output_ending_with_a_slash_or_empty_is_refused_before_anything_is_written(
    tmp_path: Path, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").mkdir()
    (tmp_path / "in.jsonl").write_text(post_line(1), encoding="utf-8")
    result = run_classify("in.jsonl", "-o", given)
    assert result.exit_code == 65
    said = "is empty" if not given else "ends with a slash, so it names a folder, not a file"
    assert said in result.output
    # no file named "results" in place of the folder the user meant
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing", "in.jsonl"]
    assert not any((tmp_path / "existing").iterdir())
