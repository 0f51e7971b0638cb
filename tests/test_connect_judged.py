"""Voice and conversation from too few posts are not given anywhere: ``--json`` has them
null, the CSV leaves the cells empty, and the terminal and the web say "too few to judge";
the bar is the user's ``[audit] min_posts``."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import staffpulse.connect.fetching as fetching
import staffpulse.connect.suggest as suggest_module
import staffpulse.signals.roles as roles_module
from connect_fixtures import FakeRoleModel, FakeScorer, add_posts, build_store, reply_post
from staffpulse.cli.app import app
from staffpulse.connect.explanation import Explanation
from staffpulse.connect.suggestion import Suggestion
from staffpulse.models import Account, Post

runner = CliRunner()
TOO_FEW = "too few to judge voice and conversation"


def _candidate(handle: str, posts: int) -> list[Post | Account]:
    """An HR pro rita_recruits replies to, with ``posts`` replies of its own in its voice."""
    account = Account(
        platform="x", id=f"id_{handle}", handle=handle, display_name=handle.replace("_", " ")
    )
    rows: list[Post | Account] = [
        account,
        reply_post(900 + len(handle), "rita_recruits", handle, 1),
    ]
    rows += [
        reply_post(1000 + 10 * len(handle) + i, handle, "sam_stranger", 2) for i in range(posts)
    ]
    return rows


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The connect network plus quinn_hr (1 post of its own) and paula_posts (3 posts)."""
    path = tmp_path / "connect.db"
    with build_store(path) as store:
        add_posts(store, *_candidate("quinn_hr", 1), *_candidate("paula_posts", 3))
    monkeypatch.setattr(roles_module, "load_role_model_or_none", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "load_text_signals_or_none", FakeScorer)
    monkeypatch.setattr(fetching, "fetch_function", lambda platform: None)
    return path


def _min_posts(count: int) -> None:
    """``[audit] min_posts = count`` in the user's config file."""
    config = Path(os.environ["STAFFPULSE_HOME"]) / "config.toml"
    config.write_text(f"[audit]\nmin_posts = {count}\n", encoding="utf-8")


def _json(db: Path) -> dict[str, dict[str, Any]]:
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return {s["handle"]: s for s in json.loads(result.stdout)["suggestions"]}


def _csv(db: Path) -> dict[str, tuple[str, str]]:
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "csv"])
    assert result.exit_code == 0, result.output
    rows = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
    return {r["handle"]: (r["personal_posts_pct"], r["replies_pct"]) for r in rows}


def test_a_one_post_candidate_has_no_voice_in_json_nor_in_the_csv(db: Path) -> None:
    found = _json(db)
    quinn = found["quinn_hr"]
    assert (quinn["voice"], quinn["conversation"], quinn["own_posts"]) == (None, None, 1)
    assert "only 1 post of their own: " + TOO_FEW in quinn["explanation"]
    assert _csv(db)["quinn_hr"] == ("", "")
    # below the default min_posts (10) too: the figures are withheld alike everywhere
    assert found["paula_posts"]["voice"] is None and _csv(db)["paula_posts"] == ("", "")
    # a count untold (a report built by hand) withholds nothing
    assert Suggestion(**_hand_made(voice=40, conversation=50)).as_dict()["voice"] == 40


def test_the_users_min_posts_decides_when_figures_are_given(db: Path) -> None:
    _min_posts(3)
    found = _json(db)
    paula = found["paula_posts"]
    assert (paula["voice"], paula["conversation"], paula["own_posts"]) == (100, 100, 3)
    assert TOO_FEW not in paula["explanation"]
    assert "talks with people (100% replies)" in paula["explanation"]
    assert _csv(db)["paula_posts"] == ("100", "100")
    # one post is still too few under 3
    assert found["quinn_hr"]["voice"] is None and _csv(db)["quinn_hr"] == ("", "")
    _min_posts(1)
    assert _json(db)["quinn_hr"]["voice"] == 100 and _csv(db)["quinn_hr"] == ("100", "100")


def test_a_suggestion_ranked_with_a_bar_keeps_it() -> None:
    """The bar in force when ranked travels with the suggestion (a config changed since then
    does not change what an export of the same list says)."""
    few = Suggestion(**_hand_made(voice=100, conversation=0, judged=2, min_posts=3))
    assert not few.voice_judged and few.as_dict()["voice"] is None
    enough = Suggestion(**_hand_made(voice=100, conversation=0, judged=3, min_posts=3))
    assert enough.voice_judged and enough.as_dict()["conversation"] == 0


def _hand_made(**fields: Any) -> dict[str, Any]:
    return {
        "rank": 1,
        "platform": "x",
        "account_id": "1",
        "handle": "firm1",
        "display_name": "Firm 1",
        "url": None,
        "role": "recruiter",
        "score": 100.0,
        "pagerank": 0.1,
        "via": (),
        "reasons": Explanation(None, ("replied to you 1×",)),
        **fields,
    }


# --- the web: the same list, the same withheld figures ---------------------------------


@pytest.fixture
def web(db: Path) -> Iterator[Any]:
    pytest.importorskip("fastapi")
    from web_helpers import make_client

    with make_client(db) as client:
        yield client


def test_the_web_page_and_its_csv_agree_with_json(web: Any) -> None:
    page = web.get("/connect?account=x:acme_staffing").text
    assert "only 1 post of their own: " + TOO_FEW in page
    exported = web.get("/connect/export?account=x:acme_staffing&format=csv")
    rows = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))
    cells = {r["handle"]: (r["personal_posts_pct"], r["replies_pct"]) for r in rows}
    assert cells["quinn_hr"] == ("", "") and cells["paula_posts"] == ("", "")


def test_the_web_reads_the_users_min_posts(db: Path) -> None:
    pytest.importorskip("fastapi")
    from web_helpers import make_client

    _min_posts(3)
    with make_client(db) as client:
        page = client.get("/connect?account=x:acme_staffing").text
        exported = client.get("/connect/export?account=x:acme_staffing&format=csv")
    rows = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))
    cells = {r["handle"]: (r["personal_posts_pct"], r["replies_pct"]) for r in rows}
    assert cells["paula_posts"] == ("100", "100") and cells["quinn_hr"] == ("", "")
    assert "talks with people (100% replies)" in page
