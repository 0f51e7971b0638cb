"""The SQL of the store's idempotent writes: one upsert per table, keyed by ``(platform, id)``.

A later import may fill a field an earlier one lacked (``COALESCE``), but never blanks it,
and may make an original a reply (never the reverse): a reply whose parent was deleted was
read as an original before, and re-importing its file corrects it, conversation included.

Profiles and counts change over time, and files are imported in any order: each row carries
when it was observed (``observed_at``: a fetch's time, a twarc2 page's retrieval time, an
archive's generation date). A row observed before the stored one only fills what the store
lacks; a newer one, or one whose time neither knows, replaces it, as every write did before
observation times were kept (a file a person wrote is taken as they wrote it). So the newest
observation wins whatever the import order; of two observed at the same time, the fuller
(larger counts, then longer bio; a post's larger counts), whatever the order too.

A handle that is the account's own id (a Bluesky repo export names its account by its DID
alone) is a placeholder, no observation: any real handle replaces it, whatever the times, and
it never replaces a real one.

A Mastodon reply's parent is named two ways: by its home URI (an archive's ``inReplyTo``:
``fediscience.org:<id>``) or by the serving instance's local id (the API's
``in_reply_to_id``: ``fosstodon.org:<id>``). Only a stored parent tells them apart, so an
incoming target naming no stored post (nor an alias of one) keeps the stored target, unless
it is the home form (its host is the parent author's) and the stored one is not: importing
the archive and the API's JSON in turn then no longer flips the reply every week.
"""

from __future__ import annotations

# Of two profiles observed at the same time (two saved responses dated alike), the fuller
# wins: the larger counts, then the longer bio, so either import order stores the same one
_FULLER_KEY = (
    "(COALESCE({t}.post_count, -1), COALESCE({t}.followers, -1), COALESCE({t}.following, -1),"
    " length({t}.bio), {t}.bio, {t}.display_name, COALESCE({t}.avatar_url, ''))"
)
# The upsert's test of the incoming row: not observed before the stored one (its values win)
_ACCOUNT_FRESH = (
    "(excluded.observed_at IS NULL OR accounts.observed_at IS NULL"
    " OR excluded.observed_at > accounts.observed_at"
    " OR (excluded.observed_at = accounts.observed_at"
    f" AND {_FULLER_KEY.format(t='excluded')} >= {_FULLER_KEY.format(t='accounts')}))"
)
# Of two copies of a post observed at the same time (two twarc2 pages retrieved alike), the
# one with the larger counts wins, so either import order stores the same likes and reposts
_COUNTS_KEY = (
    "(COALESCE({t}.likes, -1), COALESCE({t}.reposts, -1), COALESCE({t}.replies, -1),"
    " COALESCE({t}.quotes, -1))"
)
_POST_FRESH = (
    "(excluded.observed_at IS NULL OR posts.observed_at IS NULL"
    " OR excluded.observed_at > posts.observed_at"
    " OR (excluded.observed_at = posts.observed_at"
    f" AND {_COUNTS_KEY.format(t='excluded')} >= {_COUNTS_KEY.format(t='posts')}))"
)
# A handle that is the account's id: the DID a repo export gives for want of the handle
STORED_PLACEHOLDER = "accounts.handle_norm = accounts.id"
_NEW_PLACEHOLDER = "excluded.handle_norm = excluded.id"
_HANDLE_WINS = (
    f"CASE WHEN {_NEW_PLACEHOLDER} AND NOT {STORED_PLACEHOLDER} THEN 0"
    f" WHEN {STORED_PLACEHOLDER} AND NOT {_NEW_PLACEHOLDER} THEN 1"
    f" ELSE {_ACCOUNT_FRESH} END"
)


def _home_form(target: str, account: str) -> str:
    """SQL: the reply target ``host:id`` names the host of the parent's author (its profile
    URL ``https://host/@name``): the parent's home id, which any stored copy is kept under."""
    return (
        f"lower({account}) LIKE 'https://' || substr({target}, 1, instr({target}, ':') - 1) || '/%'"
    )


_ACCOUNT_OF_PARENT = "COALESCE(excluded.reply_to_account_id, posts.reply_to_account_id)"
# the incoming reply target is no better than the stored one (module docstring)
_KEEP_REPLY_TARGET = f"""(
    posts.platform = 'mastodon'
    AND excluded.reply_to_post_id IS NOT NULL AND posts.reply_to_post_id IS NOT NULL
    AND excluded.reply_to_post_id != posts.reply_to_post_id
    AND NOT EXISTS (SELECT 1 FROM posts AS parent
                    WHERE parent.platform = excluded.platform
                    AND parent.id = excluded.reply_to_post_id)
    AND NOT EXISTS (SELECT 1 FROM post_aliases AS known
                    WHERE known.platform = excluded.platform
                    AND known.alias = excluded.reply_to_post_id)
    AND NOT ({_home_form("excluded.reply_to_post_id", _ACCOUNT_OF_PARENT)}
             AND NOT {_home_form("posts.reply_to_post_id", _ACCOUNT_OF_PARENT)})
)"""

# A post stored as an original or a quote, so as starting its own conversation, that now reads
# as a reply (one whose parent was deleted, read so before): its conversation is the one the
# new read names, or none known (an archive's), not the one it was taken to start. A reply
# stored as one keeps the conversation its source gave (X's API may name the reply's own id).
_NOW_A_REPLY = (
    "(excluded.kind = 'reply' AND posts.kind != 'reply' AND posts.conversation_id = posts.id)"
)


