"""Handles too long to be handles are skipped at import with their file and line; X handles
over X's 15 characters are imported, with one notice for the file."""

from __future__ import annotations

from pathlib import Path

from staffpulse.handle_lengths import HandleLengths, long_x_note
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import open_store
from staffpulse.store.core import Record

HUGE = "x" * 3000


def _csv(tmp_path: Path, name: str, rows: list[str], header: str = "id,author,text") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_handle_longer_than_any_platform_allows_is_skipped_on_its_line(
    tmp_path: Path,
) -> None:
    path = _csv(tmp_path, "huge.csv", ["1,acme,hello", f"2,{HUGE},a post's text in a cell"])
    store = open_store(":memory:")
    report = import_paths(store, [path])
    assert (report.posts, report.accounts, report.skipped) == (1, 1, 1)
    [problem] = report.problems  # once: its bare author account is not told a second time
    assert (problem.file, problem.line) == (str(path), 3)
    assert problem.message.startswith("the handle @" + "x" * 30 + "… has 3,000 characters")
    assert "longer than any platform allows" in problem.message
    assert [s.account.handle for s in store.list_accounts()] == ["acme"]


def test_every_post_of_a_huge_handle_is_told_on_its_own_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, "huge.csv", [f"{i},{HUGE},post {i}" for i in range(1, 4)])
    store = open_store(":memory:")
    report = import_paths(store, [path])
    assert [p.line for p in report.problems] == [2, 3, 4] and report.skipped == 3
    assert store.list_accounts() == []


def test_long_but_possible_handles_are_kept(tmp_path: Path) -> None:
    domain = ".".join(["a" * 60] * 4)  # 243 characters: a long but valid domain
    rows = [f"1,{'b' * 9}.{domain},hi,bluesky", f"2,{'c' * 30}@{domain},hallo,mastodon"]
    path = _csv(tmp_path, "long.csv", rows, header="id,author,text,platform")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped, report.notices) == (2, 0, [])


def test_x_handles_over_15_characters_are_imported_with_one_notice_per_file(
    tmp_path: Path,
) -> None:
    rows = [f"{i},brightside_talent,post {i},x" for i in range(3)] + [
        "9,northgate_staffing,hi,x",
        "10,acme,hi,x",
    ]
    path = _csv(tmp_path, "x.csv", rows, header="id,author,text,platform")
    other = _csv(tmp_path, "y.csv", ["y1,dana_recruits_jobs,hi,x"], "id,author,text,platform")
    report = import_paths(open_store(":memory:"), [path, other])
    assert (report.posts, report.skipped) == (6, 0)
    assert [(n.file, n.message) for n in report.notices] == [
        (str(path), long_x_note(["brightside_talent", "northgate_staffing"])),
        (str(other), long_x_note(["dana_recruits_jobs"])),
    ]
    assert report.notices[0].message == (
        "X handles have at most 15 characters: check the file (2 handles are longer, such as "
        "@brightside_talent with 17; imported as written)"
    )
    assert "(@dana_recruits_jobs has 18; imported as written)" in report.notices[1].message


def test_a_record_keeps_the_rows_that_name_no_huge_handle() -> None:
    where = Provenance("test", "feed.json", "staffpulse", None, line=4)  # type: ignore[arg-type]
    post = Post(platform="x", id="1", author_id="42", author_handle="acme", text="hi")
    record = Record(
        rows=(
            post,
            Account(platform="x", id="7", handle=HUGE),
            Account(platform="x", id="42", handle="acme"),
        ),
        provenance=where,
    )
    kept, problem = HandleLengths().check(record)
    assert kept is not None and [type(r).__name__ for r in kept.rows] == ["Post", "Account"]
    assert problem is not None and (problem.file, problem.line) == ("feed.json", 4)
