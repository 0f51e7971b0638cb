"""A certificate the secure connection could not trust, as the error that says what to do.

Behind a proxy or security software that inspects HTTPS (common on company networks) every
request fails the certificate check. Said as "no connection", people were told to try again
once online, which they were; asking again changes nothing, so such a failure is not retried.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from staffpulse.errors import FetchError
from staffpulse.fetch.hostname import causes, unresolved_error
from staffpulse.fetch.resume import resume_hint

if TYPE_CHECKING:  # only annotated: common imports resume, which this module uses
    from staffpulse.fetch.common import FetchReport

# requests (X, Mastodon) and httpx (Bluesky) each read their own variable for extra roots
TLS_HINT = (
    "a proxy or security software that inspects HTTPS may be in the way: ask whoever runs the"
    " network for its certificate, and set REQUESTS_CA_BUNDLE and SSL_CERT_FILE to its file"
)
_VERIFY = re.compile(r"certificate verify failed: ([^(\]'\"]+?)\s*(?:\(_ssl|['\"\]]|$)")


def untrusted_certificate(exc: BaseException) -> str | None:
    """Why the server's certificate was not trusted (``self-signed certificate in certificate
    chain``), or None when ``exc`` is no such failure."""
    for item in causes(exc):
        if found := _VERIFY.search(str(item)):
            return found.group(1).strip()
    return None


def untrusted_error(
    exc: BaseException, what: str, host: str, report: FetchReport
) -> FetchError | None:
    """The error of a request whose server certificate was not trusted, None for any other
    failure; ``report`` is stopped, since asking again would fail the same way."""
    detail = untrusted_certificate(exc)
    if detail is None:
        return None
    report.stopped = "error"
    return FetchError(
        f"{what}: the secure connection to {host} failed: its certificate is not trusted"
        f" ({detail})",
        hint=f"{TLS_HINT}; {resume_hint(report, otherwise='then try again')}",
    )


def raise_lasting(
    exc: BaseException,
    what: str,
    host: str,
    check: str,
    report: FetchReport,
    *,
    service: str,
    wrong: str = "a wrong address in the settings",
) -> None:
    """Raise the error of a failure that asking again cannot mend: a certificate not trusted
    (:func:`untrusted_error`) or a server name that does not exist
    (:func:`~staffpulse.fetch.hostname.unresolved_error`, which takes ``check``, ``service``
    and ``wrong``); return for any other failure, which the caller may retry."""
    lasting = untrusted_error(exc, what, host, report) or unresolved_error(
        exc, what, host, check, report, service=service, wrong=wrong
    )
    if lasting is not None:
        raise lasting from None
