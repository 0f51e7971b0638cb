"""Which stored account people named: the one reading of an account typed or pasted.

Every command and page that takes an account (``audit``, ``connect``, ``inbox --as``, the
dashboard's pickers) reads it here, so what works in one works in all:

* a handle or id: ``acmestaffing``, ``@acmestaffing``, ``name.bsky.social``,
  ``@user@instance``, ``did:plc:...``; the user part of a Mastodon handle alone when only one
  stored account has it; a bare name asked for on Bluesky as ``name.bsky.social`` (as
  ``add-handles`` reads it), when no account has the bare name itself;
* a profile address copied from a browser, in any form :func:`staffpulse.handles.parse_handle`
  reads: ``https://x.com/name``, ``x.com/name/status/1``,
  ``https://bsky.app/profile/name.bsky.social``, ``https://instance/@user``. The address names
  its platform, so a ``--platform`` that says otherwise is an error, not a silent other account;
* the dashboard pickers' ``@handle (platform)`` and the older ``platform:handle``;
* the display name of one stored account ("Mia Castellano"), when no handle is the text typed
  (:mod:`staffpulse.account_names`; a name several accounts share is refused with their handles).

Library code: a wrong reference raises :class:`~staffpulse.errors.InputError`, an account not
in the store :class:`~staffpulse.errors.NotFoundError`; the CLI and the web say them. An
account not found is told what is there instead (:func:`explain_missing_account`): the same
handle on another platform ("@acme is on X, not Bluesky: use --platform x"), or the closest
stored handles ("did you mean @acmestaffing (x)?"), since "import its posts first" sends
someone who made a typo to import what they already have. A customer of an anonymized
dataset (``twcs:913579``) has posts but no account: told so, with the brand it wrote to.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections.abc import Callable, Iterable

from staffpulse.account_names import StoredHandles, find_named_account
from staffpulse.account_ref_chars import unlike_any_handle
from staffpulse.authors import ANONYMIZED_PREFIXES, is_anonymized
from staffpulse.errors import InputError, NoSuchAccountError, NotFoundError
from staffpulse.handles import as_url, parse_handle, profile_url_name
from staffpulse.models import (
    NO_PLATFORM,
    PLATFORM_ALIASES,
    PLATFORMS,
    Account,
    Post,
    on_platform,
    platform_choice,
    platform_name,
)
from staffpulse.next_steps import (
    ACCOUNTS_LISTED,
    CHECK_SPELLING,
    LEAVE_PLATFORM_OUT,
    USE_CSV_PLATFORM,
    USE_PLATFORM,
)
from staffpulse.store import Store

# "@handle (platform)": a handle holds no space, so the last " (word)" is the platform, even
# after a handle with brackets of its own ("alert(5) (x)"); without the space only a platform
# a picker knows is taken for one ("mia(x)"), so that "alert(5)" stays a handle
_REF = re.compile(
    r"^@?(?P<handle>\S+?)(?:\s+\((?P<platform>[A-Za-z.]+)\)|\((?P<known>[A-Za-z.]+)\))?$"
)
# what a typed "platform:handle" may start with: a platform, or a spelling of one ("twitter")
_PREFIXES = frozenset((*PLATFORMS, *PLATFORM_ALIASES))
_URL_HINT = (
    "give the handle (@name, name.bsky.social, @user@instance) or the URL of a profile on "
    "x.com, bsky.app or a Mastodon instance"
)


def parse_account_ref(text: str) -> tuple[str, str | None]:
    """``(handle, platform or None)`` as typed, before any URL is read; ``("", None)`` when
    blank. A profile URL comes back whole (:func:`read_account_ref` reads it)."""
    value = " ".join(text.split())
    if not value:
        return "", None
    prefix, sep, rest = value.partition(":")
    if sep and prefix.lower() in _PREFIXES and rest and " " not in rest:
        return rest.lstrip("@"), prefix
    match = _REF.match(value)
    if match is None:
        return value.lstrip("@"), None  # find_account_ref says what is wrong with it
    handle, platform, known = match.group("handle", "platform", "known")
    if known is not None and known.lower() not in _PREFIXES:
        return f"{handle}({known})", None
    return handle, platform or known


_GIVE_ACCOUNT = "give its @handle, id or profile URL (staffpulse accounts lists the stored ones)"


def refuse_blank_account(text: str, purpose: str, *, hint: str = _GIVE_ACCOUNT) -> None:
    """Refuse a reference with nothing in it (``audit ''``, an empty shell variable in a
    script): it was told to import the account ''. ``purpose`` is what the command does with
    the one account ("audit grades one account"); ``hint`` what to give instead, where an
    option may also be left out (``--as``)."""
    if not text.strip().lstrip("@").strip():
        raise InputError(f"no account given: {purpose}", hint=hint)


def read_account_ref(text: str, platform: str | None = None) -> tuple[str, str | None]:
    """``(handle, platform or None)`` of a reference, a profile URL read into its handle and
    platform (``https://x.com/Acme`` -> ``("acme", "x")``), without looking in the store.

    ``platform`` is the one asked for (``--platform``, spelled as people do); it must agree
    with the one the reference names. Raises InputError for an address of no profile.
    """
    handle, named = parse_account_ref(text)
    wanted = _agreed(text, platform_choice(platform), platform_choice(named))
    if not handle or as_url(handle) is None:
        return handle, wanted
    try:
        found_platform, found = parse_handle(handle)
    except ValueError as exc:
        raise InputError(_not_a_profile(text.strip(), handle, str(exc)), hint=_URL_HINT) from None
    return found, _agreed(text, wanted, found_platform)


def _not_a_profile(text: str, handle: str, reason: str) -> str:
    """The refusal of an address, naming it once: the reason from ``parse_handle`` names it
    too (``'https://…' is not an X profile URL``), so its own mention is left out."""
    said = f"'{text}' is not a profile URL staffpulse reads"
    reason = reason.removeprefix(f"'{handle}' ")
    if reason == "is not a profile URL of X, Bluesky or Mastodon":
        return said  # the hint names the sites it reads
    return f"{said}: it {reason}"


def find_account_ref(
    store: Store,
    text: str,
    platform: str | None = None,
    use_platform: Callable[[str], str] | None = None,
    *,
    stored: StoredHandles | None = None,
    suggest: bool = True,
) -> Account:
    """The stored account ``text`` names (see the module docstring); ``platform`` narrows it.

    A Mastodon account's id may be its profile URL itself, so a URL is looked up as an id
    first, then read into its handle and platform. ``use_platform`` says how to ask for
    another platform where the reference was written (a cohort line has no ``--platform``;
    see :func:`explain_missing_account`, which ``stored`` and ``suggest`` are passed to).
    """
    use_platform = use_platform or use_platform_option
    handle, named = parse_account_ref(text)
    wanted = _agreed(text, platform_choice(platform), platform_choice(named))
    try:
        return store.find_account(handle, wanted)
    except NotFoundError as exc:
        if (on_bluesky := _bare_bluesky_name(store, handle, wanted)) is not None:
            return on_bluesky
        if as_url(handle) is None:
            # the firm's name typed for its handle (no handle matched, on no platform)
            if isinstance(exc, NoSuchAccountError) and (
                by_name := find_named_account(store, handle, wanted, stored)
            ):
                return by_name
            raise explain_missing_account(
                store, handle, wanted, exc, use_platform, stored=stored, suggest=suggest
            ) from None
    try:
        found, found_platform = read_account_ref(text, platform)
    except InputError:
        held = _held_under_url(store, handle, wanted, text)
        if held is None:
            raise
        return held
    try:
        return store.find_account(found, found_platform)
    except NotFoundError as exc:
        raise explain_missing_account(
            store, found, found_platform, exc, use_platform, stored=stored, suggest=suggest
        ) from None


def _bare_bluesky_name(store: Store, handle: str, wanted: str | None) -> Account | None:
    """``rita`` asked for on Bluesky is ``rita.bsky.social``, as add-handles reads it
    (:func:`staffpulse.handles.parse_handle`); None when that is not stored either."""
    if wanted != "bluesky" or "." in handle or as_url(handle) is not None:
        return None
    try:
        _platform, full = parse_handle(handle, "bluesky")
        return store.find_account(full, "bluesky")
    except (ValueError, NotFoundError):
        return None


def _held_under_url(store: Store, url: str, wanted: str | None, text: str) -> Account | None:
    """The stored account a profile address names when its name is one the platform would
    refuse (an X handle of 16 characters, kept by import with a note); None when not held."""
    loose = profile_url_name(url)
    if loose is None:
        return None
    try:
        return store.find_account(loose[1], _agreed(text, wanted, loose[0]))
    except NotFoundError:
        return None


def use_platform_option(platform: str) -> str:
    """How to ask for the account on ``platform`` instead: ``--platform csv`` said with what
    it means, as a user who imported a CSV without a platform column never wrote "csv"."""
    if platform == NO_PLATFORM:
        return USE_CSV_PLATFORM.say()
    return USE_PLATFORM.say(platform=platform)


# how close a stored handle must be to be offered ("ApexStafingOH" for "ApexStaffingOH")
_CLOSE_ENOUGH = 0.75
_MAX_SUGGESTIONS = 3
# the shortest part of a handle offered the handles containing it ("lindqvist"): a shorter one
# ("hr", "job") is in too many handles to say which was meant
_SHORTEST_PART = 4


def explain_missing_account(
    store: Store,
    handle: str,
    platform: str | None,
    error: NotFoundError,
    use_platform: Callable[[str], str] = use_platform_option,
    *,
    stored: StoredHandles | None = None,
    suggest: bool = True,
) -> NotFoundError:
    """``error`` (no account ``handle`` on ``platform``) told what the store holds instead:
    the handle on another platform (``use_platform(p)`` says how to ask for it), else the
    closest stored handles (unless ``suggest`` is False: each search compares the handle with
    every stored one), else the characters no handle has (:mod:`.account_ref_chars`).
    ``error`` itself when there is nothing better to say (or it is not a
    :class:`NoSuchAccountError`, e.g. a Mastodon user part that matches several accounts).
    ``stored``: the stored handles, when many lookups share them."""
    if not isinstance(error, NoSuchAccountError):
        return error
    norm = handle.strip().lstrip("@").lower()
    if not norm:
        return error
    customer = _anonymized_customer(store, norm, platform)
    if customer is not None:
        return customer
    pairs = (stored or StoredHandles(store)).pairs()
    if platform:
        same = {p: h for h, p in pairs if h.lower() == norm and p != platform}
        if same:
            elsewhere = sorted(same)
            # "from a CSV (no platform)", as staffpulse accounts says, not "on csv"
            where = " and ".join(on_platform(p) for p in elsewhere)
            return NoSuchAccountError(
                handle,
                platform,
                f"@{same[elsewhere[0]]} is {where}, not {platform_name(platform)}",
                hint=use_platform(elsewhere[0]),
                close=tuple((same[p], p) for p in elsewhere),
            )
    close = _closest(norm, pairs) if suggest else []
    # on the platform asked for when one is close there; else wherever they are
    close = [pair for pair in close if pair[1] == platform] or close
    if not close:  # a name no handle could be: said, the import hint only for a CSV's
        return unlike_any_handle(handle, platform, error) or error
    offered = " or ".join(f"@{h} ({p})" for h, p in close)
    return NoSuchAccountError(
        handle,
        platform,
        f"{error.message}: did you mean {offered}?",
        hint=CHECK_SPELLING.say(),
        close=tuple(close),
    )


def _anonymized_customer(
    store: Store, norm: str, platform: str | None
) -> NoSuchAccountError | None:
    """The error for a customer of an anonymized dataset (``twcs:913579``, or ``913579`` as
    the file's texts write it) whose posts are stored: "import its posts first" would send
    someone to import what is there; the dataset gave the person no account, by design
    (docs/formats.md, TWCS). None when ``norm`` is no such customer."""
    ids = [norm] if is_anonymized(norm) else []
    if norm.isdigit():
        ids += [prefix + norm for prefix in ANONYMIZED_PREFIXES]
    for platform_of in [platform] if platform else PLATFORMS:
        for author_id in ids:
            posts = store.posts_by(platform_of, author_id)
            if posts:
                return NoSuchAccountError(
                    norm,
                    platform,
                    f"'{author_id}' is an anonymized customer of a Customer Support on Twitter "
                    f"(TWCS) file: its {_posts(len(posts))} in the store, but the dataset names "
                    "customers only by a number, so there is no account behind it",
                    hint=_brand_hint(store, platform_of, posts),
                )
    return None


def _posts(count: int) -> str:
    return "post is" if count == 1 else f"{count:,} posts are"


def _brand_hint(store: Store, platform: str, posts: list[Post]) -> str:
    """Use the brand the customer wrote to (a reply's parent, or a mention) instead."""
    brands: list[str] = []
    for post in posts:
        named = [post.reply_to_account_id or "", *post.mentions]
        for ref in named:
            if not ref or is_anonymized(ref):
                continue
            account = store.get_account(platform, ref) or _stored(store, ref, platform)
            if account is not None and account.handle and f"@{account.handle}" not in brands:
                brands.append(f"@{account.handle}")
    listing = ACCOUNTS_LISTED.say()
    if not brands:
        return f"choose a brand of the file instead ({listing})"
    return f"choose the brand it wrote to instead, {' or '.join(brands[:2])} ({listing})"


def _stored(store: Store, handle: str, platform: str) -> Account | None:
    try:
        return store.find_account(handle, platform)
    except NotFoundError:
        return None


def _closest(norm: str, stored: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The stored (handle, platform) pairs nearest ``norm``, nearest first: a typo away, or the
    whole handle of a Bluesky or Mastodon name typed without its domain; else, with none of
    those, the shortest handles that contain ``norm``."""
    by_key: dict[str, list[tuple[str, str]]] = {}
    for handle, platform in stored:
        by_key.setdefault(handle.lower(), []).append((handle, platform))
        first = re.split(r"[.@]", handle.lower(), maxsplit=1)[0]
        if first != handle.lower():  # "brightsidetalent" for brightsidetalent.bsky.social
            by_key.setdefault(first, []).append((handle, platform))
    keys = _close_keys(norm, by_key)
    if not keys and len(norm) >= _SHORTEST_PART:
        # a part of a handle ("lindqvist" for ritalindqvist) is no typo, yet its account is
        # stored: "import its posts first" would send the user to import it again
        keys = sorted((k for k in by_key if norm in k), key=lambda k: (len(k), k))
    found: list[tuple[str, str]] = []
    for key in keys:
        found += [pair for pair in by_key[key] if pair not in found]
    return found[:_MAX_SUGGESTIONS]


def _close_keys(norm: str, keys: Iterable[str]) -> list[str]:
    """``difflib.get_close_matches``, save that two handles on the same server are compared by
    the part before it: "nobody.bsky.social" is not a typo of "monday.bsky.social" because
    both end in ".bsky.social" (a likeness of 0.83), while "mondy.bsky.social" still is."""
    server = _server_of(norm)
    scored: list[tuple[float, str]] = []
    matcher = difflib.SequenceMatcher()
    for key in keys:
        shared = bool(server) and key.endswith(server) and len(key) > len(server)
        typed, held = (norm[: -len(server)], key[: -len(server)]) if shared else (norm, key)
        matcher.set_seqs(held, typed)
        if (
            matcher.real_quick_ratio() >= _CLOSE_ENOUGH
            and matcher.quick_ratio() >= _CLOSE_ENOUGH
            and (likeness := matcher.ratio()) >= _CLOSE_ENOUGH
        ):
            scored.append((likeness, key))
    return [key for _, key in heapq.nlargest(_MAX_SUGGESTIONS, scored)]


def _server_of(norm: str) -> str:
    """The server part of a handle, with its separator: ".bsky.social" of
    "name.bsky.social", "@hr.social" of "jane@hr.social"; "" for an X handle."""
    found = re.search(r"[.@]", norm)
    return norm[found.start() :] if found and found.start() > 0 else ""


def _agreed(text: str, asked: str | None, named: str | None) -> str | None:
    """The platform of a reference: the one asked for and the one it names must agree."""
    if asked and named and asked != named:
        raise InputError(
            f"'{text.strip()}' names {platform_name(named, article=True)} account, "
            f"not {platform_name(asked, article=True)} one",
            hint=LEAVE_PLATFORM_OUT.say(name=platform_name(asked)),
        )
    return asked or named
