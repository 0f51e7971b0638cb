"""Batch scoring: the Dask engine on a real LocalCluster gives the local engine's results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import InputError  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402

JOB = "We're hiring a {t} in {c}! Apply now: https://jobs.example/{n} #jobs #hiring"
CHAT = "@mia_recruits ha, the {t} interview story made my day. What would you have said?"


def _write_shards(folder: Path) -> list[Path]:
    folder.mkdir()
    shards = []
    for shard in range(3):
        lines = []
        for n in range(40):
            author = ("acmestaff", "jo_recruits")[n % 2]
            text = (JOB if author == "acmestaff" else CHAT).format(
                t=("forklift operator", "nurse", "welder")[n % 3], c="Dayton", n=n
            )
            lines.append(
                {
                    "type": "post",
                    "platform": "x",
                    "id": f"{shard}-{n}",
                    "author": author,
                    "text": text,
                    "created_at": f"2026-0{1 + shard}-{1 + n % 28:02d}T10:00:00Z",
                    "kind": "reply" if author == "jo_recruits" and n % 4 == 1 else "original",
                    "reply_to_author": "mia_recruits" if n % 4 == 1 else None,
                }
            )
        path = folder / f"shard-{shard}.jsonl"
        path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n")
        shards.append(path)
    return shards


def _read(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    posts = [
        row
        for part in sorted((folder / "posts").glob("*.parquet"))
        for row in pq.read_table(part).to_pylist()
    ]
    return posts, pq.read_table(folder / "accounts.parquet").to_pylist()


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(tmp_path: Path) -> None:
    _write_shards(tmp_path / "in")
    local = score_inputs([tmp_path / "in"], tmp_path / "local", engine="local")
    dask = score_inputs([tmp_path / "in"], tmp_path / "dask", engine="dask")
    assert (local.posts, local.accounts, local.skipped) == (120, 2, 3)
    assert dask.as_dict() | {"engine": "local", "output": ""} == local.as_dict() | {"output": ""}
    assert _read(tmp_path / "local") == _read(tmp_path / "dask")


def test_accounts_get_pillar_aggregates_in_the_right_direction(tmp_path: Path) -> None:
    _write_shards(tmp_path / "in")
    score_inputs([tmp_path / "in"], tmp_path / "out")
    posts, accounts = _read(tmp_path / "out")
    by_handle = {row["handle"]: row for row in accounts}
    firm, recruiter = by_handle["acmestaff"], by_handle["jo_recruits"]
    assert firm["job_share"] > 0.9 and recruiter["job_share"] < 0.1
    assert firm["mix"] < recruiter["mix"]
    assert firm["templated_share"] > 0.5
    assert recruiter["conversation"] > firm["conversation"]
    assert len(posts) == 120 and {"job_opening", "personality", "humor", "work_topic"} <= set(
        posts[0]
    )


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


def test_missing_input_and_bad_engine_are_clear(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        score_inputs([tmp_path / "nope"], tmp_path / "out")
    (tmp_path / "a.jsonl").write_text('{"type": "post", "id": "1", "author": "a", "text": "x"}\n')
    with pytest.raises(InputError, match="unknown engine"):
        score_inputs([tmp_path / "a.jsonl"], tmp_path / "out", engine="spark")


def test_score_command_json(tmp_path: Path) -> None:
    _write_shards(tmp_path / "in")
    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "out"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["posts"] == 120
