"""Planning a folder: what is read, and the files left out whole, told why when a source can."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_gap_helpers import MARCH, archive_of
from mastodon_archive_helpers import archive_members
from staffpulse.errors import EmptyInputError, UnknownFormatError
from staffpulse.sources import Problem, Source, detect
from staffpulse.sources.folders import (
    EMPTY_FOLDER,
    SHOWN_LEFT,
    is_empty_file,
    left_out,
    plan_folder,
    refuse_empty_folder,
    told_why,
    unknown_file,
)


def _plan(folder: Path) -> tuple[list[tuple[Path, Source]], list[Problem]]:
    plan: list[tuple[Path, Source]] = []
    problems: list[Problem] = []
    plan_folder(folder, plan, problems, seen=set())
    return plan, problems


def test_a_table_of_no_known_format_is_told_why_and_a_read_me_only_that_it_is_left_out(
    tmp_path: Path,
) -> None:
    (tmp_path / "posts.csv").write_text("id,author,text\n1,acme,hi\n", encoding="utf-8")
    (tmp_path / "tweets.csv").write_text("tweet_id,screen_name,body\n1,acme,hi\n")
    (tmp_path / "LICENSE").write_text("MIT License\n\nPermission is hereby granted\n")
    (tmp_path / "empty.json").write_bytes(b"")
    plan, problems = _plan(tmp_path)
    assert [path.name for path, _source in plan] == ["posts.csv"]
    by_name = {Path(p.file).name: p for p in problems}
    assert by_name["LICENSE"].message == "not a known format"
    tweets = by_name["tweets.csv"]
    assert tweets.message.startswith(
        "not a known format: the header (line 1) has tweet_id, screen_name, body"
    )
    assert 'rename the columns "tweet_id" to "id" and "body" to "text"' in tweets.message
    # all three are left out whole: none of them lost a record
    assert all(left_out(p) for p in problems)
    assert [told_why(p) for p in problems] == [False, False, True]  # sorted: LICENSE, empty, ...
    assert is_empty_file(by_name["empty.json"]) and not is_empty_file(tweets)


def test_records_lost_are_not_files_left_out() -> None:
    assert not left_out(Problem("a.jsonl", 3, "not valid JSON: expecting value at column 1"))
    assert not left_out(Problem("a.zip", None, "the ZIP is damaged or cut short; skipped"))
    assert left_out(Problem("d", None, EMPTY_FOLDER)) and is_empty_file(
        Problem("d", None, EMPTY_FOLDER)
    )


POSTS_CSV = "id,author,text,created_at\n1,acme_hr,Our spring open day,2026-03-01T10:00:00Z\n"


def test_a_table_kept_in_an_x_archive_folder_is_read_beside_the_archive(tmp_path: Path) -> None:
    archive = archive_of(tmp_path / "export", MARCH)
    (archive / "notes.csv").write_text(POSTS_CSV, encoding="utf-8")
    (archive / "Your archive.html").write_text("<html>the archive's viewer</html>")
    media = archive / "data" / "tweets_media"
    media.mkdir()
    (media / "101-photo.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 64)

    plan, problems = _plan(tmp_path)

    names = [(path.relative_to(tmp_path).as_posix(), source.name) for path, source in plan]
    assert names == [("export", "x-archive"), ("export/notes.csv", "staffpulse-csv")]
    assert problems == []  # the viewer's page and the media are the archive's, never told


def test_a_table_kept_in_a_mastodon_archive_folder_is_read_too(tmp_path: Path) -> None:
    archive = tmp_path / "mastodon"
    for name, data in archive_members().items():
        (archive / name).parent.mkdir(parents=True, exist_ok=True)
        (archive / name).write_bytes(data)
    (archive / "notes.csv").write_text(POSTS_CSV, encoding="utf-8")

    plan, _problems = _plan(tmp_path)

    assert [path.name for path, _source in plan] == ["mastodon", "notes.csv"]


def test_what_import_and_score_say_of_a_file_they_cannot_read_names_neither(
    tmp_path: Path,
) -> None:
    # QA s25: score printed "skipped LICENSE: not a known format; file skipped", and told a
    # folder of nothing to read or a CSV to fix as things to "import", which score never does
    (tmp_path / "LICENSE").write_text("MIT License\n")
    (tmp_path / "empty.json").write_bytes(b"")
    _, problems = _plan(tmp_path)
    assert [f"skipped {p}" for p in problems] == [
        f"skipped {tmp_path / 'LICENSE'}: not a known format",
        f"skipped {tmp_path / 'empty.json'}: the file is empty",
    ]
    with pytest.raises(EmptyInputError) as nothing:
        refuse_empty_folder(tmp_path, problems)
    assert nothing.value.message == (
        f"{tmp_path}: the folder holds no file staffpulse can read: LICENSE: not a known format;"
        " empty.json: the file is empty"
    )
    table = tmp_path / "table.csv"
    table.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as unknown:
        detect(table)
    assert unknown.value.hint is not None
    assert unknown.value.hint.startswith("fix the file as said and try again; supported formats")


def test_a_folder_of_nothing_to_read_names_each_file_and_what_it_looks_like(
    tmp_path: Path,
) -> None:
    # QA s27: a folder holding only a saved web page and another tool's JSON was told only
    # "the folder holds no file staffpulse can read": no word of which file, or what it was
    (tmp_path / "page.html").write_text("<!DOCTYPE html>\n<html><body>Jobs</body></html>\n")
    (tmp_path / "people.json").write_text('[{"id": 1, "name": "Ana"}, {"id": 2, "name": "Bo"}]')
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    _, problems = _plan(tmp_path)
    with pytest.raises(EmptyInputError) as nothing:
        refuse_empty_folder(tmp_path, problems)
    not_ours = "not a file of posts or accounts"
    assert nothing.value.message == (
        f"{tmp_path}: the folder holds no file staffpulse can read: page.html is an HTML page"
        f" (a saved web page, or an export's viewer page), {not_ours}; people.json is a JSON"
        f" file whose records have no text field (the first has the keys id, name), {not_ours};"
        f" report.pdf is a PDF, {not_ours}"
    )
    hint = nothing.value.hint or ""
    assert "supported formats: " in hint and "X archive" in hint
    # what each format is: the import's help, which a pip install has (not docs/formats.md)
    assert hint.endswith("(staffpulse import --help says what each is)")


def test_a_folder_of_many_files_of_nothing_to_read_names_the_first_few(tmp_path: Path) -> None:
    for n in range(6):
        (tmp_path / f"page{n}.html").write_text("<html><body>old site</body></html>\n")
    _, problems = _plan(tmp_path)
    with pytest.raises(EmptyInputError) as nothing:
        refuse_empty_folder(tmp_path, problems)
    assert nothing.value.message.count(" is an HTML page") == SHOWN_LEFT
    assert nothing.value.message.endswith("; 2 more")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20), "a PNG image"),
    ],
)
def test_a_document_or_image_given_to_import_is_told_what_it_is(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    # a PDF was told only "not a format staffpulse can import", as a stranger's export is
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = f"not a format staffpulse can import: this is {kind}, not a file of posts or accounts"
    assert f"{path}: {said}" in str(refused.value)
    assert (
        unknown_file(path).message
        == f"not a known format: this is {kind}, not a file of posts or accounts"
    )


def test_a_file_of_zero_bytes_is_told_as_an_unfinished_copy(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b"\0" * 3000)  # what a cloud-sync placeholder or a crash while saving leaves
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "zero bytes (NUL) only: a copy or download that did not finish" in str(caught.value)
    assert "copy or export the file again" in str(caught.value)
    path.write_bytes(b"\0\0{}")  # some data: not this
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "zero bytes" not in str(caught.value)


def _locked(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``name`` refuse to open, as a file without read permission does (tests run as
    root in CI, where chmod 000 would not stop the read)."""
    opened = Path.open

    def refusing(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refusing)


