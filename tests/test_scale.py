"""Batch scoring (staffpulse.scale.engine, ``staffpulse score``): the Dask engine on a real
LocalCluster gives the local engine's results, each post counts once, accounts get their
pillars, and the first pass is told shard by shard. Inputs it cannot use are in
test_scale_engine_problems.py, the scheduler and date order in test_scale_engine_options.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from scale_engine_helpers import read_scored, write_feed_shards  # noqa: E402
from staffpulse.cli import app  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path: Path) -> None:
    shards = write_feed_shards(tmp_path / "in")
    # an overlapping collection: 10 posts of shard 0 again, in a file of its own
    again = shards[0].read_text().splitlines()[:10]
    (tmp_path / "in" / "shard-3.jsonl").write_text("\n".join(again) + "\n")
    local = score_inputs([tmp_path / "in"], tmp_path / "local", engine="local")
    dask = score_inputs([tmp_path / "in"], tmp_path / "dask", engine="dask")
    assert (local.posts, local.accounts, local.skipped, local.duplicates) == (120, 2, 3, 10)
    assert dask.as_dict() | {"engine": "local", "output": ""} == local.as_dict() | {"output": ""}
    assert read_scored(tmp_path / "local") == read_scored(tmp_path / "dask")


def test_accounts_get_pillar_aggregates_in_the_right_direction(tmp_path: Path) -> None:
    write_feed_shards(tmp_path / "in")
    score_inputs([tmp_path / "in"], tmp_path / "out")
    posts, accounts = read_scored(tmp_path / "out")
    by_handle = {row["handle"]: row for row in accounts}
    firm, recruiter = by_handle["acmestaff"], by_handle["jo_recruits"]
    assert firm["job_share"] > 0.9 and recruiter["job_share"] < 0.1
    assert firm["mix"] < recruiter["mix"]
    assert firm["exact_copy_share"] > 0.5
    assert recruiter["conversation"] > firm["conversation"]
    assert len(posts) == 120 and {"job_opening", "personality", "humor", "work_topic"} <= set(
        posts[0]
    )


def test_each_post_counts_once_and_self_replies_are_not_conversation(tmp_path: Path) -> None:
    def line(pid: str, **extra: object) -> str:
        record = {"type": "post", "platform": "x", "id": pid, "author": "rosa", "text": "hi"}
        return json.dumps(record | {"created_at": "2026-01-01T10:00:00Z"} | extra)

    shard = tmp_path / "feed.jsonl"
    shard.write_text(
        "\n".join(
            [
                line("1"),
                line("1"),  # a page repeats it
                line("2", kind="reply", reply_to_author="rosa"),  # her own thread
                line("3", kind="reply", reply_to_author="sam"),
            ]
        )
        + "\n"
    )
    summary = score_inputs([shard, shard], tmp_path / "out")  # the same file named twice
    assert (summary.posts, summary.duplicates) == (3, 1)
    _posts, accounts = read_scored(tmp_path / "out")
    assert [(a["posts"], a["replies"]) for a in accounts] == [(3, 1)]


def test_parquet_input_is_scored_like_jsonl(tmp_path: Path) -> None:
    import pyarrow as pa

    rows = [
        {
            "platform": "x",
            "id": "1",
            "author": "acme",
            "text": "We're hiring! Apply now",
            "created_at": "2026-01-01T00:00:00Z",
            "kind": "original",
        },
        {"platform": "x", "id": "2", "author": None, "text": "no author", "kind": "original"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    summary = score_inputs([tmp_path / "in.parquet"], tmp_path / "out")
    assert (summary.posts, summary.skipped) == (1, 1)


def test_score_command_json(tmp_path: Path) -> None:
    write_feed_shards(tmp_path / "in")
    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "out"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["posts"] == 120


def test_the_copy_share_is_named_for_what_it_counts(tmp_path: Path) -> None:
    # ads that differ only in the job (in lower case: not masked as a name) and the town: the
    # audit's near-copies, not exact copies
    jobs = ("welder", "picker", "driver", "packer", "loader", "cleaner")
    towns = ("Dayton", "Akron", "Toledo", "Canton", "Parma", "Kent")
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        {
            "type": "post",
            "platform": "x",
            "id": str(n),
            "author": "sunbeltcare",
            "text": f"Great pay and benefits from day one at our warehouse, so apply today to "
            f"work as a {job} in {town}!",
            "created_at": f"2026-01-{1 + n:02d}T10:00:00Z",
        }
        for n, (job, town) in enumerate(zip(jobs, towns, strict=True))
    ]
    (folder / "ads.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    score_inputs([folder], tmp_path / "out", engine="local")
    _posts, accounts = read_scored(tmp_path / "out")
    # no column called "templated" that disagrees with the audit's Templated share
    assert "templated_share" not in accounts[0]
    assert accounts[0]["exact_copy_share"] == 0.0
    from staffpulse.signals.templating import detect_templates

    assert detect_templates([str(x["text"]) for x in lines]).share == 1.0  # the audit's view
    docs = (Path(__file__).parents[1] / "docs" / "scale.md").read_text(encoding="utf-8")
    assert "`exact_copy_share` counts only exact copies" in docs and "near-copies" in docs


@pytest.mark.slow
def test_the_dask_first_pass_is_told_shard_by_shard(tmp_path: Path) -> None:
    # On 6 shards of 50,000 posts the first pass took 13 of 56 s shown as "Scoring shards
    # 0/6", as if nothing moved; it is now "Reading post ids (first pass) 3/6".
    heard: list[tuple[str, str, int, int | None]] = []
    shards = write_feed_shards(tmp_path / "in")
    score_inputs(
        shards,
        tmp_path / "o",
        engine="dask",
        on_posts=lambda step, name, done, total: heard.append((step, name, done, total)),
    )
    assert heard[0] == ("ids", "", 0, 3) and heard[-1] == ("ids", "", 3, 3)
    assert [done for _step, _name, done, _total in heard] == [0, 1, 2, 3]
