"""A staffpulse CSV of posts that has no id column but a column of links to the posts, and
rows of networks staffpulse does not read.

A sheet kept by hand names each post by its address (``Post URL``: an x.com, bsky.app or
Mastodon link) rather than by an id. Such a file was refused whole; the id is in the link, so
it is read from there (told once for the file), and only a row whose link names no post is
skipped, told with its line. The link gives the post's platform too, when the row names none,
and its author's handle when the file has no author column (one account's own sheet).

A row of another network (a ``LinkedIn`` platform, or a linkedin.com link) is not a mistake to
fix row by row: such rows are counted and told once a network (:class:`OtherNetworks`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from staffpulse.report.counts import join_and
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, as_written
from staffpulse.sources.native_csv_header import ID_COLUMNS
from staffpulse.sources.x_ids import status_link

# The post's own address, as a sheet names it (the first one present is read)
LINK_COLUMNS = (
    *("url", "post_url", "post_link", "permalink", "post_permalink", "link"),
    *("tweet_url", "tweet_link", "tweet_permalink", "link_to_post"),
)
_BLUESKY = re.compile(
    r"^https?://(?:www\.)?bsky\.app/profile/([^/\s?#]+)/post/(\w+)/?(?:[?#]\S*)?$"
)
# Mastodon's own link (host/@name/<id>, a remote account's host/@name@home/<id>) and its
# ActivityPub address (host/users/name/statuses/<id>): the id is the serving host's
_MASTODON = re.compile(
    r"^https?://([^/\s@]+)/(?:@([\w.]+)(?:@([\w.\-]+))?|users/([\w.]+)/statuses)/(\d+)/?"
    r"(?:[?#]\S*)?$"
)
LINK_KINDS = "an x.com or twitter.com status link, a bsky.app post link or a Mastodon post link"


def post_of_link(url: str) -> tuple[str, str] | None:
    """(platform, post id) a link to a post names, the id as that platform's own sources
    store it (the X status id; Bluesky's ``at://`` address; ``<host>:<id>`` on Mastodon);
    None when ``url`` is no link to a post."""
    url = url.strip()
    tweet = status_link(url)
    if tweet is not None:
        return "x", tweet[1]
    bluesky = _BLUESKY.match(url)
    if bluesky is not None:
        who = bluesky.group(1)
        # handles are case-blind and served lower-cased, so a link typed "Acme.bsky.social"
        # must name the same post as a fetch's; a DID keeps its case
        who = who if who.startswith("did:") else who.lower()
        return "bluesky", f"at://{who}/app.bsky.feed.post/{bluesky.group(2)}"
    mastodon = _MASTODON.match(url)
    if mastodon is not None:
        return "mastodon", f"{mastodon.group(1).lower()}:{mastodon.group(5)}"
    return None


def author_of_link(url: str) -> str | None:
    """The handle of the author a link to a post names (X; Bluesky; Mastodon as
    ``name@home``); None when it names none: ``x.com/i/status/<id>``, a Bluesky link by the
    account's DID (no handle), no link to a post."""
    url = url.strip()
    tweet = status_link(url)
    if tweet is not None:
        return tweet[0]
    bluesky = _BLUESKY.match(url)
    if bluesky is not None:
        return None if bluesky.group(1).startswith("did:") else bluesky.group(1)
    mastodon = _MASTODON.match(url)
    if mastodon is not None:
        host, name, home, user = mastodon.group(1, 2, 3, 4)
        return f"{name or user}@{(home or host).lower()}"
    return None


def why_no_author(url: str | None) -> str | None:
    """What a post whose author is left blank is told of its link (``url``), which shows who
    to write in: the handle it names, or that it names none (``x.com/i/web/status/<id>``, as
    X's share menu gives it; a Bluesky link by DID); None when ``url`` is no link to a post."""
    found = post_of_link(url) if url else None
    if url is None or found is None:
        return None
    handle = author_of_link(url)
    if handle is not None:
        return (
            f"post has no author, but its link ({url.strip()}) names @{handle}: write {handle}"
            " in its 'author' column and import the file again"
        )
    if found[1].startswith("at://did:"):  # no share menu's: the account by its DID
        did = found[1][len("at://") :].split("/", 1)[0]
        return (
            f"post has no author, and its link ({url.strip()}) names the account by its DID"
            f" ({did}), not its handle: write the author's handle in its 'author' column"
            " (open the link: the @name above the post) and import the file again"
        )
    return (
        f"post has no author, and its link ({url.strip()}) names none (a link copied from a"
        " share menu, by the post's number alone): write the author's handle in its 'author'"
        " column (open the link: the @name above the post) and import the file again"
    )


def link_id_column(header: Collection[str], rows: Iterable[CsvRecord | CsvProblem]) -> str | None:
    """The column of links the posts' ids are read from: one of :data:`LINK_COLUMNS`, when
    the header has no id column (by any name) and a link in it names a post; None otherwise
    (a column of other links, or of none, leaves the file told to add an id column)."""
    if any(column in header for column in ID_COLUMNS):
        return None
    column = next((column for column in LINK_COLUMNS if column in header), None)
    if column is None:
        return None
    for row in rows:
        if isinstance(row, CsvRecord) and post_of_link(row.values.get(column, "")):
            return column
    return None


@dataclass(slots=True)
class IdsFromLinks:
    """The ids of a CSV's posts read from their links in ``column``: :meth:`fill` each row,
    :meth:`notice` once the file is read."""

    column: str
    written: Mapping[str, str] | None = None
    authors: bool = False  # the file has no author column: each post's is its link's too
    read: int = 0

    @property
    def shown(self) -> str:
        return f'"{as_written(self.column, self.written)}"'

    def fill(self, values: Mapping[str, str]) -> dict[str, str]:
        """The row with the id (and the platform, when it names none) its link gives; the
        link kept as the post's url. Raises ValueError when the link names no post."""
        link = values.get(self.column, "").strip()
        found = post_of_link(link)
        if found is None:
            said = f"{link!r} is not {LINK_KINDS}" if link else "this row's cell is empty"
            raise ValueError(
                f"the file has no id column, so a post's id is read from its link in "
                f"{self.shown}, but {said}: fill in the post's link (or add an id column) and "
                "import the file again"
            )
        filled = _filled_from(values, link, found, platform_too=True)
        if self.authors:
            author = author_of_link(link)
            if author is None:
                raise ValueError(
                    f"the file has no author column, so a post's author is read from its link "
                    f"in {self.shown}, but {link!r} names no handle: add an author column "
                    "with the account's handle and import the file again"
                )
            filled["author"] = author
        self.read += 1
        return filled

    def notice(self, path: str) -> Notice | None:
        if not self.read:
            return None
        one = self.read == 1
        was = "was" if one and not self.authors else "were"  # "the id and author ... were"
        posts = f"1 post {was}" if one else f"{self.read:,} posts were"
        ids = "id" if one else "ids"
        authors = f" and {'author' if one else 'authors'}" if self.authors else ""
        return Notice(
            path,
            f"the file has no id{' or author' if self.authors else ''} column: the {ids}"
            f"{authors} of {posts} read from {'its link' if one else 'their links'} in "
            f"{self.shown} (a post imported again from the same link is not stored twice)",
        )


def _filled_from(
    values: Mapping[str, str], link: str, found: tuple[str, str], platform_too: bool
) -> dict[str, str]:
    """The row with the id its link names (the link kept as its url), and that link's
    platform when ``platform_too`` and the row names none."""
    platform, post_id = found
    filled = {**values, "id": post_id, "url": link}
    if platform_too and not (values.get("platform") or "").strip():
        filled["platform"] = platform
    return filled


# A cell kept as a post's address though it names no post staffpulse reads (a LinkedIn post's)
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# What a sheet writes for no link at all: as a blank cell, nothing to tell
_NO_LINK = frozenset({"n/a", "na", "none", "null", "-", "--", "\u2014"})


def blank_id_link_column(header: Collection[str]) -> str | None:
    """The column of links a blank id is read from in a sheet that has an ``id`` column (one
    of :data:`LINK_COLUMNS`), or None when it has no id column or no such column."""
    if "id" not in header:
        return None
    return next((column for column in LINK_COLUMNS if column in header), None)


def platform_settled(header: Collection[str], rows: Iterable[CsvRecord | CsvProblem]) -> bool:
    """Whether a sheet's rows with their ids typed settle the platform of the rows whose blank
    ids are read from links: it has no platform column (its posts are all ``csv`` ones) and
    some row has an id. Those rows then stay ``csv`` too, so one author stays one account."""
    if "platform" in header:
        return False
    return any(isinstance(row, CsvRecord) and row.values.get("id", "").strip() for row in rows)


@dataclass(slots=True)
class BlankIdsFromLinks:
    """A sheet with an id column some rows leave blank: those rows' ids are read from their
    links in ``column`` (as :class:`IdsFromLinks` does for a sheet with no id column), so a
    post pasted by its link alone is not skipped; :meth:`fill` each row, :meth:`notice` once
    the file is read. A blank id with no link to a post is left blank (the row told)."""

    column: str
    written: Mapping[str, str] | None = None
    settled: bool = False  # the rows with ids settle the platform (:func:`platform_settled`)
    read: int = 0
    unkept: list[int] = field(default_factory=list)  # lines whose cell is no web address
    # the last row filled: its id read (True) or its line when its cell is no address; counted
    # by :meth:`kept` once its post is made (a row skipped for another reason is told as that)
    _last: int | bool = field(default=False, init=False)

    def fill(self, values: Mapping[str, str], line: int | None = None) -> dict[str, str]:
        self._last = False
        link = (values.get(self.column) or "").strip()
        if (values.get("id") or "").strip():
            # a row with its id keeps the link there as its address, a post's on another
            # network (linkedin.com) too: the column is not told as unread, so it was lost
            if link.lower() in _NO_LINK or not link or (values.get("url") or "").strip():
                return dict(values)
            if post_of_link(link) is None and not _WEB_ADDRESS.match(link):
                self._last = line or 0
                return dict(values)
            return {**values, "url": link}
        found = post_of_link(link)
        if found is None and link:  # blank, it is told as any row with no id
            raise ValueError(
                f'its id is blank and its link in "{as_written(self.column, self.written)}",'
                f" {link!r}, is not {LINK_KINDS}, so no id could be read from it: fill in the"
                " post's id (or its link) and import the file again"
            )
        if found is None:
            return dict(values)
        self._last = True
        return _filled_from(values, link, found, platform_too=not self.settled)

    def kept(self) -> None:
        """Count the row last filled: its post was made."""
        if self._last is True:
            self.read += 1
        elif self._last is not False:
            self.unkept.append(self._last)
        self._last = False

    def notices(self, path: str) -> Iterator[Notice]:
        if self.unkept:
            n = len(self.unkept)
            rows = "1 row's cell" if n == 1 else f"{n:,} rows' cells"
            first = f"line {self.unkept[0]}" if n == 1 else f"the first on line {self.unkept[0]}"
            yield Notice(
                path,
                f'{rows} in "{as_written(self.column, self.written)}" ({first}) '
                f"{'is' if n == 1 else 'are'} no web address, so {'it was' if n == 1 else 'they were'}"
                " not kept as the post's link (only in the stored raw record): write the post's"
                " address there (https://...) and import the file again (nothing is stored twice)",
            )
        if not self.read:
            return
        posts = "1 post had" if self.read == 1 else f"{self.read:,} posts had"
        yield Notice(
            path,
            f"{posts} no id: {'its id was' if self.read == 1 else 'their ids were'} read from "
            f"{'its link' if self.read == 1 else 'their links'} in "
            f'"{as_written(self.column, self.written)}" (a post imported again from the same '
            "link is not stored twice)"
            + (
                f"; the sheet has no platform column, so {'it is' if self.read == 1 else 'they are'}"
                " stored under the platform csv as its posts with an id are, and each author"
                " stays one account"
                if self.settled
                else ""
            ),
        )


# Networks whose posts a user's sheet may hold beside X, Bluesky and Mastodon ones
OTHER_NETWORKS = {
    **{"linkedin": "LinkedIn", "facebook": "Facebook", "fb": "Facebook"},
    **{"instagram": "Instagram", "ig": "Instagram", "tiktok": "TikTok", "threads": "Threads"},
    **{"youtube": "YouTube", "pinterest": "Pinterest", "reddit": "Reddit"},
}
READ_NETWORKS = "staffpulse reads X/Twitter, Bluesky and Mastodon"
# The address of a post on one of them
_NETWORK_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(linkedin\.com|lnkd\.in|facebook\.com|fb\.com|instagram\.com"
    r"|tiktok\.com|threads\.net|threads\.com|youtube\.com|youtu\.be|pinterest\.com"
    r"|reddit\.com)(?:[/?#]|$)",
    re.IGNORECASE,
)
_HOST_NETWORKS = {
    **dict.fromkeys(("linkedin.com", "lnkd.in"), "LinkedIn"),
    **dict.fromkeys(("facebook.com", "fb.com"), "Facebook"),
    **dict.fromkeys(("threads.net", "threads.com"), "Threads"),
    **dict.fromkeys(("youtube.com", "youtu.be"), "YouTube"),
    **{"instagram.com": "Instagram", "tiktok.com": "TikTok", "pinterest.com": "Pinterest"},
    "reddit.com": "Reddit",
}


def network_of_link(url: str) -> str | None:
    """The network staffpulse does not read a link is on (``LinkedIn``), or None."""
    found = _NETWORK_HOSTS.match(url.strip())
    return _HOST_NETWORKS[found.group(1).lower()] if found else None


@dataclass(slots=True)
class OtherNetworks:
    """The rows of a file (a CSV's, a JSONL's records) on networks staffpulse does not read,
    counted a network and told once each, not one line a row: :meth:`take` each row,
    :meth:`problems` at the end."""

    path: str
    unit: str = "row"  # what the file holds one a line: a CSV's rows, a JSONL's records
    lines: dict[str, list[int]] = field(default_factory=dict)
    kinds: dict[str, set[str]] = field(default_factory=dict)

    def take(
        self, values: Mapping[str, Any], line: int | None, default: str | None, link: str = ""
    ) -> bool:
        """Whether the row (or JSON record) is another network's (then counted, not read):
        by its platform, or, when it names none, by the address of its post (the column
        ``link``: a linkedin.com link)."""
        typed = values.get("platform") or ""
        if not isinstance(typed, str):
            return False
        network = OTHER_NETWORKS.get(typed.strip().lower().replace(" ", ""))
        if network is None and not typed.strip() and link:
            network = network_of_link(str(values.get(link) or ""))
        if network is None:
            return False
        kind = values.get("type")
        kind = kind.strip() if isinstance(kind, str) and kind.strip() else default
        self.lines.setdefault(network, []).append(line or 0)
        self.kinds.setdefault(network, set()).add(
            kind if kind in ("account", "post", "follow") else ""
        )
        return True

    def problems(self) -> Iterator[Problem]:
        for network, lines in self.lines.items():
            kinds = sorted(k if k.endswith("s") else f"{k}s" for k in self.kinds[network] if k)
            what = f"{network} {join_and(kinds) or 'records'}"
            n = len(lines)
            article = "an" if network[0] in "AEIOU" else "a"
            rows = (
                f"this {self.unit} is {article} {what[:-1]}"
                if n == 1
                else f"{n:,} {self.unit}s are {what}"
            )
            first = "" if n == 1 else " (the first on this line)"
            yield Problem(
                self.path,
                lines[0] or None,
                f"{rows}{first}: {READ_NETWORKS}, so {'it was' if n == 1 else 'they were'} not"
                f" imported (nothing to fix; the file's other {self.unit}s were read)",
                records=n,
            )
