"""Reading a twarc2 / X API v2 file in the tests: its posts and accounts by id, and its
problems."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Account, Post
from staffpulse.sources.base import Problem
from staffpulse.sources.twarc2 import Twarc2
from staffpulse.store.core import Record

FIXTURES = Path(__file__).parent / "fixtures" / "twarc2"


def read_twarc2(path: Path) -> tuple[dict[str, Post], dict[str, Account], list[Problem]]:
    items = list(Twarc2().read(path))
    posts: dict[str, Post] = {}
    accounts: dict[str, Account] = {}
    for item in items:
        if isinstance(item, Record):
            for row in item.rows:
                if isinstance(row, Post):
                    posts[row.id] = row
                elif isinstance(row, Account):
                    accounts[row.id] = row
    return posts, accounts, [p for p in items if isinstance(p, Problem)]
