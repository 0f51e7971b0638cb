"""What an import did, told on the job page: the summary sentence and the job's result.

The import report counts what was read and what of it was new or changed (new accounts,
posts and follows, posts and profiles updated: the store counts them as it writes). A person
wants to hear what changed, or that nothing did; that nothing could be read at all; or that
every post was skipped, which is a warning, not "Done". :func:`describe_import` shapes all of it into the
result the job page shows, so the route only runs the import. A file an archive lacks is its
own section ("Files missing from the archive"), not a record skipped; posts removed because
the account's export no longer holds them (the Import page's tick box) are in the summary.
"""

from __future__ import annotations

import csv
import io
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from staffpulse.handles import LONGEST_HANDLE
from staffpulse.ingest import UPDATED_POST_WHY
from staffpulse.report.counts import count_of, join_and
from staffpulse.report.spreadsheet import CSV_ENCODING, spreadsheet_safe
from staffpulse.sources.base import UNKNOWN_FORMAT
from staffpulse.sources.folders import is_empty_file, left_out, told_table, told_why
from staffpulse.web.links import audit_url
from staffpulse.web.wording import web_text

if TYPE_CHECKING:
    from staffpulse.ingest import ImportReport
    from staffpulse.sources.base import Problem
    from staffpulse.store import AccountSummary, Store

MAX_PROBLEMS_SHOWN = 50
# the download of every skipped record is kept with its job (the last 50 jobs), compressed:
# bounded, so that 50 imports of a wholly bad file of millions of rows cannot fill the memory
MAX_PROBLEMS_KEPT = 100_000
SHOWN_ACCOUNTS = 20
# A handle longer than its platform allows (handles.LONGEST_HANDLE), or than all of them for a
# file that names no platform, is no handle (a cell of post text in the author column, say):
# the job page says so, and the pages wrap it and name files shortly.
SHOWN_OF_A_LONG_HANDLE = 40
# files named a format on the job page, as the CLI's "read FILE as FORMAT" lines name them;
# past this many of one format, the rest are counted
SHOWN_FILES_READ_AS = 5


def import_summary(report: ImportReport) -> str:
    """What was read and what of it was new or changed, e.g. "Read 35 accounts: 35 new."."""
    read = join_and(
        [
            count_of(report.posts, "post") if report.posts else "",
            count_of(report.accounts, "account") if report.accounts else "",
            count_of(report.follows, "follow") if report.follows else "",
        ]
    )
    new = join_and(
        [
            count_of(report.new_accounts, "new account") if report.new_accounts else "",
            count_of(report.new_posts, "new post") if report.new_posts else "",
            count_of(report.new_follows, "new follow") if report.new_follows else "",
        ]
    )
    updated = join_and(
        [
            count_of(report.updated_posts, "post") + f" updated ({UPDATED_POST_WHY})"
            if report.updated_posts
            else "",
            count_of(report.updated_profiles, "profile") + " updated"
            if report.updated_profiles
            else "",
        ]
    )
    # stored posts the account's whole export no longer holds, removed as the user asked
    removed = (
        f" Removed {count_of(report.removed, 'post')} the export no longer holds (deleted on "
        "the platform)."
        if report.removed
        else ""
    )
    if not (new or updated):
        changed = "" if removed else ", nothing changed"
        return f"Read {read}: all of it was already in the store{changed}.{removed}"
    return f"Read {read}: {join_and([new, updated])}.{removed}"


