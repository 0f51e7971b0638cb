"""Who the firm is: the one reading of "You post as" (the dashboard) and ``inbox --as``.

The inbox counts a conversation as joined when the firm replied to it, so it must know which
stored accounts are the firm's. People name the firm as they name any account (a handle, a
profile address, a picker's ``@handle (platform)``: :mod:`staffpulse.account_refs`), and the
name may be stored on one platform, on several, nowhere, or be no account reference at all.
:func:`resolve_firm` decides which, once; the CLI and the web only say it in their own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from staffpulse.account_refs import find_account_ref, parse_account_ref, read_account_ref
from staffpulse.errors import AmbiguousAccountError, InputError, NotFoundError, StaffpulseError
from staffpulse.handles import as_url
from staffpulse.listen.own_accounts import resolve_accounts
from staffpulse.models import Account
from staffpulse.store import Store


class FirmStatus(Enum):
    KNOWN = "known"  # one stored account, or the stored posts signed with the handle
    ON_SEVERAL_PLATFORMS = "on several platforms"  # all of them count as the firm's
    NOT_IN_STORE = "not in the store"  # no account, no post: its replies cannot be seen
    INVALID = "not a valid reference"  # an address of no profile, a platform we do not know


@dataclass(frozen=True)
class FirmResolution:
    status: FirmStatus
    typed: str  # as the user wrote it, to be shown back for correction
    handle: str  # the stored account's handle when known; as read otherwise ("" if invalid)
    platform: str | None = None  # the account's, or the one the reference named
    account: Account | None = None  # the stored account, when exactly one is meant
    platforms: tuple[str, ...] = ()  # where the handle is stored
    # INVALID: why; NOT_IN_STORE: what the store holds instead ("did you mean @acme (x)?")
    error: StaffpulseError | None = None
    # the reference named one account (a platform or a profile address), not a bare handle
    names_one_account: bool = field(default=False)

    @property
    def counted(self) -> bool:
        """Whether the inbox is the firm's. A bare handle not stored still is (the inbox notes
        that its replies are unknown; its marks count); a reference that is none, or that
        names one account (a platform, a profile address) not stored, is not: another
        platform's namesake is not taken for it, and what is there instead is said."""
        if self.status is FirmStatus.INVALID:
            return False
        return not (self.status is FirmStatus.NOT_IN_STORE and self.names_one_account)

    @property
    def inbox_handle(self) -> str | None:
        """The handle the inbox counts the replies (and marks) of; None: no firm."""
        return self.handle if self.counted else None

    @property
    def inbox_platform(self) -> str | None:
        """The platform the firm's accounts are on; None: every platform with the handle."""
        if not self.counted or self.status is FirmStatus.ON_SEVERAL_PLATFORMS:
            return None
        return self.platform

    @property
    def found(self) -> bool:
        """The firm has accounts or posts in the store: its replies count as joined."""
        return self.status in (FirmStatus.KNOWN, FirmStatus.ON_SEVERAL_PLATFORMS)


def resolve_firm(store: Store, text: str | None) -> FirmResolution | None:
    """What ``text`` (a handle, a profile address, ``@handle (platform)``) names as the firm
    in ``store``; None when it is blank (no firm: nothing counts as joined by replies).

    Library code: it raises nothing for a bad reference; the resolution carries the error, so
    that the inbox can still be shown with the problem said beside it.
    """
    typed = " ".join((text or "").split())
    handle, named = parse_account_ref(typed)
    if not handle:
        return None
    names_one = named is not None or as_url(handle) is not None
    try:
        account = find_account_ref(store, typed)
    except AmbiguousAccountError as exc:
        return FirmResolution(
            FirmStatus.ON_SEVERAL_PLATFORMS,
            typed,
            exc.handle.lstrip("@"),
            platforms=tuple(exc.platforms),
        )
    except NotFoundError as exc:
        return _by_posts(store, typed, exc, names_one)
    except InputError as exc:
        return FirmResolution(FirmStatus.INVALID, typed, "", error=exc)
    return FirmResolution(
        FirmStatus.KNOWN,
        typed,
        account.handle,
        account.platform,
        account,
        (account.platform,),
        names_one_account=names_one,
    )


def _by_posts(store: Store, typed: str, missing: NotFoundError, names_one: bool) -> FirmResolution:
    """A firm with no account row may still have posts signed with its handle (a posts CSV, a
    stream): those are its own all the same. With neither, it is not in the store."""
    try:
        handle, platform = read_account_ref(typed)
    except InputError as exc:
        return FirmResolution(FirmStatus.INVALID, typed, "", error=exc)
    platforms = tuple(sorted({p for p, _ in resolve_accounts(store, handle, platform)}))
    if not platforms:
        return FirmResolution(
            FirmStatus.NOT_IN_STORE,
            typed,
            handle,
            platform,
            error=missing,
            names_one_account=names_one,
        )
    status = FirmStatus.KNOWN if len(platforms) == 1 else FirmStatus.ON_SEVERAL_PLATFORMS
    return FirmResolution(
        status,
        typed,
        handle,
        platforms[0] if len(platforms) == 1 else None,
        platforms=platforms,
        names_one_account=names_one,
    )
