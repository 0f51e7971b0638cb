"""What ``listen bluesky`` says when Bluesky's live stream (Jetstream) cannot be reached or is
lost: plain words, why in a few of them, and what to do.

Offline, the listener said "could not reach Jetstream at wss://...: 4 attempts in 5s, nothing
received (last error: gaierror: [Errno -2] Name or service not known)" and to check "the saved
cursor": words of the stream's protocol and of Python that a marketer cannot act on. The
technical error stays in the run's counts (``last_error``, in ``--json``) for whoever set
staffpulse up; the stream's address is named only when it is not the usual one, since only
then can it be the one that is wrong.
"""

from __future__ import annotations

import asyncio
import errno
import socket

from staffpulse.config import DEFAULT_JETSTREAM_URL
from staffpulse.errors import FetchError
from staffpulse.fetch.hostname import causes, unknown_host
from staffpulse.fetch.tls import TLS_HINT
from staffpulse.next_steps import CHECK_CONNECTION

STREAM = "Bluesky's live stream"
_NO_NETWORK = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}
_SET_ADDRESS = (
    "the stream's address (--url, or jetstream_url in the [bluesky] section of the config)"
)


def plain_cause(exc: BaseException) -> str:
    """Why a connection to the stream failed, in a few plain words ("no internet connection,
    or a wrong address", "the server refused the connection")."""
    if unknown_host(exc):  # offline, most resolvers answer "no such name" too
        return "no internet connection, or a wrong address"
    for item in causes(exc):
        if isinstance(item, ConnectionRefusedError):
            return "the server refused the connection"
        if isinstance(item, TimeoutError | asyncio.TimeoutError):
            return "no answer in time"
        # a name server that does not answer (EAI_AGAIN) is being offline too
        if isinstance(item, socket.gaierror) or (
            isinstance(item, OSError) and item.errno in _NO_NETWORK
        ):
            return "no internet connection"
        status = getattr(getattr(item, "response", None), "status_code", None)
        if isinstance(status, int):
            return f"the server answered with an error (HTTP {status})"
    return "the connection failed"


def _address(url: str) -> str:
    """`` at wss://...`` when the address is not the usual one (it may be the one mistyped)."""
    return "" if url == DEFAULT_JETSTREAM_URL else f" at {url}"


def unreachable_error(url: str, attempts: int, seconds: float, cause: str) -> FetchError:
    """Listening never began: every one of ``attempts`` in ``seconds`` failed."""
    tries = f"{attempts} tr{'y' if attempts == 1 else 'ies'}"
    check = f"{CHECK_CONNECTION.say()} (does a website open?)"
    if _address(url):
        check += f"; if it works, check {_SET_ADDRESS}"
    return FetchError(
        f"could not reach {STREAM}{_address(url)} ({cause}): {tries} in {seconds:,.0f}s,"
        " nothing received",
        hint=f"{check}, then run the same command again; nothing stored was changed",
    )


def lost_error(url: str, failures: int, cause: str) -> FetchError:
    """Listening began, then ``failures`` reconnects in a row failed."""
    return FetchError(
        f"lost {STREAM}{_address(url)}: {failures} tries in a row to connect again failed"
        f" ({cause})",
        hint=f"what came in is saved; {CHECK_CONNECTION.say()}, then run the same command again:"
        " it carries on where this run stopped",
    )


def untrusted_stream_error(url: str, untrusted: str) -> FetchError:
    """The stream's certificate was not trusted (a proxy that inspects HTTPS): the same on
    every try, so said at once."""
    return FetchError(
        f"could not reach {STREAM} at {url}: its certificate is not trusted ({untrusted})",
        hint=f"{TLS_HINT}; the next run carries on where the last one stopped",
    )
