"""Which columns ``staffpulse classify`` reads when a file lacks ``id`` or ``text``: a marketer's
export or a research set (iSarcasmEval's ``tweet`` and no id) is classified with its records
numbered by their line and a note naming the column read; two columns that could each be the
text stop the run (exit 65) naming them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import classify_file, error_text, run_classify


def _words(result: object) -> str:
    return " ".join(error_text(result).split())


def test_a_csv_without_an_id_is_numbered_by_line_and_its_text_column_named(
    tmp_path: Path,
) -> None:
    # as pandas writes a research set: an unnamed index column, the text under "tweet",
    # one text holding a line break inside quotes, and a row of empty cells at the end
    src = tmp_path / "train.csv"
    src.write_text(
        ',tweet,sarcastic\n0,Love Mondays,1\n1,"We\'re hiring\nnurses in Tulsa",0\n'
        "2,Good job team,0\n,,\n",
        encoding="utf-8",
    )
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [2, 3, 5]  # the line each row starts on
    said = _words(result)
    assert f"{src}: no 'text' column: the text was read from the 'tweet' column" in said
    assert "no 'id' column: each record's id is the number of its line in the file" in said
    assert "Classified 3 posts" in said and "skipped 0 malformed records" in said


@pytest.mark.parametrize("text_column", ["Tweet text", "content", "full_text", "post", "body"])
def test_an_exports_text_column_is_read_under_its_own_name(
    tmp_path: Path, text_column: str
) -> None:
    src = tmp_path / "export.csv"
    src.write_text(f"likes,{text_column}\n3,We're hiring: apply now\n", encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [2]
    assert f"the text was read from the '{text_column}' column" in _words(result)


def test_an_x_analytics_export_keeps_its_tweet_ids(tmp_path: Path) -> None:
    src = tmp_path / "tweet_activity_metrics.csv"
    src.write_text(
        "Tweet id,Tweet permalink,Tweet text,impressions\n"
        "1590000000000000001,https://x.com/acme/status/1590000000000000001,We're hiring,10\n",
        encoding="utf-8",
    )
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["1590000000000000001"]
    assert "no 'id' column: the ids were read from the 'Tweet id' column" in _words(result)


def test_two_columns_that_could_each_be_the_text_stop_the_run_naming_them(
    tmp_path: Path,
) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("id,content,body\n1,Hiring now,Full post\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 65
    said = _words(result)
    assert "no 'text' column, and 'content' and 'body' could each be the posts' text" in said
    assert "rename the one that holds the posts to text (e.g. content -> text)" in said
    assert not out.exists()


def test_jsonl_without_ids_is_numbered_by_line_with_the_field_read(tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text(
        json.dumps({"full_text": "We're hiring welders"})
        + "\n\n{broken\n"
        + json.dumps({"full_text": "Happy Friday!"})
        + "\n",
        encoding="utf-8",
    )
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [1, 4]
    said = _words(result)
    assert "no 'id' field: each record's id is the number of its line in the file" in said
    assert "records with no 'text' field: their text was read from 'full_text'" in said
    assert f"{src}:3: not valid JSON" in said and "skipped 1 malformed record" in said


def test_a_json_array_without_ids_is_numbered_by_item(tmp_path: Path) -> None:
    src = tmp_path / "posts.json"
    src.write_text(json.dumps([{"text": "a"}, {"text": "b"}]), encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [1, 2]
    assert "each record's id is the number of its item in the array" in _words(result)


def test_jsonl_whose_first_record_has_two_possible_texts_stops_naming_them(
    tmp_path: Path,
) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text(json.dumps({"id": 1, "content": "a", "message": "b"}) + "\n", encoding="utf-8")
    result = run_classify(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 65
    assert (
        f"{src}:1: no 'text' field, and 'content' and 'message' could each be the posts' text"
        in _words(result)
    )


def test_a_text_longer_than_any_post_is_scored_on_its_start_with_a_note(tmp_path: Path) -> None:
    """A 20 MB "post" (rows a stray quote joined) took a minute and 500 MB to score."""
    from staffpulse.signals.record_fields import LONGEST_TEXT

    start = "We're hiring forklift drivers in Dallas, apply now. " * (LONGEST_TEXT // 50)
    start = start[:LONGEST_TEXT]
    src = tmp_path / "posts.jsonl"
    src.write_text(
        json.dumps({"id": 1, "text": start + " lol " * 1_000})
        + "\n"
        + json.dumps({"id": 2, "text": start})
        + "\n",
        encoding="utf-8",
    )
    result, [long, cut] = classify_file(src)
    assert {k: v for k, v in long.items() if k != "id"} == {
        k: v for k, v in cut.items() if k != "id"
    }
    assert f"1 record had a text over {LONGEST_TEXT:,} characters" in _words(result)


@pytest.mark.parametrize("name", ["posts.txt", "posts.csv"])
def test_a_file_of_posts_one_a_line_under_a_text_header_is_read(tmp_path: Path, name: str) -> None:
    """A column copied out of a sheet: its commas are part of the posts, not cells (each such
    line was skipped as a row too wide; a .txt was read as JSON and refused)."""
    src = tmp_path / name
    src.write_text('text\nhello, world\n"quoted, ""text"""\n\nlast one\n', encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == [2, 3, 5]
    assert "skipped 0 malformed records" in _words(result)


