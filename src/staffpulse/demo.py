"""``staffpulse demo``: the whole product on the bundled, fictional sample cohort."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staffpulse.config import home_dir
from staffpulse.errors import InputError
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.store import Store, open_store

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
StepCallback = Callable[[str], None]


@dataclass
class DemoResult:
    db_path: Path
    out_dir: Path
    imported: ImportReport
    stats: dict[str, Any]
    outputs: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def sample_cohort_file() -> Path:
    path = SAMPLE_DIR / "cohort.jsonl"
    if not path.exists():
        raise InputError(
            f"the bundled sample is missing ({path})",
            hint="reinstall staffpulse: pip install --force-reinstall staffpulse",
        )
    return path


def default_demo_dir() -> Path:
    return home_dir() / "demo"


def fresh_store(db_path: Path) -> Store:
    """The demo always starts from an empty database so its output is reproducible."""
    for suffix in ("", "-wal", "-shm"):
        candidate = db_path.with_name(db_path.name + suffix)
        if candidate.exists():
            candidate.unlink()
    return open_store(db_path)


def run_demo(out_dir: Path | None = None, step: StepCallback | None = None) -> DemoResult:
    """Import the sample cohort into a fresh demo store and build every report from it."""
    out_dir = out_dir or default_demo_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / "demo.db"
    announce = step or (lambda _message: None)
    with fresh_store(db_path) as store:
        announce("Importing the sample cohort")
        report = import_paths(store, [sample_cohort_file()])
        result = DemoResult(db_path=db_path, out_dir=out_dir, imported=report, stats=store.stats())
    return result
