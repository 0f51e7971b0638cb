"""twarc2 CSV (twarc-csv column layout) on a small hand-written file."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.twarc_csv import TwarcCsv
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "twarc2" / "tweets.csv"


def test_twarc_csv_rows() -> None:
    assert detect(FILE).name == "twarc-csv"
    items = list(TwarcCsv().read(FILE))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    assert posts["400"].kind == "original" and posts["400"].text == "We are #hiring!\nApply today"
    assert posts["400"].hashtags == ("hiring",) and posts["400"].urls == (
        "https://acme.example/jobs",
    )
    assert posts["401"].kind == "reply" and posts["401"].reply_to_handle == "janedoe"
    assert posts["401"].mentions == ("janedoe",)
    assert posts["402"].kind == "repost" and posts["402"].reposted_post_id == "390"
    assert {r.id for r in rows if isinstance(r, Account)} == {"1"}
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.line, p.message) for p in problems] == [(5, "row without 'id' or 'author_id'")]
