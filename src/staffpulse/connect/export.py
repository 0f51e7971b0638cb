"""Export suggestions to files that the platforms (or list tools) import.

Formats (``docs/connect.md`` documents each):

``csv``
    One row per suggestion with a header: ``rank,tied_with,platform,handle,id,display_name,role,
    role_id,score,personal_posts_pct,replies_pct,url,explanation``, RFC 4180 (CRLF line ends), written
    as UTF-8 with a byte order mark (Excel on Windows reads a file without one in the local code page:
    "José" would show as "JosÃ©").
    Names, bios and explanations come from strangers' profiles and the file is opened in
    spreadsheets, so a cell that a spreadsheet would run as a formula (one starting with
    ``= + - @``, a tab or a carriage return) gets a leading ``'`` (OWASP's CSV injection
    advice), and ``url`` holds only http(s) addresses (an X account without a stored one gets
    its ``https://x.com/handle``, or ``https://x.com/i/user/ID`` when only its id is known).
    ``handle`` is empty for an account known only by its id; ``id`` is always there, with the
    same ``'`` when it is all digits, since a spreadsheet would turn a 19-digit X id into a
    number and lose its last digits. ``role`` is the role as the terminal and the web write it
    (``HR pro``, ``staffing firm``: the reader of a spreadsheet is a person), ``role_id`` the
    machine name that ``--json`` and ``--role`` use (``hr_pro``, for scripts); both are empty
    when no role is known. Equal scores (the terminal's ``=2``) share one whole-number ``rank``
    (1, 2, 2, 2, 5, as the benchmark's CSV) and ``tied_with`` counts the other accounts of the
    file that share it (0 when none; as ``--json``): ``=2`` would be read by a spreadsheet as a formula, and as text
    it would sort apart from the numbers.
``x-list``
    Plain UTF-8 text, one ``@handle`` per line, no header. X has no official list import; this
    is the lowest common denominator that list tools and browser extensions accept (and that a
    person can paste).
``bluesky-handles``
    The Bluesky accounts to follow by hand, for a person: a spreadsheet CSV (as ``csv``: UTF-8
    with a byte order mark, CRLF, formula-safe cells) with the header
    ``handle,display_name,profile_link,role,why``; ``profile_link`` is
    ``https://bsky.app/profile/`` and the handle in lower case, else the DID, as ``csv``'s
    ``url`` when no address is stored
    (:func:`~staffpulse.connect.suggestion.bluesky_profile_link`); an account with neither is
    skipped. Bluesky's app has no list import, so this is what a marketer can use (open each link, press Follow).
``bluesky-list``
    For scripts, not for the app (which cannot import it): JSON with the ``app.bsky.graph.list`` record to create (a curation list) and one
    ``app.bsky.graph.listitem`` record per account, each with its record key, ready for
    ``com.atproto.repo.applyWrites`` (``{"list": {"uri", "rkey", "record"}, "items": [{"rkey",
    "handle", "record"}], "handles", "unresolved"}``).
    A list item's ``subject`` must be a DID, so Bluesky accounts whose id is not a DID are
    listed under ``unresolved`` with their handles; ``handles`` lists every Bluesky handle
    (starter-pack style). A list name longer than the lexicon's 64 characters is cut, and a
    note says so.
``mastodon-list``
    Mastodon's own Lists CSV (Settings > Import and export): rows ``List name,Account address``
    without a header, exactly as Mastodon exports it; Mastodon's importer also accepts it.
``mastodon-follows``
    Mastodon's following-list CSV with its header
    ``Account address,Show boosts,Notify on new posts,Languages``.

Mastodon needs a full address ``user@instance``: it comes from the handle when it has one,
else from the account URL; accounts with neither are skipped and reported.

Every platform format takes only that platform's accounts (an X list of Bluesky handles is
useless); the others are skipped with a reason. No format is meaningful empty (an empty list,
or a CSV with only its header, imports nothing), so :func:`check_exportable` refuses an export
that wrote no account; callers decide whether to write it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import urlparse

# Re-exported: the Bluesky formats and the result type live apart (this module's size)
from staffpulse.connect.export_bluesky import BLUESKY_LIST_NAME_MAX as BLUESKY_LIST_NAME_MAX
from staffpulse.connect.export_bluesky import tid as tid
from staffpulse.connect.export_bluesky import to_bluesky_handles
from staffpulse.connect.export_bluesky import to_bluesky_list as to_bluesky_list
from staffpulse.connect.export_result import DEFAULT_LIST_NAME as DEFAULT_LIST_NAME
from staffpulse.connect.export_result import NO_HANDLE as NO_HANDLE
from staffpulse.connect.export_result import ExportResult as ExportResult
from staffpulse.connect.export_result import not_for_platform
from staffpulse.connect.handles import DOMAIN_RE, MASTODON_USER_RE, X_HANDLE_RE
from staffpulse.connect.score_text import given_score
from staffpulse.connect.suggest import Suggestion, SuggestReport
from staffpulse.connect.ties import shared_ranks
from staffpulse.errors import InputError
from staffpulse.models import NO_PLATFORM, platform_name
from staffpulse.next_steps import CSV_KEEPS_ALL, USE_EXPORT
from staffpulse.output_files import Writes, check_output, write_output
from staffpulse.report.spreadsheet import CSV_ENCODING, spreadsheet_safe, spreadsheet_text

FORMATS = ("csv", "x-list", "bluesky-handles", "bluesky-list", "mastodon-list", "mastodon-follows")
FORMATS_FOR = {
    "x": ("x-list",),
    "bluesky": ("bluesky-handles", "bluesky-list"),
    "mastodon": ("mastodon-list", "mastodon-follows"),
}
"""The platform formats that fit each platform's accounts (``csv`` fits every one)."""
LIST_FORMATS = ("bluesky-list", "mastodon-list")  # the formats that name their list
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")
CSV_COLUMNS = (
    "rank",
    "tied_with",  # how many other accounts share the rank: "=2" in the terminal
    "platform",
    "handle",
    "id",
    "display_name",
    "role",
    "role_id",
    "score",
    # shares of the candidate's last posts, named for what they are: not the audit's Voice
    # and Conversation pillar scores (empty when too few posts to judge, as the text says)
    "personal_posts_pct",
    "replies_pct",
    "url",
    "explanation",
)


