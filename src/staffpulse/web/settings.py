"""How one dashboard process is set up: the store, upload limits, allowed hosts, test hooks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from staffpulse.audit.segment_guesses import RoleModelChoice
    from staffpulse.audit.signals import TextScorer

DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_UNZIPPED_BYTES = 4 * 1024 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass
class WebSettings:
    """Everything :func:`staffpulse.web.app.create_app` needs.

    ``scorer`` replaces the shipped text model (tests), ``role_model`` the role model that
    guesses the benchmark's segments when no cohort file names any (None: no guesses);
    ``cohort_file`` is the benchmark's cohort (``handle,platform,segment``) when the user
    has not uploaded one. ``home_limit``
    is the most accounts the home page grades at once, ``home_page_size`` how many cards one
    page of it shows; ``page_wait`` is how many seconds a slow page (inbox, benchmark) is
    awaited before a progress page is shown instead.
    """

    db_path: Path
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES
    upload_dir: Path | None = None
    cohort_file: Path | None = None
    allowed_hosts: list[str] = field(default_factory=list)
    scorer: TextScorer | None = None  # tests give a fake; None: the bundled models
    role_model: RoleModelChoice = "auto"  # "auto": the shipped one, as staffpulse benchmark
    home_limit: int = 150
    home_page_size: int = 60
    page_wait: float = 2.0
    # While the bundled sample is shown (loaded from the page of an empty store: routes_sample),
    # db_path is the sample's own store and this is the user's, which imports go back to
    own_db_path: Path | None = None

    def hosts(self) -> list[str]:
        """Host headers accepted (DNS-rebinding guard): loopback names, or any when exposed."""
        if self.allowed_hosts:
            return list(self.allowed_hosts)
        if self.host in LOOPBACK_HOSTS:
            return ["127.0.0.1", "localhost", "[::1]", "::1"]
        return ["*"]

    def showing_sample(self) -> bool:
        """Whether the pages show the bundled sample instead of the user's own store."""
        return self.own_db_path is not None

    def sample_db(self) -> Path:
        """Where the sample the dashboard loads is kept: a store of its own beside the user's,
        which is never mixed with it."""
        own = self.own_db_path or self.db_path
        return own.with_name(own.stem + "-sample.db")

    def saved_cohort(self) -> Path:
        """Where a cohort uploaded on the Benchmark page is kept, next to the store."""
        return self.db_path.with_name(self.db_path.stem + "-cohort.csv")

    def saved_cohort_name(self) -> Path:
        """The user's own name of the uploaded cohort file (the page shows it, not the path)."""
        saved = self.saved_cohort()
        return saved.with_name(saved.name + ".name")

    def active_cohort(self) -> Path | None:
        saved = self.saved_cohort()
        if saved.exists():
            return saved
        return self.cohort_file
