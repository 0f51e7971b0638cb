"""Control characters in fetched and listened words (staffpulse.store.control_characters):
dropped by the store from every row it writes, as an import drops them, the raw payload kept
as it came."""

from __future__ import annotations

import dataclasses
import json

from staffpulse.fetch.common import FetchReport, PageWriter
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Record, Store
from staffpulse.store.control_characters import row_without_controls, without_controls


def test_a_fetched_post_and_profile_lose_their_control_characters_but_not_their_raw_page(
    store: Store,
) -> None:
    report = FetchReport(platform="x", target="acme")
    page = {"data": [{"id": "7", "text": "We are hiring\x1b[2J nurses\x00 today"}]}
    rows = [
        Account(
            platform="x", id="9001", handle="acme", display_name="Acme\x07 Staff", bio="RN jobs\x1b"
        ),
        Post(platform="x", id="7", author_id="9001", text="We are hiring\x1b[2J nurses\x00 today"),
    ]
    PageWriter(store, "x-api", report).write(rows, "x:users/9001/tweets", page)
    assert report.posts == 1
    (text,) = store.conn.execute("SELECT text FROM posts WHERE id = '7'").fetchone()
    assert text == "We are hiring[2J nurses today"
    profile = store.conn.execute("SELECT display_name, bio FROM accounts").fetchone()
    assert tuple(profile) == ("Acme Staff", "RN jobs")
    (payload,) = store.conn.execute("SELECT payload FROM raw_payloads").fetchone()
    assert json.loads(payload) == page  # what the platform served, kept whole


def test_tabs_and_line_breaks_are_kept_and_a_clean_row_is_not_copied() -> None:
    post = Post(platform="bluesky", id="at://p/1", author_id="did:plc:a", text="a\tb\r\nc\x0bd")
    cleaned = row_without_controls(post)
    assert isinstance(cleaned, Post) and cleaned.text == "a\tb\r\ncd"
    clean = Post(platform="bluesky", id="at://p/2", author_id="did:plc:a", text="fine\n")
    assert row_without_controls(clean) is clean  # nothing to drop: not copied
    assert without_controls("\x01\x1f\x7f") == "\x7f"  # C0 only: DEL is another matter


def test_every_write_of_the_store_is_cleaned_whatever_its_source(store: Store) -> None:
    post = Post(platform="bluesky", id="at://p/3", author_id="did:plc:b", text="open\x00 role")
    store.write_records([Record(rows=(post,), provenance=provenance("jetstream", "listen"))])
    (text,) = store.conn.execute("SELECT text FROM posts").fetchone()
    assert text == "open role"


def test_a_profile_that_leaves_its_name_unknown_is_still_written(store: Store) -> None:
    unnamed = Account(platform="mastodon", id="https://example.social/@ana", handle="ana")
    unnamed = dataclasses.replace(unnamed, display_name=None, bio="Nurse\x1b recruiter")
    store.write_records([Record(rows=(unnamed,), provenance=provenance("test", "t"))])
    profile = store.conn.execute("SELECT display_name, bio FROM accounts").fetchone()
    assert tuple(profile) == ("", "Nurse recruiter")
