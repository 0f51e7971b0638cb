"""Saved API responses: one document a file, or one a line (``curl ... >> feed.jsonl``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from staffpulse.models import Post
from staffpulse.sources.base import Problem
from staffpulse.sources.responses import Undated, is_response_lines, read_responses

PAGE = {"feed": [{"post": {"uri": "at://a"}}, {"post": {"uri": "at://b"}}]}


def test_responses_one_a_line_come_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(PAGE) + "\n\n" + json.dumps({"feed": []}) + "\n")
    assert is_response_lines(path)
    assert list(read_responses(path)) == [(1, PAGE), (3, {"feed": []})]


def test_a_bad_line_counts_the_entries_on_it(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(PAGE) + "\n" + json.dumps(PAGE)[:-3] + "\n" + "[1,\n")
    found = list(read_responses(path))
    assert found[0] == (1, PAGE)
    page, short = found[1:]
    assert isinstance(page, Problem) and (page.line, page.records) == (2, 2)
    assert "the 2 entries on this line were not read" in page.message
    assert isinstance(short, Problem) and (short.line, short.records) == (3, 1)


def test_one_document_is_read_whole(tmp_path: Path) -> None:
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(PAGE, indent=2))
    one_line = tmp_path / "one.json"
    one_line.write_text(json.dumps(PAGE) + "\n")  # as curl saves it: one line is one document
    for path in (pretty, one_line):
        assert not is_response_lines(path)
        assert list(read_responses(path)) == [(None, PAGE)]


def test_a_document_cut_short_gives_its_entries_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(PAGE)[:-5])  # in the second entry
    problem, page = read_responses(path)
    assert isinstance(problem, Problem) and problem.records == 1
    assert problem.message.startswith(
        "the file looks cut short: it stops in the middle, so the 1 entry before the cut was "
        "read and at least 1 entry lost. What to do: download or export the file again"
    )
    assert page == (None, {"feed": PAGE["feed"][:1]})
    path.write_text(json.dumps(PAGE)[:30])  # in the first: nothing whole to read
    (problem,) = read_responses(path)
    assert isinstance(problem, Problem) and problem.records == 1
    assert "so nothing in it was read (at least 1 entry lost)" in problem.message


def test_undated_posts_are_told_once_with_their_count(tmp_path: Path) -> None:
    undated = Undated("created_at")
    assert undated.notice(tmp_path) is None
    dated = datetime(2026, 1, 1, tzinfo=UTC)
    posts = [Post(platform="mastodon", id=str(n), author_id="a", created_at=None) for n in (1, 2)]
    undated.add([*posts, Post(platform="mastodon", id="3", author_id="a", created_at=dated)])
    notice = undated.notice(tmp_path / "s.json")
    assert notice is not None and notice.message.startswith("2 posts have no date (created_at")


def test_pretty_printed_responses_one_after_another_come_with_their_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "statuses.jsonl"  # jq . output of two pages, the first one broken
    broken = json.dumps(PAGE, indent=2).replace('"uri":', '"uri"', 1)
    path.write_text(broken + "\n" + json.dumps(PAGE, indent=2) + "\n")
    assert not is_response_lines(path)
    problem, page = read_responses(path)
    assert isinstance(problem, Problem) and (problem.line, problem.records) == (1, 2)
    assert "the object starting at line 1 was skipped (2 entries)" in problem.message
    assert page == (broken.count("\n") + 2, PAGE)
