"""``staffpulse demo``: the whole product on the bundled, fictional sample cohort.

The demo imports the sample into a fresh store, benchmarks the cohort, audits one account,
builds the inbox of conversations to join and the who-to-follow list, and writes the HTML
reports. Each step is the same library call a user's own data goes through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from staffpulse.bundled import SAMPLE_DIR as SAMPLE_DIR  # where the demo's data is, for callers
from staffpulse.bundled import holds_only_the_sample, is_bundled_sample
from staffpulse.config import DEMO_DB_NAME, default_demo_dir, load_config
from staffpulse.errors import InputError
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.output_files import make_folder
from staffpulse.store import Store, open_store
from staffpulse.store.unusable_paths import refuse_unusable_store_path

if TYPE_CHECKING:
    from staffpulse.audit import AuditResult
    from staffpulse.benchmark.engine import BenchmarkResult
    from staffpulse.connect.suggest import SuggestReport
    from staffpulse.listen.inbox_model import Inbox

# The account the demo audits: the logo-only firm that posts nothing but job ads shows every
# mistake of the essay; the firm that does it well gets the inbox and who-to-follow list.
DEMO_AUDIT_HANDLE = "brightpathstaff"
DEMO_FIRM_HANDLE = "harborline"
# said where the demo switches firm: the audited job board talks with no one, so its inbox and
# who-to-follow would rest on no circle of its own (sample/README.md, "Threads and circles")
DEMO_FIRM_NOTE = (
    f"The inbox and who-to-follow are shown for @{DEMO_FIRM_HANDLE}, the sample firm with a "
    f"circle of contacts (@{DEMO_AUDIT_HANDLE}, audited above, talks with no one)."
)
# how the demo's reports name its cohort: a path inside the installed package meant nothing
# to a first-time user, who never gave it
SAMPLE_COHORT_NAME = "the sample cohort"
StepCallback = Callable[[str], None]


@dataclass
class DemoResult:
    db_path: Path
    imported: ImportReport
    stats: dict[str, Any]
    benchmark: BenchmarkResult | None = None
    audit: AuditResult | None = None
    inbox: Inbox | None = None
    suggestions: SuggestReport | None = None
    outputs: dict[str, Path] = field(default_factory=dict)


def sample_cohort_file() -> Path:
    path = SAMPLE_DIR / "cohort.jsonl"
    if not path.exists():
        raise InputError(
            f"the bundled sample is missing ({path})",
            hint="reinstall staffpulse: pip install --force-reinstall staffpulse",
        )
    return path


def fresh_store(db_path: Path) -> Store:
    """The demo always starts from an empty database so its output is reproducible."""
    for suffix in ("", "-wal", "-shm"):
        candidate = db_path.with_name(db_path.name + suffix)
        if candidate.exists():
            candidate.unlink()
    return open_store(db_path)


def check_demo_store(db_path: Path) -> None:
    """Refuse a ``--db`` the demo would wipe: it starts from an empty store, deleting the file
    first, so the file must be new, empty, or an earlier demo's store. Checked read-only, so
    that a file that is no store is not touched at all."""
    if db_path.is_dir():
        raise InputError(
            f"{db_path} is a folder, not a store file",
            hint="give a file for the demo store (e.g. --db demo/demo.db), or --out FOLDER",
        )
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        with closing(sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)) as conn:
            has_accounts = conn.execute("SELECT EXISTS (SELECT 1 FROM accounts)").fetchone()[0]
            demo = not has_accounts or holds_only_the_sample(conn)
    except sqlite3.Error:  # not a staffpulse store (or not SQLite at all)
        demo = False
    if not demo:
        raise InputError(
            f"{db_path} already holds data that is not the demo's",
            hint="the demo starts from an empty store and would delete it: give a new file "
            "to --db (or leave out --db to use the demo folder)",
        )


def run_demo(
    out_dir: Path | None = None, step: StepCallback | None = None, db_path: Path | None = None
) -> DemoResult:
    """Import the sample cohort into a fresh demo store and build every report from it.

    The store is ``db_path`` when given (the reports then go beside it unless ``out_dir`` is
    given too), else ``demo.db`` in ``out_dir`` or the demo folder of the user data folder."""
    from staffpulse.audit import audit_account
    from staffpulse.benchmark import run_benchmark
    from staffpulse.connect.suggest import suggest_report
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.report.html import write_audit_html, write_benchmark_html
    from staffpulse.report.inbox_html import write_inbox_html

    # a config.toml that does not parse stopped the demo at its inbox, after the import and
    # the benchmark had taken their time and left a half-built demo store: say it first
    load_config()
    chosen = out_dir is None  # staffpulse's own folder: made with the folders above it
    # a missing folder is named as typed ("typo"), not resolved ("/home/me/typo")
    given_out, given_db = out_dir, db_path
    if given_db is not None:
        db_path = given_db.expanduser().resolve()
        # the demo's own refusal first: another program's database would be deleted, not used
        check_demo_store(db_path)
        refuse_unusable_store_path(db_path)
        make_folder(given_db.parent, "--db")  # a typo in a folder named: not made, said
        out_dir = (out_dir or db_path.parent).expanduser().resolve()
    else:
        out_dir = (out_dir or default_demo_dir()).expanduser().resolve()
        db_path = out_dir / DEMO_DB_NAME
    make_folder(given_out or out_dir, "--out", parents=chosen)
    announce = step or (lambda _message: None)
    with fresh_store(db_path) as store:
        announce("Importing the sample cohort")
        report = import_paths(store, [sample_cohort_file()])
        result = DemoResult(db_path=db_path, imported=report, stats=store.stats())

        announce("Benchmarking the cohort")
        result.benchmark = run_benchmark(store, SAMPLE_DIR / "cohort.csv")
        result.benchmark.source = SAMPLE_COHORT_NAME
        result.outputs["Benchmark report"] = write_benchmark_html(
            result.benchmark, out_dir / "benchmark.html"
        )

        # the inbox first: its listening lets the audit count the conversations joined
        announce("Finding conversations to join")
        result.inbox = build_inbox(store, as_handle=DEMO_FIRM_HANDLE, limit=5)
        result.outputs["Inbox"] = write_inbox_html(result.inbox, out_dir / "inbox.html")

        announce(f"Auditing @{DEMO_AUDIT_HANDLE}")
        result.audit = audit_account(store, DEMO_AUDIT_HANDLE)
        result.outputs["Audit report"] = write_audit_html(
            result.audit,
            out_dir / f"audit-{DEMO_AUDIT_HANDLE}.html",
            result.benchmark,
            sample=is_bundled_sample(store),
        )

        announce("Finding people to follow")
        result.suggestions = suggest_report(store, DEMO_FIRM_HANDLE, limit=5)
    return result