def test_a_file_without_read_permission_is_told_and_the_rest_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both `import` and `score` stopped on it as "a bug in staffpulse" (exit 70), the readable
    # files of the folder unread.
    from typer.testing import CliRunner

    from staffpulse.cli import app

    folder = tmp_path / "exports"
    folder.mkdir()
    post = '{"type": "post", "platform": "x", "id": "%s", "author": "acme", "text": "Hi"}\n'
    (folder / "a.jsonl").write_text(post % "1", encoding="utf-8")
    (folder / "locked.jsonl").write_text(post % "2", encoding="utf-8")
    _locked(monkeypatch, "locked.jsonl")
    runner, db = CliRunner(), str(tmp_path / "s.db")

    result = runner.invoke(app, ["import", str(folder), "--db", db], env={"COLUMNS": "400"})

    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"{folder / 'locked.jsonl'}: cannot read the file (Permission denied)" in said
    assert "Files that could not be read: 1" in said and "Imported 1 post" in said

    (folder / "a.jsonl").unlink()  # nothing else to read: refused, naming the file
    result = runner.invoke(app, ["import", str(folder), "--db", db])
    assert result.exit_code == 65
    assert "locked.jsonl: cannot read the file (Permission denied)" in result.output


def test_a_link_whose_file_is_gone_is_told_not_passed_over(tmp_path: Path) -> None:
    # Both `import` and `score` skipped it without a word: its posts were lost in silence.
    from typer.testing import CliRunner

    from staffpulse.cli import app

    folder = tmp_path / "exports"
    folder.mkdir()
    post = '{"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "Hi"}\n'
    (folder / "a.jsonl").write_text(post, encoding="utf-8")
    (folder / "moved.jsonl").symlink_to(tmp_path / "gone" / "moved.jsonl")
    runner, db = CliRunner(), str(tmp_path / "s.db")

    result = runner.invoke(app, ["import", str(folder), "--db", db], env={"COLUMNS": "400"})

    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"{folder / 'moved.jsonl'}: a link to a file that is not there" in said
    assert "Put the file back where the link points" in said
    assert "Files that could not be read: 1" in said and "Imported 1 post" in said

    scored = runner.invoke(app, ["score", str(folder), "-o", str(tmp_path / "out"), "--json"])
    assert scored.exit_code == 0, scored.output
    summary = json.loads(scored.stdout)  # lost, as a file it may not read: no unknown format
    assert (summary["posts"], summary["files_skipped"], summary["skipped"]) == (1, 0, 1)
    assert summary["files_unread"] == 1
    assert "a link to a file that is not there" in str(summary["problems"])
    scored = runner.invoke(app, ["score", str(folder), "-o", str(tmp_path / "out")])
    said = " ".join(scored.output.split())  # a file lost whole, not a "malformed record"
    assert "skipped 0 malformed records; 1 file that could not be read" in said

    (folder / "a.jsonl").unlink()  # nothing else to read: refused, naming the link
    result = runner.invoke(app, ["import", str(folder), "--db", db])
    assert result.exit_code == 65
    assert "moved.jsonl: a link to a file that is not there" in result.output
