"""The dashboard's defences: CSRF double-submit tokens, security headers, archive checks,
and a log filter that masks secrets.

CSRF: a per-process secret signs a random nonce (``nonce.hmac``). The token goes into a
``SameSite=Strict`` HttpOnly cookie and into a hidden field of every form; a POST must carry
both, equal, with a valid signature. A restart changes the secret, so old pages get a clear
"reload the page" message instead of a silent failure.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from staffpulse.config_secrets import MIN_MASKED, configured_secrets, mask_values
from staffpulse.errors import UnsafeArchiveError
from staffpulse.sources.base import unsafe_member_name
from staffpulse.sources.zip_salvage import LOCAL, open_zip

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "staffpulse_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
# what to do about a refused archive: an X archive is fetched again from X, any other ZIP is
# made again from its files (or they are uploaded themselves)
ARCHIVE_HINT = (
    "Download the archive again from X (Settings > Your account > Download an archive of your "
    "data) and upload that file unchanged."
)
OTHER_ZIP_HINT = (
    "Make the ZIP again from the original files, with no folder above them, or upload the "
    "files themselves (several can be chosen at once)."
)
CUT_ZIP_HINT = "Download or copy the ZIP again, let it finish, and upload that file."
# the files by which an X archive is known (its data folder, and the page X puts beside it)
_X_ARCHIVE_FILES = ("tweets.js", "tweet.js", "account.js", "profile.js", "your archive.html")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class CsrfError(Exception):
    """A POST without a valid CSRF token; the message says what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Csrf:
    """Issues and checks the double-submit tokens of one process."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def new_token(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        if not token or token.count(".") != 1:
            return False
        nonce, signature = token.split(".")
        return hmac.compare_digest(signature, self._sign(nonce))

    def check(self, cookie: str | None, submitted: str | None) -> None:
        """Raise :class:`CsrfError` unless the cookie and the form carry the same valid token."""
        if not submitted:
            raise CsrfError("the form arrived without its security token")
        if not cookie:
            raise CsrfError("your browser did not send the dashboard's security cookie")
        if not hmac.compare_digest(cookie, submitted):
            raise CsrfError("the form's security token does not match this browser")
        if not self.valid(cookie):
            raise CsrfError(
                "the page was opened before the dashboard was restarted, so its security token"
                " is from an older session of the dashboard"
            )


class SecurityHeadersMiddleware:
    """Adds CSP and friends to every response (pure ASGI, so streaming bodies are untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(item for item in SECURITY_HEADERS if item[0] not in present)
                if b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_archive(path: Path, max_unzipped_bytes: int) -> None:
    """Refuse (:class:`UnsafeArchiveError`) a ZIP with an absolute or ``..`` entry name, or
    that unpacks to more than ``max_unzipped_bytes``; any other file passes."""
    if not zipfile.is_zipfile(path) and not _starts_as_zip(path):
        return
    try:  # a ZIP cut short is checked on the files the import would read from it
        with open_zip(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        first = _first_entry_name(path)
        if first is not None:  # a download that stopped inside the ZIP's first file
            raise UnsafeArchiveError(
                "the ZIP file is cut short inside its first file (its download or copy "
                "stopped), so nothing in it can be read",
                ARCHIVE_HINT if archive_hint([first]) == ARCHIVE_HINT else CUT_ZIP_HINT,
            ) from exc
        raise UnsafeArchiveError(f"the ZIP file cannot be read ({exc})", OTHER_ZIP_HINT) from exc
    hint = archive_hint([info.filename for info in infos])
    for info in infos:
        if unsafe_member_name(info.filename):
            raise UnsafeArchiveError(
                f"the archive contains an unsafe entry '{info.filename[:120]}': entries with "
                "absolute paths or '..' could write outside their folder (zip slip), "
                "so staffpulse refused the whole archive",
                hint,
            )
    total = sum(info.file_size for info in infos)
    if total > max_unzipped_bytes:
        raise UnsafeArchiveError(
            f"the archive would unpack to {total / 1e9:.1f} GB, more than the "
            f"{max_unzipped_bytes / 1e9:.1f} GB allowed",
            hint,
        )


def _first_entry_name(path: Path) -> str | None:
    """The name of the first file of a ZIP as its first header gives it (None when the file
    does not open with one): all a ZIP cut inside its first file still says."""
    with path.open("rb") as handle:
        header = handle.read(30)
        if len(header) < 30 or header[:4] != LOCAL:
            return None
        name = handle.read(int.from_bytes(header[26:28], "little"))
    return name.decode("utf-8", "replace")


def _starts_as_zip(path: Path) -> bool:
    """Whether the file opens with a ZIP entry: a ZIP cut short, which lost its list of files."""
    with path.open("rb") as handle:
        return handle.read(len(LOCAL)) == LOCAL


def archive_hint(names: Iterable[str]) -> str:
    """What to do about a refused ZIP with these entries: fetch an X archive again from X,
    make any other ZIP again."""
    base = {name.replace("\\", "/").rsplit("/", 1)[-1].lower() for name in names}
    return ARCHIVE_HINT if base & set(_X_ARCHIVE_FILES) else OTHER_ZIP_HINT


class SecretMaskFilter(logging.Filter):
    """Replaces any known secret value in a log record with a mask (defence in depth): in its
    message and in the traceback it carries, which the terminal prints whole (a library's error
    may quote the request it sent). Known: the values given, and every token the environment
    and the config file hold now (one saved in the file while the dashboard runs too)."""

    def __init__(self, secrets_: Iterable[str] = ()) -> None:
        super().__init__()
        self.values: set[str] = {s for s in secrets_ if s and len(s) >= MIN_MASKED}

    def add(self, value: str | None) -> None:
        if value and len(value) >= MIN_MASKED:
            self.values.add(value)

    def filter(self, record: logging.LogRecord) -> bool:
        values = self.values.union(configured_secrets())
        if not values:
            return True
        message = record.getMessage()
        masked = _masked(message, values)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # the handler's formatter prints exc_text as it finds it, so it is set here masked
            record.exc_text = _masked(logging.Formatter().formatException(record.exc_info), values)
        return True


def _masked(text: str, values: Iterable[str]) -> str:
    # a log keeps no part of a secret, not even the tail a message shows to tell tokens apart
    return mask_values(text, values, mask=lambda _value: "••••••••")


def install_log_filter(mask: SecretMaskFilter) -> None:
    # A logger's filter sees only the records made on it, and a handler's only when it was
    # there: ``serve`` gives the loggers new handlers after the app is made (uvicorn's log
    # config), so the dashboard's own logger, whose records go to them, holds the mask itself
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "staffpulse", "staffpulse.web"):
        logger = logging.getLogger(name)
        if mask not in logger.filters:
            logger.addFilter(mask)
        for handler in logger.handlers:
            if mask not in handler.filters:
                handler.addFilter(mask)
