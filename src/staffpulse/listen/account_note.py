"""The inbox's note for a firm whose account is nowhere in the store."""

from __future__ import annotations

from staffpulse.models import platform_name
from staffpulse.report.counts import count_of


def missing_account_note(handle: str, platform: str | None = None, marked: int = 0) -> str:
    """What the inbox notes when the firm's account is nowhere in the store. Its replies
    cannot be seen, but conversations it marked joined by hand still count as joined
    (``marked``): the note says so, so that it agrees with ``counts.joined``."""
    where = f" on {platform_name(platform)}" if platform else ""  # "on Bluesky", not "bluesky"
    if marked:
        were = "was" if marked == 1 else "were"
        joined = (
            f": the {count_of(marked, 'conversation')} counted as joined {were}"
            " marked joined by hand"
        )
    else:
        joined = " and nothing counts as joined"
    return (
        f"account {handle}{where} is not in the store, so its replies are unknown{joined};"
        " import or fetch its posts first"
    )
