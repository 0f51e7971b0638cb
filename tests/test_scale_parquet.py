"""``staffpulse score`` output: every part has one schema, so the folder reads as one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.scale.parquet import ACCOUNT_TYPES, POST_TYPES, write_accounts  # noqa: E402
from staffpulse.signals.text import SIGNAL_NAMES  # noqa: E402

# Shaped like a recorded X API v2 answer of followers: users, no posts (made up)
USERS_ONLY = {
    "data": [
        {"id": "11", "name": "Dana Ortiz", "username": "dana_o"},
        {"id": "12", "name": "Lee Park", "username": "leepark"},
    ]
}


def _posts_file(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    lines = [
        {
            "type": "post",
            "platform": "x",
            "id": str(n),
            "author": "acmestaff",
            "text": f"We're hiring a welder in Dayton, role {n}. Apply now!",
            "created_at": f"2026-01-0{n}T10:00:00.250Z",
        }
        for n in range(1, 4)
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("users_first", [True, False])
def test_a_users_only_file_beside_posts_reads_as_one_table(
    tmp_path: Path, users_first: bool
) -> None:
    users = tmp_path / "followers.json"
    users.write_text(json.dumps(USERS_ONLY), encoding="utf-8")
    posts = _posts_file(tmp_path)
    inputs = [users, posts] if users_first else [posts, users]
    summary = score_inputs(inputs, tmp_path / "out")
    assert summary.posts == 3
    table = pq.read_table(tmp_path / "out" / "posts")  # the whole folder, as pandas reads it
    assert table.num_rows == 3
    for name in SIGNAL_NAMES:
        assert table.schema.field(name).type == pa.float64(), name
    assert table.schema.field("created_at").type == pa.timestamp("ms", tz="UTC")
    first = table.column("created_at")[0].as_py()
    assert (first.year, first.month, first.day, first.hour) == (2026, 1, 1, 10)
    assert first.microsecond == 250_000  # milliseconds kept


def test_a_file_of_posts_all_seen_before_writes_a_typed_empty_part(tmp_path: Path) -> None:
    posts = _posts_file(tmp_path)
    again = tmp_path / "again.jsonl"  # an overlapping collection: the same posts
    again.write_text(posts.read_text(encoding="utf-8"), encoding="utf-8")
    score_inputs([posts, again], tmp_path / "out")
    empty = pq.read_table(tmp_path / "out" / "posts" / "part-00001.parquet")
    assert empty.num_rows == 0
    assert [(f.name, str(f.type)) for f in empty.schema] == [
        (f.name, str(f.type)) for f in pq.read_table(tmp_path / "out" / "posts").schema
    ]
    assert empty.schema.field("job_opening").type == pa.float64()


def test_accounts_have_typed_columns_and_times_as_utc_timestamps(tmp_path: Path) -> None:
    score_inputs([_posts_file(tmp_path)], tmp_path / "out")
    table = pq.read_table(tmp_path / "out" / "accounts.parquet")
    assert table.schema.names == list(ACCOUNT_TYPES)
    assert table.schema.field("first_post").type == pa.timestamp("ms", tz="UTC")
    assert table.schema.field("job_share").type == pa.float64()
    assert table.schema.field("posts").type == pa.int64()
    (row,) = table.to_pylist()
    assert (row["first_post"].day, row["last_post"].day) == (1, 3)
    assert row["first_post"].utcoffset() is not None and row["first_post"].hour == 10


def test_nothing_to_score_still_writes_typed_empty_tables(tmp_path: Path) -> None:
    write_accounts([], tmp_path / "accounts.parquet")
    table = pq.read_table(tmp_path / "accounts.parquet")
    assert table.num_rows == 0 and table.schema.field("mix").type == pa.float64()
    assert "created_at" in POST_TYPES


def test_a_column_missing_from_the_schema_is_an_error_not_a_silent_drop(tmp_path: Path) -> None:
    row = dict.fromkeys(ACCOUNT_TYPES) | {"new_share": 0.5}
    with pytest.raises(ValueError, match="differ from the Parquet schema"):
        write_accounts([row], tmp_path / "accounts.parquet")
