"""The segments a cohort file gives, kept in the store for the commands run without it.

The demo benchmarks the sample with its cohort file and its league table calls @harborline a
staffing firm; the inbox, and a benchmark run later without the file, called it what the role
model read, a recruiter (QA s38). So a benchmark with a file that names segments keeps them
(:mod:`staffpulse.store.segments`), and one without a file takes a kept segment before the
model's guess: it is the user's word, marked as a cohort file's, not a guess. Such a run
says which file set them and when (:class:`KeptSegments`), and a later file that names an
account sets its segment again, or clears it with a blank segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffpulse.models import Account
from staffpulse.store import Store
from staffpulse.store.segments import remember_segments, segment_origins, stored_segments

UNKNOWN = "unknown"  # a cohort line without a segment, as the benchmark keys it


def keep_given_segments(
    store: Store,
    cohort_file: Path | str,
    accounts: Sequence[Account],
    given: Sequence[str],
    marked: Sequence[bool],
) -> None:
    """Keep the segments ``cohort_file`` names (``given``, one per account), but the role
    model's guesses a league CSV read back carries (``marked``); an account the file names
    without a segment (or with a guess) loses the one kept before, as its league row shows
    none of it."""
    kept, cleared = [], []
    for account, segment, guess in zip(accounts, given, marked, strict=True):
        if segment != UNKNOWN and not guess:
            kept.append((account.platform, account.id, segment))
        else:
            cleared.append((account.platform, account.id))
    remember_segments(store, kept, Path(str(cohort_file)).name, cleared)


@dataclass(frozen=True)
class KeptSegments:
    """The segments a benchmark without a file took from the store: how many accounts, the
    files that gave them (by name) and when the newest was kept (UTC, ISO)."""

    accounts: int
    files: tuple[str, ...]
    kept_at: str

    def as_dict(self) -> dict[str, Any]:
        return {"accounts": self.accounts, "files": list(self.files), "kept_at": self.kept_at}


def with_kept_segments(
    store: Store, accounts: Sequence[Account], given: Sequence[str]
) -> tuple[list[str], KeptSegments | None]:
    """``given`` with each unknown segment the store keeps for its account filled in, and
    where those came from (None when none was filled in)."""
    kept = {
        (platform, account_id): segment
        for platform, account_id, _h, segment in stored_segments(store)
    }
    segments, used = [], []
    for account, segment in zip(accounts, given, strict=True):
        key = (account.platform, account.id)
        if segment == UNKNOWN and key in kept:
            segment = kept[key]
            used.append(key)
        segments.append(segment)
    if not used:
        return segments, None
    origins = segment_origins(store)
    found = [origins[key] for key in used if key in origins]
    files = tuple(sorted({name for name, _at in found}))
    return segments, KeptSegments(len(used), files, max((at for _n, at in found), default=""))
