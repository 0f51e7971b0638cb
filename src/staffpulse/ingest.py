"""Import files into the store: detect each format, write in batches, count what was skipped.

A folder is walked to any depth; a sub-folder that a source reads as a whole (an extracted X
archive) is handed to it as one input, and everything else in the folder is still imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from staffpulse.errors import EmptyInputError, MissingFileError, StaffpulseError
from staffpulse.sources import REGISTRY, Item, Problem, Source, detect
from staffpulse.sources.base import Notice, read_head
from staffpulse.store.core import Record, Store, WriteCounts

BATCH_SIZE = 2000
ProgressCallback = Callable[[str, int], None]


@dataclass
class ImportReport:
    """What an import did: rows upserted, how many were new, and every record it skipped."""

    accounts: int = 0
    posts: int = 0
    follows: int = 0
    new_accounts: int = 0
    new_posts: int = 0
    files: list[tuple[str, str]] = field(default_factory=list)  # (file, format label)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # told to the user, nothing skipped
    skipped: int = 0
    run_id: int | None = None

    def add(self, counts: WriteCounts) -> None:
        self.accounts += counts.accounts
        self.posts += counts.posts
        self.follows += counts.follows
        self.new_accounts += counts.new_accounts
        self.new_posts += counts.new_posts

    def as_dict(self) -> dict[str, object]:
        return {
            "imported": {"accounts": self.accounts, "posts": self.posts, "follows": self.follows},
            "new": {"accounts": self.new_accounts, "posts": self.new_posts},
            "skipped": self.skipped,
            "problems": [problem.as_dict() for problem in self.problems],
            "notices": [notice.as_dict() for notice in self.notices],
            "files": [{"file": name, "format": label} for name, label in self.files],
        }


def _claimed_by_source(path: Path) -> Source | None:
    """A source that reads the whole folder or archive as one input (e.g. an X archive)."""
    head = read_head(path)
    for source in REGISTRY:
        if source.sniff(path, head):
            return source
    return None


def plan_import(paths: Sequence[Path]) -> tuple[list[tuple[Path, Source]], list[Problem]]:
    """Resolve paths (files, folders, archives) to (file, source) pairs, before writing anything."""
    plan: list[tuple[Path, Source]] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            raise MissingFileError(
                f"{path}: no such file or folder", hint="check the path and try again"
            )
        if path.is_dir():
            claimed = _claimed_by_source(path)
            if claimed is not None:
                plan.append((path, claimed))
                continue
            before = len(plan)
            _plan_folder(path, plan, problems, seen=set())
            if len(plan) == before:
                raise EmptyInputError(
                    f"{path}: the folder holds nothing staffpulse can import",
                    hint="point to the exported files themselves (see docs/formats.md)",
                )
            continue
        if path.stat().st_size == 0:
            raise EmptyInputError(f"{path}: the file is empty", hint="export the data again")
        plan.append((path, detect(path)))
    return plan, problems


def _plan_folder(
    folder: Path, plan: list[tuple[Path, Source]], problems: list[Problem], seen: set[Path]
) -> None:
    """Plan every file under ``folder`` (hidden ones aside), and each sub-folder a source
    reads as a whole, at any depth."""
    real = folder.resolve()
    if real in seen:  # a symlink back up the tree
        return
    seen.add(real)
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            claimed = _claimed_by_source(child)
            if claimed is not None:
                plan.append((child, claimed))
            else:
                _plan_folder(child, plan, problems, seen)
        elif child.is_file():
            source = _claimed_by_source(child) if child.stat().st_size else None
            if source is None:
                problems.append(Problem(str(child), None, "not a known format; file skipped"))
            else:
                plan.append((child, source))


def _batched(items: Iterable[Item], report: ImportReport) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for item in items:
        if isinstance(item, Notice):
            report.notices.append(item)
            continue
        if isinstance(item, Problem):
            report.problems.append(item)
            report.skipped += item.records
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def import_paths(
    store: Store, paths: Sequence[Path], progress: ProgressCallback | None = None
) -> ImportReport:
    """Import every file under ``paths``. Malformed records are skipped and reported."""
    plan, problems = plan_import(paths)
    report = ImportReport(problems=list(problems))
    run = store.start_run("import", {"paths": [str(p) for p in paths]})
    status = "error"
    try:
        for path, source in plan:
            report.files.append((str(path), source.label))
            done = 0
            for batch in _batched(source.read(path), report):
                report.add(store.write_records(batch))
                done += len(batch)
                if progress:
                    progress(str(path), done)
        store.refresh_interactions()
        status = "ok"
    except StaffpulseError:
        raise
    finally:
        counts = report.as_dict()
        counts.pop("problems")
        store.finish_run(run, counts, status)
        report.run_id = run.id
    if report.accounts == report.posts == report.follows == 0 and not report.problems:
        raise EmptyInputError(
            "nothing to import: the input holds no accounts, posts or follows",
            hint="check that the file is the export you meant (see docs/formats.md)",
        )
    return report
