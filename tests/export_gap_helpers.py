"""X archives of one account a month apart, written by hand after docs/formats.md (account.js
and tweets.js), for the tests of what a newer export no longer holds and of ``import
--remove-deleted``; and what the library says of them (:func:`export_gap_messages`, for the
dashboard's wording tests)."""

from __future__ import annotations

import json
from pathlib import Path

from library_messages import Said

HANDLE = "AcmeStaffing"


def tweet(tweet_id: str, day: int) -> dict[str, object]:
    """A tweet of March 2026 as the archive holds it."""
    return {
        "id_str": tweet_id,
        "created_at": f"Sun Mar {day:02d} 14:05:00 +0000 2026",
        "full_text": f"Our update number {tweet_id}",
    }


MARCH = [tweet("101", 1), tweet("102", 3), tweet("103", 5), tweet("104", 7)]
# a month later: 102 and 103 deleted on X, 105 new
APRIL = [MARCH[0], MARCH[3], tweet("105", 9)]


def archive_of(folder: Path, tweets: list[dict[str, object]], *, manifest: bool = True) -> Path:
    """An extracted X archive of @AcmeStaffing: account.js, tweets.js holding ``tweets`` and,
    unless told not to (an older archive), the manifest.js listing tweets.js."""
    data = folder / "data"
    data.mkdir(parents=True)
    account = {"account": {"accountId": "9001", "username": HANDLE}}
    (data / "account.js").write_text(f"window.YTD.account.part0 = {json.dumps([account])}")
    entries = json.dumps([{"tweet": entry} for entry in tweets])
    (data / "tweets.js").write_text(f"window.YTD.tweets.part0 = {entries}")
    if manifest:
        list_in_manifest(folder, {"data/tweets.js": len(tweets)})
    return folder


def list_in_manifest(archive: Path, counts: dict[str, int]) -> Path:
    """Give ``archive`` a manifest.js, as X writes it, listing its tweets files with their
    counts (``{"data/tweets.js": 3, ...}``): one listed and not there is missing."""
    files = [
        {"fileName": name, "globalName": f"YTD.tweets.part{n}", "count": str(count)}
        for n, (name, count) in enumerate(counts.items())
    ]
    config = {
        "userInfo": {"accountId": "9001", "userName": HANDLE},
        "archiveInfo": {"generationDate": "2026-04-10T12:00:00.000Z"},
        "dataTypes": {"tweets": {"files": files}},
    }
    manifest = archive / "data" / "manifest.js"
    manifest.write_text(f"window.__THAR_CONFIG = {json.dumps(config)}", encoding="utf-8")
    return archive


def export_gap_messages(folder: Path) -> list[Said]:
    """What an import says of the stored posts a newer archive lacks: told (nothing asked),
    removed, kept because a record was skipped, a file of the archive is missing, it has no
    manifest.js to tell, or only one file of it was given, and the option given with no
    account export at all."""
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    april = archive_of(folder / "april", APRIL)
    broken = archive_of(folder / "broken", [*APRIL, {"id_str": "106", "created_at": "soon"}])
    lacking = archive_of(folder / "lacking", APRIL)
    list_in_manifest(lacking, {"data/tweets.js": 3, "data/tweets-part1.js": 2})
    csv = folder / "posts.csv"
    csv.write_text("id,author,text\n1,acme,hello\n", encoding="utf-8")
    cases = {
        "told": ([april], False),
        "removed": ([april], True),
        "record skipped": ([broken], True),
        "one file": ([april / "data" / "tweets.js"], True),
        "file missing": ([lacking], True),
        "no manifest": ([archive_of(folder / "older", APRIL, manifest=False)], True),
        "no export": ([csv], True),
    }
    said = []
    for case, (paths, remove) in cases.items():
        with open_store(":memory:") as store:
            import_paths(store, [archive_of(folder / case / "march", MARCH)])
            report = import_paths(store, paths, remove_deleted=remove)
        said += [Said(case, notice.message) for notice in report.notices]
    return said
