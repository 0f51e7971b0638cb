"""Hand-written X archives with long posts, in the documented shape of ``data/note-tweet.js``
(``window.YTD.note_tweet.part0 = [ {"noteTweet": {"noteTweetId", "createdAt", "core": {"text",
"urls": [{"shortUrl", "expandedUrl", "displayUrl"}], "mentions", "hashtags", ...}}} ]``)
beside a ``tweets.js`` whose post holds only the first 280 characters or so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# A long post: a story first, the job ad only past the cut (so only the whole text shows it)
OPENING = (
    "Ten years ago today I walked into our first office with a folding table, a borrowed "
    "laptop and no clients at all. Our first placement was a forklift operator named Sam, who "
    "still sends us a photo of his team every December. I think about that table a lot, and "
    "about how far a little trust goes &amp; stays."
)
TAIL = (
    " So here is the news: we are hiring 3 forklift operators for the night shift in Dayton, "
    "$19/hr, benefits from day one. DM me your resume or apply here: https://t.co/apply1 "
    "#hiring #jobs cc @JaneDoe"
)
LONG_TEXT = OPENING + TAIL
APPLY_URL = "https://acme.example/jobs/forklift"
TWEET_ID = "1650000000000000100"
NOTE_ID = "1650000000000000099"  # an id of its own, near the tweet's
WHEN = "Mon May 01 12:00:00 +0000 2023"
NOTE_WHEN = "2023-05-01T12:00:00.412Z"


def cut_tweet(
    tweet_id: str = TWEET_ID, text: str = LONG_TEXT, when: str = WHEN, cut: int = 270
) -> dict[str, Any]:
    """The post of a long text as tweets.js holds it: cut, "…", and a link to itself."""
    more = f"https://t.co/more{tweet_id[-3:]}"
    return {
        "id_str": tweet_id,
        "id": tweet_id,
        "created_at": when,
        "full_text": f"{text[:cut]}… {more}",
        "favorite_count": "4",
        "retweet_count": "1",
        "lang": "en",
        "entities": {
            "hashtags": [],
            "user_mentions": [],
            "urls": [
                {
                    "url": more,
                    "expanded_url": f"https://twitter.com/i/web/status/{tweet_id}",
                    "display_url": "twitter.com/i/web/status/1…",
                }
            ],
        },
    }


def note(note_id: str = NOTE_ID, text: str = LONG_TEXT, when: str = NOTE_WHEN) -> dict[str, Any]:
    """One entry of note-tweet.js."""
    urls = []
    if "https://t.co/apply1" in text:
        urls.append(
            {
                "shortUrl": "https://t.co/apply1",
                "expandedUrl": APPLY_URL,
                "displayUrl": "acme.example/jobs/forklift",
            }
        )
    return {
        "noteTweet": {
            "noteTweetId": note_id,
            "createdAt": when,
            "updatedAt": when,
            "lifecycle": {"value": "1", "name": "Created", "originalName": "Created"},
            "core": {
                "text": text,
                "urls": urls,
                "mentions": [{"screenName": "JaneDoe", "fromIndex": "0", "toIndex": "8"}]
                if "@JaneDoe" in text
                else [],
                "hashtags": [{"text": "hiring"}, {"text": "jobs"}] if "#hiring" in text else [],
                "cashtags": [],
                "styletags": [],
            },
        }
    }


def plain_tweet(tweet_id: str, text: str, when: str = WHEN) -> dict[str, Any]:
    return {"id_str": tweet_id, "created_at": when, "full_text": text, "entities": {}}


def ytd(name: str, entries: list[dict[str, Any]]) -> str:
    return f"window.YTD.{name}.part0 = {json.dumps(entries, indent=2, ensure_ascii=False)}"


def manifest(notes: int | None, tweets: int) -> str:
    """manifest.js listing tweets.js and, when ``notes`` is given, note-tweet.js."""
    types: dict[str, Any] = {
        "tweets": {"files": [{"fileName": "data/tweets.js", "count": str(tweets)}]},
    }
    if notes is not None:
        types["noteTweet"] = {
            "files": [
                {
                    "fileName": "data/note-tweet.js",
                    "globalName": "YTD.note_tweet.part0",
                    "count": str(notes),
                }
            ]
        }
    config = {
        "userInfo": {"accountId": "9001", "userName": "AcmeStaffing", "displayName": "Acme"},
        "archiveInfo": {"generationDate": "2023-06-01T00:00:00.000Z"},
        "dataTypes": types,
    }
    return f"window.__THAR_CONFIG = {json.dumps(config, indent=2)}"


def archive(
    root: Path,
    tweets: list[dict[str, Any]],
    notes: list[dict[str, Any]] | None,
    *,
    with_manifest: bool = False,
) -> Path:
    """An archive folder (``root/data/``): account.js, tweets.js and, unless ``notes`` is None,
    note-tweet.js; ``root`` is returned."""
    data = root / "data"
    data.mkdir(parents=True)
    account = [{"account": {"accountId": "9001", "username": "AcmeStaffing"}}]
    (data / "account.js").write_text(ytd("account", account), encoding="utf-8")
    entries = [{"tweet": tweet} for tweet in tweets]
    (data / "tweets.js").write_text(ytd("tweets", entries), encoding="utf-8")
    if notes is not None:
        (data / "note-tweet.js").write_text(ytd("note_tweet", notes), encoding="utf-8")
    if with_manifest:
        count = None if notes is None else len(notes)
        (data / "manifest.js").write_text(manifest(count, len(tweets)), encoding="utf-8")
    return root
