"""``scripts/make_sample.py`` writes the bundled sample as it is shipped, byte for byte: the
four hand-written accounts the circle of ``mia_recruits`` follows (``samplegen/followed.py``)
included, so regenerating the sample never drops them and the demo's first account keeps its
who-to-follow list."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
SHIPPED = Path(__file__).resolve().parents[1] / "src" / "staffpulse" / "sample"


@pytest.fixture(scope="module")
def make_sample() -> Iterator[ModuleType]:
    if not (SCRIPTS / "make_sample.py").exists():
        pytest.skip("the sample generator is in the repository only")
    pytest.importorskip("skimage", reason="the generator draws the person avatars with it")
    sys.path.insert(0, str(SCRIPTS))
    try:
        import make_sample

        yield make_sample
    finally:
        sys.path.pop(0)


@pytest.fixture(scope="module")
def regenerated(make_sample: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample as the generator writes it (once for the module: about a second)."""
    out = tmp_path_factory.mktemp("sample")
    assert make_sample.main(["--out", str(out)]) == 0
    return out


def test_regenerating_the_sample_writes_every_shipped_file_as_shipped(
    regenerated: Path,
) -> None:
    tmp_path = regenerated
    shipped = sorted(p.relative_to(SHIPPED) for p in SHIPPED.rglob("*") if p.is_file())
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert written == shipped
    for name in shipped:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_accounts_the_circle_follows_are_written_outside_the_benchmark_cohort(
    regenerated: Path,
) -> None:
    tmp_path = regenerated
    rows = [json.loads(line) for line in (tmp_path / "cohort.jsonl").open(encoding="utf-8")]
    handles = {r["handle"] for r in rows if r["type"] == "account"}
    added = {"dana_sources", "theo_hires", "jess_peopleops", "shiftwise_hq"}
    assert added <= handles
    followers = {r["follower"] for r in rows if r["type"] == "follow" and r["followee"] in added}
    assert followers - added == {"priya_hrlife", "hireloop", "recruitcraft"}
    cohort = (tmp_path / "cohort.csv").read_text(encoding="utf-8")
    assert not any(handle in cohort for handle in added)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "16 accounts, 2215 posts" in readme and "| `dana_sources` | recruiter" in readme