def describe_import(
    report: ImportReport,
    found: list[AccountSummary],
    names: list[str],
    name_file: Callable[[str], str],
) -> dict[str, Any]:
    """The job page's result of an import of the files the user called ``names``: its summary
    sentence, what was skipped and left out, its notes and the accounts with posts it touched
    (``found``, busiest first). ``name_file`` turns a path in a message into the user's name
    for the file (the import read temporary copies)."""
    # files left out whole (of no known format, a README beside the data; or empty) are
    # told apart from records that were there and could not be read: only those count
    unknown = [p for p in report.problems if left_out(p)]
    # a CSV whose header was read is data that could not be imported, with why and the fix:
    # told as a problem, not with "a licence or a read-me beside the data"
    failed = [p for p in unknown if told_table(p)]
    unknown = [p for p in unknown if not told_table(p)]
    problems = [p for p in report.problems if not left_out(p) and p.records]
    # a problem that cost no record (damaged bytes read as U+FFFD, a cut gzip's uncountable
    # rest) is a note, as the CLI prints it: not among "Records we skipped (0)"
    costless = [p for p in report.problems if not left_out(p) and not p.records]
    notices = [
        {"file": name_file(p.file) + (f", line {p.line}" if p.line else ""), "message": p.message}
        for p in costless
    ] + [{"file": name_file(n.file), "message": n.message} for n in report.notices]
    nothing = report.posts == report.accounts == report.follows == 0
    # posts were read and every one was skipped (ids another firm's posts already use): a
    # warning, not "Done", whatever accounts came in beside them
    all_skipped = report.every_post_skipped and not nothing
    if nothing:
        summary = f"Nothing could be read from {', '.join(names)}."
    elif all_skipped:
        read = (
            "the one post read was skipped"
            if report.posts_read == 1
            else f"every one of the {report.posts_read:,} posts read was skipped"
        )
        summary = f"No post could be imported from {', '.join(names)}: {read}."
    else:
        summary = import_summary(report)
    data = report.as_dict()
    return {
        "summary": summary,
        "nothing": nothing,
        "every_post_skipped": all_skipped,
        "imported": data["imported"],
        "new": data["new"],
        "updated": data["updated"],
        "skipped": report.skipped,
        "problems": [
            {**p.as_dict(), "file": name_file(p.file)} for p in problems[:MAX_PROBLEMS_SHOWN]
        ],
        "more_problems": max(0, len(problems) - MAX_PROBLEMS_SHOWN),
        # the page lists the first ones; the rest are downloaded to correct the file by
        "every_problem": skipped_sheet(problems, name_file)
        if len(problems) > MAX_PROBLEMS_SHOWN
        else b"",
        # files an archive's manifest lists and the upload lacks: nothing of them was read,
        # so they are no skipped records; each says what it held and what to do
        "missing_files": [
            {"file": name_file(p.file), "message": p.message, "records": p.records}
            for p in report.missing_files
        ],
        "removed": report.removed,
        "files_failed": [
            {
                "file": name_file(p.file),
                "why": name_file(p.message.removeprefix(UNKNOWN_FORMAT + ": ")),
            }
            for p in failed[:MAX_PROBLEMS_SHOWN]
        ],
        "more_files_failed": max(0, len(failed) - MAX_PROBLEMS_SHOWN),
        "files_skipped": [
            {
                "file": name_file(p.file),
                "empty": is_empty_file(p),
                # why, when it can be told (a CSV's header lacks a column): likely data
                "why": name_file(p.message.removeprefix(UNKNOWN_FORMAT + ": "))
                if told_why(p)
                else None,
            }
            for p in unknown[:MAX_PROBLEMS_SHOWN]
        ],
        "more_files_skipped": max(0, len(unknown) - MAX_PROBLEMS_SHOWN),
        # what the user must hear although nothing was skipped (a guessed encoding, posts
        # kept without an account), as the CLI prints them after its summary
        "notices": notices[:MAX_PROBLEMS_SHOWN],
        "more_notices": max(0, len(notices) - MAX_PROBLEMS_SHOWN),
        # which files were read as which format, as the CLI prints them: a CSV read as another
        # format than meant, or an archive's part read apart, shows here
        "read_as": files_read_as(report.files, name_file),
        "accounts": shown_accounts(found),
        "more_accounts": max(0, len(found) - SHOWN_ACCOUNTS),
        "overlong": overlong_handles(found),
        # accounts came in without posts (a followers list): say where they will show
        "no_posts_yet": bool(report.new_accounts) and not found,
    }


