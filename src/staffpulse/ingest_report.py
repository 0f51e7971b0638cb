"""What an import did (:class:`ImportReport`): the rows it wrote, what of them was new or
changed, the records it skipped, the files an archive lacked, and the stored posts an account
export no longer holds (told, or removed when the user asked).

A file missing from an archive (:class:`~staffpulse.sources.x_archive_check.MissingFile`) is
kept apart from the records skipped: nothing of it was read, so ``skipped`` does not count
it, and the summary, ``--json`` (``missing_files``) and the job page tell it on its own.
So is a long post of an X archive matched to no post
(:class:`~staffpulse.sources.x_archive_notes.UnmatchedNotes`, a notice): no post was skipped,
but its whole text was not imported; ``unmatched_notes`` counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from staffpulse.errors import NothingImportedError
from staffpulse.handles import display_address
from staffpulse.next_steps import (
    REMOVAL_ASKED,
    REMOVE_AGAIN,
    REMOVED_AS_ASKED,
    REMOVES_ONLY,
    SEE_FORMATS,
)
from staffpulse.report.counts import count_of
from staffpulse.sources.base import REGISTRY, Notice, Problem, UnreadFile
from staffpulse.sources.folders import left_out
from staffpulse.sources.x_archive_check import MissingFile
from staffpulse.sources.x_archive_notes import UnmatchedNotes
from staffpulse.store.clashes import AuthorClash
from staffpulse.store.core import WriteCounts
from staffpulse.store.export_gaps import (
    EXPORT_AGAIN,
    WHOLE_ACCOUNT_SOURCES,
    MissingPosts,
    name_files,
)
from staffpulse.store.write_batch import LeftOut

NO_EXPORT_TO_REMOVE_FROM = (
    f"{REMOVES_ONLY.say()} the stored posts a platform's export of a whole account "
    "lacks (an X or Mastodon archive, a Bluesky repo.car), and none was imported: nothing was "
    "removed"
)


@dataclass
class ImportReport:
    """What an import did: rows upserted, how many were new, and every record it skipped."""

    accounts: int = 0
    posts: int = 0
    follows: int = 0
    new_accounts: int = 0
    new_posts: int = 0
    new_follows: int = 0
    updated_profiles: int = 0  # accounts the store held whose name, bio, ... came in changed
    updated_posts: int = 0  # posts the store held whose text, reply or quote target, ... changed
    # stored posts of an exported account, dated within its export, that the export lacks
    not_in_export: int = 0
    # of those, the ones removed from the store (import --remove-deleted, a whole export)
    removed: int = 0
    files: list[tuple[str, str]] = field(default_factory=list)  # (file, format label)
    problems: list[Problem] = field(default_factory=list)
    # data files an archive's manifest lists and the archive lacks: not records skipped
    missing_files: list[MissingFile] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # told to the user, nothing skipped
    # archives read whole with no manifest.js counts to check them: whole or not is unknown,
    # so none of their stored posts is removed (not told: an older archive imports as ever)
    unchecked: list[str] = field(default_factory=list)
    skipped: int = 0
    # posts the files held, imported or skipped: when none of them came in, the import is
    # told as one that failed (exit 1, a warning on the dashboard), whatever else it read
    posts_read: int = 0

    @property
    def every_post_skipped(self) -> bool:
        """The files held posts and not one was imported (each skipped and reported): the
        accounts read beside them are at most their authors, not what was meant to come in."""
        return self.posts_read > 0 and self.posts == 0

    @property
    def nothing_imported(self) -> bool:
        """Nothing came of the files: no account, post or follow, or every post skipped."""
        return not (self.posts or self.accounts or self.follows) or (
            self.every_post_skipped and not self.follows
        )

    @property
    def unread_files(self) -> list[UnreadFile]:
        """Files nothing of which could be read (a damaged ZIP member) and whose records could
        not be counted: lost, but in no count of records skipped."""
        return [p for p in self.problems if isinstance(p, UnreadFile) and not p.records]

    def no_export_note(self) -> str:
        """What ``--remove-deleted`` says when no post of an account export came in: none was
        given, or one was and the files holding its posts could not be read or are missing
        (named)."""
        # the files of the formats that are a whole account's export, by the label told
        labels = {s.label for s in REGISTRY if s.name in WHOLE_ACCOUNT_SOURCES}
        exports = [name for name, label in self.files if label in labels]
        lost = [p.file for p in self.problems if p.records or isinstance(p, UnreadFile)]
        # a missing tweets.js lost them too: "none was imported" read as if no export was given
        lost += [missing.file for missing in self.missing_files if missing.holds_posts]
        if not exports or not lost:
            return NO_EXPORT_TO_REMOVE_FROM
        return (
            f"{REMOVES_ONLY.say()} the stored posts an account export lacks, and not one post "
            f"of {exports[0]} could be read ({name_files(lost)}, named above), so which were "
            f"deleted cannot be told: nothing was removed; {EXPORT_AGAIN}"
        )

    @property
    def unmatched_notes(self) -> int:
        """Long posts of an X archive (``note-tweet.js``) matched to no post: their whole text
        was not imported (each file's told among the notices)."""
        return sum(n.count for n in self.notices if isinstance(n, UnmatchedNotes))

    def add(self, counts: WriteCounts) -> None:
        self.accounts += counts.accounts
        self.posts += counts.posts
        self.follows += counts.follows
        self.new_accounts += counts.new_accounts
        self.new_posts += counts.new_posts
        self.new_follows += counts.new_follows
        self.updated_profiles += counts.updated_profiles
        self.updated_posts += counts.updated_posts
        # posts left out because their ids are other accounts' posts (store/clashes.py), and
        # rows with a count too large to store
        left_out: list[AuthorClash | LeftOut] = [*counts.clashes, *counts.left_out]
        for left in left_out:
            self.problems.append(Problem(left.location, left.line, left.message))
            self.skipped += 1
        for location, message in counts.notices:  # told once, whichever batch says it again
            if (notice := Notice(location, message)) not in self.notices:
                self.notices.append(notice)

    def came_in_empty(self) -> bool:
        """Files were read and nothing in them was skipped, yet nothing came in (a header
        without rows, an empty search): an exit 1 as for "every record skipped"."""
        return (
            self.accounts == self.posts == self.follows == 0
            and not self.missing_files
            and all(left_out(problem) for problem in self.problems)
        )

    def nothing_imported_error(self) -> NothingImportedError:
        """Why an import came in empty: the reason a file's notice gives (a saved Bluesky record
        that is not a post), or which files held nothing, and which were left out."""
        why = "; ".join(str(n).removesuffix(": nothing to import") for n in self.notices[:3])
        read = [name for name, _label in self.files]
        held = (
            f"{', '.join(read[:3])}{' and others' if len(read) > 3 else ''} "
            f"hold{'s' if len(read) == 1 else ''} no accounts, posts or follows"
            if read
            else "the input holds no accounts, posts or follows"
        )
        left = (
            f" ({count_of(len(self.problems), 'other file')} left out: "
            f"{', '.join(Path(p.file).name for p in self.problems[:3])})"
            if self.problems
            else ""
        )
        return NothingImportedError(
            f"nothing to import: {why or held}{left}",
            hint=f"check that the file is the export you meant {SEE_FORMATS.say()}",
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "imported": {"accounts": self.accounts, "posts": self.posts, "follows": self.follows},
            "new": {
                "accounts": self.new_accounts,
                "posts": self.new_posts,
                "follows": self.new_follows,
            },
            "updated": {"profiles": self.updated_profiles, "posts": self.updated_posts},
            "not_in_export": {"posts": self.not_in_export},
            "removed": {"posts": self.removed},
            "skipped": self.skipped,
            "unmatched_notes": self.unmatched_notes,
            "problems": [problem.as_dict() for problem in self.problems],
            # each with the entries it held (records), which were not imported
            "missing_files": [
                {"file": p.file, "message": p.message, "records": p.records}
                for p in self.missing_files
            ],
            # files among the problems that could not be read, their records not counted
            "unread_files": [problem.file for problem in self.unread_files],
            "notices": [notice.as_dict() for notice in self.notices],
            "files": [{"file": name, "format": label} for name, label in self.files],
        }


def missing_note(
    gap: MissingPosts,
    *,
    removed: int | None = None,
    refused: str | None = None,
    asked: bool = False,
) -> str:
    """What to tell of the stored posts an account export lacks (store/export_gaps.py):
    ``removed`` (``--remove-deleted``), or kept, with why (``refused``: the export is partial)
    and what to do."""
    one = gap.count == 1
    said = (
        f"{count_of(gap.count, 'post')} of @{display_address(gap.handle)} stored earlier "
        f"{'is' if one else 'are'} not in this export (deleted on the platform?)"
    )
    if removed is not None:
        return (
            f"{said}: {'it was' if one else 'they were'} {REMOVED_AS_ASKED.say()}, so "
            f"{'it no longer counts' if one else 'they no longer count'} "
            "in the audit and the inbox"
        )
    said += f": {'it still counts' if one else 'they still count'} in the audit and the inbox. "
    if refused is not None:
        kept = f"Not removed, {REMOVAL_ASKED.say()}" if asked else "Nothing was deleted"
        return f"{said}{kept}: {refused}"
    return (
        f"{said}Nothing was deleted, as an export can be partial: if this one is whole, "
        f"{REMOVE_AGAIN.say()} to remove {'it' if one else 'them'}"
    )
