"""Files of Facebook, Instagram and Threads (Graph API pages, Meta's "Download your
information") are told which platform they are from and that staffpulse does not import it,
not read as X API pages whose posts are "tweets without text"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect
from staffpulse.sources.meta_exports import why_meta_export

runner = CliRunner()

# A page of posts as Facebook's Graph API returns it (GET /{page-id}/posts)
FACEBOOK_PAGE = {
    "data": [
        {
            "created_time": "2026-10-30T09:12:44+0000",
            "message": "Open day at our Leeds branch on Friday",
            "id": "104000000000001_200000000000001",
        }
    ],
    "paging": {"cursors": {"before": "QVFa", "after": "QVFb"}},
}
# A page of media as Instagram's Graph API returns it (GET /{ig-user-id}/media)
INSTAGRAM_PAGE = {
    "data": [
        {
            "id": "17900000000000001",
            "caption": "Our new office plants have names now",
            "media_type": "IMAGE",
            "timestamp": "2026-10-29T15:00:00+0000",
        }
    ]
}
# The posts of Facebook's and Instagram's "Download your information", and of Threads
FACEBOOK_DOWNLOAD = [
    {"timestamp": 1761820000, "data": [{"post": "Coffee morning for our temps"}], "title": "x"}
]
INSTAGRAM_DOWNLOAD = [
    {"media": [{"uri": "media/posts/202610/1.jpg", "creation_timestamp": 1761820000}]}
]
THREADS_DOWNLOAD = {
    "text_post_app_text_posts": [
        {"media": [{"uri": "", "creation_timestamp": 1761820000, "title": "First thread"}]}
    ]
}


@pytest.mark.parametrize(
    ("content", "told"),
    [
        (FACEBOOK_PAGE, "a page of Facebook's Graph API"),
        (INSTAGRAM_PAGE, "a page of Instagram's Graph API"),
        (FACEBOOK_DOWNLOAD, 'a file of Facebook\'s "Download your information"'),
        (INSTAGRAM_DOWNLOAD, 'a file of Instagram\'s "Download your information"'),
        (
            THREADS_DOWNLOAD,
            "a file of Instagram's \"Download your information\" (Accounts Centre), the account's Threads",
        ),
    ],
)
def test_each_file_is_told_its_platform_and_that_it_is_not_imported(
    tmp_path: Path, content: object, told: str
) -> None:
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = str(refused.value)
    assert f"this is {told}" in said
    assert "staffpulse coaches X, Bluesky and Mastodon accounts and does not import" in said
    assert "tweet" not in said and "no text field" not in said


def test_a_facebook_page_on_one_line_is_refused_not_skipped_as_tweets(tmp_path: Path) -> None:
    path = tmp_path / "fb_posts.json"
    path.write_text(json.dumps(FACEBOOK_PAGE), encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 65, said
    assert "does not import Facebook; import the firm's exports from those platforms" in said
    assert "tweet without 'text'" not in said
    assert not (tmp_path / "s.db").exists()


def test_an_x_api_page_is_still_read_as_one(tmp_path: Path) -> None:
    page = {
        "data": [{"id": "1", "text": "Hiring forklift drivers", "author_id": "9"}],
        "includes": {"users": [{"id": "9", "username": "acme", "name": "Acme"}]},
    }
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    assert detect(path).label == "twarc2 / X API v2 JSON"
    assert why_meta_export(path, path.read_bytes()) is None


def test_a_tweet_quoting_a_graph_key_is_no_facebook_page(tmp_path: Path) -> None:
    text = 'our API returns "created_time": and "paging": keys'
    page = {"data": [{"id": "1", "text": text, "author_id": "9"}]}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    assert detect(path).label == "twarc2 / X API v2 JSON"
