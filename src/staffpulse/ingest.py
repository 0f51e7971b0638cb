"""Import files into the store: detect each format, write in batches, count what was skipped.

What is read is planned first (:mod:`staffpulse.ingest_plan`): a folder is walked to any depth;
a sub-folder that a source reads as a whole (an extracted X archive) is handed to it as one
input, and everything else in the folder is still imported. A ZIP is read as the folder it
holds (:mod:`staffpulse.sources.zipped`), each member told as ``zip!member``. The readers only
read: an avatar image one found (an X archive's profile picture, an avatar file in a ZIP) comes
on its account row, and is saved here, beside the store, before the row is written, unless the
store holds a newer profile's picture. After an account export (a repo.car, a Mastodon archive,
an X archive), the stored posts of its account it lacks are told
(:mod:`staffpulse.store.export_gaps`), and removed only when the user asks (``remove_deleted``)
and the export was read whole: not a record of it skipped, not a file of it missing, not one
file of an archive given alone. What the import did is an
:class:`~staffpulse.ingest_report.ImportReport`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from staffpulse.handle_lengths import HandleLengths
from staffpulse.implausible_dates import ImplausibleDates
from staffpulse.ingest_avatars import AvatarFiles, AvatarSaver, without_named_images
from staffpulse.ingest_checks import file_checks
from staffpulse.ingest_controls import ControlCharacters
from staffpulse.ingest_known_accounts import StoreAccounts
from staffpulse.ingest_plan import plan_import as plan_import  # where it was first
from staffpulse.ingest_repeats import RepeatedLines
from staffpulse.ingest_report import ImportReport as ImportReport  # where it was first
from staffpulse.ingest_report import missing_note
from staffpulse.ingest_stored_dates import StorePostDates
from staffpulse.report.counts import count_of
from staffpulse.sources import Item, LostPosts, Problem, Source
from staffpulse.sources.base import Notice, UnreadFile
from staffpulse.sources.bluesky_repo import HandleUnknown
from staffpulse.sources.csv_dates import DateOrder, given_date_order, stored_post_dates
from staffpulse.sources.csv_tables import read_as_held
from staffpulse.sources.folders import left_out
from staffpulse.sources.sheet_rows import with_sheet_rows
from staffpulse.sources.x_archive import SOURCE_NAME as X_ARCHIVE
from staffpulse.sources.x_archive_check import MissingFile, UncheckedArchive
from staffpulse.sources.x_archive_stored import stored_accounts
from staffpulse.sources.zipped import ZipFolder, ZipMember
from staffpulse.store.core import Record, Store
from staffpulse.store.export_gaps import ExportPosts, MissingPosts, removal_refused
from staffpulse.store.post_removal import delete_posts
from staffpulse.store.runs import recorded_run
from staffpulse.store.tally import Tally
from staffpulse.store.write_batch import raw_payloads

BATCH_SIZE = 2000
# Why a post is told as updated (changes.POST_COLUMNS): not its likes, which change every fetch
UPDATED_POST_WHY = "text, reply or quote target, or address changed"
ProgressCallback = Callable[[str, int], None]


def _batched(
    items: Iterable[Item], report: ImportReport, avatars_named: set[str]
) -> Iterator[list[Record]]:
    """The records of one file in batches; its problems and notices go to ``report``, and
    so do records naming a handle too long to be one (:mod:`staffpulse.handle_lengths`) and
    posts dated when none can have been written (:mod:`staffpulse.implausible_dates`)."""
    batch: list[Record] = []
    lengths = HandleLengths()
    dates = ImplausibleDates()
    avatars = AvatarFiles(avatars_named)  # an avatar_file that is no image we read: told
    controls = ControlCharacters()  # a NUL or an ESC in a text: dropped, told
    for item in items:
        if isinstance(item, UncheckedArchive):
            report.unchecked.append(item.file)
            continue
        if isinstance(item, Notice):
            report.notices.append(item)
            continue
        if isinstance(item, MissingFile):  # nothing of it was read: no record skipped
            report.missing_files.append(item)
            continue
        if isinstance(item, Problem):
            report.problems.append(item)
            report.skipped += item.records
            if isinstance(item, LostPosts):  # posts the files held: none came in, it failed
                report.posts_read += item.records
            continue
        record, problem = lengths.check(item)
        if problem is not None:
            report.problems.append(problem)
            report.skipped += 1
        if record is None:
            continue
        dates.check(record)
        batch.append(controls.clean(avatars.check(record)))
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch
    report.posts_read += lengths.posts
    report.notices.extend(lengths.notices())
    report.notices.extend(dates.notices())
    report.notices.extend(avatars.notices())
    report.notices.extend(controls.notices())


def _import_plan(
    store: Store,
    plan: list[tuple[Path, Source]],
    report: ImportReport,
    tally: Tally,
    progress: ProgressCallback | None,
    remove_deleted: bool,
) -> bool:
    """Import each planned path; True when one of them was an account export."""
    # the images of an archive or ZIP are kept beside the store they are imported into
    avatars = AvatarSaver(store)
    repeated = RepeatedLines(store.conn)  # a line of a file found again in it: told
    avatars_named: set[str] = set()  # the images records name: not told as left out
    exports = False
    for path, source in plan:
        # what of this path could not be read, which makes its exports partial
        before = (
            report.skipped,
            len(report.missing_files),
            len(report.unchecked),
            len(report.problems),
            len(report.notices),
        )
        gaps: list[tuple[str, MissingPosts]] = []
        inputs = (
            source.read_members(path)
            if isinstance(source, ZipFolder)
            else [ZipMember(str(path), source.label, read_as_held(path, source), path)]
        )
        for found in inputs:
            if isinstance(found, Problem):  # a member skipped whole
                report.problems.append(found)
                # Counted unless left out whole (a README, an empty file, as in a folder):
                # a damaged member or a ZIP cut short is data that was there and was lost.
                if not left_out(found):
                    report.skipped += found.records
                continue
            report.files.append((found.location, found.label))
            told_before = len(report.problems), len(report.notices)
            done = 0
            exported = ExportPosts()
            checks = file_checks(store.conn, tally, repeated, exported)
            for batch in _batched(found.items, report, avatars_named):
                batch = [avatars.save(record) for record in batch]
                for check in checks:
                    batch = check.sort(batch)
                payloads = raw_payloads(batch)  # digested once, for the checks and the store
                for check in checks:
                    check.see(batch, payloads)
                report.add(store.write_records(batch, tally=tally, payloads=payloads))
                done += len(batch)
                if progress:
                    progress(found.location, done)
            problems, notices = told_before
            for check in reversed(checks):
                for said in check.told(found.location):
                    if isinstance(said, Problem):  # a record skipped
                        report.problems.append(said)
                        report.skipped += said.records
                    else:
                        report.notices.append(said)
                report.notices[notices:] = check.amend(report.notices[notices:])
            # a CSV's lines told with their spreadsheet rows where cells with line breaks
            # differ: read again while a ZIP's member is still unpacked
            report.problems[problems:], report.notices[notices:] = with_sheet_rows(
                report.problems[problems:],
                report.notices[notices:],
                found.label,
                {found.location: found.local} if found.local else None,
            )
            exports = exports or bool(exported.ids)
            if (gap := exported.missing(store.conn)) is not None:
                gaps.append((found.location, gap))
        # decided once the whole path is read: a damaged member of a ZIP may come after
        # a file not read lost at least a record: its posts are not deleted ones (a missing
        # file is not among the problems: report.missing_files holds it)
        lost = report.problems[before[3] :]
        refused = removal_refused(
            report.skipped - before[0],
            sum(missing.holds_posts for missing in report.missing_files[before[1] :]),
            lone_file=source.name == X_ARCHIVE and _lone_file(path),
            unchecked=len(report.unchecked) > before[2],
            lost_in=[p.file for p in lost if p.records],
            unread=[p.file for p in lost if isinstance(p, UnreadFile) and not p.records],
        )
        _tell_export_gaps(store, report, gaps, refused, remove_deleted)
    repeated.close()
    report.problems = without_named_images(report.problems, avatars_named)
    return exports


def _tell_export_gaps(
    store: Store,
    report: ImportReport,
    gaps: list[tuple[str, MissingPosts]],
    refused: str | None,
    remove_deleted: bool,
) -> None:
    """Count and tell the stored posts each export lacks; with ``remove_deleted``, and no
    reason to refuse (``refused``: the export was not read whole), remove them."""
    for location, gap in gaps:
        report.not_in_export += gap.count
        removed = None
        if remove_deleted and refused is None:
            removed = _remove_posts(store, gap)
            report.removed += removed
        note = missing_note(gap, removed=removed, refused=refused, asked=remove_deleted)
        report.notices.append(Notice(location, note))


def _lone_file(path: Path) -> bool:
    """One file of an archive given alone (``data/tweets.js``), not its folder or ZIP: the
    archive's other files are not part of what was read, so its posts are not its whole."""
    return path.is_file() and not zipfile.is_zipfile(path)


