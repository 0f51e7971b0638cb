"""Batch scoring (staffpulse.scale.engine, ``staffpulse score``): the Dask engine on a real
LocalCluster gives the local engine's results; inputs that are missing, of no known format,
unreadable or a CSV header without rows are named; an unreachable scheduler is told."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import EmptyInputError, FetchError, InputError  # noqa: E402
from staffpulse.scale import engine as engine_module  # noqa: E402
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
    shards = _write_shards(tmp_path / "in")
    # an overlapping collection: 10 posts of shard 0 again, in a file of its own
    again = shards[0].read_text().splitlines()[:10]
    (tmp_path / "in" / "shard-3.jsonl").write_text("\n".join(again) + "\n")
    local = score_inputs([tmp_path / "in"], tmp_path / "local", engine="local")
    dask = score_inputs([tmp_path / "in"], tmp_path / "dask", engine="dask")
    assert (local.posts, local.accounts, local.skipped, local.duplicates) == (120, 2, 3, 10)
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
    _posts, accounts = _read(tmp_path / "out")
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


def test_output_that_is_a_file_is_an_input_error(tmp_path: Path) -> None:
    shards = _write_shards(tmp_path / "in")
    handles = tmp_path / "handles.txt"
    handles.write_text("@someone\n")
    with pytest.raises(InputError, match=r"--output must be a folder; .*handles\.txt is a file"):
        score_inputs([shards[0]], handles)
    with pytest.raises(InputError, match="cannot create the output folder"):
        score_inputs([shards[0]], handles / "out")  # a file in the way higher up
    result = CliRunner().invoke(app, ["score", str(shards[0]), "--output", str(handles)])
    assert result.exit_code == 65, result.output
    assert "--output must be a folder" in result.stderr and "Traceback" not in result.output
    assert handles.read_text() == "@someone\n"


def test_folder_files_of_unknown_format_are_skipped_and_reported(tmp_path: Path) -> None:
    _write_shards(tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("# my shards\n")
    (tmp_path / "in" / ".hidden").write_text("not looked at")
    summary = score_inputs([tmp_path / "in"], tmp_path / "out")
    assert (summary.shards, summary.posts, summary.skipped, summary.files_skipped) == (3, 120, 3, 1)
    readme = str(tmp_path / "in" / "README.md")
    assert summary.problems[0] == {
        "file": readme,
        "line": None,
        "message": "not a known format",
    }
    logged = (tmp_path / "out" / "problems.jsonl").read_text().splitlines()
    assert json.loads(logged[0])["file"] == readme and len(logged) == 4
    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "cli")]
    )
    assert result.exit_code == 0, result.output
    assert f"skipped {readme}: not a known format" in result.stderr.replace("\n", "")
    as_json = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "cli"), "--json"]
    )
    report = json.loads(as_json.stdout)
    assert report["files_skipped"] == 1 and report["problems"][0]["file"] == readme


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=pytest.mark.slow)])
def test_a_skipped_line_is_named_by_the_path_typed_as_a_skipped_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    _write_shards(tmp_path / "in")
    (tmp_path / "in" / "PROVENANCE.txt").write_text("made by hand\n")
    monkeypatch.chdir(tmp_path)
    # shard-0 named twice, as typed and inside its folder: scored once, named as typed first
    typed = ["./in/shard-0.jsonl", "in", "--output", "out", "--engine", engine]
    result = CliRunner().invoke(app, ["score", *typed])
    assert result.exit_code == 0, result.output
    told = result.stderr.replace("\n", "")
    assert "skipped in/PROVENANCE.txt: not a known format" in told
    assert "skipped in/shard-0.jsonl:41: not valid JSON" in told
    assert "skipped in/shard-1.jsonl:41: not valid JSON" in told
    assert str(tmp_path) not in told
    logged = (tmp_path / "out" / "problems.jsonl").read_text().splitlines()
    assert [json.loads(line)["file"] for line in logged] == [
        "in/PROVENANCE.txt",
        "in/shard-0.jsonl",
        "in/shard-1.jsonl",
        "in/shard-2.jsonl",
    ]


def test_folder_of_parquet_and_unknown_files(tmp_path: Path) -> None:
    import pyarrow as pa

    (tmp_path / "in" / "sub").mkdir(parents=True)
    row = {"platform": "x", "id": "1", "author": "acme", "text": "hi", "kind": "original"}
    pq.write_table(pa.Table.from_pylist([row]), tmp_path / "in" / "sub" / "a.parquet")
    (tmp_path / "in" / "notes.txt").write_text("just notes\n")
    summary = score_inputs([tmp_path / "in"], tmp_path / "out")
    assert (summary.shards, summary.posts, summary.files_skipped) == (1, 1, 1)
    assert summary.problems[0]["file"] == str(tmp_path / "in" / "notes.txt")


def test_nothing_readable_fails(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# nothing to score\n")
    with pytest.raises(EmptyInputError, match="the folder holds no file staffpulse can read"):
        score_inputs([tmp_path / "docs"], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"type": "post", "id": "1", "text": "no author"}\n{oops\n')
    result = CliRunner().invoke(app, ["score", str(broken), "--output", str(tmp_path / "o2")])
    assert result.exit_code == 1, result.output
    assert "Nothing was scored" in result.stderr


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_scheduler_is_a_fetch_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shards = _write_shards(tmp_path / "in")
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with pytest.raises(
        FetchError, match=re.escape(f"cannot reach the Dask scheduler at {address}")
    ):
        score_inputs(shards, tmp_path / "out", "dask", scheduler=address, scheduler_timeout=1)
    assert not (tmp_path / "out").exists()  # nothing written when nothing could run
    monkeypatch.setattr(engine_module, "SCHEDULER_TIMEOUT", 1.0)
    # --scheduler alone implies the Dask engine
    args = ["score", str(shards[0]), "--output", str(tmp_path / "out"), "--scheduler"]
    result = CliRunner().invoke(app, [*args, address])
    assert result.exit_code == 75, result.output
    assert address in result.stderr and "Traceback" not in result.output
    bad = CliRunner().invoke(app, [*args, "not-an-address"])
    assert bad.exit_code == 65 and "not a Dask scheduler address" in bad.stderr


def test_scheduler_with_the_local_engine_is_an_input_error(tmp_path: Path) -> None:
    shards = _write_shards(tmp_path / "in")
    with pytest.raises(InputError, match="with the local engine"):
        score_inputs(shards, tmp_path / "out", "local", scheduler="tcp://127.0.0.1:8786")


def test_a_guessed_encoding_is_a_note_not_a_skipped_file(tmp_path: Path) -> None:
    shard = tmp_path / "latin.csv"
    shard.write_bytes(
        "id,author,created_at,text\nc1,acme,2026-01-01T00:00:00Z,Café jobs\n".encode("cp1252")
    )
    summary = score_inputs([shard], tmp_path / "out")
    assert (summary.posts, summary.skipped, summary.problems) == (1, 0, [])
    assert [n["file"] for n in summary.notices] == [str(shard)]
    assert "Windows-1252" in str(summary.notices[0]["message"])
    # problems.jsonl holds skips only: a line-null entry there would mean the file was dropped
    assert (tmp_path / "out" / "problems.jsonl").read_text() == ""
    result = CliRunner().invoke(app, ["score", str(shard), "--output", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    # Rich wraps long paths at any width: compare without the whitespace
    assert re.sub(r"\s", "", f"note {shard}:") in re.sub(r"\s", "", result.stdout)
    as_json = CliRunner().invoke(
        app, ["score", str(shard), "--output", str(tmp_path / "cli"), "--json"]
    )
    report = json.loads(as_json.stdout)
    assert report["problems"] == [] and report["notices"][0]["file"] == str(shard)


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
    _posts, accounts = _read(tmp_path / "out")
    # no column called "templated" that disagrees with the audit's Templated share
    assert "templated_share" not in accounts[0]
    assert accounts[0]["exact_copy_share"] == 0.0
    from staffpulse.signals.templating import detect_templates

    assert detect_templates([str(x["text"]) for x in lines]).share == 1.0  # the audit's view
    docs = (Path(__file__).parents[1] / "docs" / "scale.md").read_text(encoding="utf-8")
    assert "`exact_copy_share` counts only exact copies" in docs and "near-copies" in docs


def test_a_csv_header_without_rows_is_named_as_the_cause(tmp_path: Path) -> None:
    header = tmp_path / "posts.csv"
    header.write_text("id,author,text\n")
    summary = score_inputs([header], tmp_path / "out")
    assert summary.posts == 0 and summary.empty_files == [str(header)]
    assert summary.why_nothing_scored().startswith("posts.csv holds no posts")
    result = CliRunner().invoke(app, ["score", str(header), "--output", str(tmp_path / "o")])
    assert result.exit_code == 1
    flat = re.sub(r"\s+", " ", result.stderr)
    assert "posts.csv holds no posts (a CSV header without rows" in flat
    as_json = CliRunner().invoke(
        app, ["score", str(header), "--output", str(tmp_path / "o"), "--json"]
    )
    assert json.loads(as_json.stdout)["empty_files"] == [str(header)]


def _day_first_csvs(folder: Path) -> list[Path]:
    """Two CSV shards whose dates have the year last and no day above 12."""
    folder.mkdir()
    header = "id,author,text,created_at\n"
    first = folder / "a.csv"
    first.write_text(header + "007,acme,Coffee with the team this morning,03/04/2026 10:00\n")
    second = folder / "b.csv"
    second.write_text(header + "8,acme,Our new office plant is thriving,05/04/2026 11:00\n")
    return [first, second]


def test_date_order_reads_a_csv_of_day_first_dates(tmp_path: Path) -> None:
    # Told to give --date-order, the analyst found score had no such option: a CSV whose
    # dates do not show their order could not be scored at all.
    shards = _day_first_csvs(tmp_path / "in")
    unread = score_inputs(shards, tmp_path / "unread")
    assert unread.posts == 0 and "--date-order dmy" in str(unread.problems[0]["message"])

    result = CliRunner().invoke(
        app, ["score", *map(str, shards), "-o", str(tmp_path / "o"), "--date-order", "dmy"]
    )
    assert result.exit_code == 0, result.output
    posts, _accounts = _read(tmp_path / "o")
    assert {p["post_id"]: p["created_at"].isoformat() for p in posts} == {
        "007": "2026-04-03T10:00:00+00:00",
        "8": "2026-04-05T11:00:00+00:00",
    }
    wrong = CliRunner().invoke(
        app, ["score", str(shards[0]), "-o", str(tmp_path / "x"), "--date-order", "ymd"]
    )
    assert wrong.exit_code == 65 and "--date-order 'ymd'" in wrong.output


@pytest.mark.slow
def test_date_order_reaches_the_dask_workers(tmp_path: Path) -> None:
    shards = _day_first_csvs(tmp_path / "in")
    summary = score_inputs(shards, tmp_path / "o", engine="dask", date_order="mdy")
    assert (summary.posts, summary.skipped) == (2, 0)
    posts, _accounts = _read(tmp_path / "o")
    assert sorted(p["created_at"].isoformat()[:10] for p in posts) == [
        "2026-03-04",
        "2026-05-04",
    ]


@pytest.mark.slow
def test_the_dask_first_pass_is_told_shard_by_shard(tmp_path: Path) -> None:
    # On 6 shards of 50,000 posts the first pass took 13 of 56 s shown as "Scoring shards
    # 0/6", as if nothing moved; it is now "Reading post ids (first pass) 3/6".
    heard: list[tuple[str, str, int, int | None]] = []
    shards = _write_shards(tmp_path / "in")
    score_inputs(
        shards,
        tmp_path / "o",
        engine="dask",
        on_posts=lambda step, name, done, total: heard.append((step, name, done, total)),
    )
    assert heard[0] == ("ids", "", 0, 3) and heard[-1] == ("ids", "", 3, 3)
    assert [done for _step, _name, done, _total in heard] == [0, 1, 2, 3]
