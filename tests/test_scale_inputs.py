"""What ``staffpulse score`` reads from one shard (``staffpulse.scale.inputs``)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from export_gap_helpers import MARCH, archive_of, list_in_manifest
from scale_helpers import post_line
from staffpulse.cli import app
from staffpulse.errors import MissingFileError
from staffpulse.scale import score_inputs
from staffpulse.scale.inputs import plan_shards, read_posts


def test_an_older_x_archive_without_a_manifest_is_read_without_a_note(tmp_path: Path) -> None:
    # The marker the X archive reader yields for `import --remove-deleted` is no note for the
    # person scoring a cohort: the archive was read whole.
    folder = archive_of(tmp_path / "archive", MARCH, manifest=False)

    shard = read_posts(folder)

    assert sorted(post.id for post in shard.posts) == ["101", "102", "103", "104"]
    assert shard.notices == []
    assert shard.problems == []


def test_a_part_missing_from_an_archive_is_told_apart_not_counted_as_skipped(
    tmp_path: Path,
) -> None:
    # The manifest lists a second tweets part of 3 tweets that the folder lacks: those tweets
    # were never read, so they are no "malformed records", as the import tells them apart.
    pytest.importorskip("pyarrow")
    folder = archive_of(tmp_path / "archive", MARCH)
    list_in_manifest(folder, {"data/tweets.js": 4, "data/tweets-part1.js": 3})

    shard = read_posts(folder)
    assert len(shard.posts) == 4 and shard.problems == []
    assert [(m.records, m.file.endswith("tweets-part1.js")) for m in shard.missing] == [(3, True)]

    summary = score_inputs([folder], tmp_path / "out")
    assert (summary.posts, summary.skipped, summary.problems) == (4, 0, [])
    assert [m["records"] for m in summary.missing_files] == [3]
    kept = (tmp_path / "out" / "problems.jsonl").read_text(encoding="utf-8")
    assert "tweets-part1.js" in kept  # the results folder says what they lack

    told = CliRunner().invoke(app, ["score", str(folder), "-o", str(tmp_path / "cli")])
    said = " ".join(told.output.split())
    assert told.exit_code == 0, told.output
    assert "skipped 0 malformed records" in said
    assert "1 file missing from an X archive" in said and "missing " in said
    as_json = CliRunner().invoke(app, ["score", str(folder), "-o", str(tmp_path / "j"), "--json"])
    found = json.loads(as_json.stdout)
    assert found["skipped"] == 0 and len(found["missing_files"]) == 1


def test_results_inside_the_input_folder_are_not_scored_again(tmp_path: Path) -> None:
    # `staffpulse score data -o data/scores`, run twice: the second run read the first one's
    # accounts.parquet and posts parts as shards, every row a "malformed record" (317 of them
    # for a real twarc2 file of 164 posts), and its problems.jsonl as a file of unknown format.
    pytest.importorskip("pyarrow")
    data = tmp_path / "data"
    data.mkdir()
    lines = [post_line(str(n), author=("acme", "jo")[n % 2]) for n in range(6)]
    (data / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    first = score_inputs([data], data / "scores")
    again = score_inputs([data], data / "scores")

    assert (first.shards, first.posts, first.accounts) == (1, 6, 2)
    assert (again.shards, again.posts, again.accounts, again.skipped) == (1, 6, 2, 0)
    assert (again.files_skipped, again.problems) == (0, [])


def test_an_earlier_runs_results_in_the_input_are_left_out_with_one_note(tmp_path: Path) -> None:
    # `score data -o data/scores`, then `score data -o elsewhere`: the first run's 14 result
    # files were each told as skipped and their 989 rows counted as "malformed records".
    pytest.importorskip("pyarrow")
    data = tmp_path / "data"
    data.mkdir()
    lines = [post_line(str(n), author=("acme", "jo")[n % 2]) for n in range(6)]
    (data / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    score_inputs([data], data / "scores")

    again = score_inputs([data], tmp_path / "elsewhere")

    assert (again.shards, again.posts, again.accounts, again.skipped) == (1, 6, 2, 0)
    assert (again.files_skipped, again.problems) == (0, [])
    (note,) = again.notices
    assert note["file"] == str(data / "scores")
    assert "the results of an earlier staffpulse score" in str(note["message"])
    told = CliRunner().invoke(app, ["score", str(data), "-o", str(tmp_path / "third")])
    assert told.exit_code == 0
    assert "skipped 0 malformed records" in " ".join(told.output.split())
    assert "results of an earlier staffpulse score" in " ".join(told.output.split())


def test_a_parquet_file_of_other_columns_is_told_once_with_what_to_rename(tmp_path: Path) -> None:
    # Every row used to be its own "post is missing the required field 'id' ... import the
    # file again": a million lines for a million-row table, none saying what the columns were.
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {"tweet_id": ["1", "2", "3"], "author": ["acme"] * 3, "text": ["hi", "hello", "hey"]}
    )
    pq.write_table(table, tmp_path / "tweets.parquet")

    shard = read_posts(tmp_path / "tweets.parquet")

    assert shard.posts == []
    (problem,) = shard.problems
    assert problem.records == 3 and problem.line is None
    assert problem.message.startswith("the columns are tweet_id, author, text, but a Parquet")
    assert 'rename the column "tweet_id" to "id"' in problem.message

    (tmp_path / "feed.jsonl").write_text(post_line("1") + "\n", encoding="utf-8")
    score_inputs([tmp_path / "feed.jsonl"], tmp_path / "out")
    results = tmp_path / "out" / "posts" / "part-00000.parquet"
    (again,) = read_posts(results).problems  # a score's own results given back as input
    assert "results of staffpulse score, not posts to score" in again.message


def test_parquet_ids_in_a_float_column_are_read_when_whole_and_told_when_blurred(
    tmp_path: Path,
) -> None:
    # pandas writes a column of ids with gaps (reply_to_id: most posts reply to nothing) as
    # float64: every reply was skipped ("should be text or a whole number, got 11.0"), and an
    # X id (1.6e18, its last digits lost) was said to be "rounded by a spreadsheet".
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    small = pa.table(
        {
            "id": [11, 12, 13],
            "author": ["acme", "acme", "jo"],
            "text": ["Coffee first", "Then the inbox", "Same here"],
            "reply_to_id": pa.array([None, None, 11.0], pa.float64()),
        }
    )
    pq.write_table(small, tmp_path / "small.parquet")
    shard = read_posts(tmp_path / "small.parquet")
    assert shard.problems == []
    assert [(p.id, p.kind, p.reply_to_post_id) for p in shard.posts][-1] == ("13", "reply", "11")

    big = pa.table(
        {
            "id": ["1600000000000000003", "1600000000000000004", "1600000000000000005"],
            "author": ["jo", "jo", "acme"],
            "text": ["Agreed", "Thanks", "Our own post"],
            "reply_to_id": pa.array([1600000000000000001.0, 1600000000000000002.0, None]),
        }
    )
    pq.write_table(big, tmp_path / "big.parquet")
    shard = read_posts(tmp_path / "big.parquet")
    assert [p.id for p in shard.posts] == ["1600000000000000005"]
    (problem,) = shard.problems  # one message for the column, however many rows
    assert (problem.line, problem.records) == (1, 2)
    assert problem.message.startswith("the column reply_to_id holds floating-point numbers")
    assert "spreadsheet" not in problem.message


def test_files_a_zip_leaves_out_are_files_skipped_not_malformed_records(tmp_path: Path) -> None:
    # A ZIP of the real twarc2 and Mastodon samples was "skipped 16 malformed records": its 15
    # licence and provenance files counted as records; the same folders unzipped said
    # "skipped 1 malformed record, 15 files of unknown format".
    pytest.importorskip("pyarrow")
    lines = [post_line(str(n)) for n in range(3)] + ["{broken"]
    with zipfile.ZipFile(tmp_path / "shards.zip", "w") as archive:
        archive.writestr("shards/a.jsonl", "\n".join(lines) + "\n")
        archive.writestr("shards/README.md", "# what these shards are\n")

    summary = score_inputs([tmp_path / "shards.zip"], tmp_path / "out")

    assert (summary.posts, summary.skipped, summary.files_skipped) == (3, 1, 1)
    told = CliRunner().invoke(
        app, ["score", str(tmp_path / "shards.zip"), "-o", str(tmp_path / "o")]
    )
    assert "skipped 1 malformed record, 1 file of unknown format" in " ".join(told.output.split())


def test_score_points_a_csv_of_texts_without_authors_to_classify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the command names the file as given: here, by its name
    src = tmp_path / "sarcasm.csv"
    src.write_text(",tweet,sarcastic\n0,I love Mondays,1\n", encoding="utf-8")
    told = CliRunner().invoke(app, ["score", "sarcasm.csv", "-o", str(tmp_path / "out")])
    assert told.exit_code == 65, told.output
    said = " ".join(told.output.split())  # Rich wraps long lines
    assert 'rename the column "tweet" to "text"' in said
    assert "staffpulse classify sarcasm.csv --output scores.jsonl" in said


def test_a_file_still_downloading_is_told_to_wait_not_to_check_the_path(tmp_path: Path) -> None:
    """`score` names the browser's half-written file, as `import` does."""
    (tmp_path / "posts.jsonl.crdownload").write_text(post_line("1") + "\n")
    with pytest.raises(MissingFileError) as told:
        plan_shards([tmp_path / "posts.jsonl"])
    assert "still being downloaded (posts.jsonl.crdownload is there)" in (told.value.hint or "")


def test_a_damaged_or_locked_file_is_skipped_with_what_to_do_and_the_rest_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Parquet file cut short (a copy that stopped) or a file without read permission
    # stopped the whole run as "a bug in staffpulse" (exit 70).
    pytest.importorskip("pyarrow")
    folder = tmp_path / "shards"
    folder.mkdir()
    (folder / "a.jsonl").write_text(post_line("1") + "\n", encoding="utf-8")
    (folder / "cut.parquet").write_bytes(b"PAR1 not the rest")
    (folder / "locked.jsonl").write_text(post_line("2") + "\n", encoding="utf-8")
    opened = Path.open

    def refusing(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.jsonl":  # tests may run as root: chmod 000 would not stop it
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refusing)

    result = CliRunner().invoke(app, ["score", str(folder), "-o", str(tmp_path / "out"), "--json"])

    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["posts"], summary["files_skipped"], summary["skipped"]) == (1, 0, 2)
    said = {Path(str(p["file"])).name: str(p["message"]) for p in summary["problems"]}
    assert said["cut.parquet"].startswith("not a Parquet file that can be read: it is damaged")
    assert said["locked.jsonl"].startswith("cannot read the file (Permission denied)")
