"""A small hand-written network for the connect tests (fictional accounts, written here).

acme_staffing (the firm) replies to rita_recruits (a recruiter), who replies to hannah_hr
(an HR pro): hannah_hr is the one to suggest. rita also engages a vendor (val_vendor), a job
bot (tmj_jobs_bot), a vendor the firm already follows (fred_follows), and an account that has
been silent for a year (olga_old). A stranger (sam_stranger) talks only with people outside
the firm's circle.

For the export tests, suggestions as connect ranks them (make_suggestion, SUGGESTIONS): one
list with accounts of every platform, which each platform's format must sort out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from staffpulse.connect import SuggestReport, suggest_report
from staffpulse.connect.explanation import Explanation
from staffpulse.connect.suggest import Suggestion
from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.store import Store, open_store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

ROLES = {
    "acme_staffing": "staffing_firm",
    "rita_recruits": "recruiter",
    "hannah_hr": "hr_pro",
    "val_vendor": "vendor",
    "tmj_jobs_bot": "job_board",
    "fred_follows": "vendor",
    "olga_old": "recruiter",
    "sam_stranger": "other",
    "zed_zone": "other",
    "paula_posts": "recruiter",
    "zoe_reposts": "recruiter",
    "quinn_hr": "hr_pro",
    "lara_later": "recruiter",
    "acme.bsky.social": "staffing_firm",
    "rita.bsky.social": "recruiter",
    "hannah.bsky.social": "hr_pro",
}


@dataclass
class FakeRolePredictions:
    p_org: Any
    kind: list[str]
    role: list[str]
    role_scores: list[dict[str, float]]


class FakeRoleModel:
    """Looks each handle up in ROLES; any other handle is ``other``, which connect leaves out
    by default (``role="any"`` keeps it)."""

    def predict(
        self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]
    ) -> FakeRolePredictions:
        # Connect reads the display name ("Hannah Hr", made from the handle below), as
        # ``staffpulse roles`` does: looked up as the handle it was made from
        roles = [ROLES.get(n.lower().replace(" ", "_"), "other") for n in names]
        orgs = [r in {"staffing_firm", "vendor", "job_board", "employer"} for r in roles]
        return FakeRolePredictions(
            p_org=np.array([0.9 if o else 0.1 for o in orgs]),
            kind=["org" if o else "person" for o in orgs],
            role=roles,
            role_scores=[{r: 1.0} for r in roles],
        )


class FakeScorer:
    """Keyword post signals: 'hiring' is a job opening, 'I think' personality, 'haha' humor."""

    def score(self, texts: Sequence[str]) -> Mapping[str, Any]:
        low = [t.lower() for t in texts]
        return {
            "job_opening": np.array([float("hiring" in t) for t in low]),
            "personality": np.array([float("i think" in t) for t in low]),
            "humor": np.array([float("haha" in t) for t in low]),
            "work_topic": np.array([1.0 for _ in low]),
        }


def _account(handle: str) -> Account:
    return Account(
        platform="x",
        id=f"id_{handle}",
        handle=handle,
        display_name=handle.replace("_", " ").title(),
        bio=f"bio of {handle}",
        url=f"https://x.com/{handle}",
    )


class _Posts:
    def __init__(self) -> None:
        self.rows: list[Post] = []

    def add(
        self,
        author: str,
        text: str,
        days_ago: float,
        *,
        reply_to: str | None = None,
        mentions: tuple[str, ...] = (),
    ) -> None:
        n = len(self.rows)
        self.rows.append(
            Post(
                platform="x",
                id=f"p{n}",
                author_id=f"id_{author}",
                author_handle=author,
                text=text,
                created_at=NOW - timedelta(days=days_ago),
                kind="reply" if reply_to else "original",
                reply_to_account_id=f"id_{reply_to}" if reply_to else None,
                reply_to_handle=reply_to,
                mentions=mentions,
            )
        )


def build_store(path: Path | str = ":memory:") -> Store:
    """acme_staffing's network in a store: the ranking tests' ``store`` fixture, made in each
    module as ``store = pytest.fixture(build_store, name="store")``."""
    store = open_store(path)
    posts = _Posts()
    for i in range(3):
        posts.add("acme_staffing", "I think culture beats perks", 2 + i, reply_to="rita_recruits")
    for i in range(4):
        posts.add("rita_recruits", "I think so too, haha", 1 + i, reply_to="hannah_hr")
    posts.add("rita_recruits", "@val_vendor nice ATS demo", 3, mentions=("val_vendor",))
    posts.add("rita_recruits", "@val_vendor I think it works", 4, reply_to="val_vendor")
    posts.add("rita_recruits", "@tmj_jobs_bot spam?", 2, reply_to="tmj_jobs_bot")
    posts.add("rita_recruits", "@tmj_jobs_bot stop", 3, reply_to="tmj_jobs_bot")
    posts.add("rita_recruits", "@fred_follows thanks", 1, reply_to="fred_follows")
    posts.add("rita_recruits", "@olga_old miss you", 5, reply_to="olga_old")
    posts.add("rita_recruits", "@olga_old where are you", 6, reply_to="olga_old")
    posts.add("hannah_hr", "I think HR is people work", 1)
    posts.add("hannah_hr", "Thanks @rita_recruits haha", 2, reply_to="rita_recruits")
    posts.add("val_vendor", "New release of our ATS", 2)
    posts.add("val_vendor", "I think integrations matter", 3)
    for i in range(5):
        posts.add("tmj_jobs_bot", f"We're hiring: nurse #{i}", 1 + i)
    posts.add("fred_follows", "Webinar tomorrow", 2)
    posts.add("olga_old", "Last post before a long break", 400)
    posts.add("sam_stranger", "@zed_zone hello", 1, reply_to="zed_zone")
    posts.add("zed_zone", "@sam_stranger hi", 1, reply_to="sam_stranger")
    handles = sorted({p.author_handle for p in posts.rows})
    follow = Follow(platform="x", follower_id="id_acme_staffing", followee_id="id_fred_follows")
    prov = Provenance("test", "connect_fixtures", "test", NOW)
    store.upsert([*(_account(h) for h in handles), *posts.rows, follow], prov)
    store.refresh_interactions()
    return store


def add_posts(store: Store, *posts: Post | Account) -> None:
    """Write rows into a fixture store and bring its edges up to date."""
    store.upsert(list(posts), Provenance("test", "here", "t", NOW))
    store.refresh_interactions()


def reply_post(n: int, author: str, to: str, days_ago: float, **fields: object) -> Post:
    """Post ``t<n>``: ``author``'s reply to ``to``, ``days_ago`` before NOW."""
    return Post(
        platform="x",
        id=f"t{n}",
        author_id=f"id_{author}",
        author_handle=author,
        text=f"@{to} I think so",
        created_at=NOW - timedelta(days=days_ago),
        kind="reply",
        reply_to_account_id=f"id_{to}",
        reply_to_handle=to,
        **fields,  # type: ignore[arg-type]
    )


