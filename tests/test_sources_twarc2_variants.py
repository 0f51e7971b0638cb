"""twarc2 / X API v2 files as users save them other than one JSON object a line: the pages or
flattened tweets pretty-printed one after another in a ``.jsonl`` (``jq .`` output), or
written with no line break between them; and posts longer than 280 characters."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import orjson
import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.twarc2 import Twarc2, rows_from_v2
from staffpulse.store import open_store
from staffpulse.store.core import Record
from twarc2_helpers import FIXTURES
from twarc2_helpers import read_twarc2 as _read

PAGES = Path(__file__).parent / "fixtures" / "twarc2" / "pages.jsonl"


def _pages() -> list[dict[str, object]]:
    """The fixture's pages that parse (its third line is broken on purpose)."""
    found = []
    for line in PAGES.read_bytes().splitlines():
        try:
            found.append(orjson.loads(line))
        except orjson.JSONDecodeError:
            continue
    return found


def _posts_and_problems(path: Path) -> tuple[set[str], list[Problem]]:
    items = list(Twarc2().read(path))
    rows = [row for item in items if isinstance(item, Record) for row in item.rows]
    posts = {row.id for row in rows if isinstance(row, Post)}
    return posts, [item for item in items if isinstance(item, Problem)]


def test_pretty_printed_pages_in_a_jsonl_are_read_as_its_lines_are(tmp_path: Path) -> None:
    pages = _pages()
    lines = tmp_path / "search.jsonl"
    lines.write_text("\n".join(json.dumps(page) for page in pages) + "\n")
    pretty = tmp_path / "search_pretty.jsonl"
    pretty.write_text("\n".join(json.dumps(page, indent=2) for page in pages) + "\n")
    glued = tmp_path / "search_glued.jsonl"
    glued.write_text("".join(json.dumps(page) for page in pages))
    expected, _ = _posts_and_problems(lines)
    assert expected  # the fixture holds posts
    for path in (pretty, glued):
        assert detect(path).name == "twarc2"
        assert _posts_and_problems(path) == (expected, [])


def test_a_broken_pretty_printed_tweet_costs_itself_with_its_line(tmp_path: Path) -> None:
    tweets = [
        {"id": str(300 + n), "author_id": "1", "text": f"post {n}", "edit_history_tweet_ids": []}
        for n in range(3)
    ]
    chunks = [json.dumps(tweet, indent=2) for tweet in tweets]
    chunks[1] = chunks[1].replace('"text":', '"text"')  # a colon lost in a hand edit
    path = tmp_path / "flat.jsonl"
    path.write_text("\n".join(chunks) + "\n")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (2, 1)
    (problem,) = report.problems
    assert (problem.file, problem.line) == (str(path), 7)
    assert "the object starting at line 7 was skipped" in problem.message
    assert "What to do: fix or remove that object" in problem.message


def test_a_post_longer_than_280_characters_keeps_its_whole_text_from_note_tweet() -> None:
    whole = "We are hiring " + "forklift operators in Dayton, " * 12 + "apply at #hiring @janedoe"
    tweet = {
        "id": "500",
        "author_id": "1",
        "text": whole[:279] + "…",  # what X puts in text: the first 280 characters
        "edit_history_tweet_ids": ["500"],
        "entities": {"urls": [{"expanded_url": "https://acme.example/jobs"}]},
        "note_tweet": {
            "text": whole,
            "entities": {
                "hashtags": [{"tag": "hiring"}],
                "mentions": [{"username": "janedoe", "id": "2"}],
            },
        },
    }
    before = copy.deepcopy(tweet)
    (post,) = [row for row in rows_from_v2(tweet) if isinstance(row, Post)]
    assert post.text == whole and len(post.text) > 280
    assert (post.hashtags, post.mentions) == (("hiring",), ("janedoe",))
    assert post.urls == ("https://acme.example/jobs",)  # the short text's entities kept too
    assert tweet == before  # the transformer is pure


def test_pretty_printed_document_is_still_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "response.json"
    page = {"data": [{"id": "7", "text": "hi", "author_id": "1"}], "meta": {"result_count": 1}}
    path.write_text(json.dumps(page, indent=2), encoding="utf-8")
    assert detect(path).name == "twarc2"
    posts, _, problems = _read(path)
    assert set(posts) == {"7"} and not problems


def test_a_response_cut_short_keeps_the_tweets_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "response.json"
    tweets = [{"id": str(n), "text": "hi", "author_id": "1"} for n in range(3)]
    text = json.dumps({"data": tweets, "includes": {"users": [{"id": "1"}]}}, indent=2)
    path.write_text(text[: text.index('"text": "hi"', text.index('"id": "2"'))])  # in the 3rd
    posts, _, (problem,) = _read(path)
    assert set(posts) == {"0", "1"} and problem.records == 1  # "Skipped 1 record": the 3rd
    assert "so the 2 entries before the cut were read and at least 1 entry lost" in problem.message
    path.write_text(text[: text.index('"includes"')], encoding="utf-8")  # its users cut off
    posts, _, (problem,) = _read(path)
    assert set(posts) == {"0", "1", "2"} and problem.records == 0
    assert "it stops in the middle, after its 3 entries, which were read" in problem.message


@pytest.mark.parametrize("indent", [None, 2])
def test_a_json_list_of_pages_reads_as_its_lines_do(tmp_path: Path, indent: int | None) -> None:
    """QA s20: ``jq -s . pages.jsonl`` (or a tweepy dump) was "not a format staffpulse can
    import"."""
    pages = []
    for line in (FIXTURES / "pages.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            pages.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # the fixture's malformed line
    path = tmp_path / "pages.json"
    path.write_text(json.dumps(pages, indent=indent), encoding="utf-8")
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    lines_posts, lines_accounts, _ = _read(FIXTURES / "pages.jsonl")
    assert posts == lines_posts and accounts == lines_accounts and problems == []


def test_a_json_list_of_flattened_tweets_is_read(tmp_path: Path) -> None:
    author = {"id": "7", "username": "AcmeStaffing", "name": "Acme Staffing"}
    tweets = [
        {
            "id": str(n),
            "author_id": "7",
            "author": author,
            "text": f"post {n}",
            "created_at": (f"2026-03-0{n}T10:00:00.000Z"),
        }
        for n in (1, 2)
    ]
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(tweets), encoding="utf-8")
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    assert set(posts) == {"1", "2"} and set(accounts) == {"7"} and problems == []
    assert posts["2"].author_handle == "AcmeStaffing"


def test_a_page_whose_one_tweet_is_damaged_is_one_record_skipped(tmp_path: Path) -> None:
    # the damaged tweet was told, then its page, left with "data": [], told again as
    # "page has no 'data'": two records skipped for one, and "the other 0 entries read"
    path = tmp_path / "page.json"
    path.write_text('{"data": [\n {"id": "1", "text": "Dock shifts open",,}\n]}\n')
    with open_store(tmp_path / "s.db") as store:
        assert import_paths(store, [path]).skipped == 1
    lines = tmp_path / "pages.jsonl"
    lines.write_text(
        '{"data": []}\n{"data": [{"id": "1", "text": "Dock shifts open", "author_id": "5"}]}\n'
    )
    with open_store(tmp_path / "t.db") as store:
        report = import_paths(store, [lines])
    assert (report.posts, report.skipped, report.problems) == (1, 0, [])
    items = list(detect(path).read(path))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.line, p.records) for p in problems] == [(2, 1)]
    assert "left out and the response holds no other." in problems[0].message