def _remove_posts(store: Store, gap: MissingPosts) -> int:
    """Remove the posts ``gap`` names, marking what their removal changes in the interaction
    graph (a reply's edge, a repost's) for the refresh that ends the import."""
    with store.transaction() as conn:
        return delete_posts(conn, gap.platform, gap.post_ids)


def _handle_known(store: Store, notice: Notice) -> bool:
    """A notice that an account came without its handle (a Bluesky repo export) is moot once
    the store holds a handle for it: one a fetch learned, which the import kept."""
    if not isinstance(notice, HandleUnknown):
        return False
    account = store.get_account(notice.platform, notice.account_id)
    return account is not None and account.handle != account.id


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C during an import: its message says how far it got and how to finish."""

    def __init__(self, posts: int) -> None:
        # every batch is one transaction: what is counted is stored, and an import again
        # upserts, so running the same command again finishes the job without duplicates
        super().__init__(
            f"after {count_of(posts, 'post')}. Run the same command again to finish; "
            "nothing is imported twice."
        )
        self.posts = posts


def import_paths(
    store: Store,
    paths: Sequence[Path],
    progress: ProgressCallback | None = None,
    *,
    planned: Callable[[list[Path]], None] | None = None,
    remove_deleted: bool = False,
    date_order: DateOrder | None = None,
) -> ImportReport:
    """Import every file under ``paths``. Malformed records are skipped and reported.

    ``progress(location, records)`` is called after each batch written; ``planned`` once,
    before the first, with what will be read in that order (files, ZIPs, archive folders):
    their sizes, known at once, make a progress bar in bytes (the records only at the end).
    Ctrl-C raises :class:`ImportInterrupted`, telling how many posts were stored by then.
    ``remove_deleted`` removes the stored posts an account export lacks, when it was read
    whole (:func:`staffpulse.store.export_gaps.removal_refused`); they are told either way.
    ``date_order`` reads a CSV's dates with the year last day first (``dmy``) or month
    first (``mdy``); by default each column's own dates show it (:mod:`.sources.csv_dates`).
    """
    # a part file of a stored owner is no error; the plan and the import ask one lookup, so
    # a lone tweets.js is read once, for its owner and its posts
    with stored_accounts(StoreAccounts(store)):
        return _import_planned(store, paths, progress, planned, remove_deleted, date_order)


def _import_planned(
    store: Store,
    paths: Sequence[Path],
    progress: ProgressCallback | None,
    planned: Callable[[list[Path]], None] | None,
    remove_deleted: bool,
    date_order: DateOrder | None,
) -> ImportReport:
    plan, problems = plan_import(paths)
    if planned is not None:
        planned([path for path, _source in plan])
    report = ImportReport(problems=list(problems))
    # each account, post and follow counted once, however many files and batches carry it
    tally = store.new_tally()

    def finished_counts() -> dict[str, object]:
        counts = report.as_dict()
        counts.pop("problems")
        return counts

    try:
        with recorded_run(
            store,
            "import",
            {
                "paths": [str(p) for p in paths],
                **({"remove_deleted": True} if remove_deleted else {}),
                **({"date_order": date_order} if date_order else {}),
            },
            counts=finished_counts,
            kept_something=lambda: bool(report.accounts or report.posts or report.follows),
        ):
            try:
                with given_date_order(date_order), stored_post_dates(StorePostDates(store)):
                    exports = _import_plan(store, plan, report, tally, progress, remove_deleted)
                if remove_deleted and not exports:
                    report.notices.append(Notice(str(paths[0]), report.no_export_note()))
                store.refresh_interactions()
                report.notices = [n for n in report.notices if not _handle_known(store, n)]
            except KeyboardInterrupt as exc:
                # Ctrl-C may land after a batch committed and before the report counted it
                # (75,800 told, 77,800 stored): the tally is written in each batch's own
                # transaction, so it holds exactly the posts that are stored
                report.posts = tally.count_written("post")
                raise ImportInterrupted(report.posts) from exc
            finally:
                tally.close()
    except ImportInterrupted:
        raise
    except KeyboardInterrupt as exc:
        raise ImportInterrupted(report.posts) from exc
    if report.came_in_empty():
        raise report.nothing_imported_error()
    return report