def _newer_or_kept(column: str, fresh: str, table: str) -> str:
    """A nullable column: the fresher row's value, else the other's (a blank is filled)."""
    return (
        f"{column} = CASE WHEN {fresh} THEN COALESCE(excluded.{column}, {table}.{column})"
        f" ELSE COALESCE({table}.{column}, excluded.{column}) END"
    )


def _text_newer_or_kept(column: str, fresh: str, table: str) -> str:
    """A text column where '' is blank: the fresher row's text unless blank, else the other's."""
    return (
        f"{column} = CASE WHEN excluded.{column} != '' AND ({fresh} OR {table}.{column} = '')"
        f" THEN excluded.{column} ELSE {table}.{column} END"
    )


def _observed(fresh: str, table: str) -> str:
    return (
        f"observed_at = CASE WHEN excluded.observed_at IS NOT NULL AND {fresh}"
        f" THEN excluded.observed_at ELSE {table}.observed_at END"
    )


_A = "accounts"
ACCOUNT_UPSERT = f"""
INSERT INTO accounts (platform, id, handle, handle_norm, display_name, bio, avatar_url,
    avatar_path, followers, following, post_count, created_at, url, verified, raw_id, first_seen,
    bio_known, name_known, observed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, id) DO UPDATE SET
    handle = CASE WHEN {_HANDLE_WINS} THEN excluded.handle ELSE accounts.handle END,
    handle_norm = CASE WHEN {_HANDLE_WINS} THEN excluded.handle_norm
                       ELSE accounts.handle_norm END,
    {_text_newer_or_kept("display_name", _ACCOUNT_FRESH, _A)},
    {_text_newer_or_kept("bio", _ACCOUNT_FRESH, _A)},
    bio_known = MAX(excluded.bio_known, accounts.bio_known),
    name_known = MAX(excluded.name_known, accounts.name_known),
    {_newer_or_kept("avatar_url", _ACCOUNT_FRESH, _A)},
    {_newer_or_kept("avatar_path", _ACCOUNT_FRESH, _A)},
    {_newer_or_kept("followers", _ACCOUNT_FRESH, _A)},
    {_newer_or_kept("following", _ACCOUNT_FRESH, _A)},
    {_newer_or_kept("post_count", _ACCOUNT_FRESH, _A)},
    created_at = COALESCE(excluded.created_at, accounts.created_at),
    {_newer_or_kept("url", _ACCOUNT_FRESH, _A)},
    verified = MAX(excluded.verified, accounts.verified),
    {_newer_or_kept("raw_id", _ACCOUNT_FRESH, _A)},
    {_observed(_ACCOUNT_FRESH, _A)}
"""

_P = "posts"
POST_UPSERT = f"""
INSERT INTO posts (platform, id, author_id, author_handle, text, created_at, lang, kind,
    reply_to_post_id, reply_to_account_id, reply_to_handle, conversation_id, quoted_post_id,
    reposted_post_id, mentions, hashtags, urls, likes, reposts, replies, quotes, url, raw_id,
    first_seen, observed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, id) DO UPDATE SET
    -- a post first saved without its author (author_id '') gets it when a fuller copy comes
    author_id = CASE WHEN posts.author_id = '' THEN excluded.author_id ELSE posts.author_id END,
    author_handle = CASE WHEN excluded.author_handle != '' THEN excluded.author_handle
                         ELSE posts.author_handle END,
    text = CASE WHEN excluded.text != '' THEN excluded.text ELSE posts.text END,
    created_at = COALESCE(excluded.created_at, posts.created_at),
    lang = COALESCE(excluded.lang, posts.lang),
    kind = CASE WHEN excluded.kind != 'original' THEN excluded.kind ELSE posts.kind END,
    reply_to_post_id = CASE WHEN {_KEEP_REPLY_TARGET} THEN posts.reply_to_post_id
                            ELSE COALESCE(excluded.reply_to_post_id, posts.reply_to_post_id) END,
    reply_to_account_id = COALESCE(excluded.reply_to_account_id, posts.reply_to_account_id),
    reply_to_handle = COALESCE(excluded.reply_to_handle, posts.reply_to_handle),
    conversation_id = CASE WHEN {_NOW_A_REPLY} THEN excluded.conversation_id
                           ELSE COALESCE(excluded.conversation_id, posts.conversation_id) END,
    quoted_post_id = COALESCE(excluded.quoted_post_id, posts.quoted_post_id),
    reposted_post_id = COALESCE(excluded.reposted_post_id, posts.reposted_post_id),
    mentions = CASE WHEN excluded.mentions != '[]' THEN excluded.mentions ELSE posts.mentions END,
    hashtags = CASE WHEN excluded.hashtags != '[]' THEN excluded.hashtags ELSE posts.hashtags END,
    urls = CASE WHEN excluded.urls != '[]' THEN excluded.urls ELSE posts.urls END,
    {_newer_or_kept("likes", _POST_FRESH, _P)},
    {_newer_or_kept("reposts", _POST_FRESH, _P)},
    {_newer_or_kept("replies", _POST_FRESH, _P)},
    {_newer_or_kept("quotes", _POST_FRESH, _P)},
    url = COALESCE(excluded.url, posts.url),
    raw_id = COALESCE(excluded.raw_id, posts.raw_id),
    {_observed(_POST_FRESH, _P)}
"""

FOLLOW_UPSERT = """
INSERT INTO follows (platform, follower_id, followee_id, follower_handle, followee_handle,
    first_seen)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, follower_id, followee_id) DO UPDATE SET
    follower_handle = COALESCE(excluded.follower_handle, follows.follower_handle),
    followee_handle = COALESCE(excluded.followee_handle, follows.followee_handle)
"""
