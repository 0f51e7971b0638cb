"""What ``staffpulse import`` prints: a folder of many files of one format is one "read" line
(a file something was skipped from keeps its own), the bar follows bytes, and an error is
not preceded by the empty line a bar taken away used to leave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from mastodon_archive_helpers import archive_members
from staffpulse.cli.app import app
from staffpulse.cli.import_output import ImportBar, print_missing_files, read_file_lines
from staffpulse.ingest import import_paths
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.x_archive_check import MissingFile
from staffpulse.store import open_store
from x_archive_helpers import archive_of, linking

runner = CliRunner()


def _folder(tmp_path: Path, files: int, bad: int | None = None) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(files):
        post = {"type": "post", "platform": "x", "id": f"p{i}", "author": "acme", "text": f"hi {i}"}
        text = json.dumps(post) + "\n" + ("{bad json\n" if i == bad else "")
        (folder / f"post_{i:05d}.jsonl").write_text(text)
    return folder


def _read_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("read ")]


def test_a_folder_of_many_files_is_one_read_line_beside_the_file_with_a_problem(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path, 40, bad=7)
    result = runner.invoke(app, ["import", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert _read_lines(result.stdout) == [
        f"read {folder / 'post_00007.jsonl'} as staffpulse JSONL",
        f"read 39 other files in {folder}/ as staffpulse JSONL",
    ]
    assert "post_00007.jsonl:2" in result.stderr  # the skipped line, named
    assert "Imported 40 posts" in result.stdout


def test_a_few_files_keep_a_line_each(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    result = runner.invoke(app, ["import", str(folder), "--db", str(tmp_path / "s.db")])
    assert len(_read_lines(result.stdout)) == 3


def test_read_lines_sum_up_each_format_on_its_own() -> None:
    files = [(f"in/a{i}.jsonl", "staffpulse JSONL") for i in range(3000)]
    files += [("in/x.zip", "X archive")]
    lines = read_file_lines(files, [Problem("elsewhere.csv", 3, "bad")])
    assert lines == [
        "[dim]read[/] 3,000 files in in/ [dim]as staffpulse JSONL[/]",
        "[dim]read[/] in/x.zip [dim]as X archive[/]",
    ]


def test_a_file_a_note_is_told_of_keeps_its_own_read_line() -> None:
    # twarc2 files listing the errors X returned: the note names the file, so must a line
    files = [(f"in/p{i}.jsonl", "twarc2 / X API v2 JSON") for i in range(8)]
    lines = read_file_lines(
        files, [Notice("in/p3.jsonl", "the file also lists 1 error X returned")]
    )
    assert lines == [
        "[dim]read[/] in/p3.jsonl [dim]as twarc2 / X API v2 JSON[/]",
        "[dim]read[/] 7 other files in in/ [dim]as twarc2 / X API v2 JSON[/]",
    ]


def test_a_missing_file_is_one_line_with_what_to_do_as_written() -> None:
    console = Console(record=True, width=400)
    lost = MissingFile("arch[1]/data/follower.js", None, "not in the folder; import it again", 3)
    print_missing_files(console, [lost])
    # the name printed as itself (no Rich markup taken from it), labelled apart from "skipped"
    assert console.export_text() == (
        "missing arch[1]/data/follower.js: not in the folder; import it again\n"
    )


def test_the_bar_follows_the_bytes_read(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(b"x" * 10_000)
    second.write_bytes(b"y" * 30_000)
    progress = Progress(console=Console(file=open(tmp_path / "log", "w")))  # noqa: SIM115
    bar = ImportBar(progress)
    bar.planned([first, second])
    task = progress.tasks[0]
    assert task.total == 40_000
    with open(second, "rb", buffering=0) as reading:
        reading.read(12_000)
        bar(str(second), 2000)
    if not Path("/proc/self/fdinfo").is_dir():
        pytest.skip("no /proc here: the bar moves file by file")
    assert task.completed == 10_000 + 12_000
    assert task.fields["records"] == 2000


def test_the_bar_of_an_unzipped_archive_moves_as_its_files_are_read(tmp_path: Path) -> None:
    # it stayed at 0 bytes until the end: a folder's files are read whole and closed
    tweets = [linking(str(100 + i), f"We are hiring {i}", "https://acme.example") for i in range(3)]
    folder = archive_of(tmp_path, tweets)
    progress = Progress(console=Console(file=open(tmp_path / "log", "w")))  # noqa: SIM115
    bar = ImportBar(progress)
    seen: list[tuple[float, float | None]] = []

    def watched(location: str, done: int) -> None:
        bar(location, done)
        task = progress.tasks[0]
        seen.append((task.completed, task.total))

    import_paths(open_store(":memory:"), [folder], progress=watched, planned=bar.planned)
    assert seen, "the import reported no progress"
    completed, total = seen[0]
    tweets_size = (folder / "data" / "tweets.js").stat().st_size
    # at the first batch written, the tweets file is already read: it shows
    assert total is not None and tweets_size <= completed <= total


def test_the_bar_of_an_unpacked_mastodon_archive_moves_as_its_files_are_read(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mastoarch"
    for name, data in archive_members().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    progress = Progress(console=Console(file=open(tmp_path / "log", "w")))  # noqa: SIM115
    bar = ImportBar(progress)
    seen: list[float] = []

    def watched(location: str, done: int) -> None:
        bar(location, done)
        seen.append(progress.tasks[0].completed)

    import_paths(open_store(":memory:"), [folder], progress=watched, planned=bar.planned)
    assert seen and seen[0] >= (folder / "outbox.json").stat().st_size


def test_an_import_error_starts_with_error_not_an_empty_line(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    result = runner.invoke(app, ["import", str(pdf), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65
    assert result.stderr.startswith("Error: ")
    assert result.stdout == ""


def test_a_file_of_no_known_format_under_json_is_one_document_and_one_plain_line(
    tmp_path: Path,
) -> None:
    # the README's promise for a failed --json run: the error as stdout's one document, and on
    # stderr one plain line, not the people's Error and What to do a second time
    notes = tmp_path / "notes.txt"
    notes.write_text("call the depot on monday\nbring the forms\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "--db", str(tmp_path / "a.db"), "--json", str(notes)])
    assert result.exit_code == 65
    error = json.loads(result.stdout)["error"]
    assert error["message"] == f"{notes}: not a format staffpulse can import"
    assert "staffpulse import --help" in error["hint"]
    assert result.stderr == f"Error: {error['message']}\n"
    assert not (tmp_path / "a.db").exists()  # refused before a store was made
