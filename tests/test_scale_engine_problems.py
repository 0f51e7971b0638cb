"""What ``staffpulse score`` cannot use, named (staffpulse.scale.engine): a missing input, an
unknown engine, an output that is a file, files of no known format, a line that cannot be
read (by the path as typed), nothing readable, a guessed encoding (a note, not a skip) and a
CSV header without rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from scale_engine_helpers import write_feed_shards  # noqa: E402
from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import EmptyInputError, InputError, OutputError  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402


def test_missing_input_and_bad_engine_are_clear(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        score_inputs([tmp_path / "nope"], tmp_path / "out")
    (tmp_path / "a.jsonl").write_text('{"type": "post", "id": "1", "author": "a", "text": "x"}\n')
    with pytest.raises(InputError, match="unknown engine"):
        score_inputs([tmp_path / "a.jsonl"], tmp_path / "out", engine="spark")


def test_output_that_is_a_file_is_an_input_error(tmp_path: Path) -> None:
    shards = write_feed_shards(tmp_path / "in")
    handles = tmp_path / "handles.txt"
    handles.write_text("@someone\n")
    with pytest.raises(InputError, match=r"--output must be a folder; .*handles\.txt is a file"):
        score_inputs([shards[0]], handles)
    with pytest.raises(OutputError, match="cannot create the output folder"):
        score_inputs([shards[0]], handles / "out")  # a file in the way higher up
    # exit 73 as README.md's exit codes say ("score cannot write into --output"), not 65
    blocked = CliRunner().invoke(app, ["score", str(shards[0]), "--output", str(handles / "o")])
    assert blocked.exit_code == 73, blocked.output
    assert "give a folder you can write to for --output" in " ".join(blocked.stderr.split())
    result = CliRunner().invoke(app, ["score", str(shards[0]), "--output", str(handles)])
    assert result.exit_code == 65, result.output
    assert "--output must be a folder" in result.stderr and "Traceback" not in result.output
    assert handles.read_text() == "@someone\n"


def test_folder_files_of_unknown_format_are_skipped_and_reported(tmp_path: Path) -> None:
    write_feed_shards(tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("# my shards\n")
    (tmp_path / "in" / ".hidden").write_text("not looked at")
    summary = score_inputs([tmp_path / "in"], tmp_path / "out")
    assert (summary.shards, summary.posts, summary.skipped, summary.files_skipped) == (3, 120, 3, 1)
    readme = str(tmp_path / "in" / "README.md")
    assert summary.problems[0] == {
        "file": readme,
        "line": None,
        "message": "not a known format",
    }
    logged = (tmp_path / "out" / "problems.jsonl").read_text().splitlines()
    assert json.loads(logged[0])["file"] == readme and len(logged) == 4
    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "cli")]
    )
    assert result.exit_code == 0, result.output
    assert f"skipped {readme}: not a known format" in result.stderr.replace("\n", "")
    as_json = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "cli"), "--json"]
    )
    report = json.loads(as_json.stdout)
    assert report["files_skipped"] == 1 and report["problems"][0]["file"] == readme


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=pytest.mark.slow)])
def test_a_skipped_line_is_named_by_the_path_typed_as_a_skipped_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    write_feed_shards(tmp_path / "in")
    (tmp_path / "in" / "PROVENANCE.txt").write_text("made by hand\n")
    monkeypatch.chdir(tmp_path)
    # shard-0 named twice, as typed and inside its folder: scored once, named as typed first
    typed = ["./in/shard-0.jsonl", "in", "--output", "out", "--engine", engine]
    result = CliRunner().invoke(app, ["score", *typed])
    assert result.exit_code == 0, result.output
    told = result.stderr.replace("\n", "")
    assert "skipped in/PROVENANCE.txt: not a known format" in told
    assert "skipped in/shard-0.jsonl:41: not valid JSON" in told
    assert "skipped in/shard-1.jsonl:41: not valid JSON" in told
    assert str(tmp_path) not in told
    logged = (tmp_path / "out" / "problems.jsonl").read_text().splitlines()
    assert [json.loads(line)["file"] for line in logged] == [
        "in/PROVENANCE.txt",
        "in/shard-0.jsonl",
        "in/shard-1.jsonl",
        "in/shard-2.jsonl",
    ]


def test_folder_of_parquet_and_unknown_files(tmp_path: Path) -> None:
    import pyarrow as pa

    (tmp_path / "in" / "sub").mkdir(parents=True)
    row = {"platform": "x", "id": "1", "author": "acme", "text": "hi", "kind": "original"}
    pq.write_table(pa.Table.from_pylist([row]), tmp_path / "in" / "sub" / "a.parquet")
    (tmp_path / "in" / "notes.txt").write_text("just notes\n")
    summary = score_inputs([tmp_path / "in"], tmp_path / "out")
    assert (summary.shards, summary.posts, summary.files_skipped) == (1, 1, 1)
    assert summary.problems[0]["file"] == str(tmp_path / "in" / "notes.txt")


def test_nothing_readable_fails(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# nothing to score\n")
    with pytest.raises(EmptyInputError, match="the folder holds no file staffpulse can read"):
        score_inputs([tmp_path / "docs"], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"type": "post", "id": "1", "text": "no author"}\n{oops\n')
    result = CliRunner().invoke(app, ["score", str(broken), "--output", str(tmp_path / "o2")])
    assert result.exit_code == 1, result.output
    assert "Nothing was scored" in result.stderr


def test_a_guessed_encoding_is_a_note_not_a_skipped_file(tmp_path: Path) -> None:
    shard = tmp_path / "latin.csv"
    shard.write_bytes(
        "id,author,created_at,text\nc1,acme,2026-01-01T00:00:00Z,Café jobs\n".encode("cp1252")
    )
    summary = score_inputs([shard], tmp_path / "out")
    assert (summary.posts, summary.skipped, summary.problems) == (1, 0, [])
    assert [n["file"] for n in summary.notices] == [str(shard)]
    assert "Windows-1252" in str(summary.notices[0]["message"])
    # problems.jsonl holds skips only: a line-null entry there would mean the file was dropped
    assert (tmp_path / "out" / "problems.jsonl").read_text() == ""
    result = CliRunner().invoke(app, ["score", str(shard), "--output", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    # Rich wraps long paths at any width: compare without the whitespace
    assert re.sub(r"\s", "", f"note {shard}:") in re.sub(r"\s", "", result.stdout)
    as_json = CliRunner().invoke(
        app, ["score", str(shard), "--output", str(tmp_path / "cli"), "--json"]
    )
    report = json.loads(as_json.stdout)
    assert report["problems"] == [] and report["notices"][0]["file"] == str(shard)


def test_a_csv_header_without_rows_is_named_as_the_cause(tmp_path: Path) -> None:
    header = tmp_path / "posts.csv"
    header.write_text("id,author,text\n")
    summary = score_inputs([header], tmp_path / "out")
    assert summary.posts == 0 and summary.empty_files == [str(header)]
    assert summary.why_nothing_scored().startswith("posts.csv holds no posts")
    result = CliRunner().invoke(app, ["score", str(header), "--output", str(tmp_path / "o")])
    assert result.exit_code == 1
    flat = re.sub(r"\s+", " ", result.stderr)
    assert "posts.csv holds no posts (a CSV header without rows" in flat
    as_json = CliRunner().invoke(
        app, ["score", str(header), "--output", str(tmp_path / "o"), "--json"]
    )
    assert json.loads(as_json.stdout)["empty_files"] == [str(header)]