def test_a_file_of_posts_without_a_header_says_to_add_one(tmp_path: Path) -> None:
    src = tmp_path / "posts.txt"
    src.write_text("hello world\nsecond post\n", encoding="utf-8")
    result = run_classify(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert "a file of posts one a line: add a first line that reads text" in _words(result)


def test_ids_a_spreadsheet_rounded_are_told_once(tmp_path: Path) -> None:
    """Excel writes an X id as 6.5873E+17: posts then share ids, which nothing said."""
    src = tmp_path / "export.csv"
    src.write_text(
        "Tweet id,Tweet text\n1590000000000000001,fine\n6.5873E+17,hello\n6.5873E+17,world\n",
        encoding="utf-8",
    )
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["1590000000000000001", "6.5873E+17", "6.5873E+17"]
    said = _words(result)
    assert "ids such as '6.5873E+17' (line 3) were rounded by a spreadsheet" in said
    assert said.count("rounded by a spreadsheet") == 1
    assert "import the id column as Text before saving" in said


def test_mastodon_statuses_are_scored_on_their_plain_text(tmp_path: Path) -> None:
    """A status' content is HTML: its markup (a mention's link and classes) was scored."""
    mention = (
        '<span class="h-card"><a href="https://example.social/@rita" class="u-url mention">'
        "@<span>rita</span></a></span>"
    )
    statuses = [
        {"id": "1", "content": f"<p>{mention} We&#39;re hiring nurses in Tulsa, apply now</p>"},
        {"id": "2", "content": "<p>@rita We're hiring nurses in Tulsa, apply now</p>"},
    ]
    src = tmp_path / "statuses.json"
    src.write_text(json.dumps(statuses), encoding="utf-8")
    result, [html, plain] = classify_file(src)
    assert {k: v for k, v in html.items() if k != "id"} == {
        k: v for k, v in plain.items() if k != "id"
    }
    assert "'content' is HTML, as Mastodon writes it" in _words(result)


def test_an_x_archive_tweets_js_is_classified(tmp_path: Path) -> None:
    """tweets.js from "Download an archive of your data" was read as JSON Lines: each of its
    lines skipped (119,989 for a real archive of 1,986 posts), nothing classified."""
    tweets = [
        {
            "tweet": {
                "id": "1588091220244369409",
                "id_str": "1588091220244369409",
                "full_text": "We're hiring a recruiter in Austin, apply now",
            }
        },
        {"tweet": {"id": "1588091220244369410", "full_text": "Happy Friday, team!"}},
    ]
    src = tmp_path / "tweets.js"
    src.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets, indent=2), encoding="utf-8")
    result, rows = classify_file(src)
    assert [r["id"] for r in rows] == ["1588091220244369409", "1588091220244369410"]
    assert "job_opening" in rows[0]["labels"]  # type: ignore[operator]
    assert "skipped 0 malformed records" in _words(result)


@pytest.mark.parametrize("name", ["posts.csv", "posts.txt"])
def test_a_csv_without_a_header_is_read_as_id_and_text_with_a_note(
    tmp_path: Path, name: str
) -> None:
    """``123,"We're hiring a nurse"`` was refused (exit 65) for a header without a text
    column: a two-column file whose first cell is a number can only be the contract's id,text."""
    src = tmp_path / name
    src.write_text(
        '1590000000000000001,"We\'re hiring a nurse, apply now"\n1590000000000000002,Good morning\n',
        encoding="utf-8",
    )
    result, rows = classify_file(src)
    # ids stay as written (strings, as every CSV id), the first row included
    assert [r["id"] for r in rows] == ["1590000000000000001", "1590000000000000002"]
    assert "job_opening" in rows[0]["labels"]  # type: ignore[operator]
    assert "no header line: line 1 holds a record" in _words(result)


def test_a_text_column_named_twice_reads_the_first(tmp_path: Path) -> None:
    """``id,text,text``: the second column's cell took the first one's place, so the post
    scored was not the one the first column, which the docs say is read, holds."""
    src = tmp_path / "posts.csv"
    src.write_text("id,text,text\n1,We're hiring a nurse apply now,lol\n", encoding="utf-8")
    _, rows = classify_file(src)
    assert "job_opening" in rows[0]["labels"]  # type: ignore[operator]
