"""The SQL of the store's idempotent writes: one upsert per table, keyed by ``(platform, id)``.

A later import may fill a field an earlier one lacked (``COALESCE``), but never blanks it.
"""

from __future__ import annotations

ACCOUNT_UPSERT = """
INSERT INTO accounts (platform, id, handle, handle_norm, display_name, bio, avatar_url,
    avatar_path, followers, following, post_count, created_at, url, verified, raw_id, first_seen,
    bio_known, name_known)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, id) DO UPDATE SET
    handle = excluded.handle,
    handle_norm = excluded.handle_norm,
    display_name = CASE WHEN excluded.display_name != '' THEN excluded.display_name
                        ELSE accounts.display_name END,
    bio = CASE WHEN excluded.bio != '' THEN excluded.bio ELSE accounts.bio END,
    bio_known = MAX(excluded.bio_known, accounts.bio_known),
    name_known = MAX(excluded.name_known, accounts.name_known),
    avatar_url = COALESCE(excluded.avatar_url, accounts.avatar_url),
    avatar_path = COALESCE(excluded.avatar_path, accounts.avatar_path),
    followers = COALESCE(excluded.followers, accounts.followers),
    following = COALESCE(excluded.following, accounts.following),
    post_count = COALESCE(excluded.post_count, accounts.post_count),
    created_at = COALESCE(excluded.created_at, accounts.created_at),
    url = COALESCE(excluded.url, accounts.url),
    verified = MAX(excluded.verified, accounts.verified),
    raw_id = COALESCE(excluded.raw_id, accounts.raw_id)
"""

POST_UPSERT = """
INSERT INTO posts (platform, id, author_id, author_handle, text, created_at, lang, kind,
    reply_to_post_id, reply_to_account_id, reply_to_handle, conversation_id, quoted_post_id,
    reposted_post_id, mentions, hashtags, urls, likes, reposts, replies, quotes, url, raw_id,
    first_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, id) DO UPDATE SET
    -- a post first saved without its author (author_id '') gets it when a fuller copy comes
    author_id = CASE WHEN posts.author_id = '' THEN excluded.author_id ELSE posts.author_id END,
    author_handle = CASE WHEN excluded.author_handle != '' THEN excluded.author_handle
                         ELSE posts.author_handle END,
    text = CASE WHEN excluded.text != '' THEN excluded.text ELSE posts.text END,
    created_at = COALESCE(excluded.created_at, posts.created_at),
    lang = COALESCE(excluded.lang, posts.lang),
    kind = CASE WHEN excluded.kind != 'original' THEN excluded.kind ELSE posts.kind END,
    reply_to_post_id = COALESCE(excluded.reply_to_post_id, posts.reply_to_post_id),
    reply_to_account_id = COALESCE(excluded.reply_to_account_id, posts.reply_to_account_id),
    reply_to_handle = COALESCE(excluded.reply_to_handle, posts.reply_to_handle),
    conversation_id = COALESCE(excluded.conversation_id, posts.conversation_id),
    quoted_post_id = COALESCE(excluded.quoted_post_id, posts.quoted_post_id),
    reposted_post_id = COALESCE(excluded.reposted_post_id, posts.reposted_post_id),
    mentions = CASE WHEN excluded.mentions != '[]' THEN excluded.mentions ELSE posts.mentions END,
    hashtags = CASE WHEN excluded.hashtags != '[]' THEN excluded.hashtags ELSE posts.hashtags END,
    urls = CASE WHEN excluded.urls != '[]' THEN excluded.urls ELSE posts.urls END,
    likes = COALESCE(excluded.likes, posts.likes),
    reposts = COALESCE(excluded.reposts, posts.reposts),
    replies = COALESCE(excluded.replies, posts.replies),
    quotes = COALESCE(excluded.quotes, posts.quotes),
    url = COALESCE(excluded.url, posts.url),
    raw_id = COALESCE(excluded.raw_id, posts.raw_id)
"""

FOLLOW_UPSERT = """
INSERT INTO follows (platform, follower_id, followee_id, follower_handle, followee_handle,
    first_seen)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, follower_id, followee_id) DO UPDATE SET
    follower_handle = COALESCE(excluded.follower_handle, follows.follower_handle),
    followee_handle = COALESCE(excluded.followee_handle, follows.followee_handle)
"""
