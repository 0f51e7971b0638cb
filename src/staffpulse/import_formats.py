"""The formats ``staffpulse import`` reads, said for ``staffpulse import --help``.

An import error sent the user to ``docs/formats.md``, which a pip install does not have: the
help lists each format by the name the errors use (a source's ``label``), with what the file is
and where it comes from, and the columns of staffpulse's own CSV and JSON Lines. Plain text,
no import of the sources: the help is built when the CLI starts (tests check that every
registered source is listed here).
"""

from __future__ import annotations

# (the source's label, what the file is), in the order a user meets them: their own exports
# first, then files from research tools and APIs, then staffpulse's own format
FORMATS: tuple[tuple[str, str], ...] = (
    ("X archive", "the ZIP from X's 'Download an archive of your data', or its folder"),
    ("X archive from before 2019 (Grailbird)", "the ZIP or folder of an archive made until 2019"),
    ("Community Archive", "archive.json, an X archive from community-archive.org"),
    ("Mastodon archive", "the .tar.gz from Mastodon's 'Request your archive', or its files"),
    ("Bluesky repo export (CAR)", "an account's repo.car from Bluesky's 'Export my data'"),
    ("X Analytics CSV", "the post activity CSV from X Analytics"),
    ("twarc2 / X API v2 JSON", "X API v2 responses, as twarc2 search or timeline saves them"),
    ("twarc2 CSV", "the CSV twarc2 csv writes from those"),
    ("X API v1.1 JSONL", "X API v1.1 tweets, one JSON object a line"),
    ("snscrape JSONL", "snscrape's --jsonl output"),
    ("Bluesky JSON", "Bluesky API responses: an author feed, a thread, a search, follows"),
    ("Mastodon JSON", "Mastodon API responses: statuses, a thread, accounts, a search"),
    ("Customer Support on Twitter (TWCS) CSV", "the customer-care tweets CSV (twcs.csv)"),
    ("IBM customer-care dialogs JSON", "IBM's customer-care dialog files"),
    ("staffpulse CSV", "a sheet of your own: columns below"),
    ("staffpulse JSONL", "the same records as JSON, one object a line"),
    ("ZIP", "a ZIP of any of these"),
    ("gzip (.gz) of any of these", "one file of any of these, gzipped"),
)

# The formats in a marketer's words, said before the list of readers by name (folders.py) and
# by the dashboard in place of that list (web/wording.py): one wording for both
PLAIN_FORMATS = (
    "an X archive (the ZIP as X sent it), twarc2 files, saved Bluesky or Mastodon posts, and"
    " CSV files with one post a line"
)

# staffpulse's own CSV and JSONL: the columns a user writes a file of their own with
OWN_COLUMNS = (
    "posts: id, author (or author_handle), text (needed); author_id, created_at "
    "(2026-03-01T14:05:00Z), kind (original, reply, repost, quote), reply_to_id, "
    "reply_to_author (or reply_to_handle), quoted_id, reposted_id, conversation_id, lang, "
    "likes, reposts, replies, quotes, url, mentions, hashtags, urls",
    "accounts: handle (needed); id, display_name, bio (or description), followers, following, "
    "post_count, "
    "verified, created_at, url, avatar_url, avatar_file (a picture file, its path from the "
    "file's folder)",
    "follows: follower, followee (needed)",
)


def describe_formats() -> str:
    """The help's list of formats and the columns of staffpulse's own, one line each."""
    lines = ["Formats read (each file's is detected; a folder or ZIP is read file by file):"]
    lines += [f"  {label}: {what}" for label, what in FORMATS]
    lines.append(
        "staffpulse CSV and JSONL, by record: a 'type' column (post, account, follow) mixes"
        " them (without it, a record with a text is a post, one without an account); with no"
        " 'platform' (x, bluesky, mastodon) a record is stored as CSV (no platform)"
    )
    lines += [f"  {columns}" for columns in OWN_COLUMNS]
    return "\n".join(lines)
