"""What the files of TikTok's data download are, told to whoever gives them to import.

Recruiters post on TikTok too, and "Download your data" there gives ``user_data.json`` (or
``user_data_tiktok.json``; sections such as ``Activity``, ``Profile`` and ``Video`` holding
lists like ``VideoList``), or, asked for as text, a folder of files such as ``Videos.txt``
(``Date: ...`` and ``Link: https://www.tiktokv.com/...`` a video). The JSON was told it is
"a JSON file holding one object ... not a file of posts or accounts" and the text files
"text a person wrote": neither said that staffpulse does not coach TikTok, so a user was left
to wonder what was wrong with their export. :func:`why_tiktok_export` (one of
:data:`staffpulse.sources.folders.EXPLAINERS`) names the file for what it is instead, as
:mod:`staffpulse.sources.meta_exports` and :mod:`staffpulse.sources.linkedin_exports` do.
"""

from __future__ import annotations

import re
from pathlib import Path

from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.linkedin_exports import not_imported
from staffpulse.sources.text_files import head_text

_DOWNLOAD = "TikTok's data download (Settings and privacy › Account › Download your data)"
# The lists of user_data.json's sections: names no other export writes as keys
_LIST_KEY_RE = re.compile(
    r'"(VideoList|ItemFavoriteList|FavoriteEffectsList|FavoriteHashtagList|FavoriteSoundList'
    r"|FavoriteVideoList|LoginHistoryList|SearchList|ShareHistoryList|BrowsingHistoryList"
    r'|CommentsList|ProfileMap|FansList|Following)"\s*:'
)
# A section of user_data.json (older and newer downloads name them differently)
_SECTION_RE = re.compile(
    r'"(Activity|Your Activity|Video|Post|Profile|Profile And Settings|Comment|Direct Messages?'
    r'|Ads and data|App Settings|Tiktok Live|TikTok Live|Likes and Favorites)"\s*:'
)
# A video's address as the text download writes it ("Link: https://www.tiktokv.com/share/...")
_TEXT_LINK_RE = re.compile(r"^(?:Video )?Link: https?://(?:www\.)?tiktokv?\.com/", re.MULTILINE)
_TEXT_DATE_RE = re.compile(r"^Date: \d{4}-\d\d-\d\d", re.MULTILINE)
# The columns of TikTok Studio's analytics download (Overview, Content)
_ANALYTICS_RE = re.compile(r"video views", re.IGNORECASE)
_ANALYTICS_ALSO_RE = re.compile(r"profile views|tiktok", re.IGNORECASE)


def why_tiktok_export(path: Path, head: bytes) -> str | None:
    """What a file of TikTok's data download holds, and that it is not imported; None for
    any other file."""
    if path.is_dir():
        return None
    what = _what_it_holds(path, head_text(head))
    if what is None:
        return None
    return f"{WHAT_IT_IS}{what}: {not_imported('TikTok')}"


def _what_it_holds(path: Path, text: str) -> str | None:
    """What ``text`` (a file's head) of TikTok's download is; None when it is none."""
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("{") and _LIST_KEY_RE.search(start) and _SECTION_RE.search(start):
        return f"a file of {_DOWNLOAD}, the account's activity, profile and videos"
    if _TEXT_LINK_RE.search(text) and _TEXT_DATE_RE.search(text):
        return f"a file of {_DOWNLOAD} saved as text (dates and video links)"
    header = start.partition("\n")[0]
    also = _ANALYTICS_ALSO_RE.search(header) or "tiktok" in path.name.lower()
    if path.suffix.lower() == ".csv" and _ANALYTICS_RE.search(header) and also:
        return "a file of TikTok Studio's analytics download (views of the account's videos)"
    return None


# first: the JSON would be told it holds "one object", the text files that a person wrote them
EXPLAINERS.insert(0, why_tiktok_export)