def files_read_as(
    files: list[tuple[str, str]], name_file: Callable[[str], str]
) -> list[dict[str, Any]]:
    """The files read, by the format they were read as (first seen first), each format with
    the first :data:`SHOWN_FILES_READ_AS` of its files by the user's names and how many more."""
    by_label: dict[str, list[str]] = {}
    for file, label in dict.fromkeys(files):  # a file told twice was read once
        # two files of one name (other bytes, from two folders) are both named: both were read
        by_label.setdefault(label, []).append(name_file(file))
    return [
        {
            "label": label,
            "files": names[:SHOWN_FILES_READ_AS],
            "more": max(0, len(names) - SHOWN_FILES_READ_AS),
        }
        for label, names in by_label.items()
    ]


def skipped_sheet(problems: list[Problem], name_file: Callable[[str], str]) -> bytes:
    """The spreadsheet of the skipped records (file, line, what to change), the first
    :data:`MAX_PROBLEMS_KEPT` of them and a last line saying how many more there were,
    zlib-compressed: kept with its job, the list of 100,000 records as dicts took 40 MB, and
    many are alike (:func:`skipped_csv` opens it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["file", "line", "what to change"])
    # web_text reads the configured secrets to mask them: once a message, not once a row
    # (100,000 rows of the same missing column took 10 s)
    reasons: dict[str, str] = {}
    for p in problems[:MAX_PROBLEMS_KEPT]:
        if p.message not in reasons:
            reasons[p.message] = spreadsheet_safe(web_text(p.message))
        reason = reasons[p.message]
        writer.writerow([spreadsheet_safe(name_file(p.file)), p.line or "", reason])
    if len(problems) > MAX_PROBLEMS_KEPT:  # else the user takes the list for all of them
        rest = len(problems) - MAX_PROBLEMS_KEPT
        writer.writerow(
            [
                "",
                "",
                f"...and {count_of(rest, 'more skipped record')}, not listed: only the first "
                f"{MAX_PROBLEMS_KEPT:,} are kept. Correct these, import the file again and "
                "download the list again.",
            ]
        )
    return zlib.compress(out.getvalue().encode(CSV_ENCODING))


def skipped_csv(sheet: bytes) -> bytes:
    """The spreadsheet :func:`skipped_sheet` kept, as it is downloaded."""
    return zlib.decompress(sheet)


def touched_accounts(store: Store, keys: set[tuple[str, str]]) -> list[AccountSummary]:
    """The accounts with posts among ``keys`` (platform, id), busiest first."""
    return [
        s
        for s in store.list_accounts()
        if s.posts > 0 and (s.account.platform, s.account.id) in keys
    ]


def shown_accounts(found: list[AccountSummary]) -> list[dict[str, Any]]:
    """The first :data:`SHOWN_ACCOUNTS` of ``found`` as the job page lists them."""
    return [
        {
            "handle": s.account.handle,
            "platform": s.account.platform,
            "display_name": s.account.display_name,
            "posts": s.posts,
            "audit_url": audit_url(s.account.platform, s.account.handle),
        }
        for s in found[:SHOWN_ACCOUNTS]
    ]


def accounts_touched(store: Store, keys: set[tuple[str, str]]) -> tuple[list[dict[str, Any]], int]:
    """The accounts with posts among ``keys`` (platform, id), busiest first, at most
    :data:`SHOWN_ACCOUNTS` of them, and how many there are in all."""
    found = touched_accounts(store, keys)
    return shown_accounts(found), len(found)


def overlong_handles(found: list[AccountSummary]) -> list[dict[str, Any]]:
    """The accounts among ``found`` whose handle is longer than their platform allows (see
    :data:`LONGEST_HANDLE`), each with the start of its handle, its length and the limit."""
    longest = max(LONGEST_HANDLE.values())
    said = []
    for s in found:
        handle, platform = s.account.handle, s.account.platform
        limit = LONGEST_HANDLE.get(platform, longest)
        if len(handle) > limit:
            said.append(
                {
                    "start": handle[:SHOWN_OF_A_LONG_HANDLE],
                    "length": len(handle),
                    "limit": limit,
                    "platform": platform if platform in LONGEST_HANDLE else None,
                    "audit_url": audit_url(platform, handle),
                }
            )
    return said[:SHOWN_ACCOUNTS]
