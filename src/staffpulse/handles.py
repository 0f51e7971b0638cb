"""What a handle people send means: ``(platform, normalized handle)``.

A leaf module (no staffpulse imports but the leaf :mod:`staffpulse.accents`): fetch, connect
and the web read handles the same way.

The forms read (``tests/test_handles.py`` has the table):

* X: ``@name`` or ``name`` (1-15 letters, digits, underscores); profile URLs on x.com,
  twitter.com, www. and mobile. hosts, with or without ``https://``, ``@`` before the name, a
  trailing path (``/status/1``), slash or query string;
* Bluesky: ``name.bsky.social`` or any domain handle, ``did:plc:...``,
  ``bsky.app/profile/<handle or DID>`` URLs (with platform ``bluesky`` a bare ``name`` means
  ``name.bsky.social``);
* Mastodon: ``@user@instance``, ``https://instance/@user``, ``https://instance/users/user``
  and remote profiles as one instance shows them (``https://mastodon.social/@user@instance``
  is ``user@instance``).

**Mastodon address or email?** ``user@host`` without the leading ``@`` is also how an email
address is written, and people paste emails into handle lists. So it is read as a Mastodon
account only when something says it is one: the platform ``mastodon`` (``--platform
mastodon``, or a file's platform column or a column headed ``mastodon``, see
:mod:`staffpulse.connect.handle_files`), or a host that is plainly a fediverse server
(``mastodon.social``, ``fosstodon.org``, ``hachyderm.io``, any ``*.social``, ``mstdn.*`` ...;
:data:`FEDIVERSE_HOST_RE`). Otherwise it is refused with what to write instead
(``@user@host``). The leading ``@`` (Mastodon's own way of writing an account) or a profile
URL is enough on its own.

**Internationalized domains.** An instance may have a name in any script (``@anna@bücher.social``).
Its address is kept in the ASCII form Mastodon itself keys accounts by, the IDNA ("punycode")
one (``anna@xn--bcher-kva.social``, :func:`ascii_address`), so the account written either way,
typed or in an export, is one account. The user part stays ASCII, as Mastodon requires.
People are shown the Unicode form (:func:`display_address`).

**Accents people type.** No X handle and no Mastodon user name has an accent, so one written
with accents in a file (``@AgenceIntérim``, ``josé@mastodon.social``) can only mean the plain
one (:func:`plain_handle`): the account a CSV names so is the one the archive or the API
gives, not a second one.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from staffpulse.accents import strip_accents

PLATFORMS = ("x", "bluesky", "mastodon")
X_HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
DOMAIN_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}$"
)
MASTODON_USER_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
# The longest handle each platform allows: X 15 characters, a Bluesky handle is a domain name
# (253), a Mastodon address a name of 30 @ a domain. Longer than its platform's limit, and at
# least 253, is no handle at all (a post's text in the author column, say).
LONGEST_HANDLE = {"x": 15, "bluesky": 253, "mastodon": 30 + 1 + 253}
NO_LONGER_HANDLE = 253  # no handle of any platform is longer (Mastodon's name@domain aside)


def ascii_domain(domain: str) -> str:
    """``domain`` lower-cased, an internationalized one (``bücher.social``) in the ASCII form
    DNS and Mastodon use (``xn--bcher-kva.social``); ValueError when it has no such form."""
    lowered = domain.strip().lower()
    if lowered.isascii():
        return lowered
    try:
        # the standard library's IDNA 2003, as Mastodon's own (Ruby Addressable) normalizes
        return lowered.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"'{domain}' is not a domain name") from None


def ascii_address(handle: str) -> str:
    """``user@domain`` (or ``@user@domain``) with its domain as :func:`ascii_domain` writes it,
    so that one account is one key; any other handle, or a domain with no ASCII form, as is."""
    head, at, domain = handle.rpartition("@")
    if not at or not head.lstrip("@") or domain.isascii():
        return handle
    try:
        return f"{head}@{ascii_domain(domain)}"
    except ValueError:
        return handle


def display_address(handle: str) -> str:
    """``handle`` as people read it: a Mastodon address (or a Bluesky domain handle) on an
    internationalized domain in Unicode (``anna@xn--bcher-kva.social`` ->
    ``anna@bücher.social``), the inverse of :func:`ascii_address` for display only; keys stay
    ASCII. Any other handle, or a label that does not decode, as is."""
    if "xn--" not in handle.lower():
        return handle
    head, at, domain = handle.rpartition("@")
    if not at:
        head, domain = "", handle
    try:
        shown = domain.encode("ascii").decode("idna")
    except UnicodeError:
        return handle
    return f"{head}{at}{shown}"


def plain_handle(handle: str) -> str:
    """``handle`` as its platform can write it: an X name or a Mastodon user name without
    the accents neither may have (``AgenceIntérim`` -> ``AgenceInterim``), a domain (a Bluesky
    handle, a Mastodon instance) in its ASCII form (:func:`ascii_address`); case kept."""
    if handle.isascii():
        return handle
    head, at, domain = handle.rpartition("@")
    if at and head.lstrip("@"):
        return ascii_address(f"{strip_accents(head)}@{domain}")
    if "." in handle:  # a Bluesky handle: a domain name, IDNA like any other
        try:
            return ascii_domain(handle)
        except ValueError:
            return handle
    return strip_accents(handle)


def absurd_handle_length(platform: str) -> int:
    """Past this length a handle is no handle on ``platform`` (or on any, for a platform
    staffpulse does not know, such as a CSV's without a platform column)."""
    return max(NO_LONGER_HANDLE, LONGEST_HANDLE.get(platform, 0))


# hosts that are fediverse servers by their name; no email provider is named like this
FEDIVERSE_HOST_RE = re.compile(
    r"(^|\.)(mastodon|mstdn|masto|toot|fosstodon|hachyderm|infosec\.exchange|techhub\.social"
    r"|pleroma|akkoma|misskey|fedi|social)(\.|$)|\.social$"
)
# A Bluesky account's DID: the two methods atproto accepts (did:key and others name no account)
DID_RE = re.compile(r"did:(plc|web):[A-Za-z0-9._:%-]+\Z")
_X_HOSTS = {"x.com", "twitter.com"}
_BSKY_HOSTS = {"bsky.app"}
_HOST_PREFIXES = ("www.", "mobile.", "m.")
# First path segments of x.com pages that are not profiles (x.com/home, x.com/i/lists/1...)
_X_RESERVED = frozenset(
    {
        "compose", "explore", "hashtag", "home", "i", "intent", "login", "messages",
        "notifications", "privacy", "search", "settings", "share", "signup", "tos",
    }
)  # fmt: skip


def parse_handle(text: str, platform: str | None = None) -> tuple[str, str]:
    """``(platform, normalized handle)`` or ValueError with a message for the user."""
    value = text.strip().strip("\"'<>").strip()
    if not value:
        raise ValueError("empty handle")
    url = as_url(value)
    if url is not None:
        guessed, handle = _from_url(url, value)
    elif DID_RE.match(value):
        guessed, handle = "bluesky", value
    elif value.startswith("did:"):
        raise ValueError(f"'{value}' is not a Bluesky DID (did:plc:... or did:web:...)")
    else:
        bare = value.lstrip("@")
        if "@" in bare:
            user, _, domain = bare.partition("@")
            domain = _ascii_or_unchanged(domain)
            if not MASTODON_USER_RE.match(user) or not DOMAIN_RE.match(domain):
                raise ValueError(f"'{value}' is not a Mastodon address (user@instance)")
            named_server = FEDIVERSE_HOST_RE.search(domain) is not None
            if not value.startswith("@") and platform != "mastodon" and not named_server:
                _refuse_bare_address(value, platform)
            guessed, handle = "mastodon", f"{user.lower()}@{domain}"
        elif "." in bare:
            if not DOMAIN_RE.match(bare.lower()):
                raise ValueError(f"'{value}' is not a Bluesky handle (name.bsky.social)")
            guessed, handle = "bluesky", bare.lower()
        elif X_HANDLE_RE.match(bare) and platform == "mastodon":
            raise ValueError(f"'{value}' needs its instance on Mastodon: user@instance")
        elif X_HANDLE_RE.match(bare) and platform == "bluesky":
            guessed, handle = "bluesky", f"{bare.lower()}.bsky.social"
        elif X_HANDLE_RE.match(bare):
            guessed, handle = "x", bare.lower()
        elif platform == "bluesky":  # X's rule ("at most 15") says nothing of a Bluesky name
            raise ValueError(f"'{value}' is not a Bluesky handle (name.bsky.social)")
        else:
            raise ValueError(f"'{value}' is not a handle (letters, digits and _ only, at most 15)")
    if platform and guessed != platform:
        raise ValueError(f"'{value}' looks like a {guessed} handle, not {platform}")
    return guessed, handle


def _ascii_or_unchanged(domain: str) -> str:
    """:func:`ascii_domain`, or ``domain`` lower-cased when it has no ASCII form (the caller's
    check then refuses it with its own message)."""
    try:
        return ascii_domain(domain)
    except ValueError:
        return domain.lower()


def _refuse_bare_address(value: str, platform: str | None) -> None:
    """``user@host`` with nothing saying it is a Mastodon account: it may be an email."""
    if platform:
        # "looks like a mastodon handle" is what fetch's advice keys on
        raise ValueError(
            f"'{value}' looks like a mastodon handle (or an email address), not {platform}"
        )
    raise ValueError(
        f"'{value}' may be an email address: write a Mastodon account as @{value} "
        "(or give the platform: --platform mastodon, or a platform column)"
    )


def as_url(value: str) -> str | None:
    """``value`` as an http(s) URL when it is one, also without its scheme (``x.com/name``)."""
    if value.lower().startswith(("http://", "https://")):
        return value
    if value.startswith("@") or "/" not in value:
        return None
    host = value.split("/", 1)[0]
    # "user@instance/..." is no URL; a bare host followed by a path is one people paste
    if "@" in host or not DOMAIN_RE.match(_ascii_or_unchanged(host)):
        return None
    return "https://" + value


# An X name longer than X allows: a data set may hold one (import keeps it with a note)
_LONG_X_NAME_RE = re.compile(r"^[A-Za-z0-9_]{16,50}$")


def profile_url_name(value: str) -> tuple[str, str] | None:
    """``(platform, name)`` of an x.com or bsky.app profile address, the name as written
    whatever its shape (``https://x.com/brightpath_staff`` -> ``("x", "brightpath_staff")``,
    16 characters); None for another address. To find an account a store holds under a name
    :func:`parse_handle` refuses, not to check one."""
    url = as_url(value.strip())
    if url is None:
        return None
    parsed = urlparse(url)
    site = _site((parsed.hostname or "").lower())
    parts = [unquote(p) for p in parsed.path.split("/") if p]
    if site in _X_HOSTS and parts and parts[0].lower() not in _X_RESERVED:
        return "x", parts[0].removeprefix("@")
    if site in _BSKY_HOSTS and len(parts) >= 2 and parts[0] == "profile":
        return "bluesky", parts[1]
    return None


def _site(host: str) -> str:
    """``x.com`` for ``www.x.com`` or ``mobile.twitter.com`` -> ``twitter.com``."""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host[len(prefix) :] in _X_HOSTS | _BSKY_HOSTS:
            return host[len(prefix) :]
    return host


def _from_url(url: str, value: str) -> tuple[str, str]:
    parsed = urlparse(url)
    host = _ascii_or_unchanged(parsed.hostname or "")
    site = _site(host)
    parts = [unquote(p) for p in parsed.path.split("/") if p]
    if site in _X_HOSTS:
        name = parts[0].removeprefix("@") if parts else ""
        if _LONG_X_NAME_RE.match(name):  # a name, too long to be one X gives out
            raise ValueError(
                f"'{value}' names @{name}, which has {len(name)} characters: X handles have at "
                "most 15"
            )
        if not X_HANDLE_RE.match(name) or name.lower() in _X_RESERVED:
            raise ValueError(f"'{value}' is not an X profile URL (x.com/name)")
        return "x", name.lower()
    if site in _BSKY_HOSTS:
        if len(parts) < 2 or parts[0] != "profile":
            raise ValueError(f"'{value}' is not a Bluesky profile URL (bsky.app/profile/name)")
        return parse_handle(parts[1], "bluesky")
    if DOMAIN_RE.match(host) and parts:
        if parts[0].startswith("@") and len(parts[0]) > 1:
            user = parts[0][1:]
            # A remote profile as this instance shows it: /@user@home.instance
            return parse_handle(user if "@" in user else f"{user}@{host}", "mastodon")
        if parts[0] == "users" and len(parts) >= 2:  # the ActivityPub actor URL
            return parse_handle(f"{parts[1]}@{host}", "mastodon")
    raise ValueError(f"'{value}' is not a profile URL of X, Bluesky or Mastodon")