def make_post(post_id: str, author: str, days_ago: float, text: str = "I think so") -> Post:
    """Post ``post_id``: ``author``'s own post (no reply), ``days_ago`` before NOW."""
    return Post(
        platform="x",
        id=post_id,
        author_id=f"id_{author}",
        author_handle=author,
        text=text,
        created_at=NOW - timedelta(days=days_ago),
    )


def rank_with_fakes(store: Store, handle: str = "acme_staffing", **kwargs: Any) -> SuggestReport:
    """``suggest_report`` for ``handle`` with the fake role model and scorer, as of NOW unless
    ``now`` is given."""
    return suggest_report(
        store, handle, role_model=FakeRoleModel(), scorer=FakeScorer(), **{"now": NOW, **kwargs}
    )


# When the export tests write their lists (with microseconds: a TID counts in them).
WHEN = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)


def make_suggestion(
    rank: int, handle: str, account_id: str, url: str | None = None, platform: str = "x"
) -> Suggestion:
    """A recruiter suggested at ``rank`` (score 100/rank), its name holding a comma."""
    return Suggestion(
        rank=rank,
        platform=platform,
        account_id=account_id,
        handle=handle,
        display_name=f"Name, {handle}",  # a comma, to exercise quoting
        url=url,
        role="recruiter",
        score=100.0 / rank,
        pagerank=0.1,
        voice=80,
        conversation=None,
        via=("@a",),
        reasons=Explanation("recruiter", ("2 people you talk with replied to them", '"voice" 80')),
    )


# One store never mixes platforms in one list of suggestions, but an export must not trust
# that: each platform format keeps only its own platform's accounts.
SUGGESTIONS = [
    make_suggestion(1, "rita_recruits", "123", url="https://x.com/rita_recruits"),
    make_suggestion(
        2, "hannah.bsky.social", "did:plc:ewvi7nxzyoun6zhxrhs64oiz", platform="bluesky"
    ),
    make_suggestion(3, "val@hr.social", "109", platform="mastodon"),
    make_suggestion(4, "mona", "110", url="https://mastodon.social/@mona", platform="mastodon"),
    make_suggestion(5, "ben.example.com", "ben.example.com", platform="bluesky"),  # no DID known
]


def connect_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The network in a store file, with the fake models and no live fetcher: the CLI tests'
    ``db`` fixture, made in each module as ``db = pytest.fixture(connect_db, name="db")``."""
    # imported here, not at the top: the other connect tests do without these slow imports
    import staffpulse.connect.fetching as fetching
    import staffpulse.connect.suggest as suggest_module
    import staffpulse.signals.roles as roles_module

    path = tmp_path / "connect.db"
    build_store(path).close()
    # the shipped models' loaders, as connect and add-handles call them
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "load_text_signals_or_none", FakeScorer)
    # offline: no live fetcher for Bluesky or Mastodon in these tests
    monkeypatch.setattr(fetching, "fetch_function", lambda platform: None)
    return path
