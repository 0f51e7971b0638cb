"""Source adapters: every input format, registered for auto-detection.

Importing this package registers every adapter module listed in ``_ADAPTERS``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from staffpulse.errors import UnknownFormatError
from staffpulse.next_steps import COMPARE_WITH_COHORT
from staffpulse.output_files import shell_path
from staffpulse.sources.base import (
    REGISTRY,
    Item,
    LostPosts,
    Problem,
    Source,
    claimed_by,
    read_head,
    register,
)
from staffpulse.sources.cohorts import COHORT_FILE
from staffpulse.sources.folders import PROSE, WHAT_IT_IS, supported_formats, why_unknown
from staffpulse.sources.gzipped import GZIP_MAGIC, HOLDS_NO_FORMAT, REPACK, why_damaged
from staffpulse.sources.prose_files import prose_hint
from staffpulse.sources.workbooks import refuse_workbook

# A gzip file holding nothing to tell: most often a folder packed (tar) first
TAR_GZ = " (a .tar.gz? unpack it and import the folder)"

# Adapter modules, imported for their registration side effect. Order does not matter:
# the registry tries more specific sources first.
_ADAPTERS = (
    "native",
    "native_csv",
    "x_v1",
    "snscrape",  # after x_v1, so tried first
    "x_archive",
    "x_legacy_archive",
    "zipped",
    "gzipped",
    "twarc2",
    "twarc_csv",
    "bluesky_files",
    "mastodon",
    "twcs",  # after the staffpulse CSV, so that it is tried first: its header would pass there
    "x_analytics",
    "ibm_dialogs",
    "bluesky_repo",
    "community_archive",  # a JSON object with the X archive's lists: before other JSON
    "mastodon_archive_files",  # last, so tried first: its tar.gz before the gzip reader
    "fediverse_exports",  # no reader: what Misskey's and Friendica's exports are
    "linkedin_exports",  # no reader: what the files of LinkedIn's data export are
    "meta_exports",  # no reader: what Facebook's, Instagram's and Threads' exports are
    "tiktok_exports",  # no reader: what the files of TikTok's data download are
    "own_outputs",  # no reader: what staffpulse's own --json outputs given back are
    "native_jsonl_fixes",  # no reader: it tells why JSON records of no format are refused
    "file_kinds",  # no reader: what an unknown file looks like, when no source said more
    "prose_files",  # no reader: a text a person wrote (notes), told before read as a CSV
)

for _name in _ADAPTERS:
    importlib.import_module(f"{__name__}.{_name}")


def detect(path: Path) -> Source:
    """The source that recognises ``path``, or :class:`UnknownFormatError`."""
    source = claimed_by(path)
    if source is not None:
        return source
    refuse_workbook(path)  # an .xlsx saved as .csv: said what it is, not "a ZIP"
    what = "not a format staffpulse can import"
    why = why_unknown(path)  # what a source can tell: a CSV's header, and the columns it lacks
    if why and why.startswith(COHORT_FILE):  # a file for the benchmark, not for import
        raise UnknownFormatError(
            f"{path} {why}",
            hint=COMPARE_WITH_COHORT.say(file=shell_path(path)),  # copied as it is
        )
    if read_head(path).startswith(GZIP_MAGIC):  # say what is inside, not just "gzip"
        if (broken := why_damaged(path, read_head(path))) is not None:  # lost with its data
            raise UnknownFormatError(f"{path}: {broken}", hint=REPACK)
        # what it holds, as that file unpacked is told ("this is a PDF"), when it can be told
        if why and why.startswith(HOLDS_NO_FORMAT):
            what, why = why, why.removeprefix(f"{HOLDS_NO_FORMAT}: ")
        else:
            what, why = f"{HOLDS_NO_FORMAT}{TAR_GZ}", None
    elif why:
        what += f": {why}"
    fixable = why is not None and not why.startswith(WHAT_IT_IS)
    if (archive := _archive_holding(path)) is not None:  # its viewer page, its README
        raise UnknownFormatError(
            f"{path}: {what}",
            hint=f"it is part of the {archive[1]} in {archive[0]}: give that whole folder (or"
            " the ZIP it came in) instead",
        )
    if why and why.startswith(PROSE):  # said what to export instead
        hint = f"{prose_hint(path)}; {supported_formats()}"
        raise UnknownFormatError(f"{path}: {what}", hint=hint)
    raise UnknownFormatError(
        f"{path}: {what}",
        # import and score both read files this way: the hint names neither
        hint=("fix the file as said and try again; " if fixable else "") + supported_formats(),
    )


def _archive_holding(path: Path) -> tuple[Path, str] | None:
    """The extracted archive (an X or Mastodon archive: a folder a source reads whole) that
    ``path`` is a file of, within two levels (``data/``), and what it is; else None. A user
    who opens an archive picks its ``Your archive.html`` as readily as its folder."""
    # the outer first: data/ of an X archive reads as one too, but the archive is above it
    for folder in reversed(list(path.absolute().parents)[:2]):
        if (source := claimed_by(folder)) is not None:
            return folder, source.label
    return None


__all__ = ["REGISTRY", "Item", "LostPosts", "Problem", "Source", "detect", "register"]
