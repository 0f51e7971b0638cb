"""Avatar images for the Face pillar: recognise platform defaults, download the rest safely.

Defaults: X ``default_profile_images`` URLs, a Bluesky profile without ``avatar``, Mastodon's
``missing.png``. The avatar signal's ``default_from_metadata``
(:mod:`staffpulse.signals.avatar_defaults`) is the single source of these rules; the ones
below are only a fallback for builds without it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from staffpulse.config import home_dir
from staffpulse.models import Account

CONTENT_TYPES = {
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


def _url_rules(platform: str, avatar_url: str | None, has_avatar_field: bool) -> bool:
    if not avatar_url or not has_avatar_field:
        return True
    url = avatar_url.lower()
    if platform == "x":
        return "default_profile_images" in url
    if platform == "mastodon":
        return url.rsplit("?", 1)[0].endswith("missing.png")
    return False


def _signal_rule() -> Callable[..., Any] | None:
    """The avatar signal's ``default_from_metadata`` (the single source of the rules)."""
    for name in ("staffpulse.signals.avatar_defaults", "staffpulse.signals.avatar"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        rule = getattr(module, "default_from_metadata", None)
        if callable(rule):
            return rule  # type: ignore[no-any-return]
    return None


def is_default_avatar(
    platform: str, avatar_url: str | None, *, has_avatar_field: bool = True
) -> bool:
    """True when the URL (or its absence) is the platform's default avatar."""
    rule = _signal_rule()
    if rule is None:
        return _url_rules(platform, avatar_url, has_avatar_field)
    try:
        return bool(rule(platform, avatar_url, has_avatar_field=has_avatar_field))
    except Exception:  # a signal-side bug must not break fetching
        return _url_rules(platform, avatar_url, has_avatar_field)


def larger_x_avatar(url: str) -> str:
    """X serves 48px ``_normal`` images by default; ask for the 400px variant."""
    return re.sub(r"_normal(\.\w+)$", r"_400x400\1", url)


def _safe_name(account: Account) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{account.platform}-{account.id}")[:120]


def download_avatar(
    account: Account,
    *,
    max_bytes: int,
    timeout: float,
    session: Any = None,
    folder: Path | None = None,
) -> str | None:
    """Save the account's avatar under ``home_dir()/avatars/``; None for defaults or failures.

    The size is capped (``max_bytes``) and only image content types are accepted.
    """
    url = account.avatar_url
    if url is None or is_default_avatar(account.platform, url):
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
    target_dir = folder or home_dir() / "avatars"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{_safe_name(account)}{suffix}"
    target.write_bytes(data)
    return str(target)
