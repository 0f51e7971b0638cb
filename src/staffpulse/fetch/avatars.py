"""Avatar images for the Face pillar: download them safely, never a platform's placeholder.

Which URLs are placeholders (X ``default_profile_images``, a Bluesky profile without
``avatar``, Mastodon's ``missing.png``, ...) is decided by
:func:`staffpulse.signals.avatar_defaults.default_from_metadata`, the same rule the audit uses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import requests

from staffpulse.config import avatars_dir
from staffpulse.models import Account
from staffpulse.signals.avatar_defaults import default_from_metadata
from staffpulse.store.avatar_files import save_avatar

CONTENT_TYPES = {
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


def larger_x_avatar(url: str) -> str:
    """X serves 48px ``_normal`` images by default; ask for the 400px variant."""
    return re.sub(r"_normal(\.\w+)$", r"_400x400\1", url)


def download_avatar(
    account: Account,
    *,
    max_bytes: int,
    timeout: float,
    session: Any = None,
    folder: Path | None = None,
) -> str | None:
    """Save the account's avatar in ``folder`` (the store's, :attr:`Store.avatar_folder`; else
    :func:`~staffpulse.config.avatars_dir`) and return its path; None for defaults or failures.

    The size is capped (``max_bytes``) and only image content types are accepted.
    """
    url = account.avatar_url
    if url is None or default_from_metadata(account.platform, url):
        return None
    if account.platform == "x":
        url = larger_x_avatar(url)
    http = session or requests
    try:
        with http.get(url, stream=True, timeout=timeout) as response:
            if response.status_code != 200:
                return None
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            suffix = CONTENT_TYPES.get(kind)
            if suffix is None:
                return None
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                return None
            data = b""
            for chunk in response.iter_content(65536):
                data += chunk
                if len(data) > max_bytes:
                    return None
    except requests.RequestException:
        return None
    return save_avatar(folder or avatars_dir(), account, data, suffix)
