"""How ``staffpulse score`` scores posts (staffpulse.scale.scoring): Mix and Voice on the posts
the audit judges them on, and a big shard in batches with the same result as whole.

The same hand-written feed is scored and, imported into a store, audited: the counts behind
the shares (original posts and quotes, job ads, posts in English) must be the audit's. A shard
scored in batches reports its progress after each batch and gives the result of one pass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from scale_helpers import post_line  # noqa: E402
from staffpulse.audit import audit_account  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.scale.inputs import read_posts  # noqa: E402
from staffpulse.scale.scoring import score_posts  # noqa: E402
from staffpulse.store import open_store  # noqa: E402

# (kind, lang, text): made-up posts of a staffing firm that writes in English and German
FIRM = [
    (
        "original",
        "en",
        "We're hiring a forklift operator in Dayton! Apply now: https://j.example/1",
    ),
    (
        "original",
        "en",
        "We're hiring a night-shift welder in Akron. Apply now: https://j.example/2",
    ),
    ("original", "en", "Our recruiter Sam ran her first marathon this weekend, so proud of her!"),
    ("original", "en", "What is the one interview question you always dread? Tell us below."),
    ("original", "en", "Monday tip: send a short thank-you note after every interview you do."),
    ("quote", "en", "This is exactly what we tell every candidate who walks in our door."),
    ("quote", "en", "Love this story about a warehouse team that trains its own leaders."),
    (
        "original",
        "de",
        "Wir suchen ab sofort einen Staplerfahrer (m/w/d) in Vollzeit in Köln. Jetzt bewerben!",
    ),
    ("original", "de", "Danke an unser ganzes Team für die tolle Woche, wir sind stolz auf euch."),
    ("reply", "en", "@dana_o Thanks for asking! The role is still open, send us a DM."),
    ("reply", "de", "@lena_k Danke, das ist nicht mehr aktuell, aber wir melden uns bei dir."),
    ("repost", "en", "RT @jobs_news: Hiring is up again this month across the Midwest."),
]
# an account that writes mostly in German: Mix and Voice cannot be judged, in both commands
MOSTLY_GERMAN = [
    ("original", "de", "Wir sind heute auf der Messe in Köln, kommt vorbei und sagt hallo!"),
    ("original", "de", "Danke an alle, die bei unserem Sommerfest dabei waren, es war super."),
    ("original", "en", "Happy Friday from the whole team, enjoy the weekend everyone!"),
]


def _write_feed(path: Path) -> Path:
    lines = []
    for handle, feed in (("acmestaff", FIRM), ("koeln_personal", MOSTLY_GERMAN)):
        for n, (kind, lang, text) in enumerate(feed):
            post: dict[str, Any] = {
                "type": "post",
                "platform": "x",
                "id": f"{handle}-{n}",
                "author": handle,
                "text": text,
                "kind": kind,
                "lang": lang,
                "created_at": f"2026-02-{1 + n:02d}T09:00:00Z",
            }
            if kind == "reply":
                post["reply_to_author"] = text.split()[0].lstrip("@")
            if kind == "quote":
                post["quoted_id"] = f"elsewhere-{n}"
            lines.append(json.dumps(post))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scored_and_audited(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("feed")
    feed = _write_feed(folder / "feed.jsonl")
    score_inputs([feed], folder / "out")
    rows = {
        row["handle"]: row for row in pq.read_table(folder / "out" / "accounts.parquet").to_pylist()
    }
    audits: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    with open_store(folder / "s.db") as store:
        import_paths(store, [feed])
        for handle, row in rows.items():
            result = audit_account(store, handle, "x", save=False)
            audits[handle] = (row, {name: p for name, p in result.pillars.items()})
    return audits


def test_quotes_count_as_original_posts_as_in_the_audit(
    scored_and_audited: dict[str, tuple[dict[str, Any], Any]],
) -> None:
    row, pillars = scored_and_audited["acmestaff"]
    mix = pillars["mix"]
    assert row["quotes"] == 2
    assert row["mix_posts"] == mix.evidence["original_posts"]
    assert row["job_ads"] == mix.evidence["job_ads"]
    assert row["job_share"] == pytest.approx(mix.evidence["job_share"], abs=0.0005)
    assert row["mix"] == pytest.approx(mix.score, abs=0.5)  # the audit rounds to a whole number
    # the two quotes are in the base: 5 English originals + 2 quotes, at least
    assert row["mix_posts"] >= 7


def test_posts_not_in_english_are_left_out_of_voice_as_in_the_audit(
    scored_and_audited: dict[str, tuple[dict[str, Any], Any]],
) -> None:
    row, pillars = scored_and_audited["acmestaff"]
    voice = pillars["voice"]
    german = sum(1 for kind, lang, _ in FIRM if lang == "de" and kind != "repost")
    assert row["not_english"] == voice.evidence["not_english"] == german
    assert row["voice_posts"] == voice.evidence["posts_scored"]
    assert row["personality_share"] == pytest.approx(
        voice.evidence["personality_share"], abs=0.0005
    )
    assert row["humor_share"] == pytest.approx(voice.evidence["humor_share"], abs=0.0005)


def test_a_german_staffing_ad_counts_as_a_job_ad_as_in_the_audit(
    scored_and_audited: dict[str, tuple[dict[str, Any], Any]],
) -> None:
    row, pillars = scored_and_audited["acmestaff"]
    assert pillars["mix"].evidence["job_ads_not_english"] == 1
    german_originals = sum(1 for kind, lang, _ in FIRM if lang == "de" and kind == "original")
    english_originals = sum(
        1 for kind, lang, _ in FIRM if lang == "en" and kind in ("original", "quote")
    )
    # the ad is read, the German chat is left out
    assert row["mix_posts"] == english_originals + german_originals - 1


def test_mostly_other_languages_leaves_mix_and_voice_unscored_in_both(
    scored_and_audited: dict[str, tuple[dict[str, Any], Any]],
) -> None:
    row, pillars = scored_and_audited["koeln_personal"]
    assert pillars["mix"].score is None and pillars["voice"].score is None
    assert row["mix"] is None and row["voice"] is None
    assert row["conversation"] is not None


def test_a_shard_is_scored_in_batches_with_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [post_line(str(n), author=("acme", "rosa")[n % 2]) for n in range(7)]
    lines.append(post_line("7", author="rosa", kind="quote", quoted_id="0", text="so true"))
    path.write_text("\n".join(lines) + "\n")
    posts = read_posts(path).posts
    heard: list[int] = []
    batched = score_posts(posts, heard.append, batch=3)
    whole = score_posts(posts)
    assert heard == [0, 3, 6, 8]
    assert batched.columns == whole.columns
    assert {k: p.talk.engaged for k, p in batched.partials.items()} == {
        k: p.talk.engaged for k, p in whole.partials.items()
    }
    steps: list[tuple[str, str, int, int | None]] = []
    shards: list[tuple[int, int]] = []
    score_inputs(
        [path],
        tmp_path / "out",
        progress=lambda done, total: shards.append((done, total)),
        on_posts=lambda *step: steps.append(step),
    )
    assert shards == [(0, 1), (1, 1)]
    assert steps[-1] == ("score", "feed.jsonl", 8, 8)
    assert ("read", "feed.jsonl", 8, None) in steps
