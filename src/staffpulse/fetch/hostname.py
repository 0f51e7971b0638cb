"""A server name that does not exist, as the error that says so.

A mistyped instance (``mastodon.socal``) or address in config.toml fails before any
connection, as being offline does: said as "no connection", people checked a network that
worked, and each retry failed the same way. The lookup's own answer tells the two apart.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING

from staffpulse.errors import FetchError
from staffpulse.fetch.resume import resume_hint
from staffpulse.next_steps import CHECK_CONNECTION

if TYPE_CHECKING:  # only annotated: common imports resume, which this module uses
    from staffpulse.fetch.common import FetchReport

# "no such name" answers; EAI_AGAIN (no answer from the name server) is being offline
_NO_SUCH_NAME = {
    getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name)
}


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception inside it: the HTTP libraries wrap the socket's or ssl's
    error in one or two of their own, as an argument, a cause or an attribute."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if id(item) in seen or not isinstance(item, BaseException):
            continue
        seen.add(id(item))
        yield item
        # urllib3 keeps the cause as an attribute; read from the instance, since a property
        # of that name (websockets' ConnectionClosed.reason) warns that it is deprecated
        stack.extend([*item.args, item.__cause__, item.__context__, vars(item).get("reason")])


def unknown_host(exc: BaseException) -> bool:
    """Whether ``exc`` failed because the server's name does not exist."""
    return any(
        isinstance(item, socket.gaierror) and item.errno in _NO_SUCH_NAME for item in causes(exc)
    )


def unresolved_error(
    exc: BaseException,
    what: str,
    host: str,
    check: str,
    report: FetchReport,
    *,
    service: str,
    wrong: str = "a wrong address in the settings",
) -> FetchError | None:
    """The error of a request whose server name does not exist, None for any other failure;
    ``service`` is the platform in words, ``wrong`` the setting or handle part that may be
    mistyped, and ``check`` says where it was written. ``report`` is stopped: asking again
    would fail the same way.

    The connection comes first, in the message and the advice: on a laptop, a name not found
    is far more often a network that is down (some resolvers answer "no such name" when
    offline) than a setting that changed, and the setting is the one a marketer cannot check
    alone. "The name ... could not be found" read as jargon to them, so the server's name is
    only the detail in brackets, for whoever set staffpulse up."""
    if not unknown_host(exc):
        return None
    report.stopped = "error"
    return FetchError(
        f"{what}: could not reach {service}: no internet connection, or {wrong}"
        f" ({host} was not found)",
        hint=f"{CHECK_CONNECTION.say()} first (does a website open?); if it works, {check};"
        f" {resume_hint(report, otherwise='then try again')}",
    )
