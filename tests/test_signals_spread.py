"""``spread_scoring``: a big file's posts scored over one pool of processes a step at a time,
with the scores the model gives them all at once, and no process for a small file."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import staffpulse.signals.batch as batch
import staffpulse.signals.spread as spread
from staffpulse.signals.batch import classify_records, read_records
from staffpulse.signals.spread import spread_scoring
from staffpulse.signals.text import SIGNAL_NAMES, TextSignals, load_text_signals

POSTS = [
    "We're hiring a registered nurse in Leeds, apply today",
    "lol my cat sat on the keyboard during the interview",
    "Five tips for a better CV this winter",
    "Our warehouse team is growing: forklift drivers wanted, nights, £13/h",
    "Honestly the best team I have worked with",
    "Job alert: Senior Java developer, remote, apply via the link",
]


@pytest.fixture(name="model", scope="module")
def fixture_model() -> TextSignals:
    # a copy: the loaded model is cached for the whole test run, which must not inherit this
    model = copy.copy(load_text_signals())
    model.parallel_min, model.n_jobs = 12, 2  # a pool for 12 posts, not 20,000
    return model


def test_steps_spread_over_processes_score_as_the_whole_batch_does(model: TextSignals) -> None:
    texts = POSTS * 4
    steps = [texts[:5], texts[5:10], texts[10:]]
    with spread_scoring(model) as score_steps:
        scored = list(score_steps(steps))
    whole = model.score(texts)
    for signal in SIGNAL_NAMES:
        np.testing.assert_array_equal(np.concatenate([s[signal] for s in scored]), whole[signal])


def test_a_small_file_starts_no_process(
    model: TextSignals, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spread, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("a pool"))
    with spread_scoring(model) as score_steps:
        scored = list(score_steps([POSTS[:3], POSTS[3:]]))  # 6 posts: under parallel_min
    assert [len(s["humor"]) for s in scored] == [3, 3]


def test_where_no_process_can_start_the_posts_are_scored_here(
    model: TextSignals, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork(*args: Any, **kwargs: Any) -> Any:
        raise OSError("fork not allowed")

    monkeypatch.setattr(spread, "ProcessPoolExecutor", no_fork)
    texts = POSTS * 3
    with spread_scoring(model) as score_steps:
        scored = list(score_steps([texts[:9], texts[9:]]))
    joined = np.concatenate([s["job_opening"] for s in scored])
    np.testing.assert_array_equal(joined, model.score(texts)["job_opening"])


def test_classify_tells_each_step_of_a_full_chunk_and_writes_the_same_lines(
    model: TextSignals, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bar moved once per 20,000 posts; now once a step, with the same output."""
    src = tmp_path / "posts.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": POSTS[i % 6]}) + "\n" for i in range(30)),
        encoding="utf-8",
    )
    monkeypatch.setattr(batch, "CHUNK", 24)  # a full chunk of 24, spread, then 6 in-process
    told: list[tuple[int, int]] = []
    spread_out = io.StringIO()
    with read_records(src, lambda _: None) as records:
        classify_records(model, records, spread_out, lambda *t: told.append(t), step=8)
    assert told == [(8, 16), (8, 8), (8, 0), (6, 0)]
    alone = TextSignals.load()  # its own pool only from 20,000 posts: all in this process
    lines = spread_out.getvalue().splitlines()
    expected = alone.score([POSTS[i % 6] for i in range(30)])
    assert [json.loads(line)["id"] for line in lines] == list(range(30))
    assert [json.loads(line)["humor"] for line in lines] == [
        round(float(p), 6) for p in expected["humor"]
    ]


def test_the_shared_model_keeps_its_own_pool_size(model: TextSignals) -> None:
    assert model.parallel_min == 12
    assert load_text_signals().parallel_min == TextSignals.load().parallel_min
