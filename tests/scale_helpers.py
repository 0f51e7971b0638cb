"""Hand-written shards for the ``staffpulse score`` tests: staffpulse JSONL (docs/formats.md)
of made-up posts, shared by the tests of the engine's parts."""

from __future__ import annotations

import json
from pathlib import Path


def post_line(pid: str, author: str = "acme", text: str = "", **extra: object) -> str:
    """One post as a JSONL line; ``pid`` is numeric and picks its day of January 2026."""
    record = {
        "type": "post",
        "platform": "x",
        "id": pid,
        "author": author,
        "text": text or f"Our team read {pid} books this year and loved the one on hiring",
        "created_at": f"2026-01-{1 + int(pid) % 28:02d}T10:00:00Z",
    }
    return json.dumps(record | extra)


def write_shards(folder: Path, count: int) -> list[Path]:
    """``count`` shards of ten posts each (ids distinct across shards) in ``folder``."""
    folder.mkdir(exist_ok=True)
    paths = []
    for shard in range(count):
        path = folder / f"s{shard}.jsonl"
        path.write_text("\n".join(post_line(str(shard * 10 + n)) for n in range(10)) + "\n")
        paths.append(path)
    return paths