def check_exportable(
    result: ExportResult, platform: str | None = None, empty_hint: str | None = None
) -> None:
    """Raise :class:`InputError` when the export holds no account (nothing worth writing).

    ``platform`` is the platform of the suggestions, to name the formats that would fit;
    ``empty_hint`` is what to do when there were no suggestions at all.
    """
    if result.written:
        return
    if not result.skipped:
        raise InputError(
            f"nothing to export as {result.format}: there are no suggestions",
            hint=empty_hint or "import more of the conversations around the account",
        )
    listed = "; ".join(f"{n} × {why}" for why, n in result.skip_reasons().items())
    fits = FORMATS_FOR.get(platform or "", ())
    if platform == NO_PLATFORM:
        hint = (
            "for a platform's list, give the CSV a platform column (x, bluesky or mastodon) "
            f"and import it again; to keep them as they are, {USE_EXPORT.say(formats='csv')}"
        )
    elif fits and result.format not in fits:
        name = platform_name(platform or "")
        hint = f"these are {name} accounts: " + USE_EXPORT.say(formats=" or ".join([*fits, "csv"]))
    elif result.format == "bluesky-list":
        # the DIDs come with a fetch; the handles export needs none, and a person uses it
        hint = (
            "list records need each account's DID, known once the account is fetched; to "
            f"follow them by hand, {USE_EXPORT.say(formats='bluesky-handles or csv')}"
        )
    else:
        hint = f"{CSV_KEEPS_ALL.say()} suggestion, whatever its platform or handle"
    raise InputError(
        f"nothing to export as {result.format}: every suggestion was skipped ({listed})",
        hint=hint,
    )


