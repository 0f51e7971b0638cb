"""``staffpulse classify`` (staffpulse.cli.commands.classify): the contract the held-out
evaluation relies on, one output line per good input line, in order, with every signal."""

from __future__ import annotations

import json
from pathlib import Path

from contract_helpers import read_rows, run_classify
from staffpulse.signals.text import SIGNAL_NAMES


def test_jsonl_contract_and_malformed_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": 7,
                        "text": "We're hiring a forklift operator, apply now: https://t.co/a",
                        "lang": "en",
                    }
                ),
                json.dumps({"id": "x-2", "text": "Good job team!"}),
                "{broken json",
                json.dumps({"text": "no id here"}),
                json.dumps({"id": 9}),
                "",
                json.dumps({"id": "0012", "text": "lol my boss is the worst"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "--output", str(out))
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [7, "x-2", "0012"]  # order and id types kept
    for row in rows:
        assert set(row) == {"id", *SIGNAL_NAMES, "labels"}
        for s in SIGNAL_NAMES:
            assert 0.0 <= float(row[s]) <= 1.0  # type: ignore[arg-type]
        assert set(row["labels"]) <= set(SIGNAL_NAMES)  # type: ignore[arg-type]
    assert "job_opening" in rows[0]["labels"]  # type: ignore[operator]
    assert "job_opening" not in rows[1]["labels"]  # type: ignore[operator]
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{src}:3" in err and f"{src}:4" in err and f"{src}:5" in err
    assert "skipped 3 malformed" in err


def test_csv_input(tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    src.write_text(
        'id,text,extra\n1,"We are #hiring a nurse in Tulsa, apply: https://t.co/n",a\n'
        '2,"Great job, Steve Jobs fans",b\n3,hello,b,c,d\n4\n5,"only id and text"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["1", "2", "5"]
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{src}:4" in err and f"{src}:5" in err
    assert "skipped 2 malformed" in err


def test_stdout_when_no_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "hello there"}) + "\n", encoding="utf-8")
    result = run_classify(str(src))
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
    assert json.loads(line)["id"] == 1
