"""staffpulse's own --json outputs given back to import: told what each is (the command that
wrote it), that it holds no posts, and what to import instead; never 'lacks type'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.store import open_store

POSTS = "id,author,text\np1,acmestaffing,We are hiring welders for the night shift\n"


def _outputs(tmp_path: Path) -> dict[str, Path]:
    """The files ``import --json``, ``accounts --json`` and ``stats --json`` wrote."""
    posts = tmp_path / "posts.csv"
    posts.write_text(POSTS, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    written = {}
    for name, args in (
        ("summary", ["import", str(posts), "--json"]),
        ("accounts", ["accounts", "--json"]),
        ("stats", ["stats", "--json"]),
    ):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        written[name] = tmp_path / f"{name}.json"
        written[name].write_text(result.stdout, encoding="utf-8")
    return written


def test_each_output_given_back_is_told_what_it_is_and_what_to_import(tmp_path: Path) -> None:
    outputs = _outputs(tmp_path)
    told = {}
    for name, path in outputs.items():
        with pytest.raises(UnknownFormatError) as refused:
            detect(path)
        told[name] = refused.value.message
    assert told["accounts"] == (
        f"{outputs['accounts']}: not a format staffpulse can import: this is staffpulse's own"
        " list of accounts (staffpulse accounts --json): the accounts a store holds, with"
        " counts, and no posts to import. The store it was listed from holds them already; to"
        " fill another store, import the files you exported from X, Bluesky or Mastodon (or"
        " fetch them live) instead"
    )
    assert told["summary"].endswith(
        "this is staffpulse's own import summary (staffpulse import --json): counts of what an"
        " import did, with no posts to import; import the file it names instead:"
        f" {tmp_path / 'posts.csv'}"
    )
    assert "staffpulse's own counts of a store (staffpulse stats --json)" in told["stats"]
    assert not any('"type"' in message for message in told.values())


def test_a_summary_too_long_for_the_head_is_still_known(tmp_path: Path) -> None:
    summary = {
        "imported": {"accounts": 1, "posts": 0, "follows": 0},
        "new": {"accounts": 0, "posts": 0, "follows": 0},
        "skipped": 400,
        "problems": [{"file": "posts.csv", "line": n, "message": "x" * 80} for n in range(400)],
        "files": [{"file": "posts.csv", "format": "staffpulse CSV"}],
    }
    path = tmp_path / "import-result.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="staffpulse's own import summary") as refused:
        detect(path)
    # its whole line is sniffed, past the head: the file it names is told too
    assert "import the file it names instead: posts.csv" in refused.value.message


def test_in_a_folder_an_output_is_left_out_with_why_and_the_posts_imported(
    tmp_path: Path,
) -> None:
    outputs = _outputs(tmp_path)
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "posts.csv").write_text(POSTS, encoding="utf-8")
    outputs["accounts"].rename(folder / "accounts.json")
    with open_store(tmp_path / "other.db") as store:
        report = import_paths(store, [folder])
    assert (report.posts, report.skipped) == (1, 0)
    assert [Path(p.file).name for p in report.problems] == ["accounts.json"]
    assert report.problems[0].message.startswith(
        "not a known format: this is staffpulse's own list of accounts"
    )
