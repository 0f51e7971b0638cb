"""Domain errors of staffpulse.

Every failure a user can cause is one of these. The library raises them; only the CLI
(`staffpulse.cli`) and the web app (`staffpulse.web`) turn them into messages, so library
callers can catch precisely what they care about.

Hierarchy, with each class's exit code (``exit_code``: the process exit status the CLI uses,
from sysexits.h where one fits; a subclass keeps its parent's unless it says another)::

    StaffpulseError                  any failure staffpulse reports to a user                 1
    ├── ConfigError                  bad or unreadable config file / environment             78
    ├── MissingExtraError            an optional part is not installed (names pip command)   69
    ├── StoreError                   the SQLite store cannot be opened, migrated, written    74
    ├── OutputError                  results cannot be written into the folder given         73
    ├── ClusterError                 a local Dask cluster cannot be started here             71
    ├── InputError                   a file or argument the user gave cannot be used         65
    │   ├── MissingFileError         the path the user gave does not exist                   66
    │   ├── UnknownFormatError       no importer recognises the file
    │   ├── UnsafeArchiveError       an uploaded ZIP that must not be opened (slip, bomb)
    │   ├── NotAnImageError          an avatar file is not a readable image
    │   ├── ImageTooLargeError       an avatar declares too many pixels (decompression bomb)
    │   └── EmptyInputError          the file or folder holds nothing to import
    │       └── NothingImportedError files read, but none held a record                       1
    ├── NotFoundError                not in the store, or not on the platform asked          66
    │   ├── NoSuchAccountError       no stored account has that handle (on that platform)
    │   │   └── SharedNameError      no handle, but the display name of several accounts
    │   └── AmbiguousAccountError    a handle names accounts on several platforms
    ├── ModelError                   a shipped model artifact is missing or corrupt          70
    └── FetchError                   a live platform call failed                             75
        ├── AuthError                missing or rejected credentials                         77
        │   └── MissingTokenError    no token set where one is needed (and what is free)
        ├── RateLimitError           HTTP 429 and the wait would exceed the cap
        ├── PaymentRequiredError     HTTP 402: X credits exhausted                           69
        └── BudgetExceededError      the next request would pass the user's --budget

Each error carries a one-line ``message`` (what went wrong, and where) and a ``hint`` (what
to do next).
"""

from __future__ import annotations


class StaffpulseError(Exception):
    """Base class: a failure with a message for the user and a hint on what to do next."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class ConfigError(StaffpulseError):
    """The config file or an environment setting is invalid."""

    exit_code = 78  # EX_CONFIG


class MissingExtraError(StaffpulseError):
    """An optional dependency group is not installed."""

    exit_code = 69  # EX_UNAVAILABLE

    def __init__(self, extra: str, feature: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package '{module}', which is not installed.",
            hint=f"run: pip install 'staffpulse[{extra}]'",
        )
        self.extra = extra


class StoreError(StaffpulseError):
    """The SQLite store cannot be opened, migrated or written."""

    exit_code = 74  # EX_IOERR


class OutputError(StaffpulseError):
    """Results cannot be written where the user asked (``score --output``): the disk, not
    the input, failed; what was there before is left as it was, or the message says where."""

    exit_code = 73  # EX_CANTCREAT


class ClusterError(StaffpulseError):
    """A local Dask cluster could not be started (no free port, too many processes): this
    machine, not the network or the input, is at fault."""

    exit_code = 71  # EX_OSERR


class InputError(StaffpulseError):
    """A file or argument given by the user cannot be used."""

    exit_code = 65  # EX_DATAERR


class MissingFileError(InputError):
    """A file or folder the user named does not exist (exit code 66, like ``NotFoundError``)."""

    exit_code = 66  # EX_NOINPUT


class UnknownFormatError(InputError):
    """No registered source recognises the file."""


class UnsafeArchiveError(InputError):
    """A ZIP that must not be opened: an entry would land outside its folder (zip slip), or
    the whole would unpack to more than allowed (zip bomb). Nothing in it is read."""


class NotAnImageError(InputError):
    """An avatar file is not an image Pillow can read, or it is truncated or corrupt."""


class ImageTooLargeError(InputError):
    """An image declares more pixels than the avatar reader accepts (decompression-bomb
    guard: :data:`staffpulse.signals.avatar_io.MAX_PIXELS`)."""


class EmptyInputError(InputError):
    """The file or folder contains nothing importable."""


class NothingImportedError(EmptyInputError):
    """Files of a known format were read, but they held no record to import (a CSV header
    without rows, an empty search result). Exit 1, as an import whose every record was
    skipped: the input was read and nothing came of it; 65 is for input refused unread."""

    exit_code = 1


class NotFoundError(StaffpulseError):
    """Something the user asked for is not there: not in the store, or not on the platform a
    fetch asked (an account X or the instance does not know)."""

    exit_code = 66  # EX_NOINPUT


class NoSuchAccountError(NotFoundError):
    """No stored account has ``handle`` (on ``platform``, when one was asked for).

    Its own class so that a caller may act on "not there" (fetch the account, suggest a close
    handle) and let every other failure, a locked store or a bad handle, be reported.
    """

    def __init__(
        self,
        handle: str,
        platform: str | None,
        message: str | None = None,
        hint: str | None = None,
        close: tuple[tuple[str, str], ...] = (),
    ) -> None:
        where = f" on {platform}" if platform else ""
        super().__init__(message or f"no account '{handle}'{where} in the store", hint=hint)
        self.handle = handle
        self.platform = platform
        # the stored (handle, platform) pairs the message offers ("did you mean ..."), for a
        # caller that words the problem its own way (inbox --as warns and goes on)
        self.close = close


class SharedNameError(NoSuchAccountError):
    """No account has the handle typed, but several have it as their display name: which one
    is meant must be said (``close`` holds their handles and platforms)."""


class AmbiguousAccountError(NotFoundError):
    """A handle names accounts on several platforms: which one is meant must be said, and how
    depends on where it was typed (``--platform``, a cohort line), so the caller may rephrase
    the hint from ``handle`` and ``platforms``."""

    def __init__(self, handle: str, platforms: list[str], hint: str | None = None) -> None:
        super().__init__(
            f"'{handle}' exists on several platforms ({', '.join(platforms)})", hint=hint
        )
        self.handle = handle
        self.platforms = platforms


class ModelError(StaffpulseError):
    """A shipped model artifact is missing or unreadable."""

    exit_code = 70  # EX_SOFTWARE


class FetchError(StaffpulseError):
    """A live platform request failed."""

    exit_code = 75  # EX_TEMPFAIL


class AuthError(FetchError):
    """Credentials are missing or were rejected."""

    exit_code = 77  # EX_NOPERM


class MissingTokenError(AuthError):
    """No token is set for a platform that charges for reading it. ``free_way``: how to get
    the data without one (X's archive, for an account's own posts), which the CLI says after
    the hint: a marketer asked for a token did not know that the archive needs none."""

    def __init__(self, message: str, hint: str | None = None, free_way: str | None = None) -> None:
        super().__init__(message, hint)
        self.free_way = free_way


class RateLimitError(FetchError):
    """The platform rate-limited us for longer than we are willing to wait."""


class PaymentRequiredError(FetchError):
    """HTTP 402 from X: the account's pay-per-use credits are exhausted."""

    exit_code = 69  # EX_UNAVAILABLE: add credits, then run again (not a network failure)


class BudgetExceededError(FetchError):
    """Continuing would spend more than the budget the user set."""