def export_suggestions(
    suggestions: Sequence[Suggestion],
    fmt: str,
    *,
    list_name: str = DEFAULT_LIST_NAME,
    owner: str | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Render suggestions in ``fmt`` (one of :data:`FORMATS`). ``owner``: the list owner's DID."""
    renderers: dict[str, Callable[[], ExportResult]] = {
        "csv": lambda: to_csv(suggestions),
        "x-list": lambda: to_x_list(suggestions),
        "bluesky-handles": lambda: to_bluesky_handles(suggestions),
        "bluesky-list": lambda: to_bluesky_list(suggestions, list_name, owner, now),
        "mastodon-list": lambda: to_mastodon_list(suggestions, list_name),
        "mastodon-follows": lambda: to_mastodon_follows(suggestions),
    }
    check_format(fmt)
    if fmt in LIST_FORMATS:
        list_name = check_list_name(list_name)
    return renderers[fmt]()


def check_list_name(name: str) -> str:
    """The list name on one line, its spaces squeezed (a Mastodon or Bluesky list name is one
    line); :class:`InputError` when nothing is left, as neither platform takes a nameless list."""
    squeezed = " ".join(name.split())
    if not squeezed:
        raise InputError(
            "--list-name is empty: Bluesky and Mastodon lists need a name",
            hint=f"give one, e.g. --list-name 'Recruiters to follow' (default: {DEFAULT_LIST_NAME})",
        )
    return squeezed


def check_format(fmt: str) -> None:
    """Raise :class:`InputError` naming the formats when ``fmt`` is none of them; worth
    calling before ranking, as a typo is the first thing to fix."""
    if fmt not in FORMATS:
        # "xlist", "CSV", "mastodon_list": the format meant, but never "xls" for x-list
        close = get_close_matches(fmt.lower().replace("_", "-"), FORMATS, n=1, cutoff=0.8)
        guess = f": did you mean {close[0]}?" if close else ""
        raise InputError(
            f"unknown export format '{fmt}'{guess}", hint="choose one of: " + ", ".join(FORMATS)
        )


def export_report(
    report: SuggestReport,
    fmt: str,
    *,
    list_name: str = DEFAULT_LIST_NAME,
    now: datetime | None = None,
) -> ExportResult:
    """The report's suggestions in ``fmt``, refused like :func:`check_exportable` when no
    account would be written. A Bluesky list is owned by the ranked account when its id is
    a DID (the list records name their owner)."""
    account = report.account
    owner = account.id if account.id.startswith("did:") else None
    # "this month" in a file read months later is another month: the ranking date is said
    dated = [replace(s, reasons=s.reasons.dated(report.as_of)) for s in report.suggestions]
    result = export_suggestions(dated, fmt, list_name=list_name, owner=owner, now=now)
    # its error counts the reasons, so the caller lists skipped accounts only when some were
    # written
    check_exportable(result, account.platform, empty_hint=report.next_step)
    return result


# the endings a file of each format may have (the first is offered): a name that says another
# kind of file (``--export csv --output list.html``) is refused before the ranking
_TEXT_ENDINGS = (".txt", ".csv", ".tsv")
_CSV_ENDINGS = (".csv", ".tsv", ".txt")
_ENDINGS = {"x-list": _TEXT_ENDINGS, "bluesky-list": (".json",)}


def check_export_output(fmt: str, path: Path | None) -> None:
    """Refuse an ``--output`` path that the export of ``fmt`` cannot be written to, or whose
    name says another kind of file, as audit and benchmark check theirs: before the ranking,
    so that the run is not wasted. None (printed) passes."""
    kind = "JSON" if fmt == "bluesky-list" else "text" if fmt == "x-list" else "CSV"
    writes = Writes(
        f"{kind} for --export {fmt}",
        _ENDINGS.get(fmt, _CSV_ENDINGS),
        "or choose the --export format that file is for",
    )
    check_output(path, "--output", writes)


def write_export(result: ExportResult, path: Path) -> None:
    check_export_output(result.format, path)
    write_output(path, result.data(), "--output")


def to_csv(suggestions: Sequence[Suggestion]) -> ExportResult:
    buffer = io.StringIO()
    # RFC 4180's CRLF: the writer then also quotes a cell holding a lone carriage return,
    # which would otherwise end the row early in a spreadsheet
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    # a run of equal scores shares the rank of its first ("=2" in the terminal), a whole
    # number a spreadsheet sorts by; 2, 3 ... 57 read as better and worse accounts
    for s, (rank, tied_with) in zip(suggestions, shared_ranks(suggestions), strict=True):
        writer.writerow(
            [
                rank,
                tied_with,
                spreadsheet_safe(s.platform),
                # an account known only by its id has no handle: the id is not one
                spreadsheet_text(s.handle) if s.handle_known else "",
                spreadsheet_text(s.account_id),
                spreadsheet_safe(s.display_name),
                # "role unknown" as the line says it, not an empty cell (role_id stays empty)
                spreadsheet_safe(s.role_cell),
                spreadsheet_safe(s.role or ""),
                given_score(s.score),  # the figure the terminal shows; 0.00047 for <0.1
                *_judged_shares(s),
                s.link,
                spreadsheet_safe(s.explanation),
            ]
        )
    return ExportResult("csv", buffer.getvalue(), len(suggestions), encoding=CSV_ENCODING)


def _judged_shares(s: Suggestion) -> tuple[int | str, int | str]:
    """The personal and reply shares for the CSV: empty where unknown, or read from too few
    posts to judge (:attr:`Suggestion.voice_judged`, as ``--json`` gives them null)."""
    if not s.voice_judged:
        return "", ""
    return ("" if s.voice is None else s.voice), ("" if s.conversation is None else s.conversation)


def to_x_list(suggestions: Sequence[Suggestion]) -> ExportResult:
    lines: list[str] = []
    skipped: list[str] = []
    for s in suggestions:
        handle = s.handle.lstrip("@")
        if s.platform != "x":
            skipped.append(f"{s.label}: {not_for_platform(s.platform, 'x')}")
        elif not s.handle_known:
            skipped.append(f"{s.label}: {NO_HANDLE}")
        elif not X_HANDLE_RE.match(handle):
            skipped.append(f"{s.label}: not a valid X handle (1-15 letters, digits or _)")
        else:
            lines.append("@" + handle)
    return ExportResult("x-list", "".join(line + "\n" for line in lines), len(lines), skipped)


def mastodon_address(handle: str, url: str | None) -> str | None:
    """``user@instance`` from a handle (``@user@instance``) or, failing that, the profile URL.

    None when neither gives a well-formed address (Mastodon's importer rejects the file's
    malformed rows, so they are better reported here).
    """
    bare = handle.strip().lstrip("@")
    if "@" in bare:
        user, _, domain = bare.partition("@")
    elif url:
        user, domain = bare, (urlparse(url).hostname or "")
    else:
        return None
    domain = domain.lower()
    if not MASTODON_USER_RE.match(user) or not DOMAIN_RE.match(domain):
        return None
    return f"{user}@{domain}"


def _why_no_address(handle: str, url: str | None) -> str:
    """Why an account has no Mastodon address: no instance is known for it, or the one known
    makes no address Mastodon's importer takes (``max@localhost:3000``, a test server's)."""
    if "@" in handle.strip().lstrip("@") or url:
        return "not an address Mastodon can import (user@instance, the instance a domain name)"
    return "no instance known for a Mastodon address"


def _addresses(suggestions: Sequence[Suggestion]) -> tuple[list[str], list[str]]:
    found: list[str] = []
    skipped: list[str] = []
    for s in suggestions:
        if s.platform != "mastodon":
            # An X or Bluesky profile URL would otherwise pass as an instance (rita@x.com).
            skipped.append(f"{s.label}: {not_for_platform(s.platform, 'mastodon')}")
            continue
        address = mastodon_address(s.handle, s.url) if s.handle_known else None
        if not s.handle_known:
            skipped.append(f"{s.label}: {NO_HANDLE}")
        elif address is None:
            skipped.append(f"@{s.handle}: {_why_no_address(s.handle, s.url)}")
        else:
            found.append(address)
    return found, skipped


def to_mastodon_list(
    suggestions: Sequence[Suggestion], list_name: str = DEFAULT_LIST_NAME
) -> ExportResult:
    addresses, skipped = _addresses(suggestions)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for address in addresses:
        writer.writerow([list_name, address])
    return ExportResult("mastodon-list", buffer.getvalue(), len(addresses), skipped)


def to_mastodon_follows(suggestions: Sequence[Suggestion]) -> ExportResult:
    addresses, skipped = _addresses(suggestions)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Account address", "Show boosts", "Notify on new posts", "Languages"])
    for address in addresses:
        writer.writerow([address, "true", "false", ""])
    return ExportResult("mastodon-follows", buffer.getvalue(), len(addresses), skipped)
