"""What the files of LinkedIn's data export are, told to whoever gives them to import.

Staffing firms live on LinkedIn, and "Get a copy of your data" there gives a ZIP of CSVs
(``Shares.csv``, ``Comments.csv``, ``Connections.csv``...). staffpulse coaches X, Bluesky and
Mastodon accounts only, yet ``Shares.csv`` was told the columns a staffpulse CSV needs "to
fix the file", as if renaming ``ShareCommentary`` would make a LinkedIn account one it
audits. :func:`why_linkedin_export` (one of :data:`staffpulse.sources.folders.EXPLAINERS`)
names the file for what it is instead.
"""

from __future__ import annotations

from pathlib import Path

from staffpulse.sources.csvrows import column_key
from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.text_files import head_text

# The header of each file of the export (as column keys, underscores dropped), what the file
# holds, and whether the header alone tells it (else a linkedin.com address in its rows must:
# "date, link, message" could head a sheet of anyone's)
_FILES: tuple[tuple[frozenset[str], str, bool], ...] = (
    (frozenset({"sharelink", "sharecommentary"}), "Shares.csv, the account's posts", True),
    (frozenset({"date", "link", "message"}), "Comments.csv, the account's comments", False),
    (frozenset({"date", "type", "link"}), "Reactions.csv, the account's reactions", False),
    (
        frozenset({"firstname", "lastname", "url", "connectedon"}),
        "Connections.csv, the account's connections",
        True,
    ),
    (
        frozenset({"conversationid", "senderprofileurl"}),
        "messages.csv, the account's messages",
        True,
    ),
    (
        frozenset({"firstname", "lastname", "maidenname", "headline"}),
        "Profile.csv, the account's profile",
        True,
    ),
)
# Connections.csv opens with a few lines of notes above its header
_HEADER_LINES = 8


def not_imported(platform: str) -> str:
    """What a file of a platform staffpulse does not coach is told, and what to import."""
    return (
        f"staffpulse coaches X, Bluesky and Mastodon accounts and does not import {platform}; "
        "import the firm's exports from those platforms instead"
    )


def why_linkedin_export(path: Path, head: bytes) -> str | None:
    """What a CSV of LinkedIn's data export holds, and that it is not imported; None for
    any other file."""
    if path.is_dir() or path.suffix.lower() != ".csv":
        return None
    text = head_text(head)
    linkedin = "linkedin.com/" in text.lower()
    for line in text.splitlines()[:_HEADER_LINES]:
        # "Share Link" as well as "ShareLink": LinkedIn has written both, and a sheet
        # re-saved by hand may space either
        columns = {column_key(cell.strip('"')).replace("_", "") for cell in line.split(",")}
        for needed, what, telling in _FILES:
            if needed <= columns and (telling or linkedin):
                return (
                    f"{WHAT_IT_IS}a file of LinkedIn's data export ({what}; Settings › Data "
                    f"privacy › Get a copy of your data): {not_imported('LinkedIn')}"
                )
    return None


# first: the staffpulse CSV would tell the header what to rename, as if it could be fixed
EXPLAINERS.insert(0, why_linkedin_export)
